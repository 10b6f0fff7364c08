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

async function staffOf(serviceId: number) {
  const res = await http.get(`/company/${loc}/services/${serviceId}`, tenant.owner);
  const staff = res.body.data.staff as {
    id: number;
    seance_length: number;
    technological_card_id: number;
    price: number | null;
  }[];
  return staff.map(({ id, seance_length, price }) => ({ id, seance_length, price }));
}

describe('POST /company/{company_id}/services/{service_id}/staff', () => {
  it('links a member with their own duration and price (201), accepting master_id', async () => {
    const s = await createService(t, loc, tenant.owner, { title: 'Perm', seance_length: 3600 });
    const res = await http.post(`/company/${loc}/services/${s.id}/staff`, tenant.admin, {
      master_id: cat.anna.id,
      seance_length: 4500,
      price: 99.9,
      technological_card_id: null,
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toEqual({
      service_id: s.id,
      master_id: cat.anna.id,
      length: 4500,
      technological_card_id: 0,
      price: 99.9,
    });
    expect(res.body.meta).toEqual({});
    const canonical = await http.post(
      `/locations/${loc}/services/${s.id}/team_members`,
      tenant.owner,
      { team_member_id: cat.ben.id, seance_length: 3600 },
    );
    expect(canonical.status).toBe(201);
    expect(await staffOf(s.id)).toEqual([
      { id: cat.anna.id, seance_length: 4500, price: 99.9 },
      { id: cat.ben.id, seance_length: 3600, price: null },
    ]);
  });

  it('is 409 for a member already linked, 422 for bad input or another location’s member', async () => {
    const s = await createService(t, loc, tenant.owner, {
      title: 'Waves',
      staff: [{ id: cat.anna.id, seance_length: 1800 }],
    });
    const url = `/company/${loc}/services/${s.id}/staff`;
    const twice = await http.post(url, tenant.owner, { staff_id: cat.anna.id, seance_length: 900 });
    expect(twice.status).toBe(409);
    const cases: [string, Record<string, unknown>][] = [
      ['staff_id', { staff_id: theirs.anna.id, seance_length: 900 }],
      ['seance_length', { staff_id: cat.ben.id, seance_length: 1000 }],
      ['seance_length', { staff_id: cat.ben.id, seance_length: 90000 }],
      ['seance_length', { staff_id: cat.ben.id }],
      ['staff_id', { seance_length: 900 }],
      ['price', { staff_id: cat.ben.id, seance_length: 900, price: -5 }],
    ];
    for (const [field, body] of cases) {
      const res = await http.post(url, tenant.owner, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.meta.errors).toHaveProperty([field]);
    }
    expect(await staffOf(s.id)).toEqual([{ id: cat.anna.id, seance_length: 1800, price: null }]);
  });

  it('is 404 for an unknown service or another location’s service', async () => {
    const foreign = await createService(t, tenant.otherLocation.id, tenant.outsider, {
      title: 'Theirs',
    });
    const body = { staff_id: cat.anna.id, seance_length: 900 };
    expect(
      (await http.post(`/company/${loc}/services/999999/staff`, tenant.owner, body)).status,
    ).toBe(404);
    const cross = await http.post(
      `/company/${loc}/services/${foreign.id}/staff`,
      tenant.owner,
      body,
    );
    expect(cross.status).toBe(404);
  });

  it('is 401 without a user and 403 for staff role or another chain’s user', async () => {
    const s = await createService(t, loc, tenant.owner, { title: 'Guarded' });
    const url = `/company/${loc}/services/${s.id}/staff`;
    const body = { staff_id: cat.anna.id, seance_length: 900 };
    expect((await http.post(url, null, body)).status).toBe(401);
    expect((await http.post(url, tenant.staff, body)).status).toBe(403);
    expect((await http.post(url, tenant.outsider, body)).status).toBe(403);
    expect(await staffOf(s.id)).toEqual([]);
  });
});

describe('PUT and DELETE /company/{company_id}/services/{service_id}/staff/{staff_id}', () => {
  it('changes the duration, keeps or clears the price, then unlinks (204)', async () => {
    const s = await createService(t, loc, tenant.owner, {
      title: 'Fade',
      seance_length: 1800,
      staff: [{ id: cat.anna.id, seance_length: 1800, price: 25 }],
    });
    const url = `/company/${loc}/services/${s.id}/staff/${cat.anna.id}`;
    const put = await http.put(url, tenant.admin, { seance_length: 2400 });
    expect(put.status).toBe(200);
    expect(put.body.data).toMatchObject({ length: 2400, price: 25 });
    const cleared = await http.put(
      `/locations/${loc}/services/${s.id}/team_members/${cat.anna.id}`,
      tenant.owner,
      { seance_length: 2400, price: null },
    );
    expect(cleared.body.data).toMatchObject({ length: 2400, price: null });
    expect(await staffOf(s.id)).toEqual([{ id: cat.anna.id, seance_length: 2400, price: null }]);
    const del = await http.del(url, tenant.admin);
    expect(del.status).toBe(204);
    expect(await staffOf(s.id)).toEqual([]);
    expect((await http.del(url, tenant.admin)).status).toBe(404);
  });

  it('is 422 naming seance_length for a bad duration, changing nothing', async () => {
    const s = await createService(t, loc, tenant.owner, {
      title: 'Bob',
      staff: [{ id: cat.ben.id, seance_length: 900 }],
    });
    const url = `/company/${loc}/services/${s.id}/staff/${cat.ben.id}`;
    const res = await http.put(url, tenant.owner, { seance_length: 901 });
    expect(res.status).toBe(422);
    expect(res.body.meta.errors).toHaveProperty('seance_length');
    expect(await staffOf(s.id)).toEqual([{ id: cat.ben.id, seance_length: 900, price: null }]);
  });

  it('is 404 for a member not linked, an unknown service, or another location’s member', async () => {
    const s = await createService(t, loc, tenant.owner, { title: 'Solo' });
    const base = `/company/${loc}/services`;
    const body = { seance_length: 900 };
    expect(
      (await http.put(`${base}/${s.id}/staff/${cat.anna.id}`, tenant.owner, body)).status,
    ).toBe(404);
    expect((await http.put(`${base}/999999/staff/${cat.anna.id}`, tenant.owner, body)).status).toBe(
      404,
    );
    expect((await http.del(`${base}/${s.id}/staff/${theirs.anna.id}`, tenant.owner)).status).toBe(
      404,
    );
  });

  it('is 401 without a user and 403 for staff role or another chain’s user', async () => {
    const s = await createService(t, loc, tenant.owner, {
      title: 'Kept link',
      staff: [{ id: cat.anna.id, seance_length: 900 }],
    });
    const url = `/company/${loc}/services/${s.id}/staff/${cat.anna.id}`;
    expect((await http.put(url, null, { seance_length: 1200 })).status).toBe(401);
    expect((await http.put(url, tenant.staff, { seance_length: 1200 })).status).toBe(403);
    expect((await http.del(url, tenant.staff)).status).toBe(403);
    expect((await http.del(url, tenant.outsider)).status).toBe(403);
    expect(await staffOf(s.id)).toEqual([{ id: cat.anna.id, seance_length: 900, price: null }]);
  });

  it('leaves a deleted team member out of the service', async () => {
    const s = await createService(t, loc, tenant.owner, {
      title: 'Leaver',
      staff: [{ id: cat.ben.id }],
    });
    const gone = await http.del(`/staff/${loc}/${cat.ben.id}`, tenant.owner);
    expect(gone.status).toBe(204);
    expect(await staffOf(s.id)).toEqual([]);
  });
});
