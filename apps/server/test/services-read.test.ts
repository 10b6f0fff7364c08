import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createService, makeCatalog, type Tenant } from './support/catalog';
import { createTestApp, makeTenant, type TestApp } from './support/test-app';

let t: TestApp;
let tenant: Tenant;
let http: ReturnType<typeof api>;
let cat: Awaited<ReturnType<typeof makeCatalog>>;
let cut: { id: number };
let color: { id: number };
let foreign: { id: number };

beforeAll(async () => {
  t = await createTestApp();
  http = api(t);
  tenant = await makeTenant(t.db);
  cat = await makeCatalog(t, tenant.location.id, tenant.owner);
  cut = await createService(t, tenant.location.id, tenant.owner, {
    title: 'Cut',
    category_id: cat.categoryId,
    price_min: 30,
    price_max: 45.5,
    seance_length: 2700,
    weight: 10,
    staff: [{ id: cat.anna.id, seance_length: 3600, price: 50 }, { id: cat.ben.id }],
    resources: [cat.resourceId],
  });
  color = await createService(t, tenant.location.id, tenant.owner, {
    title: 'Color',
    price_min: 80,
    active: 0,
    staff: [{ id: cat.ben.id }],
  });
  foreign = await createService(t, tenant.otherLocation.id, tenant.outsider, { title: 'Foreign' });
});
afterAll(() => t.close());

describe('GET /company/{id}/services', () => {
  it('lists services with per-member durations, prices and resources, heaviest first', async () => {
    const res = await http.get(`/company/${tenant.location.id}/services`, tenant.staff);
    expect(res.status).toBe(200);
    expect(res.body.meta).toEqual({ total_count: 2 });
    expect(res.body.data.map((s: { id: number }) => s.id)).toEqual([cut.id, color.id]);
    expect(res.body.data[0]).toMatchObject({
      id: cut.id,
      salon_service_id: cut.id,
      title: 'Cut',
      booking_title: 'Cut',
      category_id: cat.categoryId,
      price_min: 30,
      price_max: 45.5,
      discount: 0,
      comment: '',
      weight: 10,
      active: 1,
      is_online: true,
      service_type: 1,
      api_id: '',
      api_service_id: 0,
      duration: 2700,
      tax_variant: 0,
      is_chain: false,
      prepaid: 'forbidden',
      staff: [
        { id: cat.anna.id, seance_length: 3600, technological_card_id: 0, price: 50 },
        { id: cat.ben.id, seance_length: 2700, technological_card_id: 0, price: null },
      ],
      resources: [cat.resourceId],
    });
    expect(res.body.data[0]).not.toHaveProperty('seance_length');
    expect(res.body.data[1]).toMatchObject({ active: 0, price_min: 80, price_max: 80 });
  });

  it('filters by staff_id (also as team_member_id) and category_id', async () => {
    const base = `/company/${tenant.location.id}/services`;
    const byAnna = await http.get(`${base}?staff_id=${cat.anna.id}`, tenant.admin);
    expect(byAnna.body.data.map((s: { id: number }) => s.id)).toEqual([cut.id]);
    const byBen = await http.get(`${base}?team_member_id=${cat.ben.id}`, tenant.admin);
    expect(byBen.body.data.map((s: { id: number }) => s.id)).toEqual([cut.id, color.id]);
    const byCategory = await http.get(`${base}?category_id=${cat.categoryId}`, tenant.admin);
    expect(byCategory.body.data.map((s: { id: number }) => s.id)).toEqual([cut.id]);
  });

  it('answers on the canonical /locations path and never shows another location’s services', async () => {
    const res = await http.get(`/locations/${tenant.location.id}/services`, tenant.owner);
    expect(res.status).toBe(200);
    const ids = res.body.data.map((s: { id: number }) => s.id);
    expect(ids).not.toContain(foreign.id);
  });

  it('is 400 naming the field for a bad query', async () => {
    const res = await http.get(
      `/company/${tenant.location.id}/services?staff_id=abc`,
      tenant.owner,
    );
    expect(res.status).toBe(400);
    expect(res.body.meta.errors).toHaveProperty('staff_id');
  });

  it('is 401 without a user token and without any token', async () => {
    const url = `/company/${tenant.location.id}/services`;
    expect((await http.get(url, null)).status).toBe(401);
    expect((await http.anonymous('GET', url)).status).toBe(401);
  });

  it('is 403 for a user of another chain and 404 for an unknown location', async () => {
    const other = await http.get(`/company/${tenant.location.id}/services`, tenant.outsider);
    expect(other.status).toBe(403);
    expect(other.body).toEqual({ success: false, data: null, meta: { message: 'Access denied.' } });
    expect((await http.get('/company/999999/services', tenant.owner)).status).toBe(404);
  });
});

describe('GET /company/{id}/services/{service_id}', () => {
  it('returns one service as an object', async () => {
    for (const base of ['/company', '/locations']) {
      const res = await http.get(`${base}/${tenant.location.id}/services/${cut.id}`, tenant.staff);
      expect(res.status).toBe(200);
      expect(res.body.meta).toEqual([]);
      expect(res.body.data).toMatchObject({ id: cut.id, title: 'Cut' });
    }
  });

  it('is 404 for an unknown id and for another location’s service (tenant isolation)', async () => {
    const unknown = await http.get(`/company/${tenant.location.id}/services/999999`, tenant.owner);
    expect(unknown.status).toBe(404);
    const theirs = await http.get(
      `/company/${tenant.location.id}/services/${foreign.id}`,
      tenant.owner,
    );
    expect(theirs.status).toBe(404);
  });

  it('is 401 without a user and 403 for another chain’s user', async () => {
    const url = `/company/${tenant.location.id}/services/${cut.id}`;
    expect((await http.get(url, null)).status).toBe(401);
    expect((await http.get(url, tenant.outsider)).status).toBe(403);
  });

  it('is 400 for a non-numeric id', async () => {
    const res = await http.get(`/company/${tenant.location.id}/services/abc`, tenant.owner);
    expect(res.status).toBe(400);
    expect(res.body.meta.errors).toHaveProperty('service_id');
  });
});

describe('GET /services/{company_id} (deprecated, partner token)', () => {
  it('lists the same objects with meta []', async () => {
    const res = await http.get(`/services/${tenant.location.id}`, null);
    expect(res.status).toBe(200);
    expect(res.body.meta).toEqual([]);
    expect(res.body.data.map((s: { id: number }) => s.id)).toEqual([cut.id, color.id]);
    expect(res.body.data[0].staff).toHaveLength(2);
  });

  it('filters by category_id and returns one service', async () => {
    const list = await http.get(
      `/services/${tenant.location.id}?category_id=${cat.categoryId}`,
      null,
    );
    expect(list.body.data.map((s: { id: number }) => s.id)).toEqual([cut.id]);
    const one = await http.get(`/services/${tenant.location.id}/${color.id}`, null);
    expect(one.status).toBe(200);
    expect(one.body.data).toMatchObject({ id: color.id, title: 'Color' });
  });

  it('is 404 for an unknown location, an unknown service or another location’s service', async () => {
    expect((await http.get('/services/999999', null)).status).toBe(404);
    expect((await http.get(`/services/${tenant.location.id}/999999`, null)).status).toBe(404);
    expect((await http.get(`/services/${tenant.location.id}/${foreign.id}`, null)).status).toBe(
      404,
    );
  });

  it('is 401 without a partner token', async () => {
    expect((await http.anonymous('GET', `/services/${tenant.location.id}`)).status).toBe(401);
  });
});
