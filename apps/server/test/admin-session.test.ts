import { makeLocation, makeSchedule, makeService, makeStaff, makeUser } from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeader, call, createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let loc: { id: number; chainId: number };
let second: { id: number };
let ownerLogin: string;
let staffLogin: string;
let anna: { id: number };
let colouring: { id: number };

beforeAll(async () => {
  // 2026-12-01 08:00 in Berlin: the fixed clock sits inside Anna's working day.
  t = await createTestApp({ now: '2026-12-01T07:00:00Z' });
  loc = await makeLocation(t.db, { title: 'Mitte', timezone: 'Europe/Berlin' });
  second = await makeLocation(t.db, { chainId: loc.chainId, title: 'Kreuzberg' });
  ownerLogin = (
    await makeUser(t.db, { role: 'owner', chainId: loc.chainId }, { passwordHash: 'plain:pw-1' })
  ).login;
  staffLogin = (
    await makeUser(t.db, { role: 'staff', locationId: loc.id }, { passwordHash: 'plain:pw-2' })
  ).login;
  anna = await makeStaff(t.db, loc.id, { name: 'Anna' });
  // Not offered online: online booking cannot see it, the desk can.
  colouring = await makeService(t.db, loc.id, {
    title: 'Colouring',
    minutes: 60,
    staffIds: [anna.id],
    onlineBookable: false,
  });
  await makeSchedule(t.db, anna.id, ['2026-12-01'], [{ from: '09:00', to: '12:00' }]);
});
afterAll(() => t.close());

const signIn = (login: string, password: string) =>
  call(t.app, { method: 'POST', url: '/api/admin/v1/session', payload: { login, password } });

const asSession = (s: { partner_token: string; user_token: string }) =>
  authHeader(s.partner_token, s.user_token);

describe('back-office session', () => {
  it('signs in with login and password: a user token, a session partner token, the locations and rights', async () => {
    const res = await signIn(ownerLogin, 'pw-1');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const data = res.body.data;
    expect(data.partner_token).toMatch(/^[0-9a-f]{64}$/);
    expect(data.user_token).toMatch(/^[0-9a-f]{64}$/);
    expect(data.locations.map((l: { title: string }) => l.title)).toEqual(['Mitte', 'Kreuzberg']);
    expect(data.locations[0]).toMatchObject({
      id: loc.id,
      role: 'owner',
      timezone: 'Europe/Berlin',
      booking_url: `/app/book/${loc.id}`,
    });
    expect(data.locations[0].rights).toContain('users:manage');
    // Granted on the whole chain: the chain-level routes (loyalty types, programs) are open.
    expect(data.locations[0]).toMatchObject({ chain_role: 'owner' });
    expect(data.locations[0].chain_rights).toContain('catalog:write');
    // The two tokens work together on the Altegio-compatible API.
    const staff = await call(t.app, {
      method: 'GET',
      url: `/api/v1/company/${second.id}/staff`,
      headers: asSession(data),
    });
    expect(staff.status).toBe(200);
  });

  it('a wrong password is 401 naming password, and issues no token', async () => {
    const res = await signIn(ownerLogin, 'wrong');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({
      success: false,
      meta: { errors: { password: [expect.any(String)] } },
    });
  });

  it('a bad body is 422 naming the field', async () => {
    const res = await call(t.app, {
      method: 'POST',
      url: '/api/admin/v1/session',
      payload: { login: ownerLogin },
    });
    expect(res.status).toBe(422);
    expect(res.body.meta.errors).toHaveProperty('password');
  });

  it('a staff member sees their one location with the staff rights only', async () => {
    const res = await signIn(staffLogin, 'pw-2');
    const [only, ...none] = res.body.data.locations;
    expect(none).toEqual([]);
    expect(only).toMatchObject({ id: loc.id, role: 'staff' });
    expect(only.rights).toContain('records:read');
    expect(only.rights).not.toContain('records:write');
    expect(only.rights).not.toContain('clients:read');
    // A grant on one location is no grant on the chain.
    expect(only).toMatchObject({ chain_role: null, chain_rights: [] });
  });

  it('an administrator of one location has location rights but none on the chain', async () => {
    const admin = await makeUser(
      t.db,
      { role: 'administrator', locationId: second.id },
      { passwordHash: 'plain:pw-3' },
    );
    const res = await signIn(admin.login, 'pw-3');
    const [only] = res.body.data.locations;
    expect(only).toMatchObject({ id: second.id, role: 'administrator', chain_role: null });
    expect(only.rights).toContain('clients:write');
    expect(only.chain_rights).toEqual([]);
    // …and the API agrees: the chain's membership types are refused, the location's clients not.
    const headers = asSession(res.body.data);
    const chainTypes = await call(t.app, {
      method: 'GET',
      url: `/api/v1/chain/${loc.chainId}/loyalty/abonement_types`,
      headers,
    });
    expect(chainTypes.status).toBe(403);
  });

  it('a session partner token works only with the user who signed in', async () => {
    const owner = (await signIn(ownerLogin, 'pw-1')).body.data;
    const staff = (await signIn(staffLogin, 'pw-2')).body.data;
    const mixed = await call(t.app, {
      method: 'GET',
      url: '/api/admin/v1/me',
      headers: authHeader(owner.partner_token, staff.user_token),
    });
    expect(mixed.status).toBe(401);
  });

  it('signing out revokes both tokens of the session', async () => {
    const s = (await signIn(ownerLogin, 'pw-1')).body.data;
    const me = await call(t.app, { method: 'GET', url: '/api/admin/v1/me', headers: asSession(s) });
    expect(me.status).toBe(200);
    expect(me.body.data.user.login).toBe(ownerLogin);
    const out = await call(t.app, {
      method: 'DELETE',
      url: '/api/admin/v1/session',
      headers: asSession(s),
    });
    expect(out.status).toBe(200);
    const after = await call(t.app, {
      method: 'GET',
      url: '/api/v1/companies',
      headers: authHeader(s.partner_token),
    });
    expect(after.status).toBe(401);
  });
});

