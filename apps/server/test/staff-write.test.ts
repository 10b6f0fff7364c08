import { makeStaff } from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeader, call, createTestApp, makeTenant, type TestApp } from './support/test-app';

let t: TestApp;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
let position: number, foreignPosition: number, foreign: number;
const as = (token?: string) => authHeader(t.partnerToken, token);
const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, token?: string, payload?: object) =>
  call(t.app, { method, url: `/api/v1${url}`, headers: as(token), payload });
const read = (locationId: number, id: number, token: string) =>
  call(t.app, {
    method: 'GET',
    url: `/api/v1/company/${locationId}/staff/${id}`,
    headers: as(token),
  });
const names = async (locationId = tenant.location.id) =>
  (
    await call(t.app, {
      method: 'GET',
      url: `/api/v1/company/${locationId}/staff`,
      headers: as(tenant.owner.token),
    })
  ).body.data.map((m: { name: string }) => m.name) as string[];

beforeAll(async () => {
  t = await createTestApp();
  tenant = await makeTenant(t.db);
  const quick = (locationId: number, title: string, token: string) =>
    send('POST', `/company/${locationId}/positions/quick`, token, { title });
  position = (await quick(tenant.location.id, 'Barber', tenant.owner.token)).body.data.id;
  foreignPosition = (await quick(tenant.otherLocation.id, 'Foreign', tenant.outsider.token)).body
    .data.id;
  foreign = (await makeStaff(t.db, tenant.otherLocation.id, { name: 'Foreign member' })).id;
});
afterAll(() => t.close());

describe('POST /company/{id}/staff/quick', () => {
  it('creates a member (201) with its position; the listing shows it', async () => {
    const res = await send(
      'POST',
      `/company/${tenant.location.id}/staff/quick`,
      tenant.admin.token,
      {
        name: ' Ivan ',
        specialization: 'Master',
        position_id: position,
        phone_number: null,
      },
    );
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      id: expect.any(Number),
      name: 'Ivan',
      company_id: tenant.location.id,
      specialization: 'Master',
      position: { id: position, title: 'Barber' },
      is_paid_staff: false,
    });
    expect(res.body.meta).toEqual({});
    expect(await names()).toContain('Ivan');
  });

  it('answers on the canonical path', async () => {
    const res = await send(
      'POST',
      `/locations/${tenant.location.id}/team_members/quick`,
      tenant.owner.token,
      { name: 'Olga', specialization: 'Nails', position_id: null },
    );
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ name: 'Olga', position: null });
  });

  it('refuses a missing or blank name with 422 naming it, writing nothing', async () => {
    const before = await names();
    for (const payload of [{ specialization: 'No name' }, { name: '   ' }]) {
      const res = await send(
        'POST',
        `/company/${tenant.location.id}/staff/quick`,
        tenant.admin.token,
        payload,
      );
      expect(res.status).toBe(422);
      expect(res.body.meta.errors).toHaveProperty('name');
    }
    expect(await names()).toEqual(before);
  });

  it('refuses another location’s or an unknown position with 422 naming position_id', async () => {
    for (const position_id of [foreignPosition, 999999]) {
      const res = await send(
        'POST',
        `/company/${tenant.location.id}/staff/quick`,
        tenant.admin.token,
        { name: 'Wrong position', position_id },
      );
      expect(res.status).toBe(422);
      expect(res.body.meta.errors).toHaveProperty('position_id');
    }
    expect(await names()).not.toContain('Wrong position');
  });

  it('is 401 without a user, 403 for a staff member or another chain, 404 for no location', async () => {
    const url = `/company/${tenant.location.id}/staff/quick`;
    const body = { name: 'Intruder' };
    expect((await send('POST', url, undefined, body)).status).toBe(401);
    expect((await send('POST', url, tenant.staff.token, body)).status).toBe(403);
    expect((await send('POST', url, tenant.outsider.token, body)).status).toBe(403);
    expect(
      (await send('POST', '/company/999999/staff/quick', tenant.owner.token, body)).status,
    ).toBe(404);
    expect(await names()).not.toContain('Intruder');
  });
});

