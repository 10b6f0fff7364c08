import {
  makeBookingSettings,
  makeLocation,
  makeSchedule,
  makeService,
  makeStaff,
} from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeader, call, createTestApp, type TestApp } from './support/test-app';

// End to end across DST: schedules in local time, slots and bookings stored as instants.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-01-01T00:00:00Z' });
});
afterAll(() => t.close());

async function roundTheClock(timezone: string, date: string, minutes = 60) {
  const loc = await makeLocation(t.db, { timezone });
  await makeBookingSettings(t.db, loc.id, {
    slot_step_minutes: 60,
    min_notice_minutes: 0,
    horizon_days: 730,
  });
  const member = await makeStaff(t.db, loc.id);
  const service = await makeService(t.db, loc.id, { minutes, staffIds: [member.id] });
  await makeSchedule(t.db, member.id, [date], [{ from: '00:00', to: '24:00' }]);
  const res = await call(t.app, {
    method: 'GET',
    url: `/api/v1/book_times/${loc.id}/${member.id}/${date}?service_ids[]=${service.id}`,
    headers: authHeader(t.partnerToken),
  });
  return { loc, member, service, slots: res.body.data as { time: string; datetime: string }[] };
}

describe('book_times across DST changes', () => {
  it('New York fall-back day has 25 hourly slots, 01:00 twice with different offsets', async () => {
    const { slots } = await roundTheClock('America/New_York', '2026-11-01');
    expect(slots).toHaveLength(25);
    expect(slots.filter((s) => s.time === '01:00').map((s) => s.datetime)).toEqual([
      '2026-11-01T01:00:00-04:00',
      '2026-11-01T01:00:00-05:00',
    ]);
  });

  it('Berlin spring-forward day has 23 hourly slots and no 02:00', async () => {
    const { slots } = await roundTheClock('Europe/Berlin', '2026-03-29');
    expect(slots).toHaveLength(23);
    expect(slots.map((s) => s.time)).not.toContain('02:00');
    expect(slots[2]!.datetime).toBe('2026-03-29T03:00:00+02:00');
  });

  it('Lord Howe (30-minute DST) and Kolkata (+05:30) slots carry the right offsets', async () => {
    const lordHowe = await roundTheClock('Australia/Lord_Howe', '2026-04-05');
    expect(lordHowe.slots[0]!.datetime).toBe('2026-04-05T00:00:00+11:00');
    // The grid runs in real time from the working interval's start: after the 30-minute fall-back
    // the local times are on the half hour, and the 24.5-hour day holds 24 one-hour starts.
    expect(lordHowe.slots).toHaveLength(24);
    expect(lordHowe.slots.at(-1)!.datetime).toBe('2026-04-05T22:30:00+10:30');
    const kolkata = await roundTheClock('Asia/Kolkata', '2026-06-01');
    expect(kolkata.slots).toHaveLength(24);
    expect(kolkata.slots[9]!.datetime).toBe('2026-06-01T09:00:00+05:30');
  });

  it('a booking in the repeated hour is stored as that instant and blocks only it', async () => {
    const { loc, member, service } = await roundTheClock('America/New_York', '2026-11-01');
    const book = await call(t.app, {
      method: 'POST',
      url: `/api/v1/book_record/${loc.id}`,
      headers: authHeader(t.partnerToken),
      payload: {
        phone: '+12125550100',
        fullname: 'DST Tester',
        appointments: [
          {
            id: 1,
            services: [service.id],
            staff_id: member.id,
            datetime: '2026-11-01T01:00:00-05:00',
          },
        ],
      },
    });
    expect(book.status).toBe(201);
    const rows = await t.db.query<{ starts_at: Date }>(
      'SELECT starts_at FROM records WHERE id = $1',
      [book.body.data[0].record_id],
    );
    expect(rows[0]!.starts_at.toISOString()).toBe('2026-11-01T06:00:00.000Z');
    const after = await call(t.app, {
      method: 'GET',
      url: `/api/v1/book_times/${loc.id}/${member.id}/2026-11-01?service_ids[]=${service.id}`,
      headers: authHeader(t.partnerToken),
    });
    const oneAm = after.body.data.filter((s: { time: string }) => s.time === '01:00');
    expect(oneAm.map((s: { datetime: string }) => s.datetime)).toEqual([
      '2026-11-01T01:00:00-04:00',
    ]);
  });
});
