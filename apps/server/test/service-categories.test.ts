import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { api } from './support/catalog';
import { createService, openCatalogWorld, type Catalog, type Tenant } from './support/catalog';
import type { TestApp } from './support/test-app';

let t: TestApp;
let tenant: Tenant;
let http: ReturnType<typeof api>;
let cat: Catalog;
let theirs: Catalog;
let loc: number;

beforeAll(async () => {
  ({ t, http, tenant, loc, cat, theirs } = await openCatalogWorld());
  await createService(t, loc, tenant.owner, {
    title: 'Cut',
    category_id: cat.categoryId,
    staff: [{ id: cat.anna.id }],
  });
});
afterAll(() => t.close());

const titles = async () => {
  const res = await http.get(`/company/${loc}/service_categories`, tenant.owner);
  return (res.body.data as { title: string }[]).map((c) => c.title);
};

describe('GET service categories', () => {
  it('lists categories with the members of their services (user token)', async () => {
    const res = await http.get(`/company/${loc}/service_categories`, tenant.staff);
    expect(res.status).toBe(200);
    expect(res.body.meta).toMatchObject({ total_count: expect.any(Number) });
    const hair = res.body.data.find((c: { id: number }) => c.id === cat.categoryId);
    expect(hair).toEqual({
      id: cat.categoryId,
      salon_service_id: cat.categoryId,
      title: 'Hair',
      is_chain: false,
      api_id: '',
      weight: 5,
      staff: [cat.anna.id],
    });
    const ids = res.body.data.map((c: { id: number }) => c.id);
    expect(ids).not.toContain(theirs.categoryId);
  });

  it('filters by staff_id and returns one category on every path', async () => {
    const byBen = await http.get(
      `/locations/${loc}/service_categories?staff_id=${cat.ben.id}`,
      tenant.owner,
    );
    expect(byBen.body.data).toEqual([]);
    for (const [url, who] of [
      [`/company/${loc}/service_categories/${cat.categoryId}`, tenant.staff],
      [`/locations/${loc}/service_categories/${cat.categoryId}`, tenant.staff],
      [`/service_category/${loc}/${cat.categoryId}`, null],
      [`/service_categories/${loc}/${cat.categoryId}`, null],
    ] as const) {
      const res = await http.get(url, who);
      expect(res.status, url).toBe(200);
      expect(res.body.meta).toEqual([]);
      expect(res.body.data).toMatchObject({ id: cat.categoryId, title: 'Hair' });
    }
    const deprecated = await http.get(`/service_categories/${loc}`, null);
    expect(deprecated.body.meta).toEqual([]);
    expect(deprecated.body.data.map((c: { id: number }) => c.id)).toContain(cat.categoryId);
  });

  it('is 404 for an unknown id, another location’s category and an unknown location', async () => {
    expect((await http.get(`/company/${loc}/service_categories/999999`, tenant.owner)).status).toBe(
      404,
    );
    expect((await http.get(`/service_category/${loc}/${theirs.categoryId}`, null)).status).toBe(
      404,
    );
    expect((await http.get('/service_categories/999999', null)).status).toBe(404);
  });

  it('is 400 for a bad query, 401 without a token, 403 for another chain’s user', async () => {
    const res = await http.get(`/company/${loc}/service_categories?staff_id=x`, tenant.owner);
    expect(res.status).toBe(400);
    expect(res.body.meta.errors).toHaveProperty('staff_id');
    expect((await http.get(`/company/${loc}/service_categories`, null)).status).toBe(401);
    expect((await http.anonymous('GET', `/service_category/${loc}/${cat.categoryId}`)).status).toBe(
      401,
    );
    expect((await http.get(`/company/${loc}/service_categories`, tenant.outsider)).status).toBe(
      403,
    );
  });
});

describe('category 0: the root level', () => {
  it('lists every category of the location (one level), on the user and the partner paths', async () => {
    const all = await http.get(`/company/${loc}/service_categories`, tenant.owner);
    const root = await http.get(`/company/${loc}/service_categories/0`, tenant.owner);
    expect(root.status).toBe(200);
    expect(root.body).toEqual(all.body);
    expect(root.body.data.map((c: { id: number }) => c.id)).toContain(cat.categoryId);
    const partner = await http.get(`/service_categories/${loc}/0`, null);
    expect(partner.status).toBe(200);
    expect(partner.body.meta).toEqual([]);
    expect(partner.body.data).toEqual(all.body.data);
  });
});

