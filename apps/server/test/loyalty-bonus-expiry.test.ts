import { makeAppointment } from '@visita/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appApi } from './support/cabinet';
import { api } from './support/catalog';
import { createCardType, createProgram, issueCard, programBody } from './support/loyalty';
import {
  inbox,
  makeAppClient,
  startEngine,
  type AppClient,
  type TestEngine,
} from './support/notifications';
import { makeSalon, type Salon } from './support/records';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Bonus lots that expire, their type-11 warnings, and the programs' own notification templates,
 * driven over HTTP with the real notification engine. The salon is in Europe/Berlin; the clock
 * starts on 28 February 2027 at 11:00 CET (Europe moves to CEST on 28 March 2027).
 */
const START = '2027-02-28T10:00:00Z';
let t: TestApp;
let e: TestEngine;
let s: Salon;
let chainId: number;
let place: string;
beforeAll(async () => {
  t = await createTestApp({ now: START });
  e = await startEngine(t);
  s = await makeSalon(t);
  chainId = s.location.chainId;
  const [row] = await t.db.query<{ title: string }>('SELECT title FROM locations WHERE id = $1', [
    s.loc,
  ]);
  place = row!.title;
});
afterAll(async () => {
  await e.close();
  await t.close();
});
beforeEach(() => t.clock.set(START));

let hour = 0;
const visit = async (phone: string) =>
  (
    await makeAppointment(t.db, {
      locationId: s.loc,
      staffId: s.anna.id,
      serviceIds: [s.cut.id],
      phone,
      price: 40,
      start: new Date(Date.parse('2027-01-04T08:00:00Z') + (hour += 2) * 3_600_000).toISOString(),
    })
  ).id;
