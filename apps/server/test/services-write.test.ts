import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { api } from './support/catalog';
import {
  createService,
  openCatalogWorld,
  serviceTitles,
  type Catalog,
  type Tenant,
} from './support/catalog';
import type { TestApp } from './support/test-app';

let t: TestApp;
let tenant: Tenant;
let http: ReturnType<typeof api>;
let cat: Catalog;
let theirs: Catalog;
let loc: number;

beforeAll(async () => ({ t, http, tenant, loc, cat, theirs } = await openCatalogWorld()));
afterAll(() => t.close());

describe('POST /services/{company_id}', () => {
  it('creates a service with members, resources and the YCLIENTS field names (201)', async () => {
    const res = await http.post(`/services/${loc}`, tenant.admin, {
      title: 'Balayage',
      category_id: cat.categoryId,
      price_min: 120,
      price_max: 180,
      discount: 10,
      comment: 'long hair extra',
      weight: 3,
      duration: 5400,
      active: 1,
      api_id: 'ext-7',
      staff: [{ id: cat.anna.id, seance_length: 7200, price: 200 }],
      resources: [cat.resourceId],
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      title: 'Balayage',
      category_id: cat.categoryId,
      price_min: 120,
      price_max: 180,
      discount: 10,
      duration: 5400,
      api_id: 'ext-7',
      staff: [{ id: cat.anna.id, seance_length: 7200, technological_card_id: 0, price: 200 }],
      resources: [cat.resourceId],
    });
    const read = await http.get(`/company/${loc}/services/${res.body.data.id}`, tenant.staff);
    expect(read.body.data).toEqual(res.body.data);
  });

  it('defaults to one hour, online, and a maximum price equal to the minimum', async () => {
    const res = await http.post(`/locations/${loc}/services`, tenant.owner, {
      title: 'Trim',
      price_min: 25,
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      duration: 3600,
      active: 1,
      price_min: 25,
      price_max: 25,
      category_id: 0,
      staff: [],
      resources: [],
    });
  });

  it('accepts the aliases: null member duration, service_type, api_service_id', async () => {
    const res = await http.post(`/services/${loc}`, tenant.owner, {
      title: 'Aliases',
      seance_length: 1500,
      service_type: 0,
      api_service_id: 1234,
      staff: [{ id: cat.ben.id, seance_length: null, price: null }],
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      active: 0,
      is_online: false,
      api_id: '1234',
      api_service_id: 1234,
      staff: [{ id: cat.ben.id, seance_length: 1500, technological_card_id: 0, price: null }],
    });
  });

  it.each([
    ['price_max', { price_min: 50, price_max: 40 }],
    ['seance_length', { seance_length: 1000 }],
    ['seance_length', { seance_length: 0 }],
    ['duration', { duration: 310 }],
    ['title', { title: '' }],
    ['discount', { discount: 120 }],
    ['price_min', { price_min: -1 }],
    ['staff.0.id', { staff: [{ id: 0 }] }],
  ])('is 422 naming %s and writes nothing', async (field, patch) => {
    const title = `Bad ${field} ${JSON.stringify(patch)}`;
    const res = await http.post(`/services/${loc}`, tenant.owner, { title, ...patch });
    expect(res.status).toBe(422);
    if (field === 'staff.0.seance_length')
      expect(res.body.meta.errors).toHaveProperty('staff.0.id');
    else expect(res.body.meta.errors).toHaveProperty(field);
    expect(await serviceTitles(t, loc, tenant.owner)).not.toContain(title);
  });

  it('is 422 for a member duration off the 5-minute grid', async () => {
    const res = await http.post(`/services/${loc}`, tenant.owner, {
      title: 'Odd member',
      staff: [{ id: cat.anna.id, seance_length: 1234 }],
    });
    expect(res.status).toBe(422);
    expect(res.body.meta.errors).toHaveProperty(['staff.0.seance_length']);
    expect(await serviceTitles(t, loc, tenant.owner)).not.toContain('Odd member');
  });

  it('is 422 naming the field for another location’s category, member or resource', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['category_id', { category_id: theirs.categoryId }],
      ['staff.1.id', { staff: [{ id: cat.anna.id }, { id: theirs.anna.id }] }],
      ['staff.1.id', { staff: [{ id: cat.anna.id }, { id: cat.anna.id }] }],
      ['resources.0', { resources: [theirs.resourceId] }],
    ];
    for (const [field, patch] of cases) {
      const title = `Cross ${field}`;
      const res = await http.post(`/services/${loc}`, tenant.owner, { title, ...patch });
      expect(res.status, field).toBe(422);
      expect(res.body.meta.errors).toHaveProperty([field]);
      expect(await serviceTitles(t, loc, tenant.owner)).not.toContain(title);
    }
  });

  it('is 401 without a user, 403 for staff role and another chain’s user, 404 unknown location', async () => {
    const body = { title: 'Nope' };
    expect((await http.post(`/services/${loc}`, null, body)).status).toBe(401);
    expect((await http.post(`/services/${loc}`, tenant.staff, body)).status).toBe(403);
    expect((await http.post(`/services/${loc}`, tenant.outsider, body)).status).toBe(403);
    expect((await http.post('/services/999999', tenant.owner, body)).status).toBe(404);
    expect(await serviceTitles(t, loc, tenant.owner)).not.toContain('Nope');
  });
});