describe('appointments made through a back-office session', () => {
  const body = () => ({
    staff_id: anna.id,
    services: [{ id: colouring.id }],
    client: { phone: '+4915111122233', name: 'Clara' },
    datetime: '2026-12-01 10:00:00',
  });

  it('are back-office ("calendar") appointments, in the Record and in the outbox event', async () => {
    const s = (await signIn(ownerLogin, 'pw-1')).body.data;
    const res = await call(t.app, {
      method: 'POST',
      url: `/api/v1/records/${loc.id}`,
      headers: asSession(s),
      payload: body(),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.data[0].record_from).toBe('back_office');
    const [event] = await t.db.query<{ payload: { source: string } }>(
      `SELECT payload FROM outbox_events WHERE type = 'appointment.created' AND aggregate_id = $1`,
      [res.body.data[0].id],
    );
    expect(event?.payload.source).toBe('back_office');
  });

  it('an integration’s own partner token still makes "api" appointments', async () => {
    const user = await makeUser(t.db, { role: 'owner', chainId: loc.chainId });
    const res = await call(t.app, {
      method: 'POST',
      url: `/api/v1/records/${loc.id}`,
      headers: authHeader(t.partnerToken, user.token),
      payload: { ...body(), datetime: '2026-12-01 11:00:00' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.data[0].record_from).toBe('api');
  });
});

describe('GET /api/admin/v1/locations/{id}/free_times/{staff_id}/{date}', () => {
  it('offers the desk a service online booking cannot see, around the appointments already made', async () => {
    const s = (await signIn(ownerLogin, 'pw-1')).body.data;
    const url = `/locations/${loc.id}/free_times/${anna.id}/2026-12-01?service_ids[]=${colouring.id}`;
    const desk = await call(t.app, {
      method: 'GET',
      url: `/api/admin/v1${url}`,
      headers: asSession(s),
    });
    expect(desk.status, JSON.stringify(desk.body)).toBe(200);
    // 09:00–12:00 with 10:00 and 11:00 taken by the tests above: only 09:00 fits a 60-minute service.
    expect(desk.body.data.map((x: { time: string }) => x.time)).toEqual(['09:00']);
    expect(desk.body.data[0].datetime).toBe('2026-12-01T09:00:00+01:00');
    const online = await call(t.app, {
      method: 'GET',
      url: `/api/v1/book_times/${loc.id}/${anna.id}/2026-12-01?service_ids[]=${colouring.id}`,
      headers: authHeader(t.partnerToken),
    });
    expect(online.status).toBe(422);
  });

  it('for a move, the appointment’s own time is free (it touches the next one: merged busy time)', async () => {
    const s = (await signIn(ownerLogin, 'pw-1')).body.data;
    const [ten] = await t.db.query<{ id: number }>(
      `SELECT id FROM records WHERE staff_id = $1 AND deleted_at IS NULL
          AND starts_at = '2026-12-01T09:00:00Z'`,
      [anna.id],
    );
    const times = async (extra: string) => {
      const res = await call(t.app, {
        method: 'GET',
        url: `/api/admin/v1/locations/${loc.id}/free_times/${anna.id}/2026-12-01?service_ids[]=${colouring.id}${extra}`,
        headers: asSession(s),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.data.map((x: { time: string }) => x.time) as string[];
    };
    expect(await times('')).not.toContain('10:00');
    const forMove = await times(`&record_id=${ten!.id}`);
    // 10:00–11:00 is its own; 11:00–12:00 is still another client's.
    expect(forMove).toEqual(expect.arrayContaining(['09:00', '10:00']));
    expect(forMove.some((time) => time > '10:00')).toBe(false);
    const unknown = await call(t.app, {
      method: 'GET',
      url: `/api/admin/v1/locations/${loc.id}/free_times/${anna.id}/2026-12-01?record_id=2147483000`,
      headers: asSession(s),
    });
    expect(unknown.status).toBe(404);
  });

  it('a staff member without records:write gets 403', async () => {
    const s = (await signIn(staffLogin, 'pw-2')).body.data;
    const res = await call(t.app, {
      method: 'GET',
      url: `/api/admin/v1/locations/${loc.id}/free_times/${anna.id}/2026-12-01`,
      headers: asSession(s),
    });
    expect(res.status).toBe(403);
    expect(res.body.meta.message).toBe('Access denied.');
  });
});
