import { ensureBirthdayScan } from '@visita/jobs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api } from './support/catalog';
import {
  bookInCalendar,
  configure,
  inbox,
  makeAppClient,
  makeNotifySalon,
  startEngine,
  typesOf,
  type AppClient,
  type TestEngine,
} from './support/notifications';
import { createCardType, issueCard } from './support/loyalty';
import type { Salon } from './support/records';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let e: TestEngine;
let s: Salon;
const START = '2026-11-28T10:00:00Z';

beforeAll(async () => {
  t = await createTestApp({ now: START });
  e = await startEngine(t);
  s = await makeNotifySalon(t);
});
afterAll(async () => {
  await e.close();
  await t.close();
});
beforeEach(() => t.clock.set(START));

/** Moves the test clock and lets the engine run what became due. */
async function at(instant: string) {
  t.clock.set(instant);
  await e.settle();
}

const only = async (c: AppClient, type: number) =>
  (await inbox(t, c)).filter((n) => n.type === type);

async function move(id: number, c: AppClient, datetime: string) {
  const res = await api(t).put(`/record/${s.loc}/${id}`, s.admin, {
    staff_id: s.anna.id,
    services: [{ id: s.cut.id }],
    client: { phone: c.phone },
    datetime,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

const attendance = (id: number, value: number) =>
  api(t).post(`/company/${s.loc}/records/${id}/attendance`, s.admin, { attendance: value });

describe('type 5: upcoming visit reminder (24 h before by default)', () => {
  it('fires at its time, not before, with Details and Book', async () => {
    const c = await makeAppClient(t, e, s);
    // 1 Dec 10:00 Berlin = 09:00Z: the reminder is due 30 Nov 09:00Z.
    const id = await bookInCalendar(t, s, c, '2026-12-01 10:00:00');
    await at('2026-11-30T08:59:00Z');
    expect(await only(c, 5)).toHaveLength(0);
    await at('2026-11-30T09:00:00Z');
    const [reminder, ...more] = await only(c, 5);
    expect(more).toHaveLength(0);
    expect(reminder!.actions).toEqual([
      { kind: 'details', appointment_id: id },
      { kind: 'book', location_id: s.loc, url: `/app/book/${s.loc}` },
    ]);
    expect(reminder!.body).toContain('01.12.2026');
    await at('2026-11-30T20:00:00Z');
    expect(await only(c, 5)).toHaveLength(1);
  });

  it('follows a moved appointment: nothing at the old time, one at the new time', async () => {
    const c = await makeAppClient(t, e, s);
    const id = await bookInCalendar(t, s, c, '2026-12-01 13:00:00');
    await e.settle();
    await move(id, c, '2026-12-03 13:00:00');
    await at('2026-11-30T12:30:00Z');
    expect(await only(c, 5)).toHaveLength(0);
    await at('2026-12-02T12:00:00Z');
    const reminders = await only(c, 5);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.body).toContain('03.12.2026');
  });

  it('is dropped for a canceled visit, and a job that runs anyway re-checks', async () => {
    const c = await makeAppClient(t, e, s);
    const canceled = await bookInCalendar(t, s, c, '2026-12-02 10:00:00');
    const vanished = await bookInCalendar(t, s, c, '2026-12-02 15:00:00');
    await e.settle();
    expect((await api(t).del(`/record/${s.loc}/${canceled}`, s.admin)).status).toBe(204);
    await e.settle();
    const jobs = await t.db.query('SELECT id FROM jobs WHERE key = $1', [
      `notify:5:appointment:${canceled}`,
    ]);
    expect(jobs).toHaveLength(0);
    // Deleted behind the engine's back (no event): the job still finds out when it runs.
    await t.db.query('UPDATE records SET deleted_at = now() WHERE id = $1', [vanished]);
    await at('2026-12-02T14:00:00Z');
    expect(await only(c, 5)).toHaveLength(0);
  });

  it('is not planned when the visit is closer than the reminder time, or when off', async () => {
    const c = await makeAppClient(t, e, s);
    t.clock.set('2026-11-30T20:00:00Z');
    await bookInCalendar(t, s, c, '2026-12-01 09:00:00');
    await configure(t, s, [{ type: 5, enabled: false }]);
    await bookInCalendar(t, s, c, '2026-12-04 09:00:00');
    await e.settle();
    await configure(t, s, [{ type: 5, enabled: true }]);
    await at('2026-12-04T07:59:00Z');
    expect(await only(c, 5)).toHaveLength(0);
  });

  it('honours a custom lead time', async () => {
    const c = await makeAppClient(t, e, s);
    await configure(t, s, [{ type: 5, timing: 2 }]);
    await bookInCalendar(t, s, c, '2026-12-04 16:00:00');
    await e.settle();
    await configure(t, s, [{ type: 5, timing: 24 }]);
    await at('2026-12-04T12:59:00Z');
    expect(await only(c, 5)).toHaveLength(0);
    await at('2026-12-04T13:00:00Z');
    expect(await only(c, 5)).toHaveLength(1);
  });
});

describe('type 8: review request (2 h after the visit by default)', () => {
  it('fires after a visit, not after a no-show, not when already reviewed', async () => {
    const came = await makeAppClient(t, e, s);
    const noShow = await makeAppClient(t, e, s);
    const reviewed = await makeAppClient(t, e, s);
    // 30 Nov 10:00–11:00 Berlin: due 30 Nov 12:00Z.
    const a = await bookInCalendar(t, s, came, '2026-11-30 10:00:00');
    const b = await bookInCalendar(t, s, noShow, '2026-11-30 11:00:00');
    const r = await bookInCalendar(t, s, reviewed, '2026-11-30 12:00:00');
    await e.settle();
    expect((await attendance(b, -1)).status).toBe(200);
    await t.db.query(
      `INSERT INTO reviews(record_id, location_id, target, rating) VALUES ($1, $2, 'location', 5)`,
      [r, s.loc],
    );
    await at('2026-11-30T11:59:00Z');
    expect(await only(came, 8)).toHaveLength(0);
    await at('2026-12-01T12:00:00Z');
    const [request] = await only(came, 8);
    expect(request).toMatchObject({ appointment_id: a, url: `/app/appointments/${a}/review` });
    expect(await only(noShow, 8)).toHaveLength(0);
    expect(await only(reviewed, 8)).toHaveLength(0);
  });
});

describe('type 6: invitation to a repeat visit (30 days after by default)', () => {
  it('fires after the visit; not after a no-show, not when the client already booked again', async () => {
    const once = await makeAppClient(t, e, s);
    const noShow = await makeAppClient(t, e, s);
    const back = await makeAppClient(t, e, s);
    const a = await bookInCalendar(t, s, once, '2026-11-30 09:00:00');
    const b = await bookInCalendar(t, s, noShow, '2026-11-30 13:00:00');
    await bookInCalendar(t, s, back, '2026-11-30 14:00:00');
    await bookInCalendar(t, s, back, '2026-12-20 14:00:00');
    await e.settle();
    await attendance(a, 1);
    await attendance(b, -1);
    await at('2026-12-29T07:00:00Z');
    expect(await only(once, 6)).toHaveLength(0);
    await at('2026-12-31T12:00:00Z');
    const [invitation] = await only(once, 6);
    expect(invitation!.actions).toEqual([
      { kind: 'book', location_id: s.loc, url: `/app/book/${s.loc}` },
    ]);
    expect(await only(noShow, 6)).toHaveLength(0);
    // back's Dec 20 visit plans its own invitation for January; none for Nov 30.
    expect(await only(back, 6)).toHaveLength(0);
  });
});

describe('type 9: birthday greeting (at the local send hour, 10:00 by default)', () => {
  it('greets once on the day at the send hour, nobody else', async () => {
    const born = await makeAppClient(t, e, s, { name: 'Bea' });
    const other = await makeAppClient(t, e, s);
    await t.db.query('UPDATE clients SET birth_date = $2 WHERE id = $1', [
      born.clientId,
      '1990-12-05',
    ]);
    await t.db.query('UPDATE clients SET birth_date = $2 WHERE id = $1', [
      other.clientId,
      '1990-12-06',
    ]);
    // 09:30 in Berlin: before the send hour.
    t.clock.set('2026-12-05T08:30:00Z');
    await ensureBirthdayScan(t.db, t.clock.now());
    await e.settle();
    expect(await only(born, 9)).toHaveLength(0);
    await at('2026-12-05T09:00:00Z');
    const [greeting] = await only(born, 9);
    expect(greeting!.body).toContain('Happy birthday, Bea');
    await at('2026-12-05T15:00:00Z');
    expect(await only(born, 9)).toHaveLength(1);
    expect(await only(other, 9)).toHaveLength(0);
  });

  it('sends nothing when off', async () => {
    const born = await makeAppClient(t, e, s);
    await t.db.query('UPDATE clients SET birth_date = $2 WHERE id = $1', [
      born.clientId,
      '1985-12-07',
    ]);
    await configure(t, s, [{ type: 9, enabled: false }]);
    t.clock.set('2026-12-07T11:00:00Z');
    await ensureBirthdayScan(t.db, t.clock.now());
    await e.settle();
    expect(await typesOf(t, born)).toEqual([]);
    await configure(t, s, [{ type: 9, enabled: true }]);
  });
});

/** A loyalty engine event, written to the outbox as the loyalty branch does. */
async function loyaltyEvent(type: string, aggregateId: number, payload: Record<string, unknown>) {
  await t.db.query(
    'INSERT INTO outbox_events(location_id, type, aggregate_id, payload) VALUES ($1, $2, $3, $4)',
    [s.loc, type, aggregateId, JSON.stringify(payload)],
  );
}

/** The client's loyalty card, holding `percent` until `expiresAt` as the loyalty engine sets it. */
async function holdDiscount(c: AppClient, percent: number, expiresAt: string, cardId?: number) {
  const id =
    cardId ??
    (
      await issueCard(
        t,
        s.loc,
        s.admin,
        (await createCardType(t, s.location.chainId, s.owner)).id,
        c.phone,
      )
    ).id;
  await t.db.query(
    'UPDATE loyalty_cards SET discount_percent = $2, discount_expires_at = $3 WHERE id = $1',
    [id, percent, expiresAt],
  );
  return id;
}

describe('types 10 and 11: new discount, discount expiring', () => {
  it('announces the discount now and its expiry 3 days before; a new expiry moves the warning', async () => {
    const c = await makeAppClient(t, e, s);
    const card = await holdDiscount(c, 10, '2026-12-20T23:00:00Z');
    await loyaltyEvent('discount.granted', card, {
      clientId: c.clientId,
      cardId: card,
      title: 'Gold card',
      discountPercent: 10,
      expiresAt: '2026-12-20T23:00:00Z',
    });
    await e.settle();
    const [granted] = await only(c, 10);
    expect(granted!.body).toContain('Gold card 10%');
    // Raised and extended before the first warning was due.
    await holdDiscount(c, 15, '2027-01-10T23:00:00Z', card);
    await loyaltyEvent('discount.granted', card, {
      clientId: c.clientId,
      cardId: card,
      title: 'Gold card',
      discountPercent: 15,
      expiresAt: '2027-01-10T23:00:00Z',
    });
    await e.settle();
    expect(await only(c, 10)).toHaveLength(2);
    await at('2026-12-18T00:00:00Z');
    expect(await only(c, 11)).toHaveLength(0);
    await at('2027-01-07T23:00:00Z');
    const [expiring] = await only(c, 11);
    expect(expiring!.body).toContain('Gold card 15%');
    expect(expiring!.body).toContain('11.01.2027');
  });

  it('no warning once the card no longer holds that discount (a refund took it back)', async () => {
    const c = await makeAppClient(t, e, s);
    const card = await holdDiscount(c, 10, '2027-02-20T23:00:00Z');
    await loyaltyEvent('discount.granted', card, {
      clientId: c.clientId,
      cardId: card,
      title: 'Gold card',
      discountPercent: 10,
      expiresAt: '2027-02-20T23:00:00Z',
    });
    await e.settle();
    expect(await only(c, 10)).toHaveLength(1);
    // The visit that granted it is refunded: the card is back to no discount.
    await t.db.query(
      'UPDATE loyalty_cards SET discount_percent = 0, discount_expires_at = NULL WHERE id = $1',
      [card],
    );
    await at('2027-02-18T00:00:00Z');
    expect(await only(c, 11)).toHaveLength(0);
  });

  it('without an expiry date there is no warning; type 10 off sends nothing', async () => {
    const c = await makeAppClient(t, e, s);
    await configure(t, s, [{ type: 10, enabled: false }]);
    await loyaltyEvent('discount.granted', 72, {
      clientId: c.clientId,
      cardId: 72,
      title: 'Silver',
      discountPercent: 5,
      expiresAt: null,
    });
    await e.settle();
    await configure(t, s, [{ type: 10, enabled: true }]);
    await at('2027-06-01T00:00:00Z');
    expect(await typesOf(t, c)).toEqual([]);
  });
});

describe('type 12: successful online payment', () => {
  it('fires once per payment, even when the event comes twice', async () => {
    const c = await makeAppClient(t, e, s);
    const payment = {
      clientId: c.clientId,
      paymentId: 'pay_881',
      amount: 49.9,
      currency: 'EUR',
      itemKind: 'membership',
      itemId: 5,
      title: '10 yoga classes',
    };
    await loyaltyEvent('payment.succeeded', 881, payment);
    await loyaltyEvent('payment.succeeded', 881, payment);
    await e.settle();
    const paid = await only(c, 12);
    expect(paid).toHaveLength(1);
    expect(paid[0]!.body).toContain('49.90 EUR for 10 yoga classes');
  });

  it('does not fire when off', async () => {
    const c = await makeAppClient(t, e, s);
    await configure(t, s, [{ type: 12, enabled: false }]);
    await loyaltyEvent('payment.succeeded', 882, {
      clientId: c.clientId,
      paymentId: 'p2',
      amount: 1,
      currency: 'EUR',
      title: 'x',
    });
    await e.settle();
    await configure(t, s, [{ type: 12, enabled: true }]);
    expect(await typesOf(t, c)).toEqual([]);
  });
});