describe('POST /staff/{id} (deprecated create)', () => {
  it('creates a member with every documented field (201)', async () => {
    const res = await send('POST', `/staff/${tenant.location.id}`, tenant.owner.token, {
      name: 'Vasily',
      specialization: 'Hairdresser',
      weight: 10,
      information: '<span>Cuts</span>',
      api_id: '42',
      hidden: 1,
      fired: 0,
      user_id: tenant.admin.id,
      position_id: position,
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      name: 'Vasily',
      company_id: tenant.location.id,
      weight: 10,
      information: '<span>Cuts</span>',
      api_id: '42',
      hidden: 1,
      fired: 0,
      status: 0,
      user_id: tenant.admin.id,
      show_rating: 0,
      comments_count: 0,
      position: { id: position, title: 'Barber' },
    });
  });

  it('refuses linking a user of another chain with 422 naming user_id, writing nothing', async () => {
    const res = await send('POST', `/staff/${tenant.location.id}`, tenant.owner.token, {
      name: 'Linked elsewhere',
      user_id: tenant.outsider.id,
    });
    expect(res.status).toBe(422);
    expect(res.body.meta.errors).toHaveProperty('user_id');
    expect(await names()).not.toContain('Linked elsewhere');
  });

  it('refuses a malformed flag with 422 naming it, and is 403 for a staff member', async () => {
    const bad = await send('POST', `/staff/${tenant.location.id}`, tenant.owner.token, {
      name: 'Bad flag',
      hidden: 5,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.meta.errors).toHaveProperty('hidden');
    const staff = await send('POST', `/staff/${tenant.location.id}`, tenant.staff.token, {
      name: 'Bad flag',
    });
    expect(staff.status).toBe(403);
    expect(await names()).not.toContain('Bad flag');
  });
});

describe('PUT /staff/{id}/{staff_id}', () => {
  let member: number;
  beforeAll(async () => {
    member = (await makeStaff(t.db, tenant.location.id, { name: 'Petra' })).id;
  });

  it('changes only the fields sent, on both spellings', async () => {
    const res = await send('PUT', `/staff/${tenant.location.id}/${member}`, tenant.admin.token, {
      specialization: 'Colorist',
      position_id: position,
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      id: member,
      name: 'Petra',
      specialization: 'Colorist',
      position: { id: position, title: 'Barber' },
    });
    const canonical = await send(
      'PUT',
      `/locations/${tenant.location.id}/team_members/${member}`,
      tenant.admin.token,
      { fired: 1, position_id: 0, bookable: false },
    );
    expect(canonical.status).toBe(200);
    const after = await read(tenant.location.id, member, tenant.admin.token);
    expect(after.body.data).toMatchObject({
      name: 'Petra',
      specialization: 'Colorist',
      fired: 1,
      position: [],
    });
  });

  it('refuses bad input with 422 naming the field and leaves the member unchanged', async () => {
    const url = `/staff/${tenant.location.id}/${member}`;
    const cases: [object, string][] = [
      [{ name: '  ' }, 'name'],
      [{ name: 'Ok', position_id: foreignPosition }, 'position_id'],
      [{ name: 'Ok', user_id: tenant.outsider.id }, 'user_id'],
      [{ weight: 'heavy' }, 'weight'],
    ];
    for (const [payload, field] of cases) {
      const res = await send('PUT', url, tenant.admin.token, payload);
      expect(res.status).toBe(422);
      expect(res.body.meta.errors).toHaveProperty(field);
    }
    const empty = await send('PUT', url, tenant.admin.token, {});
    expect(empty.status).toBe(422);
    expect((await read(tenant.location.id, member, tenant.admin.token)).body.data.name).toBe(
      'Petra',
    );
  });

  it('is 404 for another location’s member, which stays untouched (tenant isolation)', async () => {
    const res = await send('PUT', `/staff/${tenant.location.id}/${foreign}`, tenant.owner.token, {
      name: 'Hijacked',
    });
    expect(res.status).toBe(404);
    const theirs = await read(tenant.otherLocation.id, foreign, tenant.outsider.token);
    expect(theirs.body.data.name).toBe('Foreign member');
  });

  it('is 401 without a user, 403 for staff or another chain, 404 for an unknown id', async () => {
    const url = `/staff/${tenant.location.id}/${member}`;
    expect((await send('PUT', url, undefined, { name: 'X' })).status).toBe(401);
    expect((await send('PUT', url, tenant.staff.token, { name: 'X' })).status).toBe(403);
    expect((await send('PUT', url, tenant.outsider.token, { name: 'X' })).status).toBe(403);
    expect(
      (await send('PUT', `/staff/${tenant.location.id}/999999`, tenant.owner.token, { name: 'X' }))
        .status,
    ).toBe(404);
    expect((await read(tenant.location.id, member, tenant.admin.token)).body.data.name).toBe(
      'Petra',
    );
  });
});

describe('DELETE /staff/{id}/{staff_id}', () => {
  it('soft-deletes (204); the member is then 404 and gone from the listing', async () => {
    for (const prefix of [
      `/staff/${tenant.location.id}`,
      `/locations/${tenant.location.id}/team_members`,
    ]) {
      const { id } = await makeStaff(t.db, tenant.location.id, { name: `Leaving ${prefix}` });
      const res = await send('DELETE', `${prefix}/${id}`, tenant.admin.token);
      expect(res.status).toBe(204);
      expect((await read(tenant.location.id, id, tenant.admin.token)).status).toBe(404);
      expect(await names()).not.toContain(`Leaving ${prefix}`);
      expect((await send('DELETE', `${prefix}/${id}`, tenant.admin.token)).status).toBe(404);
    }
  });

  it('is 404 for another location’s member, which stays (tenant isolation)', async () => {
    const res = await send('DELETE', `/staff/${tenant.location.id}/${foreign}`, tenant.owner.token);
    expect(res.status).toBe(404);
    expect((await read(tenant.otherLocation.id, foreign, tenant.outsider.token)).status).toBe(200);
  });

  it('is 401 without a user and 403 for staff or another chain; nothing is deleted', async () => {
    const { id } = await makeStaff(t.db, tenant.location.id, { name: 'Staying' });
    const url = `/staff/${tenant.location.id}/${id}`;
    expect((await send('DELETE', url)).status).toBe(401);
    expect((await send('DELETE', url, tenant.staff.token)).status).toBe(403);
    expect((await send('DELETE', url, tenant.outsider.token)).status).toBe(403);
    expect((await read(tenant.location.id, id, tenant.admin.token)).status).toBe(200);
  });
});
