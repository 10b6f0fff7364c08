import { makeAppointment, makeService, makeStaff } from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextPhone } from './support/cabinet';
import { api } from './support/catalog';
import {
  certificateTypeBody,
  createCardType,
  createCertificateType,
  createMembershipType,
  issueCard,
} from './support/loyalty';
import { createTestApp, makeTenant, type TestApp } from './support/test-app';

/**
 * Concurrent payments with one instrument. On PostgreSQL (TEST_DATABASE_URL) the requests really
 * run in parallel transactions and race on the rows; on PGlite they are serialised, so there the
 * same test only proves the sequential rules (no overdraw, one decrement per visit).
 */
const CONCURRENT = 12;

describe(`${CONCURRENT} concurrent visit payments with one instrument`, () => {
  let t: TestApp;
  let tenant: Awaited<ReturnType<typeof makeTenant>>;
  let staffIds: number[];
  let serviceId: number;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await makeTenant(t.db);
    staffIds = [];
    for (let i = 0; i < CONCURRENT; i++)
      staffIds.push((await makeStaff(t.db, tenant.location.id)).id);
    serviceId = (await makeService(t.db, tenant.location.id, { price: 20, staffIds })).id;
  });
  afterAll(() => t.close());

  let day = 0;
  const visits = async (phone: string) => {
    const start = new Date(Date.parse('2026-12-01T10:00:00Z') + ++day * 86_400_000).toISOString();
    return Promise.all(
      staffIds.map((staffId) =>
        makeAppointment(t.db, {
          locationId: tenant.location.id,
          staffId,
          serviceIds: [serviceId],
          phone,
          price: 20,
          start,
        }),
      ),
    );
  };
  const payAll = (recordIds: number[], body: Record<string, unknown>) =>
    Promise.all(
      recordIds.map((id) =>
        api(t).post(
          `/company/${tenant.location.id}/records/${id}/loyalty_payment`,
          tenant.admin,
          body,
        ),
      ),
    );

  it(`a gift card of 50 paying ${CONCURRENT} visits of 20 at once: 20 + 20 + 10 drawn, never below zero`, async () => {
    const phone = nextPhone();
    const type = await createCertificateType(t, tenant.location.chainId, tenant.owner, {
      balance: 50,
    });
    const cert = (
      await api(t).post(`/company/${tenant.location.id}/loyalty/certificates`, tenant.admin, {
        type_id: type.id,
        phone,
      })
    ).body.data;
    const records = await visits(phone);
    const results = await payAll(
      records.map((r) => r.id),
      { certificate_id: cert.id },
    );
    const unexpected = results.filter((r) => r.status !== 200 && r.status !== 422);
    expect(unexpected.map((r) => `${r.status} ${JSON.stringify(r.body)}`)).toEqual([]);
    const drawn = results
      .filter((r) => r.status === 200)
      .map((r) => r.body.data.certificate_amount as number);
    expect(drawn.sort((a, b) => b - a)).toEqual([20, 20, 10]);
    const [row] = await t.db.query<{ balance: number; used: boolean; redeemed: number }>(
      `SELECT balance, used, (SELECT sum(amount) FROM certificate_redemptions WHERE certificate_id = c.id) AS redeemed
         FROM certificates c WHERE id = $1`,
      [cert.id],
    );
    expect(row).toEqual({ balance: 0, used: true, redeemed: 50 });
  });

  it(`a membership with 5 visits paying ${CONCURRENT} appointments at once: exactly 5 succeed`, async () => {
    const phone = nextPhone();
    const type = await createMembershipType(t, tenant.location.chainId, tenant.owner, {
      united_balance_services_count: 5,
    });
    const m = (
      await api(t).post(`/company/${tenant.location.id}/loyalty/abonements`, tenant.admin, {
        type_id: type.id,
        phone,
      })
    ).body.data;
    const records = await visits(phone);
    const results = await payAll(
      records.map((r) => r.id),
      { abonement_id: m.id },
    );
    expect(results.filter((r) => r.status !== 200 && r.status !== 422).map((r) => r.body)).toEqual(
      [],
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(5);
    const [row] = await t.db.query<{ visits_remaining: number; used: number }>(
      `SELECT visits_remaining, (SELECT count(*)::int FROM membership_visits WHERE membership_id = m.id) AS used
         FROM memberships m WHERE id = $1`,
      [m.id],
    );
    expect(row).toEqual({ visits_remaining: 0, used: 5 });
  });

  it('the same visit paid twice at once is settled once (the other is 409)', async () => {
    const phone = nextPhone();
    const type = await createMembershipType(t, tenant.location.chainId, tenant.owner, {
      united_balance_services_count: 5,
    });
    const m = (
      await api(t).post(`/company/${tenant.location.id}/loyalty/abonements`, tenant.admin, {
        type_id: type.id,
        phone,
      })
    ).body.data;
    const [record] = await visits(phone);
    const results = await payAll(
      Array.from({ length: 6 }, () => record!.id),
      { abonement_id: m.id },
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const [row] = await t.db.query<{ visits_remaining: number }>(
      'SELECT visits_remaining FROM memberships WHERE id = $1',
      [m.id],
    );
    expect(row!.visits_remaining).toBe(4);
  });

  it('a type change racing desk sales: either refused (409) or every certificate carries the new values', async () => {
    for (let round = 0; round < 3; round++) {
      const type = await createCertificateType(t, tenant.location.chainId, tenant.owner, {
        balance: 50,
      });
      const sales = Array.from({ length: 4 }, () =>
        api(t).post(`/company/${tenant.location.id}/loyalty/certificates`, tenant.admin, {
          type_id: type.id,
          phone: nextPhone(),
        }),
      );
      const change = api(t).put(
        `/chain/${tenant.location.chainId}/loyalty/certificate_types/${type.id}`,
        tenant.owner,
        certificateTypeBody({ balance: 70 }),
      );
      const [changed, ...sold] = await Promise.all([change, ...sales]);
      expect(sold.map((s) => s.status)).toEqual([201, 201, 201, 201]);
      const balances = (
        await t.db.query<{ default_balance: number }>(
          'SELECT default_balance FROM certificates WHERE type_id = $1',
          [type.id],
        )
      ).map((r) => r.default_balance);
      if (changed.status === 200) expect(balances).toEqual([70, 70, 70, 70]);
      else {
        expect(changed.status).toBe(409);
        expect(balances).toContain(50);
      }
      const [row] = await t.db.query<{ balance: number }>(
        'SELECT balance FROM certificate_types WHERE id = $1',
        [type.id],
      );
      expect(row!.balance).toBe(changed.status === 200 ? 70 : 50);
    }
  });

  it(`a loyalty card with 50 bonus paying ${CONCURRENT} visits of 20 at once: 20 + 20 + 10 spent, never below zero`, async () => {
    const phone = nextPhone();
    const type = await createCardType(t, tenant.location.chainId, tenant.owner, 'Race bonus');
    const card = await issueCard(t, tenant.location.id, tenant.admin, type.id, phone);
    await api(t).post(
      `/company/${tenant.location.id}/loyalty/cards/${card.id}/manual_transaction`,
      tenant.admin,
      { amount: 50 },
    );
    const records = await visits(phone);
    const results = await payAll(
      records.map((r) => r.id),
      { loyalty_card_id: card.id, loyalty_card_withdrawal: 20 },
    );
    expect(results.filter((r) => r.status !== 200).map((r) => r.body)).toEqual([]);
    const spent = results.map((r) => r.body.data.loyalty_card_withdrawal as number);
    expect(spent.filter((x) => x > 0).sort((a, b) => b - a)).toEqual([20, 20, 10]);
    const [row] = await t.db.query<{ balance: number; withdrawn: number; visits: number }>(
      `SELECT balance, visits_count AS visits,
         (SELECT sum(amount) FROM loyalty_transactions WHERE card_id = c.id AND kind = 'withdrawal') AS withdrawn
         FROM loyalty_cards c WHERE id = $1`,
      [card.id],
    );
    expect(row).toEqual({ balance: 0, withdrawn: -50, visits: CONCURRENT });
  });

  it(`bonus in two lots (30 + 20) spent by ${CONCURRENT} visits and 6 manual takes of 10 at once: exactly 50 taken, no lot below zero, each spend recorded once`, async () => {
    const phone = nextPhone();
    const type = await createCardType(t, tenant.location.chainId, tenant.owner, 'Race lots');
    const card = await issueCard(t, tenant.location.id, tenant.admin, type.id, phone);
    const manual = (amount: number) =>
      api(t).post(
        `/company/${tenant.location.id}/loyalty/cards/${card.id}/manual_transaction`,
        tenant.admin,
        { amount },
      );
    expect((await manual(30)).status).toBe(200);
    expect((await manual(20)).status).toBe(200);
    const records = await visits(phone);
    const [paid, takes] = await Promise.all([
      payAll(
        records.map((r) => r.id),
        { loyalty_card_id: card.id, loyalty_card_withdrawal: 20 },
      ),
      Promise.all(Array.from({ length: 6 }, () => manual(-10))),
    ]);
    expect(paid.filter((r) => r.status !== 200).map((r) => r.body)).toEqual([]);
    expect(takes.every((r) => r.status === 200 || r.status === 422)).toBe(true);
    const spentAtVisits = paid.reduce(
      (sum, r) => sum + (r.body.data.loyalty_card_withdrawal as number),
      0,
    );
    const taken = takes.filter((r) => r.status === 200).length * 10;
    expect(spentAtVisits + taken).toBe(50);
    const [row] = await t.db.query<{ balance: number; remaining: number; spends: number }>(
      `SELECT c.balance,
         (SELECT sum(remaining) FROM loyalty_bonus_lots WHERE card_id = c.id) AS remaining,
         (SELECT sum(s.amount) FROM loyalty_bonus_spends s JOIN loyalty_bonus_lots l ON l.id = s.lot_id
           WHERE l.card_id = c.id) AS spends
         FROM loyalty_cards c WHERE id = $1`,
      [card.id],
    );
    expect(row).toEqual({ balance: 0, remaining: 0, spends: 50 });
  });

  it('6 concurrent refunds of one visit: one 200, the others 404; the visit and the balance come back once', async () => {
    const phone = nextPhone();
    const mType = await createMembershipType(t, tenant.location.chainId, tenant.owner, {
      united_balance_services_count: 5,
    });
    const m = (
      await api(t).post(`/company/${tenant.location.id}/loyalty/abonements`, tenant.admin, {
        type_id: mType.id,
        phone,
      })
    ).body.data;
    const gType = await createCertificateType(t, tenant.location.chainId, tenant.owner, {
      balance: 50,
    });
    const g = (
      await api(t).post(`/company/${tenant.location.id}/loyalty/certificates`, tenant.admin, {
        type_id: gType.id,
        phone,
      })
    ).body.data;
    const [a, b] = await visits(phone);
    const paid = await payAll([a!.id], { abonement_id: m.id });
    expect(paid[0]!.status).toBe(200);
    expect((await payAll([b!.id], { certificate_id: g.id }))[0]!.status).toBe(200);
    const url = (id: number) => `/company/${tenant.location.id}/records/${id}/loyalty_payment`;
    const results = await Promise.all([
      ...Array.from({ length: 6 }, () => api(t).del(url(a!.id), tenant.admin)),
      ...Array.from({ length: 6 }, () => api(t).del(url(b!.id), tenant.admin)),
    ]);
    expect(
      results
        .slice(0, 6)
        .map((r) => r.status)
        .sort(),
    ).toEqual([200, 404, 404, 404, 404, 404]);
    expect(
      results
        .slice(6)
        .map((r) => r.status)
        .sort(),
    ).toEqual([200, 404, 404, 404, 404, 404]);
    const [row] = await t.db.query<{ visits_remaining: number; balance: number }>(
      `SELECT visits_remaining, (SELECT balance FROM certificates WHERE id = $2) AS balance
         FROM memberships WHERE id = $1`,
      [m.id, g.id],
    );
    expect(row).toEqual({ visits_remaining: 5, balance: 50 });
  });

  it('paying and deleting an appointment at once: either paid (delete 409) or deleted (payment refused)', async () => {
    const phone = nextPhone();
    const type = await createMembershipType(t, tenant.location.chainId, tenant.owner, {
      united_balance_services_count: 10,
    });
    const m = (
      await api(t).post(`/company/${tenant.location.id}/loyalty/abonements`, tenant.admin, {
        type_id: type.id,
        phone,
      })
    ).body.data;
    const records = (await visits(phone)).slice(0, 6);
    const outcomes = await Promise.all(
      records.map(async (r) => {
        const [paid, deleted] = await Promise.all([
          api(t).post(
            `/company/${tenant.location.id}/records/${r.id}/loyalty_payment`,
            tenant.admin,
            { abonement_id: m.id },
          ),
          api(t).del(`/record/${tenant.location.id}/${r.id}`, tenant.admin),
        ]);
        return `${paid.status}/${deleted.status}`;
      }),
    );
    for (const o of outcomes) expect(['200/409', '422/204']).toContain(o);
    const [row] = await t.db.query<{ visits_remaining: number }>(
      'SELECT visits_remaining FROM memberships WHERE id = $1',
      [m.id],
    );
    expect(row!.visits_remaining).toBe(10 - outcomes.filter((o) => o === '200/409').length);
  });
});
