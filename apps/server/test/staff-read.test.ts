import { makeStaff } from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeader, call, createTestApp, makeTenant, type TestApp } from './support/test-app';

let t: TestApp;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
let position: { id: number; title: string };
let anna: number, boris: number, clara: number, foreign: number;
const as = (token?: string) => authHeader(t.partnerToken, token);
const get = (url: string, token?: string) =>
  call(t.app, { method: 'GET', url: `/api/v1${url}`, headers: as(token) });

beforeAll(async () => {
  t = await createTestApp();
  tenant = await makeTenant(t.db);
  const owner = as(tenant.owner.token);
  const loc = tenant.location.id;
  position = (
    await call(t.app, {
      method: 'POST',
      url: `/api/v1/company/${loc}/positions/quick`,
      headers: owner,
      payload: { title: 'Stylist' },
    })
  ).body.data;
  const create = async (payload: Record<string, unknown>) =>
    (await call(t.app, { method: 'POST', url: `/api/v1/staff/${loc}`, headers: owner, payload }))
      .body.data.id as number;
  anna = await create({
    name: 'Anna',
    specialization: 'Hair',
    position_id: position.id,
    weight: 5,
    information: '<p>Hi</p>',
    api_id: 'ext-anna',
    user_id: tenant.staff.id,
  });
  boris = await create({ name: 'Boris', weight: 10, hidden: 1 });
  clara = await create({ name: 'Clara', weight: 1, fired: 1 });
  foreign = (await makeStaff(t.db, tenant.otherLocation.id, { name: 'Foreign' })).id;
});
afterAll(() => t.close());

describe('GET /company/{id}/staff', () => {
  it('lists every member, heaviest first, in the back-office form', async () => {
    const res = await get(`/company/${tenant.location.id}/staff`, tenant.admin.token);
    expect(res.status).toBe(200);
    expect(res.body.data.map((m: { id: number }) => m.id)).toEqual([boris, anna, clara]);
    expect(res.body.meta).toEqual({ total_count: 3 });
    expect(res.body.data[1]).toEqual({
      id: anna,
      name: 'Anna',
      company_id: tenant.location.id,
      specialization: 'Hair',
      position: { id: position.id, title: 'Stylist' },
      avatar: '',
      avatar_big: '',
      fired: 0,
      status: 0,
      hidden: 0,
      is_included_in_payment_policy: false,
      is_paid_staff: false,
      user_id: tenant.staff.id,
    });
    expect(res.body.data[0]).toMatchObject({ name: 'Boris', hidden: 1, position: [] });
    expect(res.body.data[2]).toMatchObject({ name: 'Clara', fired: 1, user_id: null });
  });

  it('answers on the canonical path, and a staff-role user may read', async () => {
    const res = await get(`/locations/${tenant.location.id}/team_members`, tenant.staff.token);
    expect(res.status).toBe(200);
    expect(res.body.data.map((m: { name: string }) => m.name)).toEqual(['Boris', 'Anna', 'Clara']);
  });

  it('is 401 without a user, 403 for another chain, 404 for an unknown location', async () => {
    expect((await get(`/company/${tenant.location.id}/staff`)).status).toBe(401);
    expect((await get(`/company/${tenant.location.id}/staff`, tenant.outsider.token)).status).toBe(
      403,
    );
    expect((await get('/company/999999/staff', tenant.owner.token)).status).toBe(404);
  });
});

describe('GET /company/{id}/staff/{staff_id}', () => {
  it('returns one member as an object, on both spellings', async () => {
    for (const url of [
      `/company/${tenant.location.id}/staff/${anna}`,
      `/locations/${tenant.location.id}/team_members/${anna}`,
    ]) {
      const res = await get(url, tenant.staff.token);
      expect(res.status).toBe(200);
      expect(res.body.meta).toEqual([]);
      expect(res.body.data).toMatchObject({
        id: anna,
        name: 'Anna',
        company_id: tenant.location.id,
      });
    }
  });

  it('shows hidden and fired members to the back office', async () => {
    const res = await get(`/company/${tenant.location.id}/staff/${clara}`, tenant.admin.token);
    expect(res.body.data).toMatchObject({ id: clara, fired: 1 });
  });

  it('is 404 for another location’s member (tenant isolation) and for an unknown id', async () => {
    const res = await get(`/company/${tenant.location.id}/staff/${foreign}`, tenant.owner.token);
    expect(res.status).toBe(404);
    expect(res.body.success).toBe(false);
    expect(
      (await get(`/company/${tenant.location.id}/staff/999999`, tenant.owner.token)).status,
    ).toBe(404);
  });

  it('is 401 without a user, 403 for another chain, 400 naming staff_id when malformed', async () => {
    expect((await get(`/company/${tenant.location.id}/staff/${anna}`)).status).toBe(401);
    expect(
      (await get(`/company/${tenant.location.id}/staff/${anna}`, tenant.outsider.token)).status,
    ).toBe(403);
    const bad = await get(`/company/${tenant.location.id}/staff/0`, tenant.owner.token);
    expect(bad.status).toBe(400);
    expect(bad.body.meta.errors).toHaveProperty('staff_id');
  });
});

describe('GET /staff/{id} (deprecated public form)', () => {
  it('lists only members clients may see, in the public form, with a partner token alone', async () => {
    const res = await get(`/staff/${tenant.location.id}`);
    expect(res.status).toBe(200);
    expect(res.body.meta).toEqual([]);
    expect(res.body.data.map((m: { id: number }) => m.id)).toEqual([anna]);
    expect(res.body.data[0]).toEqual({
      id: anna,
      api_id: 'ext-anna',
      name: 'Anna',
      specialization: 'Hair',
      position: { id: position.id, title: 'Stylist' },
      show_rating: 0,
      rating: 0,
      votes_count: 0,
      user_id: tenant.staff.id,
      avatar: '',
      avatar_big: '',
      comments_count: 0,
      weight: 5,
      information: '<p>Hi</p>',
      hidden: 0,
      fired: 0,
      status: 0,
      bookable: true,
      position_id: position.id,
      has_access_timetable: false,
      image_group: [],
      prepaid: 'forbidden',
      schedule_till: '',
      user: [],
    });
  });

  it('returns a visible member and is 404 for hidden, fired or foreign ones', async () => {
    const ok = await get(`/staff/${tenant.location.id}/${anna}`);
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ id: anna, show_rating: 0, comments_count: 0 });
    for (const id of [boris, clara, foreign, 999999])
      expect((await get(`/staff/${tenant.location.id}/${id}`)).status).toBe(404);
  });

  it('is 404 for an unknown location and 401 without a partner token', async () => {
    expect((await get('/staff/999999')).status).toBe(404);
    const noPartner = await call(t.app, {
      method: 'GET',
      url: `/api/v1/staff/${tenant.location.id}`,
    });
    expect(noPartner.status).toBe(401);
    expect(
      (
        await call(t.app, {
          method: 'GET',
          url: `/api/v1/staff/${tenant.location.id}/${anna}`,
          headers: authHeader('wrong-token'),
        })
      ).status,
    ).toBe(401);
  });
});
