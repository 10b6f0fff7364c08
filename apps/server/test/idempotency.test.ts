import { makeLocation, makeSchedule, makeService, makeStaff, raceTitle } from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsLog } from './support/sms-log';
import { authHeader, call, createTestApp, type TestApp } from './support/test-app';

/**
 * Idempotency-Key on POST /book_record: a retry gets the first answer and never a second
 * appointment; the key is bound to its request; refusals do not use it up; keys expire.
 */
let t: TestApp;
let loc: { id: number };
let confirming: { id: number };
let anna: { id: number };
let cut: { id: number };
let berta: { id: number };
let trim: { id: number };
const log = smsLog();

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-28T10:00:00Z', loggerInstance: log.logger });
  loc = await makeLocation(t.db, { timezone: 'Europe/Berlin' });
  anna = await makeStaff(t.db, loc.id);
  cut = await makeService(t.db, loc.id, { minutes: 60, staffIds: [anna.id] });
  await makeSchedule(t.db, anna.id, ['2026-12-01', '2026-12-02'], [{ from: '09:00', to: '18:00' }]);
  confirming = await makeLocation(t.db, { timezone: 'Europe/Berlin' });
  await t.db.query('UPDATE locations SET phone_confirmation = true WHERE id = $1', [confirming.id]);
  berta = await makeStaff(t.db, confirming.id);
  trim = await makeService(t.db, confirming.id, { minutes: 60, staffIds: [berta.id] });
  await makeSchedule(t.db, berta.id, ['2026-12-01'], [{ from: '09:00', to: '18:00' }]);
});
afterAll(() => t.close());

let phoneSeq = 0;
const newPhone = () => `+4915155${String(++phoneSeq).padStart(6, '0')}`;
const booking = (phone: string, time: string, extra: object = {}) => ({
  phone,
  fullname: 'Erika',
  appointments: [{ id: 1, services: [cut.id], staff_id: anna.id, datetime: time }],
  ...extra,
});
const post = (locationId: number, payload: object, key?: string) =>
  call(t.app, {
    method: 'POST',
    url: `/api/v1/book_record/${locationId}`,
    headers: { ...authHeader(t.partnerToken), ...(key ? { 'idempotency-key': key } : {}) },
    payload,
  });
const appointmentsOf = async (phone: string) =>
  (
    await t.db.query<{ id: number }>(
      `SELECT r.id FROM records r JOIN clients c ON c.id = r.client_id
        WHERE c.phone = $1 AND r.deleted_at IS NULL ORDER BY r.id`,
      [phone],
    )
  ).map((r) => r.id);

describe('Idempotency-Key on book_record', () => {
  it(raceTitle('10 parallel retries with one key: one appointment, one body for all'), async () => {
    const phone = newPhone();
    const body = booking(phone, '2026-12-01 10:00:00');
    const results = await Promise.all(
      Array.from({ length: 10 }, () => post(loc.id, body, 'parallel-retry-1')),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    const bodies = new Set(results.map((r) => JSON.stringify(r.body.data)));
    expect(bodies.size).toBe(1);
    const ids = await appointmentsOf(phone);
    expect(ids).toHaveLength(1);
    expect(results[0]!.body.data[0].record_id).toBe(ids[0]);
  });

  it('the same key with a different body is refused with 422 naming the header; nothing is written', async () => {
    const phone = newPhone();
    const first = await post(loc.id, booking(phone, '2026-12-01 12:00:00'), 'reused-key');
    expect(first.status).toBe(201);
    const other = newPhone();
    const reused = await post(loc.id, booking(other, '2026-12-01 13:00:00'), 'reused-key');
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ success: false, data: null });
    expect(Object.keys(reused.body.meta.errors)).toEqual(['Idempotency-Key']);
    expect(await appointmentsOf(other)).toEqual([]);
    // The same key at another location is another key.
    const elsewhere = await post(
      confirming.id,
      {
        phone: other,
        fullname: 'Erika',
        appointments: [
          { id: 1, services: [trim.id], staff_id: berta.id, datetime: '2026-12-01 16:00:00' },
        ],
      },
      'reused-key',
    );
    expect(elsewhere.body.meta.errors[0].code).toBe(432); // the code check, not the key, refuses it
  });

  it('a retry after a refused SMS code books with the right code; the next retry replays it', async () => {
    const phone = newPhone();
    const sent = await call(t.app, {
      method: 'POST',
      url: `/api/v1/book_code/${confirming.id}`,
      headers: authHeader(t.partnerToken),
      payload: { phone },
    });
    expect(sent.status).toBe(201);
    const code = log.lastCode(phone);
    const wrong = code === '100000' ? '100001' : '100000';
    const body = (c: string) => ({
      phone,
      fullname: 'Erika',
      code: c,
      appointments: [
        { id: 1, services: [trim.id], staff_id: berta.id, datetime: '2026-12-01 11:00:00' },
      ],
    });
    const refused = await post(confirming.id, body(wrong), 'sms-retry');
    expect(refused.status).toBe(422);
    expect(refused.body.meta.errors[0].code).toBe(432);
    const booked = await post(confirming.id, body(code), 'sms-retry');
    expect(booked.status).toBe(201);
    const replayed = await post(confirming.id, body(code), 'sms-retry');
    expect(replayed.status).toBe(201);
    expect(replayed.body.data).toEqual(booked.body.data);
    expect(await appointmentsOf(phone)).toHaveLength(1);
  });

  it('a refused booking (slot taken) does not use the key up', async () => {
    const phone = newPhone();
    expect((await post(loc.id, booking(newPhone(), '2026-12-01 15:00:00'))).status).toBe(201);
    const taken = await post(loc.id, booking(phone, '2026-12-01 15:00:00'), 'after-433');
    expect(taken.body.meta.errors[0].code).toBe(433);
    const moved = await post(loc.id, booking(phone, '2026-12-01 16:00:00'), 'after-433');
    expect(moved.status).toBe(201);
  });

  it('a key expires after 24 hours: the same key then makes a new booking', async () => {
    const phone = newPhone();
    const first = await post(loc.id, booking(phone, '2026-12-02 10:00:00'), 'expiring');
    expect(first.status).toBe(201);
    t.clock.set('2026-11-29T09:59:00Z');
    const sameDay = await post(loc.id, booking(phone, '2026-12-02 10:00:00'), 'expiring');
    expect(sameDay.body.data).toEqual(first.body.data);
    t.clock.set('2026-11-29T10:01:00Z');
    const later = await post(loc.id, booking(phone, '2026-12-02 11:00:00'), 'expiring');
    expect(later.status).toBe(201);
    expect(later.body.data[0].record_id).not.toBe(first.body.data[0].record_id);
    expect(await appointmentsOf(phone)).toHaveLength(2);
    t.clock.set('2026-11-28T10:00:00Z');
  });
});
