import { makeAppointment } from '@visita/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appApi, nextPhone } from './support/cabinet';
import { api } from './support/catalog';
import {
  createCardType,
  createCertificateType,
  createMembershipType,
  createProgram,
  issueCard,
} from './support/loyalty';
import { makeAppClient, startEngine, type TestEngine } from './support/notifications';
import { makeSalon, type Salon } from './support/records';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Paying a visit with loyalty instruments, second step: discounts that expire, cashback limits,
 * spending the bonus balance, refunds, program edits. The salon is in Europe/Berlin; the clock
 * starts on 28 February 2027 at 11:00 CET (Europe moves to CEST on 28 March 2027).
 */
const START = '2027-02-28T10:00:00Z';
let t: TestApp;
let e: TestEngine;
let s: Salon;
let chainId: number;
beforeAll(async () => {
  t = await createTestApp({ now: START });
  e = await startEngine(t);
  s = await makeSalon(t);
  chainId = s.location.chainId;
});
afterAll(async () => {
  await e.close();
  await t.close();
});
beforeEach(() => t.clock.set(START));

let hour = 0;
const visit = async (phone: string, serviceIds = [s.cut.id], price = 40) =>
  (
    await makeAppointment(t.db, {
      locationId: s.loc,
      staffId: s.anna.id,
      serviceIds,
      phone,
      price,
      start: new Date(Date.parse('2027-01-04T08:00:00Z') + (hour += 2) * 3_600_000).toISOString(),
    })
  ).id;
const pay = (recordId: number, body: Record<string, unknown>) =>
  api(t).post(`/company/${s.loc}/records/${recordId}/loyalty_payment`, s.admin, body);
const refund = (recordId: number) =>
  api(t).del(`/company/${s.loc}/records/${recordId}/loyalty_payment`, s.admin);
const transactions = async (cardId: number) =>
  (await api(t).get(`/chain/${chainId}/loyalty/transactions?card_id=${cardId}`, s.owner)).body
    .data as { type: string; amount: number; record_id: number | null }[];
const cardOf = async (cardId: number) =>
  (
    await t.db.query<Record<string, unknown>>('SELECT * FROM loyalty_cards WHERE id = $1', [cardId])
  )[0]!;

