import { makeLocation, makeSchedule, makeService, makeStaff } from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './support/catalog';
import { makeSalon, type Salon } from './support/records';
import { smsLog } from './support/sms-log';
import { authHeader, call, createTestApp, type TestApp } from './support/test-app';

/**
 * Where a location has `phone_confirmation`, online bookings (book_record and group events)
 * need the SMS code from book_code: 432 when it is missing or wrong, and a right code is spent.
 */
let t: TestApp;
let loc: { id: number; chainId: number };
let anna: { id: number };
let cut: { id: number };
let salon: Salon;
const log = smsLog();

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-28T10:00:00Z', loggerInstance: log.logger });
  loc = await makeLocation(t.db, { timezone: 'Europe/Berlin' });
  anna = await makeStaff(t.db, loc.id, { name: 'Anna' });
  cut = await makeService(t.db, loc.id, { minutes: 60, staffIds: [anna.id] });
  await makeSchedule(t.db, anna.id, ['2026-12-01'], [{ from: '09:00', to: '18:00' }]);
  await t.db.query('UPDATE locations SET phone_confirmation = true WHERE id = $1', [loc.id]);
  salon = await makeSalon(t);
  await t.db.query('UPDATE locations SET phone_confirmation = true WHERE id = $1', [salon.loc]);
});
afterAll(() => t.close());

let phoneSeq = 0;
const newPhone = () => `+4915144${String(++phoneSeq).padStart(6, '0')}`;
let ipSeq = 0;
const post = (url: string, payload: object) =>
  call(t.app, {
    method: 'POST',
    url: `/api/v1${url}`,
    headers: authHeader(t.partnerToken),
    payload,
    remoteAddress: `203.0.113.${++ipSeq}`,
  });

async function codeFor(phone: string, locationId = loc.id) {
  expect((await post(`/book_code/${locationId}`, { phone })).status).toBe(201);
  return log.lastCode(phone);
}
const other = (code: string) => (code === '100000' ? '100001' : '100000');

const booking = (phone: string, time: string, code?: string | number) => ({
  phone,
  fullname: 'Erika',
  appointments: [{ id: 1, services: [cut.id], staff_id: anna.id, datetime: `2026-12-01 ${time}` }],
  ...(code !== undefined ? { code } : {}),
});
const recordsOf = async (phone: string) =>
  t.db.query(
    `SELECT r.id FROM records r JOIN clients c ON c.id = r.client_id
      WHERE c.phone = $1 AND r.deleted_at IS NULL`,
    [phone],
  );
const attemptsOf = async (phone: string) =>
  (
    await t.db.query<{ attempts: number; consumed_at: Date | null }>(
      'SELECT attempts, consumed_at FROM sms_codes WHERE phone = $1 ORDER BY id DESC LIMIT 1',
      [phone],
    )
  )[0]!;

