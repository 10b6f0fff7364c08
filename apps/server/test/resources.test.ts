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

beforeAll(async () => ({ t, http, tenant, loc, cat, theirs } = await openCatalogWorld()));
afterAll(() => t.close());

const titles = async () => {
  const res = await http.get(`/resources/${loc}`, tenant.owner);
  return (res.body.data as { title: string }[]).map((r) => r.title);
};

describe('GET /resources/{company_id}', () => {
  it('lists resources with their instances and meta.count', async () => {
    const res = await http.get(`/resources/${loc}`, tenant.staff);
    expect(res.status).toBe(200);
    expect(res.body.meta).toEqual({ count: res.body.data.length });
    const basin = res.body.data.find((r: { id: number }) => r.id === cat.resourceId);
    expect(basin).toEqual({
      id: cat.resourceId,
      title: 'Wash basin',
      description: '',
      instances: [
        { id: expect.any(Number), title: 'Wash basin #1', resource_id: cat.resourceId },
        { id: expect.any(Number), title: 'Wash basin #2', resource_id: cat.resourceId },
      ],
    });
    expect(res.body.data.map((r: { id: number }) => r.id)).not.toContain(theirs.resourceId);
  });

  it('answers on the canonical path and for one resource', async () => {
    const list = await http.get(`/locations/${loc}/resources`, tenant.owner);
    expect(list.status).toBe(200);
    for (const url of [
      `/resource/${loc}/${cat.resourceId}`,
      `/locations/${loc}/resources/${cat.resourceId}`,
    ]) {
      const one = await http.get(url, tenant.staff);
      expect(one.status).toBe(200);
      expect(one.body.data.instances).toHaveLength(2);
    }
  });

  it('is 401 without a user, 403 for another chain’s user, 404 for unknown or foreign ids', async () => {
    expect((await http.get(`/resources/${loc}`, null)).status).toBe(401);
    expect((await http.get(`/resources/${loc}`, tenant.outsider)).status).toBe(403);
    expect((await http.get('/resources/999999', tenant.owner)).status).toBe(404);
    expect((await http.get(`/resource/${loc}/${theirs.resourceId}`, tenant.owner)).status).toBe(
      404,
    );
  });
});

describe('POST /resources/{company_id}', () => {
  it('creates named instances, numbered ones, or a single one by default (201)', async () => {
    const named = await http.post(`/resources/${loc}`, tenant.admin, {
      title: 'Massage room',
      description: 'ground floor',
      instances: ['Room A', 'Room B'],
    });
    expect(named.status).toBe(201);
    expect(named.body.data).toMatchObject({
      title: 'Massage room',
      description: 'ground floor',
      instances: [{ title: 'Room A' }, { title: 'Room B' }],
    });
    const [a, b] = named.body.data.instances as { id: number }[];
    expect(a!.id).toBeLessThan(b!.id);
    const single = await http.post(`/locations/${loc}/resources`, tenant.owner, { title: 'Laser' });
    expect(single.body.data.instances).toEqual([
      { id: expect.any(Number), title: 'Laser #1', resource_id: single.body.data.id },
    ]);
  });

  it.each([
    ['title', {}],
    ['title', { title: '' }],
    ['instances', { title: 'Bad instances', instances: [] }],
    ['instances.0', { title: 'Bad instance', instances: [''] }],
    ['count', { title: 'Bad count', count: 0 }],
    ['count', { title: 'Too many', count: 101 }],
  ])('is 422 naming %s and writes nothing', async (field, body) => {
    const before = await titles();
    const res = await http.post(`/resources/${loc}`, tenant.owner, body);
    expect(res.status).toBe(422);
    expect(res.body.meta.errors).toHaveProperty([field]);
    expect(await titles()).toEqual(before);
  });

  it('is 401, 403 (staff role, other chain) and 404 (unknown location)', async () => {
    const body = { title: 'Blocked' };
    expect((await http.post(`/resources/${loc}`, null, body)).status).toBe(401);
    expect((await http.post(`/resources/${loc}`, tenant.staff, body)).status).toBe(403);
    expect((await http.post(`/resources/${loc}`, tenant.outsider, body)).status).toBe(403);
    expect((await http.post('/resources/999999', tenant.owner, body)).status).toBe(404);
    expect(await titles()).not.toContain('Blocked');
  });
});

describe('PUT and DELETE /resource/{company_id}/{id}', () => {
  it('updates title and description (200) and deletes an unused resource (204)', async () => {
    const created = await http.post(`/resources/${loc}`, tenant.owner, { title: 'Sauna' });
    const id = created.body.data.id as number;
    const put = await http.put(`/resource/${loc}/${id}`, tenant.admin, { description: 'hot' });
    expect(put.status).toBe(200);
    expect(put.body.data).toMatchObject({ title: 'Sauna', description: 'hot' });
    const patch = await http.patch(`/locations/${loc}/resources/${id}`, tenant.owner, {
      title: 'Big sauna',
    });
    expect(patch.body.data).toMatchObject({ title: 'Big sauna', description: 'hot' });
    expect((await http.del(`/resource/${loc}/${id}`, tenant.admin)).status).toBe(204);
    expect(await titles()).not.toContain('Big sauna');
    expect((await http.del(`/resource/${loc}/${id}`, tenant.admin)).status).toBe(404);
  });

  it('is 409 deleting a resource a service still needs, keeping it', async () => {
    const created = await http.post(`/resources/${loc}`, tenant.owner, { title: 'Chair' });
    const id = created.body.data.id as number;
    await createService(t, loc, tenant.owner, { title: 'Needs chair', resources: [id] });
    expect((await http.del(`/resource/${loc}/${id}`, tenant.owner)).status).toBe(409);
    expect(await titles()).toContain('Chair');
  });

  it('is 422 for an empty title or body, changing nothing', async () => {
    const url = `/resource/${loc}/${cat.resourceId}`;
    for (const body of [{ title: '' }, {}]) {
      const res = await http.put(url, tenant.owner, body);
      expect(res.status).toBe(422);
    }
    expect(await titles()).toContain('Wash basin');
  });

  it('is 404 for another location’s resource, 401 and 403 otherwise', async () => {
    const foreign = `/resource/${loc}/${theirs.resourceId}`;
    expect((await http.put(foreign, tenant.owner, { title: 'Mine' })).status).toBe(404);
    expect((await http.del(foreign, tenant.owner)).status).toBe(404);
    const mine = `/resource/${loc}/${cat.resourceId}`;
    expect((await http.put(mine, null, { title: 'x' })).status).toBe(401);
    expect((await http.put(mine, tenant.staff, { title: 'x' })).status).toBe(403);
    expect((await http.del(mine, tenant.staff)).status).toBe(403);
    expect((await http.del(mine, tenant.outsider)).status).toBe(403);
    expect(await titles()).toContain('Wash basin');
    const still = await http.get(`/resources/${tenant.otherLocation.id}`, tenant.outsider);
    expect(still.body.data.map((r: { id: number }) => r.id)).toContain(theirs.resourceId);
  });
});
