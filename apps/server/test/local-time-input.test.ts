import {
  makeBookingSettings,
  makeLocation,
  makeSchedule,
  makeService,
  makeStaff,
  makeUser,
} from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './support/catalog';
import { authHeader, call, createTestApp, type TestApp } from './support/test-app';

/**
 * Offset-less local datetimes on DST days, one rule on every path that books or moves an
 * appointment: a repeated hour (fall-back) means its earlier occurrence; a skipped hour
 * (spring-forward) is refused with 422 naming the datetime field, nothing written.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-01-01T00:00:00Z' });
});
afterAll(() => t.close());

async function openAllDay(timezone: string, date: string) {
  const loc = await makeLocation(t.db, { timezone });
  await makeBookingSettings(t.db, loc.id, {
    slot_step_minutes: 30,
    min_notice_minutes: 0,
    horizon_days: 730,
    allow_client_reschedule: true,
    reschedule_until_minutes: 0,
  });
  const member = await makeStaff(t.db, loc.id);
  const service = await makeService(t.db, loc.id, { minutes: 30, staffIds: [member.id] });
  await makeSchedule(t.db, member.id, [date], [{ from: '00:00', to: '24:00' }]);
  const admin = await makeUser(t.db, { role: 'administrator', locationId: loc.id });
  return { loc, member, service, admin };
}

let phoneSeq = 0;
const bookRecord = (s: Awaited<ReturnType<typeof openAllDay>>, datetime: string) =>
  call(t.app, {
    method: 'POST',
    url: `/api/v1/book_record/${s.loc.id}`,
    headers: authHeader(t.partnerToken),
    payload: {
      phone: `+1212555${String(++phoneSeq).padStart(4, '0')}`,
      fullname: 'DST',
      appointments: [{ id: 1, services: [s.service.id], staff_id: s.member.id, datetime }],
    },
  });
const startOf = async (recordId: number) =>
  (
    await t.db.query<{ starts_at: Date }>('SELECT starts_at FROM records WHERE id = $1', [recordId])
  )[0]!.starts_at.toISOString();
const recordsOf = async (memberId: number) =>
  (
    await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM records WHERE staff_id = $1 AND deleted_at IS NULL',
      [memberId],
    )
  )[0]!.n;

describe('book_record with a local time on a DST day', () => {
  it('New York 2026-11-01 01:30:00 (repeated hour) books the earlier 01:30, EDT (-04:00)', async () => {
    const s = await openAllDay('America/New_York', '2026-11-01');
    const res = await bookRecord(s, '2026-11-01 01:30:00');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(await startOf(res.body.data[0].record_id)).toBe('2026-11-01T05:30:00.000Z');
    // The later 01:30 (EST) is a different instant and still free.
    const later = await bookRecord(s, '2026-11-01T01:30:00-05:00');
    expect(later.status).toBe(201);
    expect(await startOf(later.body.data[0].record_id)).toBe('2026-11-01T06:30:00.000Z');
  });

  it('Berlin 2026-03-29 02:30:00 (skipped hour) is refused with 422 naming the datetime; nothing booked', async () => {
    const s = await openAllDay('Europe/Berlin', '2026-03-29');
    const res = await bookRecord(s, '2026-03-29 02:30:00');
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ success: false, data: null });
    expect(Object.keys(res.body.meta.errors)).toEqual(['appointments.0.datetime']);
    expect(res.body.meta.message).toMatch(/does not exist in Europe\/Berlin/);
    expect(await recordsOf(s.member.id)).toBe(0);
    // The same moment written with an offset is unambiguous and books.
    const exact = await bookRecord(s, '2026-03-29T03:30:00+02:00');
    expect(exact.status).toBe(201);
  });

  it('book_check applies the same rule', async () => {
    const s = await openAllDay('Europe/Berlin', '2026-03-29');
    const res = await call(t.app, {
      method: 'POST',
      url: `/api/v1/book_check/${s.loc.id}`,
      headers: authHeader(t.partnerToken),
      payload: {
        appointments: [
          { id: 1, services: [s.service.id], staff_id: s.member.id, datetime: '2026-03-29 02:30' },
        ],
      },
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.meta.errors)).toEqual(['appointments.0.datetime']);
  });
});

describe('the back office and reschedules use the same rule', () => {
  it('POST /records: repeated hour → earlier instant; skipped hour → 422 errors.datetime', async () => {
    const ny = await openAllDay('America/New_York', '2026-11-01');
    const made = await api(t).post(`/records/${ny.loc.id}`, ny.admin, {
      staff_id: ny.member.id,
      services: [{ id: ny.service.id }],
      client: { phone: '+12125550199', name: 'Back office' },
      datetime: '2026-11-01 01:30:00',
      seance_length: 1800,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(await startOf(made.body.data[0].id)).toBe('2026-11-01T05:30:00.000Z');

    const berlin = await openAllDay('Europe/Berlin', '2026-03-29');
    const refused = await api(t).post(`/records/${berlin.loc.id}`, berlin.admin, {
      staff_id: berlin.member.id,
      services: [{ id: berlin.service.id }],
      client: { phone: '+4915100000001', name: 'Back office' },
      datetime: '2026-03-29 02:30:00',
      seance_length: 1800,
    });
    expect(refused.status).toBe(422);
    expect(Object.keys(refused.body.meta.errors)).toEqual(['datetime']);
    expect(await recordsOf(berlin.member.id)).toBe(0);
  });

  it('PUT /book_record (online reschedule) into a skipped hour is 422 errors.datetime; the appointment stays', async () => {
    const s = await openAllDay('Europe/Berlin', '2026-03-29');
    const made = await bookRecord(s, '2026-03-29 10:00:00');
    const { record_id, record_hash } = made.body.data[0];
    const moved = await call(t.app, {
      method: 'PUT',
      url: `/api/v1/book_record/${s.loc.id}/${record_id}`,
      headers: authHeader(t.partnerToken),
      payload: { datetime: '2026-03-29 02:30:00', record_hash },
    });
    expect(moved.status).toBe(422);
    expect(Object.keys(moved.body.meta.errors)).toEqual(['datetime']);
    expect(await startOf(record_id)).toBe('2026-03-29T08:00:00.000Z');
    const repeated = await call(t.app, {
      method: 'PUT',
      url: `/api/v1/book_record/${s.loc.id}/${record_id}`,
      headers: authHeader(t.partnerToken),
      payload: { datetime: '2026-03-29 01:30:00', record_hash },
    });
    expect(repeated.status, JSON.stringify(repeated.body)).toBe(200);
    expect(await startOf(record_id)).toBe('2026-03-29T00:30:00.000Z');
  });
});