describe('GET /company/{company_id}/booking_forms', () => {
  it("answers the location's one booking form, also listed on the company", async () => {
    const res = await http.get(`/company/${loc}/booking_forms`, tenant.staff);
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0]).toMatchObject({ id: loc, is_default: true, service_step_num: 1 });
    const company = await http.get(`/company/${loc}`, null);
    expect(company.body.data.bookforms).toEqual([
      { id: loc, title: res.body.data[0].title, is_default: 1, url: '' },
    ]);
    expect(
      (await http.get(`/company/${tenant.otherLocation.id}/booking_forms`, tenant.owner)).status,
    ).toBe(403);
  });
});

describe('POST /service_categories/{company_id}', () => {
  it('creates a category (201), ignoring the derived staff list', async () => {
    const res = await http.post(`/service_categories/${loc}`, tenant.admin, {
      title: 'Nails',
      api_id: 'n-1',
      weight: 2,
      staff: [cat.anna.id],
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toEqual({
      id: expect.any(Number),
      salon_service_id: res.body.data.id,
      title: 'Nails',
      is_chain: false,
      api_id: 'n-1',
      weight: 2,
      staff: [],
    });
    const canonical = await http.post(`/locations/${loc}/service_categories`, tenant.owner, {
      title: 'Spa',
    });
    expect(canonical.status).toBe(201);
    expect(await titles()).toEqual(expect.arrayContaining(['Nails', 'Spa']));
  });

  it('is 422 naming title when missing or empty, writing nothing', async () => {
    for (const body of [{ weight: 1 }, { title: '' }, { title: '   ' }]) {
      const before = await titles();
      const res = await http.post(`/service_categories/${loc}`, tenant.owner, body);
      expect(res.status).toBe(422);
      expect(res.body.meta.errors).toHaveProperty('title');
      expect(await titles()).toEqual(before);
    }
  });

  it('is 401, 403 (staff role, other chain) and 404 (unknown location)', async () => {
    const body = { title: 'Blocked' };
    expect((await http.post(`/service_categories/${loc}`, null, body)).status).toBe(401);
    expect((await http.post(`/service_categories/${loc}`, tenant.staff, body)).status).toBe(403);
    expect((await http.post(`/service_categories/${loc}`, tenant.outsider, body)).status).toBe(403);
    expect((await http.post('/service_categories/999999', tenant.owner, body)).status).toBe(404);
    expect(await titles()).not.toContain('Blocked');
  });
});

describe('PUT and DELETE /service_category/{company_id}/{id}', () => {
  it('updates partially (200) and deletes an empty category (204)', async () => {
    const created = await http.post(`/service_categories/${loc}`, tenant.owner, {
      title: 'Temp',
      weight: 1,
    });
    const id = created.body.data.id as number;
    const put = await http.put(`/service_category/${loc}/${id}`, tenant.admin, { weight: 9 });
    expect(put.status).toBe(200);
    expect(put.body.data).toMatchObject({ title: 'Temp', weight: 9 });
    const patch = await http.patch(`/locations/${loc}/service_categories/${id}`, tenant.owner, {
      title: 'Temp 2',
    });
    expect(patch.body.data).toMatchObject({ title: 'Temp 2', weight: 9 });
    expect((await http.del(`/service_category/${loc}/${id}`, tenant.admin)).status).toBe(204);
    expect((await http.get(`/company/${loc}/service_categories/${id}`, tenant.owner)).status).toBe(
      404,
    );
    expect((await http.del(`/service_category/${loc}/${id}`, tenant.admin)).status).toBe(404);
  });

  it('is 409 deleting a category that still holds services, keeping it', async () => {
    const res = await http.del(`/service_category/${loc}/${cat.categoryId}`, tenant.owner);
    expect(res.status).toBe(409);
    expect(await titles()).toContain('Hair');
  });

  it('is 422 for an empty title or empty body, changing nothing', async () => {
    const url = `/service_category/${loc}/${cat.categoryId}`;
    for (const body of [{ title: '' }, {}]) {
      expect((await http.put(url, tenant.owner, body)).status).toBe(422);
    }
    expect(await titles()).toContain('Hair');
  });

  it('is 404 for another location’s category, 401 and 403 otherwise', async () => {
    const foreign = `/service_category/${loc}/${theirs.categoryId}`;
    expect((await http.put(foreign, tenant.owner, { title: 'Mine now' })).status).toBe(404);
    expect((await http.del(foreign, tenant.owner)).status).toBe(404);
    const mine = `/service_category/${loc}/${cat.categoryId}`;
    expect((await http.put(mine, null, { title: 'x' })).status).toBe(401);
    expect((await http.put(mine, tenant.staff, { title: 'x' })).status).toBe(403);
    expect((await http.del(mine, tenant.outsider)).status).toBe(403);
    const still = await http.get(
      `/company/${tenant.otherLocation.id}/service_categories/${theirs.categoryId}`,
      tenant.outsider,
    );
    expect(still.body.data.title).toBe('Hair');
    expect(await titles()).toContain('Hair');
  });
});
