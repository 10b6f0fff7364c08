import { makeAppointment, makeSchedule, makeService, makeStaff } from '@visita/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import {
  authHeader,
  call,
  createTestApp,
  makeTenant,
  plainPasswords,
  type TestApp,
} from './support/test-app';

// The test clock is Saturday 2026-11-28 10:00Z; the calendar shows Tuesday 2026-12-01 (Berlin).
let t: TestApp;
let second: FastifyInstance;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
let loc: number;
let anna: { id: number };
let haircut: { id: number };
const DAY = '2026-12-01';

beforeAll(async () => {
  t = await createTestApp();
  // A second server process on the same database, as when the API is scaled out.
  second = await buildApp({
    db: t.db,
    config: { ...loadConfig({}), rateLimit: [], dataDir: t.dataDir },
    clock: t.clock,
    passwords: plainPasswords,
    logger: false,
  });
  tenant = await makeTenant(t.db);
  loc = tenant.location.id;
  anna = await makeStaff(t.db, loc, { name: 'Anna' });
  haircut = await makeService(t.db, loc, { minutes: 60, staffIds: [anna.id] });
  await makeSchedule(t.db, anna.id, [DAY, '2026-12-02'], [{ from: '09:00', to: '18:00' }]);
});
afterAll(async () => {
  await second?.close();
  await t.close();
});

const marker = async (app = t.app, who = tenant.owner, from = DAY, to = DAY, at = loc) => {
  const res = await call(app, {
    method: 'GET',
    url: `/api/admin/v1/locations/${at}/calendar/marker?start_date=${from}&end_date=${to}`,
    headers: authHeader(t.partnerToken, who.token),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data.marker as string;
};
const api = (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  call(t.app, {
    method,
    url: `/api/v1${url}`,
    headers: authHeader(t.partnerToken, tenant.owner.token),
    ...(payload ? { payload } : {}),
  });

describe('GET /api/admin/v1/locations/{id}/calendar/marker', () => {
  it('stays the same while nothing changes, and every process answers the same', async () => {
    const first = await marker();
    expect(await marker()).toBe(first);
    expect(await marker(second)).toBe(first);
  });

  it('moves when an online booking lands on the shown day; the other process sees it too', async () => {
    const before = await marker(second);
    const weekBefore = await marker(second, tenant.owner, '2026-11-30', '2026-12-06');
    const booked = await call(t.app, {
      method: 'POST',
      url: `/api/v1/book_record/${loc}`,
      headers: authHeader(t.partnerToken),
      payload: {
        phone: '+4915112345678',
        fullname: 'Erika Mustermann',
        appointments: [
          { id: 1, services: [haircut.id], staff_id: anna.id, datetime: `${DAY} 11:00:00` },
        ],
      },
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    expect(await marker(second)).not.toBe(before);
    expect(await marker(second, tenant.owner, '2026-11-30', '2026-12-06')).not.toBe(weekBefore);
  });

  it('moves when an appointment is moved away, cancelled, or a working day is changed', async () => {
    const a = await makeAppointment(t.db, {
      locationId: loc,
      staffId: anna.id,
      serviceIds: [haircut.id],
      phone: '+4915100000001',
      start: '2026-12-01T13:00:00Z',
    });
    let last = await marker();
    const moved = await api('PUT', `/record/${loc}/${a.id}`, {
      staff_id: anna.id,
      services: [{ id: haircut.id }],
      datetime: '2026-12-02 14:00:00',
      seance_length: 3600,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(201); // as Altegio answers PUT /record
    expect(await marker()).not.toBe(last); // left the shown day
    last = await marker();
    expect((await api('DELETE', `/record/${loc}/${a.id}`)).status).toBe(204);
    expect(await marker()).toBe(last); // cancelled on another day: this day is unchanged
    const onDay = await makeAppointment(t.db, {
      locationId: loc,
      staffId: anna.id,
      serviceIds: [haircut.id],
      phone: '+4915100000002',
      start: '2026-12-01T15:00:00Z',
    });
    last = await marker();
    expect((await api('DELETE', `/record/${loc}/${onDay.id}`)).status).toBe(204);
    expect(await marker()).not.toBe(last);
    last = await marker();
    const schedule = await api('PUT', `/company/${loc}/staff/schedule`, {
      schedules_to_set: [
        {
          staff_id: anna.id,
          dates: [DAY],
          slots: [
            { from: '09:00', to: '12:00' },
            { from: '13:00', to: '18:00' },
          ],
        },
      ],
    });
    expect(schedule.status, JSON.stringify(schedule.body)).toBe(200);
    expect(await marker()).not.toBe(last);
  });

  it('ignores changes on other days and at other locations', async () => {
    const last = await marker();
    await makeAppointment(t.db, {
      locationId: loc,
      staffId: anna.id,
      serviceIds: [haircut.id],
      phone: '+4915100000003',
      start: '2026-12-02T09:00:00Z',
    });
    const other = await makeStaff(t.db, tenant.otherLocation.id, { name: 'Elsewhere' });
    await makeSchedule(t.db, other.id, [DAY], [{ from: '09:00', to: '18:00' }]);
    expect(await marker()).toBe(last);
  });

  it('counts the day in the location’s zone: 23:30 UTC on 30 Nov is already 1 Dec in Berlin', async () => {
    const last = await marker();
    await makeAppointment(t.db, {
      locationId: loc,
      staffId: anna.id,
      serviceIds: [haircut.id],
      phone: '+4915100000004',
      start: '2026-11-30T23:30:00Z',
    });
    expect(await marker()).not.toBe(last);
  });

  it('needs records:read at the location; bad or too long periods are 422 naming the field', async () => {
    const res = (who: { token: string }, query: string) =>
      call(t.app, {
        method: 'GET',
        url: `/api/admin/v1/locations/${loc}/calendar/marker?${query}`,
        headers: authHeader(t.partnerToken, who.token),
      });
    expect((await res(tenant.outsider, `start_date=${DAY}&end_date=${DAY}`)).status).toBe(403);
    expect((await res(tenant.staff, `start_date=${DAY}&end_date=${DAY}`)).status).toBe(200);
    const tooLong = await res(tenant.owner, `start_date=${DAY}&end_date=2027-02-01`);
    expect(tooLong.status).toBe(422);
    expect(JSON.stringify(tooLong.body)).toContain('end_date');
    const reversed = await res(tenant.owner, `start_date=${DAY}&end_date=2026-11-01`);
    expect(reversed.status).toBe(422);
    expect((await res(tenant.owner, `start_date=2026-13-01&end_date=${DAY}`)).status).toBe(422);
  });
});