describe('book_record at a location with phone_confirmation', () => {
  it('refuses a missing code and a wrong one with 432, booking nothing, counting the wrong try', async () => {
    const phone = newPhone();
    const code = await codeFor(phone);
    const missing = await post(`/book_record/${loc.id}`, booking(phone, '09:00'));
    expect(missing.status).toBe(422);
    expect(missing.body.meta.errors[0].code).toBe(432);
    const wrong = await post(`/book_record/${loc.id}`, booking(phone, '09:00', other(code)));
    expect(wrong.status).toBe(422);
    expect(wrong.body.meta.errors[0].code).toBe(432);
    expect(await recordsOf(phone)).toHaveLength(0);
    expect(await t.db.query('SELECT 1 FROM clients WHERE phone = $1', [phone])).toHaveLength(0);
    expect(await attemptsOf(phone)).toEqual({ attempts: 1, consumed_at: null });
  });

  it('books with the right code and spends it: the same code does not book twice', async () => {
    const phone = newPhone();
    const code = await codeFor(phone);
    const res = await post(`/book_record/${loc.id}`, booking(phone, '10:00', Number(code)));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(await recordsOf(phone)).toHaveLength(1);
    expect((await attemptsOf(phone)).consumed_at).not.toBeNull();
    const again = await post(`/book_record/${loc.id}`, booking(phone, '12:00', code));
    expect(again.status).toBe(422);
    expect(again.body.meta.errors[0].code).toBe(432);
    expect(await recordsOf(phone)).toHaveLength(1);
  });

  it('keeps the code when the booking fails for another reason', async () => {
    const taken = newPhone();
    await post(`/book_record/${loc.id}`, booking(taken, '14:00', await codeFor(taken)));
    const phone = newPhone();
    const code = await codeFor(phone);
    const clash = await post(`/book_record/${loc.id}`, booking(phone, '14:00', code));
    expect(clash.status).toBe(422);
    expect(clash.body.meta.errors[0].code).toBe(433);
    expect((await attemptsOf(phone)).consumed_at).toBeNull();
    const res = await post(`/book_record/${loc.id}`, booking(phone, '15:00', code));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  it('does not ask for a code where the location does not demand one', async () => {
    await t.db.query('UPDATE locations SET phone_confirmation = false WHERE id = $1', [loc.id]);
    try {
      const phone = newPhone();
      const res = await post(`/book_record/${loc.id}`, booking(phone, '16:00'));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    } finally {
      await t.db.query('UPDATE locations SET phone_confirmation = true WHERE id = $1', [loc.id]);
    }
  });
});

describe('group-event booking at a location with phone_confirmation', () => {
  let eventId: number;
  beforeAll(async () => {
    const res = await api(t).post(`/activity/${salon.loc}`, salon.admin, {
      date: '2027-02-01 18:00:00',
      service_id: salon.yoga.id,
      staff_id: salon.anna.id,
      capacity: 5,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    eventId = res.body.data.id as number;
  });
  const book = (phone: string, code?: string) =>
    post(`/activity/${salon.loc}/${eventId}/book`, {
      fullname: 'Lena',
      phone,
      ...(code !== undefined ? { code } : {}),
    });

  it('refuses a wrong code with 432 and books with the right one', async () => {
    const phone = newPhone();
    const code = await codeFor(phone, salon.loc);
    const wrong = await book(phone, other(code));
    expect(wrong.status).toBe(422);
    expect(wrong.body.meta.errors[0].code).toBe(432);
    expect(await attemptsOf(phone)).toEqual({ attempts: 1, consumed_at: null });
    const res = await book(phone, code);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await recordsOf(phone)).toHaveLength(1);
    expect((await book(phone, code)).status).toBe(422); // spent
  });
});

describe('a code confirms bookings only where it was requested', () => {
  it('a code from location A does not confirm a booking at location B of the same chain; it stays good at A', async () => {
    const sibling = await makeLocation(t.db, { chainId: loc.chainId, timezone: 'Europe/Berlin' });
    await t.db.query('UPDATE locations SET phone_confirmation = true WHERE id = $1', [sibling.id]);
    const bea = await makeStaff(t.db, sibling.id);
    const trim = await makeService(t.db, sibling.id, { minutes: 60, staffIds: [bea.id] });
    await makeSchedule(t.db, bea.id, ['2026-12-01'], [{ from: '09:00', to: '18:00' }]);
    const phone = newPhone();
    const code = await codeFor(phone, loc.id);
    const atB = await post(`/book_record/${sibling.id}`, {
      phone,
      fullname: 'Erika',
      code,
      appointments: [
        { id: 1, services: [trim.id], staff_id: bea.id, datetime: '2026-12-01 11:00' },
      ],
    });
    expect(atB.status).toBe(422);
    expect(atB.body.meta.errors[0].code).toBe(432);
    expect(atB.body.meta.errors[0].message).toMatch(/at this location/);
    expect(await recordsOf(phone)).toHaveLength(0);
    // Neither spent nor counted as a wrong try: the client can still book at A with it.
    expect(await attemptsOf(phone)).toEqual({ attempts: 0, consumed_at: null });
    const atA = await post(`/book_record/${loc.id}`, booking(phone, '11:00', code));
    expect(atA.status, JSON.stringify(atA.body)).toBe(201);
  });

  it("the app's login code does not confirm a booking", async () => {
    const phone = newPhone();
    const sent = await call(t.app, {
      method: 'POST',
      url: '/api/app/v1/auth/code',
      payload: { phone },
      remoteAddress: `198.51.100.${++ipSeq}`,
    });
    expect(sent.status).toBe(202);
    const res = await post(`/book_record/${loc.id}`, booking(phone, '13:00', log.lastCode(phone)));
    expect(res.status).toBe(422);
    expect(res.body.meta.errors[0].code).toBe(432);
    expect(await recordsOf(phone)).toHaveLength(0);
  });

  it('a code from another location does not confirm a group-event booking either', async () => {
    const phone = newPhone();
    const code = await codeFor(phone, loc.id);
    const res = await api(t).post(`/activity/${salon.loc}`, salon.admin, {
      date: '2027-02-02 18:00:00',
      service_id: salon.yoga.id,
      staff_id: salon.anna.id,
      capacity: 5,
    });
    const booked = await post(`/activity/${salon.loc}/${res.body.data.id}/book`, {
      fullname: 'Lena',
      phone,
      code,
    });
    expect(booked.status).toBe(422);
    expect(booked.body.meta.errors[0].code).toBe(432);
    expect(await recordsOf(phone)).toHaveLength(0);
  });
});
