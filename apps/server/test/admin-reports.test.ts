import {
  makeAppUser,
  makeAppointment,
  makeLocation,
  makeService,
  makeStaff,
  makeUser,
} from '@visita/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { authHeader, call, createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let loc: { id: number; chainId: number };
let admin: { token: string };
let staff: { token: string };

beforeAll(async () => {
  t = await createTestApp();
  loc = await makeLocation(t.db, { timezone: 'Europe/Berlin' });
  admin = await makeUser(t.db, { role: 'administrator', locationId: loc.id });
  staff = await makeUser(t.db, { role: 'staff', locationId: loc.id });
  const anna = await makeStaff(t.db, loc.id);
  const cut = await makeService(t.db, loc.id, { staffIds: [anna.id] });
  await makeAppUser(t.db, { phone: '+4915120000002' });
  const book = (phone: string, start: string, price = 50, extra: { deleted?: boolean } = {}) =>
    makeAppointment(t.db, {
      locationId: loc.id,
      staffId: anna.id,
      serviceIds: [cut.id],
      phone,
      start,
      price,
      ...extra,
    });
  // Returning: first came in October.
  await book('+4915120000001', '2026-10-05T10:00:00+01:00');
  await book('+4915120000001', '2026-12-01T10:00:00+01:00', 40);
  // New, late on 1 Dec in Berlin: 22:30 UTC is 23:30 local, still the 1st.
  await book('+4915120000002', '2026-12-01T22:30:00Z', 60);
  // 00:30 on 2 Dec in Berlin is still 1 Dec in UTC: counted on the 2nd.
  const noShow = await book('+4915120000003', '2026-12-01T23:30:00Z', 70);
  await t.db.query('UPDATE records SET attendance = -1 WHERE id = $1', [noShow.id]);
  // Cancelled appointments count nowhere.
  await book('+4915120000004', '2026-12-02T10:00:00+01:00', 90, { deleted: true });
  // The app user's card is flagged like the app's login flags it.
  await t.db.query(`UPDATE clients SET has_app = true WHERE phone = '+4915120000002'`);
});
afterAll(() => t.close());

const report = (who: { token: string }, q: string) =>
  call(t.app, {
    method: 'GET',
    url: `/api/admin/v1/locations/${loc.id}/reports/summary?${q}`,
    headers: authHeader(t.partnerToken, who.token),
  });

it('counts appointments, revenue, new vs returning clients and app users per local day', async () => {
  const res = await report(admin, 'from=2026-12-01&to=2026-12-03');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.data.timezone).toBe('Europe/Berlin');
  expect(res.body.data.days).toEqual([
    {
      date: '2026-12-01',
      appointments: 2,
      revenue: 100,
      clients: 2,
      new_clients: 1,
      returning_clients: 1,
      clients_with_app: 1,
    },
    {
      date: '2026-12-02',
      appointments: 1,
      revenue: 0,
      clients: 1,
      new_clients: 1,
      returning_clients: 0,
      clients_with_app: 0,
    },
    {
      date: '2026-12-03',
      appointments: 0,
      revenue: 0,
      clients: 0,
      new_clients: 0,
      returning_clients: 0,
      clients_with_app: 0,
    },
  ]);
  expect(res.body.data.totals).toEqual({
    appointments: 3,
    revenue: 100,
    clients: 3,
    new_clients: 2,
    returning_clients: 1,
    clients_with_app: 1,
    base_clients: 4,
    base_clients_with_app: 1,
  });
});

it('a client who first came inside the period is new on that day and returning later in it', async () => {
  const res = await report(admin, 'from=2026-10-01&to=2026-12-01');
  const oct5 = res.body.data.days.find((d: { date: string }) => d.date === '2026-10-05');
  const dec1 = res.body.data.days.find((d: { date: string }) => d.date === '2026-12-01');
  expect(oct5).toMatchObject({ new_clients: 1, returning_clients: 0 });
  expect(dec1).toMatchObject({ new_clients: 1, returning_clients: 1 });
  expect(res.body.data.totals).toMatchObject({ clients: 2, new_clients: 2, returning_clients: 0 });
});

it('staff have no reports:read (403); a backwards, too long or malformed period is refused naming the field', async () => {
  expect((await report(staff, 'from=2026-12-01&to=2026-12-03')).status).toBe(403);
  const backwards = await report(admin, 'from=2026-12-03&to=2026-12-01');
  expect(backwards.status).toBe(422);
  expect(backwards.body.meta.errors).toHaveProperty('to');
  const tooLong = await report(admin, 'from=2025-01-01&to=2026-12-01');
  expect(tooLong.body.meta.errors).toHaveProperty('to');
  const malformed = await report(admin, 'from=yesterday&to=2026-12-01');
  expect(malformed.status).toBe(400);
});