describe('a granted accumulative discount expires (program expiration_timeout)', () => {
  it('expires one month after it was granted on the salon’s wall clock; the type-11 warning is planned; then it no longer applies', async () => {
    const c = await makeAppClient(t, e, s);
    const type = await createCardType(t, chainId, s.owner, 'Expiring');
    await createProgram(t, chainId, s.owner, type.id, {
      title: 'Regulars',
      type: 'discount_accumulative_visits',
      rules: [{ parameter: 1, value: 10 }],
      expiration_timeout: 1,
      expiration_timeout_unit: 'month',
      expiration_notification_timeout: 3,
    });
    const card = await issueCard(t, s.loc, s.admin, type.id, c.phone);

    const first = await pay(await visit(c.phone), { loyalty_card_id: card.id });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.data).toMatchObject({ discount: 0, loyalty_card: { discount: 10 } });
    // 28 Feb 11:00 CET + 1 month = 28 Mar 11:00 CEST = 09:00Z (not 10:00Z: the clocks moved)
    const [granted] = await t.db.query<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM outbox_events WHERE type = 'discount.granted' AND aggregate_id = $1`,
      [card.id],
    );
    expect(granted!.payload).toMatchObject({
      cardId: card.id,
      discountPercent: 10,
      expiresAt: '2027-03-28T09:00:00.000Z',
    });
    expect((await cardOf(card.id)).discount_expires_at).toEqual(new Date('2027-03-28T09:00:00Z'));
    const app = await appApi(t)('GET', '/loyalty-cards', c);
    expect(app.body.data[0]).toMatchObject({
      discount_percent: 10,
      discount_expires_at: '2027-03-28T11:00:00+02:00',
    });

    // The notification engine plans "discount expiring" (type 11) 3 days before.
    await e.settle();
    const jobs = await t.db.query<{ run_at: Date; payload: Record<string, unknown> }>(
      'SELECT run_at, payload FROM jobs WHERE key = $1',
      [`notify:11:card:${card.id}:client:${c.clientId}`],
    );
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.run_at).toEqual(new Date('2027-03-25T09:00:00Z'));
    expect(jobs[0]!.payload).toMatchObject({
      type: 11,
      expiresAt: Date.parse('2027-03-28T09:00:00Z'),
    });

    t.clock.set('2027-03-28T08:59:59Z');
    const inTime = await pay(await visit(c.phone), { loyalty_card_id: card.id });
    expect(inTime.body.data).toMatchObject({ discount: 4, due: 36 });

    t.clock.set('2027-03-28T09:30:00Z');
    expect((await appApi(t)('GET', '/loyalty-cards', c)).body.data[0].discount_percent).toBe(0);
    const late = await pay(await visit(c.phone), { loyalty_card_id: card.id });
    expect(late.status).toBe(200);
    expect(late.body.data).toMatchObject({ discount: 0, due: 40 });
    // It counts again from the expiry: this visit is the first one, the tier is reached again.
    expect(late.body.data.loyalty_card).toMatchObject({ discount: 10, visits_count: 3 });
    expect((await cardOf(card.id)).discount_expires_at).toEqual(new Date('2027-04-28T09:30:00Z'));
    const events = await t.db.query(
      `SELECT 1 FROM outbox_events WHERE type = 'discount.granted' AND aggregate_id = $1`,
      [card.id],
    );
    expect(events).toHaveLength(2);
  });
});

describe('cashback usage_limit and visit_multiplicity', () => {
  it('credits every 2nd visit of the card, at most twice', async () => {
    const phone = nextPhone();
    const type = await createCardType(t, chainId, s.owner, 'Every second');
    await createProgram(t, chainId, s.owner, type.id, {
      title: '10% back every 2nd visit',
      type: 'cashback_static_sold',
      rules: [{ value: 10 }],
      visit_multiplicity: 2,
      usage_limit: 2,
    });
    const card = await issueCard(t, s.loc, s.admin, type.id, phone);
    const cashback: number[] = [];
    for (let i = 0; i < 6; i++)
      cashback.push(
        (await pay(await visit(phone), { loyalty_card_id: card.id })).body.data.cashback,
      );
    expect(cashback).toEqual([0, 4, 0, 4, 0, 0]);
    expect((await transactions(card.id)).filter((x) => x.type === 'cashback')).toHaveLength(2);
  });
});

describe('paying with the bonus balance (loyalty_card_withdrawal)', () => {
  it('spends at most the balance and what is left to pay; the transactions show it', async () => {
    const phone = nextPhone();
    const type = await createCardType(t, chainId, s.owner, 'Bonus');
    const card = await issueCard(t, s.loc, s.admin, type.id, phone);
    await api(t).post(`/company/${s.loc}/loyalty/cards/${card.id}/manual_transaction`, s.admin, {
      amount: 25,
      title: 'welcome',
    });
    const more = await pay(await visit(phone), {
      loyalty_card_id: card.id,
      loyalty_card_withdrawal: 100,
    });
    expect(more.status, JSON.stringify(more.body)).toBe(200);
    expect(more.body.data).toMatchObject({
      total: 40,
      loyalty_card_withdrawal: 25,
      due: 15,
      loyalty_card: { balance: 0, paid_amount: 15 },
    });
    await api(t).post(`/company/${s.loc}/loyalty/cards/${card.id}/manual_transaction`, s.admin, {
      amount: 100,
    });
    const capped = await pay(await visit(phone), {
      loyalty_card_id: card.id,
      loyalty_card_withdrawal: 60,
    });
    expect(capped.body.data).toMatchObject({ loyalty_card_withdrawal: 40, due: 0 });
    expect(capped.body.data.loyalty_card.balance).toBe(60);
    expect((await transactions(card.id)).map((x) => [x.type, x.amount])).toEqual([
      ['manual', 25],
      ['withdrawal', -25],
      ['manual', 100],
      ['withdrawal', -40],
    ]);
  });

  it('without a card, or a bad amount, is refused naming the field, and nothing is written', async () => {
    const phone = nextPhone();
    const id = await visit(phone);
    const noCard = await pay(id, { loyalty_card_withdrawal: 5 });
    expect(noCard.status).toBe(422);
    expect(noCard.body.meta.errors.loyalty_card_withdrawal).toBeDefined();
    const bad = await pay(id, { loyalty_card_withdrawal: -5, loyalty_card_id: 1 });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
    expect(JSON.stringify(bad.body)).toContain('loyalty_card_withdrawal');
    expect(
      await t.db.query('SELECT 1 FROM visit_loyalty_payments WHERE record_id = $1', [id]),
    ).toEqual([]);
  });
});

describe('refunding a visit payment (DELETE …/loyalty_payment)', () => {
  it('gives back the membership visit, the single-use gift card, the bonus; takes back cashback and counters; once', async () => {
    const phone = nextPhone();
    const mType = await createMembershipType(t, chainId, s.owner, {
      services: [s.wash.id],
      united_balance_services_count: 3,
    });
    const m = (
      await api(t).post(`/company/${s.loc}/loyalty/abonements`, s.admin, {
        type_id: mType.id,
        phone,
      })
    ).body.data;
    const gType = await createCertificateType(t, chainId, s.owner, {
      balance: 30,
      is_multi: false,
    });
    const g = (
      await api(t).post(`/company/${s.loc}/loyalty/certificates`, s.admin, {
        type_id: gType.id,
        phone,
      })
    ).body.data;
    const cType = await createCardType(t, chainId, s.owner, 'Refunds');
    await createProgram(t, chainId, s.owner, cType.id, {
      type: 'cashback_static_paid',
      rules: [{ value: 10 }],
    });
    const card = await issueCard(t, s.loc, s.admin, cType.id, phone);
    await api(t).post(`/company/${s.loc}/loyalty/cards/${card.id}/manual_transaction`, s.admin, {
      amount: 20,
    });

    // wash 40 (membership) + cut 40 + yoga 40: gift card 30 (single use), bonus 20, 70 in money
    const id = await visit(phone, [s.wash.id, s.cut.id, s.yoga.id]);
    const paid = await pay(id, {
      abonement_id: m.id,
      certificate_id: g.id,
      loyalty_card_id: card.id,
      loyalty_card_withdrawal: 20,
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body.data).toMatchObject({
      abonement_covered: 40,
      certificate_amount: 30,
      loyalty_card_withdrawal: 20,
      due: 30,
      cashback: 3,
      abonement: { balance: 2 },
      certificate: { balance: 0 },
      loyalty_card: { balance: 3, visits_count: 1, paid_amount: 30, sold_amount: 80 },
    });
    expect((await api(t).del(`/record/${s.loc}/${id}`, s.admin)).status).toBe(409);

    const back = await refund(id);
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body.data).toEqual({
      record_id: id,
      abonement_id: m.id,
      certificate_id: g.id,
      certificate_amount: 30,
      loyalty_card_id: card.id,
      loyalty_card_withdrawal: 20,
      cashback: 3,
    });
    const ms = await api(t).get(
      `/loyalty/abonements?company_id=${s.loc}&phone=${encodeURIComponent(phone)}`,
      s.admin,
    );
    expect(ms.body.data[0]).toMatchObject({ id: m.id, balance: 3 });
    const gs = await api(t).get(
      `/loyalty/certificates?company_id=${s.loc}&phone=${encodeURIComponent(phone)}`,
      s.admin,
    );
    expect(gs.body.data[0]).toMatchObject({ id: g.id, balance: 30, status: { id: 1 } });
    expect(await cardOf(card.id)).toMatchObject({
      balance: 20,
      visits_count: 0,
      paid_amount: 0,
      sold_amount: 0,
    });
    expect((await transactions(card.id)).map((x) => x.type)).toEqual(['manual']);

    expect((await refund(id)).status).toBe(404);
    // paid again after the refund: the same instruments work again
    const again = await pay(id, { abonement_id: m.id, certificate_id: g.id });
    expect(again.status).toBe(200);
    expect(again.body.data).toMatchObject({ abonement: { balance: 2 }, certificate_amount: 30 });
    expect((await refund(id)).status).toBe(200);
    expect((await api(t).del(`/record/${s.loc}/${id}`, s.admin)).status).toBe(204);
    expect((await refund(id)).status).toBe(404);
  });

  it('refuses (409, nothing changed) when the cashback it credited was spent since', async () => {
    const phone = nextPhone();
    const cType = await createCardType(t, chainId, s.owner, 'Spent');
    await createProgram(t, chainId, s.owner, cType.id, {
      type: 'cashback_static_sold',
      rules: [{ value: 50 }],
    });
    const card = await issueCard(t, s.loc, s.admin, cType.id, phone);
    const first = await visit(phone);
    expect((await pay(first, { loyalty_card_id: card.id })).body.data.cashback).toBe(20);
    const second = await visit(phone);
    const spent = await pay(second, { loyalty_card_id: card.id, loyalty_card_withdrawal: 20 });
    expect(spent.body.data).toMatchObject({ loyalty_card_withdrawal: 20, cashback: 20 });
    // balance 20 (second visit's cashback); refunding the first takes 20 back: possible
    const before = await cardOf(card.id);
    await api(t).post(`/company/${s.loc}/loyalty/cards/${card.id}/manual_transaction`, s.admin, {
      amount: -10,
    });
    const refused = await refund(first);
    expect(refused.status).toBe(409);
    expect(refused.body.meta.errors.loyalty_card_id[0]).toMatch(/spent/);
    expect((await cardOf(card.id)).visits_count).toBe(before.visits_count);
    expect(
      await t.db.query('SELECT 1 FROM visit_loyalty_payments WHERE record_id = $1', [first]),
    ).toHaveLength(1);
    // the later visit can be refunded (its bonus spent comes back) …
    expect((await refund(second)).status).toBe(200);
    expect((await cardOf(card.id)).balance).toBe(10);
    expect((await refund(first)).status).toBe(409);
    // … and once the balance covers the cashback again, the first one too
    await api(t).post(`/company/${s.loc}/loyalty/cards/${card.id}/manual_transaction`, s.admin, {
      amount: 10,
    });
    expect((await refund(first)).status).toBe(200);
    expect(await cardOf(card.id)).toMatchObject({ balance: 0, visits_count: 0 });
  });

  it('404 for an appointment without loyalty payment, or of another location; rights enforced', async () => {
    const id = await visit(nextPhone());
    expect((await refund(id)).status).toBe(404);
    expect(
      (await api(t).del(`/company/${s.otherLocation.id}/records/${id}/loyalty_payment`, s.admin))
        .status,
    ).toBeGreaterThanOrEqual(403);
    expect(
      (await api(t).del(`/company/${s.loc}/records/${id}/loyalty_payment`, { token: 'nope' }))
        .status,
    ).toBe(401);
  });
});

describe('editing and deleting a program (PUT/DELETE /chain/{id}/loyalty/programs/{id})', () => {
  it('an edit applies to the next visit only; a deleted program applies no more', async () => {
    const phone = nextPhone();
    const type = await createCardType(t, chainId, s.owner, 'Edits');
    const p = await createProgram(t, chainId, s.owner, type.id, { title: '10% off' });
    const card = await issueCard(t, s.loc, s.admin, type.id, phone);
    expect((await pay(await visit(phone), { loyalty_card_id: card.id })).body.data.discount).toBe(
      4,
    );

    const url = `/chain/${chainId}/loyalty/programs/${p.id}`;
    const edited = await api(t).put(`${url}?include=rules`, s.owner, {
      title: '25% off',
      type: 'discount_static',
      service_item_type: 'any_allowed',
      good_item_type: 'not_allowed',
      value_unit: 'percent',
      company_ids: [],
      loyalty_card_type_ids: [type.id],
      rules: [{ value: 25 }],
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ id: p.id, title: '25% off', rules: [{ value: 25 }] });
    expect((await pay(await visit(phone), { loyalty_card_id: card.id })).body.data.discount).toBe(
      10,
    );
    expect((await transactions(card.id)).map((x) => x.amount)).toEqual([4, 10]);

    const invalid = await api(t).put(url, s.owner, {
      title: 'two rules',
      type: 'discount_static',
      service_item_type: 'any_allowed',
      good_item_type: 'not_allowed',
      value_unit: 'percent',
      company_ids: [],
      rules: [{ value: 1 }, { value: 2, parameter: 3 }],
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.meta.errors.rules).toBeDefined();
    // Programs are bare objects (the seed's promotion), not the envelope `Json` describes.
    const read = (await api(t).get(url, s.owner)).body as unknown as { title: string };
    expect(read.title).toBe('25% off');
    expect(
      (await api(t).put(`/chain/${chainId}/loyalty/programs/999999`, s.owner, edited.body)).status,
    ).toBeGreaterThanOrEqual(400);
    expect((await api(t).put(url, s.admin, edited.body)).status).toBe(403);

    expect((await api(t).del(url, s.admin)).status).toBe(403);
    const deleted = await api(t).del(url, s.owner);
    expect(deleted.status).toBe(204);
    expect((await api(t).get(url, s.owner)).status).toBe(404);
    expect((await api(t).del(url, s.owner)).status).toBe(404);
    expect((await pay(await visit(phone), { loyalty_card_id: card.id })).body.data.discount).toBe(
      0,
    );
    expect((await transactions(card.id)).map((x) => x.amount)).toEqual([4, 10]);
  });
});

describe('membership set_period and set_balance', () => {
  it('set_period: the period from the start on the wall clock; set_balance: visits left', async () => {
    const phone = nextPhone();
    const type = await createMembershipType(t, chainId, s.owner, {
      united_balance_services_count: 5,
    });
    const m = (
      await api(t).post(`/company/${s.loc}/loyalty/abonements`, s.admin, {
        type_id: type.id,
        phone,
      })
    ).body.data;
    expect(m.expiration_date).toBe('2027-05-28T09:00:00+00:00'); // 3 months: 11:00 CEST
    const base = `/chain/${chainId}/loyalty/abonements/${m.id}`;
    // 28 Feb 11:00 CET + 1 month = 28 Mar 11:00 CEST = 09:00Z
    const period = await api(t).post(`${base}/set_period`, s.owner, {
      period: 1,
      period_unit_id: 3,
    });
    expect(period.status, JSON.stringify(period.body)).toBe(200);
    expect(period.body.data).toMatchObject({
      id: m.id,
      period: 1,
      period_unit_id: 3,
      expiration_date: '2027-03-28T09:00:00+00:00',
    });
    const bal = await api(t).post(`${base}/set_balance`, s.owner, {
      united_balance_services_count: 9,
    });
    expect(bal.status).toBe(200);
    expect(bal.body.data).toMatchObject({ balance: 9, united_balance_services_count: 9 });
    expect(
      (await api(t).post(`${base}/set_balance`, s.owner, { united_balance_services_count: 2 })).body
        .data,
    ).toMatchObject({ balance: 2, united_balance_services_count: 9 });

    const bad = await api(t).post(`${base}/set_period`, s.owner, { period: 0, period_unit_id: 3 });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(bad.body)).toContain('period');
    const perService = await api(t).post(`${base}/set_balance`, s.owner, {
      united_balance_services_count: 1,
      services_balance_count: [{ service_id: 1, balance: 1 }],
    });
    expect(perService.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(perService.body)).toContain('services_balance_count');
    expect(
      (
        await api(t).post(`/chain/${chainId}/loyalty/abonements/999999/set_period`, s.owner, {
          period: 1,
          period_unit_id: 1,
        })
      ).status,
    ).toBe(404);
    expect(
      (await api(t).post(`${base}/set_period`, s.admin, { period: 1, period_unit_id: 1 })).status,
    ).toBe(403);

    const unlimited = await createMembershipType(t, chainId, s.owner, {
      is_united_balance_unlimited: true,
    });
    const u = (
      await api(t).post(`/company/${s.loc}/loyalty/abonements`, s.admin, {
        type_id: unlimited.id,
        phone,
      })
    ).body.data;
    const none = await api(t).post(
      `/chain/${chainId}/loyalty/abonements/${u.id}/set_balance`,
      s.owner,
      { united_balance_services_count: 3 },
    );
    expect(none.status).toBe(422);
    expect(none.body.meta.errors.united_balance_services_count).toBeDefined();
  });
});