const pay = async (recordId: number, body: Record<string, unknown>) => {
  const res = await api(t).post(
    `/company/${s.loc}/records/${recordId}/loyalty_payment`,
    s.admin,
    body,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data as Record<string, unknown>;
};
const refund = (recordId: number) =>
  api(t).del(`/company/${s.loc}/records/${recordId}/loyalty_payment`, s.admin);
const manual = (cardId: number, amount: number) =>
  api(t).post(`/company/${s.loc}/loyalty/cards/${cardId}/manual_transaction`, s.admin, { amount });
const appCard = async (c: AppClient) =>
  (await appApi(t)('GET', '/loyalty-cards', c)).body.data[0] as Record<string, unknown>;
const b2bCard = async (phone: string) =>
  (await api(t).get(`/loyalty/cards/${encodeURIComponent(phone)}/${chainId}/${s.loc}`, s.admin))
    .body.data[0] as Record<string, unknown>;
const ofType = async (c: AppClient, type: number) =>
  (await inbox(t, c)).filter((n) => n.type === type);
async function at(instant: string) {
  t.clock.set(instant);
  await e.settle();
}

/** A cashback program of 50 % of the sold value whose bonus expires. */
async function bonusProgram(over: Record<string, unknown> = {}) {
  const type = await createCardType(t, chainId, s.owner, 'Bonus');
  const program = await createProgram(t, chainId, s.owner, type.id, {
    type: 'cashback_static_sold',
    rules: [{ value: 50 }],
    expiration_timeout: 1,
    expiration_timeout_unit: 'month',
    ...over,
  });
  return { type, program };
}

describe('cashback bonus expires (program expiration_timeout)', () => {
  it('each credited bonus expires a month later on the salon’s wall clock; spending takes the soonest-expiring first; reads leave expired bonus out; a refund puts bonus back into its own lot', async () => {
    const c = await makeAppClient(t, e, s);
    const { type } = await bonusProgram({
      expiration_notification_timeout: 5,
      on_expiration_notification_template: {
        type: 'custom',
        body: '{client}, {amount} of your bonus at {location} ends on {date}.',
      },
    });
    const card = await issueCard(t, s.loc, s.admin, type.id, c.phone);
    expect((await pay(await visit(c.phone), { loyalty_card_id: card.id })).cashback).toBe(20);
    // 28 Feb 11:00 CET + 1 month = 28 Mar 11:00 CEST = 09:00Z
    const [lot] = await t.db.query<{ id: number; expires_at: Date }>(
      'SELECT id, expires_at FROM loyalty_bonus_lots WHERE card_id = $1',
      [card.id],
    );
    expect(lot!.expires_at).toEqual(new Date('2027-03-28T09:00:00Z'));
    expect(await appCard(c)).toMatchObject({
      bonus_balance: 20,
      bonus_expires_at: '2027-03-28T11:00:00+02:00',
      bonus_expiring_amount: 20,
    });
    // A positive manual transaction is bonus that does not expire.
    expect((await manual(card.id, 5)).status).toBe(200);
    // The warning: the program's 5 days before (the location's type-11 setting says 3).
    await e.settle();
    const [job] = await t.db.query<{ run_at: Date }>('SELECT run_at FROM jobs WHERE key = $1', [
      `notify:11:lot:${lot!.id}`,
    ]);
    expect(job!.run_at).toEqual(new Date('2027-03-23T09:00:00Z'));

    // 10 March: 10 bonus spent, from the lot expiring first (not from the 5 that never expire).
    t.clock.set('2027-03-10T10:00:00Z');
    const second = await visit(c.phone);
    expect(
      await pay(second, { loyalty_card_id: card.id, loyalty_card_withdrawal: 10 }),
    ).toMatchObject({
      loyalty_card_withdrawal: 10,
      cashback: 20,
    });
    expect(await appCard(c)).toMatchObject({
      bonus_balance: 35,
      bonus_expires_at: '2027-03-28T11:00:00+02:00',
      bonus_expiring_amount: 10,
    });

    // The warning names what is left of the lot, in the program's own words; once.
    await at('2027-03-23T08:59:00Z');
    expect(await ofType(c, 11)).toHaveLength(0);
    await at('2027-03-23T09:00:00Z');
    await at('2027-03-23T10:00:00Z');
    const warnings = await ofType(c, 11);
    expect(warnings.map((w) => w.body)).toEqual([
      `Clara, 10.00 of your bonus at ${place} ends on 28.03.2027.`,
    ]);

    // Just before the expiry it still pays; from the expiry on it is gone from every read.
    t.clock.set('2027-03-28T08:59:59Z');
    expect((await b2bCard(c.phone)).balance).toBe(35);
    t.clock.set('2027-03-28T09:30:00Z');
    // 5 (no expiry) + 20 (10 March, expires 10 April 11:00 CEST)
    expect(await appCard(c)).toMatchObject({
      bonus_balance: 25,
      bonus_expires_at: '2027-04-10T11:00:00+02:00',
      bonus_expiring_amount: 20,
    });
    expect((await b2bCard(c.phone)).balance).toBe(25);
    const late = await pay(await visit(c.phone), {
      loyalty_card_id: card.id,
      loyalty_card_withdrawal: 100,
    });
    expect(late.loyalty_card_withdrawal).toBe(25);
    expect((await refund(await lastRecord(card.id))).status).toBe(200);

    // Refunding the 10 March visit puts its 10 back into the lot it came from — expired by
    // now, so the balance does not grow — and takes its 20 back.
    expect((await refund(second)).status).toBe(200);
    expect(await appCard(c)).toMatchObject({
      bonus_balance: 5,
      bonus_expires_at: null,
      bonus_expiring_amount: 0,
    });
  });

  it('a refund before the expiry gives the spent bonus back with its lot’s expiry', async () => {
    const c = await makeAppClient(t, e, s);
    const { type } = await bonusProgram();
    const card = await issueCard(t, s.loc, s.admin, type.id, c.phone);
    await pay(await visit(c.phone), { loyalty_card_id: card.id });
    expect((await manual(card.id, 30)).status).toBe(200);
    const spend = await visit(c.phone);
    expect(
      (await pay(spend, { loyalty_card_id: card.id, loyalty_card_withdrawal: 25 }))
        .loyalty_card_withdrawal,
    ).toBe(25);
    // 20 from the expiring lot, 5 from the manual one; + 20 cashback expiring a month later
    expect(await appCard(c)).toMatchObject({ bonus_balance: 45, bonus_expiring_amount: 20 });
    expect((await refund(spend)).status).toBe(200);
    expect(await appCard(c)).toMatchObject({
      bonus_balance: 50,
      bonus_expires_at: '2027-03-28T11:00:00+02:00',
      bonus_expiring_amount: 20,
    });
    // A negative manual transaction also takes the soonest-expiring first, never below zero.
    expect((await manual(card.id, -60)).status).toBe(422);
    expect((await manual(card.id, -25)).status).toBe(200);
    expect(await appCard(c)).toMatchObject({ bonus_balance: 25, bonus_expires_at: null });
  });

  it('no bonus warning once the lot was spent or refunded; otherwise the location’s days and template', async () => {
    const kept = await makeAppClient(t, e, s);
    const spent = await makeAppClient(t, e, s);
    const refunded = await makeAppClient(t, e, s);
    const { type } = await bonusProgram({ expiration_timeout: 1, expiration_timeout_unit: 'week' });
    const cards = new Map<AppClient, number>();
    const records = new Map<AppClient, number>();
    for (const c of [kept, spent, refunded]) {
      const card = await issueCard(t, s.loc, s.admin, type.id, c.phone);
      cards.set(c, card.id);
      const id = await visit(c.phone);
      records.set(c, id);
      await pay(id, { loyalty_card_id: card.id });
    }
    await e.settle();
    expect((await manual(cards.get(spent)!, -20)).status).toBe(200);
    expect((await refund(records.get(refunded)!)).status).toBe(200);
    // 7 March 11:00 CET expiry, the location's 3 days before: 4 March 10:00Z
    await at('2027-03-04T09:59:00Z');
    expect(await ofType(kept, 11)).toHaveLength(0);
    await at('2027-03-04T10:00:00Z');
    const [warning, ...more] = await ofType(kept, 11);
    expect(more).toHaveLength(0);
    expect(warning!.body).toContain('bonus 20.00');
    expect(warning!.body).toContain('07.03.2027');
    expect(await ofType(spent, 11)).toHaveLength(0);
    expect(await ofType(refunded, 11)).toHaveLength(0);
  });
});

describe('program notification templates and warning days', () => {
  it('a custom on_changed template is the type-10 text; the discount warning uses the program’s days; other template types keep the location’s', async () => {
    const c = await makeAppClient(t, e, s);
    const type = await createCardType(t, chainId, s.owner, 'Gold');
    await createProgram(t, chainId, s.owner, type.id, {
      type: 'discount_accumulative_visits',
      rules: [{ parameter: 1, value: 10 }],
      expiration_timeout: 1,
      expiration_timeout_unit: 'month',
      expiration_notification_timeout: 7,
      on_changed_notification_template: {
        type: 'custom',
        body: '{client}, {discount} off at {location} from now on!',
      },
      on_expiration_notification_template: { type: 'big' },
    });
    const card = await issueCard(t, s.loc, s.admin, type.id, c.phone);
    await pay(await visit(c.phone), { loyalty_card_id: card.id });
    await e.settle();
    expect((await ofType(c, 10)).map((n) => n.body)).toEqual([
      `Clara, Gold 10% off at ${place} from now on!`,
    ]);
    // Expires 28 Mar 09:00Z; 7 days before on the clock = 21 Mar 09:00Z (not the location's 3)
    await at('2027-03-21T08:59:00Z');
    expect(await ofType(c, 11)).toHaveLength(0);
    await at('2027-03-21T09:00:00Z');
    const [warning] = await ofType(c, 11);
    expect(warning!.body).toContain(
      `Clara, your discount Gold 10% at ${place} expires on 28.03.2027.`,
    );
  });

  it('an unknown placeholder in a custom template is refused (422 naming the field), on create and on edit', async () => {
    const type = await createCardType(t, chainId, s.owner, 'Typo');
    const body = (over: Record<string, unknown>) =>
      programBody(type.id, { title: 'Typo', rules: [{ value: 5 }], ...over });
    const bad = await api(t).post(
      `/chain/${chainId}/loyalty/programs`,
      s.owner,
      body({
        on_changed_notification_template: { type: 'custom', body: 'Hi {clinet}' },
      }),
    );
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('on_changed_notification_template.body');
    const program = await createProgram(t, chainId, s.owner, type.id, {
      type: 'discount_static',
      rules: [{ value: 5 }],
    });
    const edit = await api(t).put(
      `/chain/${chainId}/loyalty/programs/${program.id}`,
      s.owner,
      body({
        on_expiration_notification_template: { type: 'custom', body: '{discount} ends {when}' },
      }),
    );
    expect(edit.status).toBe(422);
    expect(JSON.stringify(edit.body)).toContain('on_expiration_notification_template.body');
  });
});

async function lastRecord(cardId: number) {
  const [row] = await t.db.query<{ record_id: number }>(
    'SELECT record_id FROM visit_loyalty_payments WHERE loyalty_card_id = $1 ORDER BY created_at DESC, record_id DESC LIMIT 1',
    [cardId],
  );
  return row!.record_id;
}
