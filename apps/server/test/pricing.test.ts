import { makeSchedule, makeService } from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { book, makeSalon, type Salon } from './support/records';
import { authHeader, call, createTestApp, type TestApp } from './support/test-app';

/** One price rule (core's discountedCost) for the back office and online booking. */
let t: TestApp;
let s: Salon;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-28T10:00:00Z' });
  s = await makeSalon(t);
});
afterAll(() => t.close());

describe('a 6 % discount on 1.25', () => {
  it('costs 1.18 when the back office books it (POST /records)', async () => {
    const res = await book(t, s, { services: [{ id: s.cut.id, first_cost: 1.25, discount: 6 }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.record.services[0]).toMatchObject({ first_cost: 1.25, discount: 6, cost: 1.18 });
  });

  it('costs 1.18 when a client books it online (book_record)', async () => {
    const cheap = await makeService(t.db, s.loc, { price: 1.25, staffIds: [s.ben.id] });
    await t.db.query('UPDATE services SET discount = 6 WHERE id = $1', [cheap.id]);
    await makeSchedule(t.db, s.ben.id, ['2026-12-02'], [{ from: '09:00', to: '18:00' }]);
    const res = await call(t.app, {
      method: 'POST',
      url: `/api/v1/book_record/${s.loc}`,
      headers: authHeader(t.partnerToken),
      payload: {
        phone: '+4915199887766',
        fullname: 'Online',
        appointments: [
          { id: 1, services: [cheap.id], staff_id: s.ben.id, datetime: '2026-12-02 10:00' },
        ],
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [line] = await t.db.query<{ first_cost: number; discount: number; cost: number }>(
      'SELECT first_cost, discount, cost FROM record_services WHERE record_id = $1',
      [res.body.data[0].record_id],
    );
    expect(line).toEqual({ first_cost: 1.25, discount: 6, cost: 1.18 });
  });
});