describe('PATCH /company/{company_id}/services/{service_id} and PUT /services/...', () => {
  it('changes only the fields sent; staff and resources replace their lists', async () => {
    const s = await createService(t, loc, tenant.owner, {
      title: 'Shave',
      price_min: 20,
      price_max: 30,
      staff: [{ id: cat.anna.id }],
      resources: [cat.resourceId],
    });
    const res = await http.patch(`/company/${loc}/services/${s.id}`, tenant.admin, {
      price_max: 35,
      staff: [{ id: cat.ben.id, seance_length: 1800 }],
      resources: [],
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      title: 'Shave',
      price_min: 20,
      price_max: 35,
      staff: [{ id: cat.ben.id, seance_length: 1800, price: null }],
      resources: [],
    });
    const put = await http.put(`/services/${loc}/${s.id}`, tenant.owner, {
      title: 'Hot shave',
      active: 0,
    });
    expect(put.status).toBe(200);
    expect(put.body.data).toMatchObject({ title: 'Hot shave', active: 0, price_max: 35 });
    const canonical = await http.patch(`/locations/${loc}/services/${s.id}`, tenant.owner, {
      category_id: cat.categoryId,
    });
    expect(canonical.body.data).toMatchObject({ title: 'Hot shave', category_id: cat.categoryId });
  });

  it('is 422 when the new price_max falls below the stored price_min, changing nothing', async () => {
    const s = await createService(t, loc, tenant.owner, { title: 'Mask', price_min: 40 });
    const res = await http.patch(`/company/${loc}/services/${s.id}`, tenant.owner, {
      title: 'Mask renamed',
      price_max: 10,
    });
    expect(res.status).toBe(422);
    expect(res.body.meta.errors).toHaveProperty('price_max');
    const read = await http.get(`/company/${loc}/services/${s.id}`, tenant.owner);
    expect(read.body.data).toMatchObject({ title: 'Mask', price_max: 40 });
  });

  it('is 422 for an empty body and for another location’s member, changing nothing', async () => {
    const s = await createService(t, loc, tenant.owner, { title: 'Brows' });
    const empty = await http.patch(`/company/${loc}/services/${s.id}`, tenant.owner, {});
    expect(empty.status).toBe(422);
    const res = await http.patch(`/company/${loc}/services/${s.id}`, tenant.owner, {
      title: 'Brows 2',
      staff: [{ id: theirs.ben.id }],
    });
    expect(res.status).toBe(422);
    expect(res.body.meta.errors).toHaveProperty(['staff.0.id']);
    const read = await http.get(`/company/${loc}/services/${s.id}`, tenant.owner);
    expect(read.body.data).toMatchObject({ title: 'Brows', staff: [] });
  });

  it('is 404 for an unknown service and for another location’s service', async () => {
    const foreign = await createService(t, tenant.otherLocation.id, tenant.outsider, {
      title: 'Theirs',
    });
    const url = (id: number) => `/company/${loc}/services/${id}`;
    expect((await http.patch(url(999999), tenant.owner, { title: 'x' })).status).toBe(404);
    expect((await http.patch(url(foreign.id), tenant.owner, { title: 'x' })).status).toBe(404);
    const still = await http.get(
      `/company/${tenant.otherLocation.id}/services/${foreign.id}`,
      tenant.outsider,
    );
    expect(still.body.data.title).toBe('Theirs');
  });

  it('is 401 without a user and 403 for staff role or another chain’s user', async () => {
    const s = await createService(t, loc, tenant.owner, { title: 'Locked' });
    const url = `/company/${loc}/services/${s.id}`;
    expect((await http.patch(url, null, { title: 'x' })).status).toBe(401);
    expect((await http.patch(url, tenant.staff, { title: 'x' })).status).toBe(403);
    expect(
      (await http.put(`/services/${loc}/${s.id}`, tenant.outsider, { title: 'x' })).status,
    ).toBe(403);
    expect((await http.get(url, tenant.owner)).body.data.title).toBe('Locked');
  });
});

describe('DELETE /services/{company_id}/{service_id}', () => {
  it('soft-deletes (204): the service disappears from reads', async () => {
    const s = await createService(t, loc, tenant.owner, { title: 'Gone soon' });
    const res = await http.del(`/services/${loc}/${s.id}`, tenant.admin);
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
    expect((await http.get(`/company/${loc}/services/${s.id}`, tenant.owner)).status).toBe(404);
    expect(await serviceTitles(t, loc, tenant.owner)).not.toContain('Gone soon');
    expect((await http.del(`/services/${loc}/${s.id}`, tenant.admin)).status).toBe(404);
  });

  it('is 401, 403 (staff, other chain), 404 (other location’s service) and keeps the service', async () => {
    const s = await createService(t, loc, tenant.owner, { title: 'Keep me' });
    const foreign = await createService(t, tenant.otherLocation.id, tenant.outsider, {
      title: 'Keep theirs',
    });
    expect((await http.del(`/services/${loc}/${s.id}`, null)).status).toBe(401);
    expect((await http.del(`/services/${loc}/${s.id}`, tenant.staff)).status).toBe(403);
    expect((await http.del(`/locations/${loc}/services/${s.id}`, tenant.outsider)).status).toBe(
      403,
    );
    expect((await http.del(`/services/${loc}/${foreign.id}`, tenant.owner)).status).toBe(404);
    expect(await serviceTitles(t, loc, tenant.owner)).toContain('Keep me');
    expect(await serviceTitles(t, tenant.otherLocation.id, tenant.outsider)).toContain(
      'Keep theirs',
    );
  });
});
