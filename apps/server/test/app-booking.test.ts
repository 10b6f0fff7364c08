import { makeAppUser, makeSchedule } from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appApi, nextPhone } from './support/cabinet';
import { api } from './support/catalog';
import { makeSalon, type Salon } from './support/records';
import { call, createTestApp, type TestApp } from './support/test-app';

/**
 * `POST /api/app/v1/places/{location_id}/appointments`: a logged-in client books with the
 * account's phone (verified by the login code), so a location with `phone_confirmation` asks
 * for no second code; otherwise the rules of `book_record`.
 */
let t: TestApp;
let s: Salon;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-28T10:00:00Z' });
  s = await makeSalon(t);
  await makeSchedule(t.db, s.anna.id, ['2026-12-01'], [{ from: '09:00', to: '18:00' }]);
  await t.db.query('UPDATE locations SET phone_confirmation = true WHERE id = $1', [s.loc]);
});
afterAll(() => t.close());

const body = (datetime: string) => ({
  fullname: 'Clara Neu',
  comment: 'window seat',
  appointments: [{ id: 7, services: [s.cut.id], staff_id: s.anna.id, datetime }],
});

const book = (who: { token: string } | null, payload: unknown, key?: string) =>
  call(t.app, {
    method: 'POST',
    url: `/api/app/v1/places/${s.loc}/appointments`,
    headers: {
      ...(who ? { authorization: `Bearer ${who.token}` } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    payload: payload as object,
  });

const recordsOf = (phone: string) =>
  t.db.query<{ id: number; comment: string; staff_id: number; source: string }>(
    `SELECT r.id, r.comment, r.staff_id, r.source FROM records r JOIN clients c ON c.id = r.client_id
     WHERE c.phone = $1 AND r.deleted_at IS NULL ORDER BY r.id`,
    [phone],
  );

describe('booking as the logged-in client', () => {
  it('books without an SMS code where the location asks for one, with the account’s phone', async () => {
    const user = await makeAppUser(t.db, { phone: nextPhone(), name: 'Clara' });
    // The public booking still needs the code at this location.
    const publicTry = await api(t).post(`/book_record/${s.loc}`, null, {
      phone: user.phone,
      ...body('2026-12-01 09:00:00'),
    });
    expect(publicTry.status).toBe(422);
    expect(publicTry.body.meta.errors[0].code).toBe(432);

    const res = await book(user, body('2026-12-01 09:00:00'));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.data).toEqual([
      { id: 7, record_id: expect.any(Number), record_hash: expect.any(String) },
    ]);
    const rows = await recordsOf(user.phone);
    expect(rows).toEqual([
      {
        id: res.body.data[0].record_id,
        comment: 'window seat',
        staff_id: s.anna.id,
        source: 'online',
      },
    ]);
    // It is the client's appointment in the app.
    const mine = await appApi(t)('GET', '/appointments?status=upcoming', user);
    expect(mine.body.data.map((a: { id: number }) => a.id)).toEqual([rows[0]!.id]);
  });

  it('the same Idempotency-Key books once and answers the same', async () => {
    const user = await makeAppUser(t.db, { phone: nextPhone() });
    const first = await book(user, body('2026-12-01 11:00:00'), 'key-app-1');
    const again = await book(user, body('2026-12-01 11:00:00'), 'key-app-1');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.data).toEqual(first.body.data);
    expect(await recordsOf(user.phone)).toHaveLength(1);
  });

  it('a taken time is 422 with code 433 and writes nothing', async () => {
    const user = await makeAppUser(t.db, { phone: nextPhone() });
    const other = await makeAppUser(t.db, { phone: nextPhone() });
    expect((await book(other, body('2026-12-01 14:00:00'))).status).toBe(201);
    const res = await book(user, body('2026-12-01 14:00:00'));
    expect(res.status).toBe(422);
    expect(res.body.meta.errors[0].code).toBe(433);
    expect(await recordsOf(user.phone)).toEqual([]);
  });

  it('is 401 without a token, 403 before consent, 422 without a name, 404 for an unknown place', async () => {
    expect((await book(null, body('2026-12-01 16:00:00'))).status).toBe(401);
    const fresh = await makeAppUser(t.db, { phone: nextPhone(), consented: false });
    expect((await book(fresh, body('2026-12-01 16:00:00'))).status).toBe(403);
    const user = await makeAppUser(t.db, { phone: nextPhone() });
    const nameless = await book(user, { ...body('2026-12-01 16:00:00'), fullname: '' });
    expect(nameless.status).toBe(422);
    const unknown = await call(t.app, {
      method: 'POST',
      url: '/api/app/v1/places/999999/appointments',
      headers: { authorization: `Bearer ${user.token}` },
      payload: body('2026-12-01 16:00:00'),
    });
    expect(unknown.status).toBe(404);
    expect(await recordsOf(user.phone)).toEqual([]);
  });
});
