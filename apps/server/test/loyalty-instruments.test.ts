import {
  makeAppointment,
  makeAppUser,
  makeLocation,
  makeService,
  makeStaff,
} from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appApi, nextPhone } from './support/cabinet';
import { api } from './support/catalog';
import { createCertificateType, createMembershipType } from './support/loyalty';
import { authHeader, call, createTestApp, makeTenant, type TestApp } from './support/test-app';

/** Clock of the test app: 2026-11-28T10:00Z. */
describe('memberships, gift cards and loyalty cards held by clients', () => {
  let t: TestApp;
  let tenant: Awaited<ReturnType<typeof makeTenant>>;
  let chainId: number;
  let loc: number;
  let staffId: number;
  let yoga: { id: number };
  let cut: { id: number };
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await makeTenant(t.db);
    chainId = tenant.location.chainId;
    loc = tenant.location.id;
    staffId = (await makeStaff(t.db, loc)).id;
    yoga = await makeService(t.db, loc, { title: 'Yoga', price: 30, staffIds: [staffId] });
    cut = await makeService(t.db, loc, { title: 'Cut', price: 40, staffIds: [staffId] });
  });
  afterAll(() => t.close());

  let hour = 0;
  const visit = (phone: string, serviceIds: number[], price = 40) =>
    makeAppointment(t.db, {
      locationId: loc,
      staffId,
      serviceIds,
      phone,
      price,
      start: new Date(Date.parse('2026-11-28T12:00:00Z') + (hour += 3) * 3_600_000).toISOString(),
    });
  const pay = (recordId: number, body: Record<string, unknown>) =>
    api(t).post(`/company/${loc}/records/${recordId}/loyalty_payment`, tenant.admin, body);

  it('a membership: sold at the desk, one visit per paid appointment, exactly once', async () => {
    const phone = nextPhone();
    const type = await createMembershipType(t, chainId, tenant.owner, {
      services: [yoga.id],
      united_balance_services_count: 2,
    });
    const sold = await api(t).post(`/company/${loc}/loyalty/abonements`, tenant.admin, {
      type_id: type.id,
      phone,
    });
    expect(sold.status, JSON.stringify(sold.body)).toBe(201);
    expect(sold.body.data).toMatchObject({
      balance: 2,
      united_balance_services_count: 2,
      is_frozen: false,
      freeze_period: 14,
      status: { id: 1 },
      expiration_date: '2027-02-28T10:00:00+00:00',
      balance_string: 'Yoga x10 (x2)',
    });
    expect(sold.body.data.number).toMatch(/^\d{12}$/);
    const m = sold.body.data.id as number;

    const first = await visit(phone, [yoga.id, cut.id]);
    const paid = await pay(first.id, { abonement_id: m });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body.data).toMatchObject({
      total: 80,
      abonement_covered: 40,
      due: 40,
      abonement: { balance: 1 },
    });
    const again = await pay(first.id, { abonement_id: m });
    expect(again.status).toBe(409);

    const uncovered = await visit(phone, [cut.id]);
    const refused = await pay(uncovered.id, { abonement_id: m });
    expect(refused.status).toBe(422);
    expect(refused.body.meta.errors.abonement_id[0]).toMatch(/does not cover/);

    const second = await visit(phone, [yoga.id]);
    expect((await pay(second.id, { abonement_id: m })).body.data.abonement).toMatchObject({
      balance: 0,
      status: { id: 4 },
    });
    const third = await visit(phone, [yoga.id]);
    const empty = await pay(third.id, { abonement_id: m });
    expect(empty.status).toBe(422);
    expect(empty.body.meta.errors.abonement_id[0]).toMatch(/no visits left/);

    const someoneElse = await visit(nextPhone(), [yoga.id]);
    expect(
      (await pay(someoneElse.id, { abonement_id: m })).body.meta.errors.abonement_id[0],
    ).toMatch(/not this client/);
  });

  it('freezing: within the type limit, moves the end date, blocks use; unfreezing gives days back', async () => {
    const phone = nextPhone();
    const type = await createMembershipType(t, chainId, tenant.owner, { freeze_limit: 10 });
    const m = (
      await api(t).post(`/company/${loc}/loyalty/abonements`, tenant.admin, {
        type_id: type.id,
        phone,
      })
    ).body.data;
    const http = api(t);
    const tooLong = await http.post(
      `/chain/${chainId}/loyalty/abonements/${m.id}/freeze`,
      tenant.owner,
      { freeze_days: 11 },
    );
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.meta.errors.days[0]).toMatch(/at most 10/);
    const frozen = await http.post(
      `/chain/${chainId}/loyalty/abonements/${m.id}/freeze`,
      tenant.owner,
      { freeze_days: 7 },
    );
    expect(frozen.status).toBe(200);
    expect(frozen.body.data).toMatchObject({
      is_frozen: true,
      freeze_period: 3,
      status: { id: 2 },
      expiration_date: '2027-03-07T10:00:00+00:00',
    });
    const blocked = await pay((await visit(phone, [yoga.id])).id, { abonement_id: m.id });
    expect(blocked.body.meta.errors.abonement_id[0]).toMatch(/frozen/);

    const app = appApi(t);
    const user = await makeAppUser(t.db, { phone });
    const mine = await app('GET', '/memberships', user);
    expect(mine.body.data).toEqual([
      expect.objectContaining({
        id: m.id,
        frozen: true,
        freeze_days_left: 3,
        locations: [expect.objectContaining({ id: loc })],
      }),
    ]);

    t.clock.set('2026-11-30T10:00:00Z');
    const thawed = await http.post(
      `/chain/${chainId}/loyalty/abonements/${m.id}/unfreeze`,
      tenant.owner,
    );
    expect(thawed.body.data).toMatchObject({
      is_frozen: false,
      freeze_period: 8,
      expiration_date: '2027-03-02T10:00:00+00:00',
    });
    t.clock.set('2026-11-28T10:00:00Z');
    const notAllowed = await createMembershipType(t, chainId, tenant.owner, {
      allow_freeze: false,
    });
    const m2 = (
      await http.post(`/company/${loc}/loyalty/abonements`, tenant.admin, {
        type_id: notAllowed.id,
        phone,
      })
    ).body.data;
    expect(
      (
        await http.post(`/chain/${chainId}/loyalty/abonements/${m2.id}/freeze`, tenant.owner, {
          freeze_days: 1,
        })
      ).status,
    ).toBe(422);
  });

  it('a gift card: partial redemption at a visit, never more than its balance; single use spends it', async () => {
    const phone = nextPhone();
    const multi = await createCertificateType(t, chainId, tenant.owner, { balance: 50 });
    const http = api(t);
    const c = (
      await http.post(`/company/${loc}/loyalty/certificates`, tenant.admin, {
        type_id: multi.id,
        phone,
      })
    ).body.data;
    expect(c).toMatchObject({
      balance: 50,
      default_balance: 50,
      status_id: 1, // six months on the Berlin wall clock: 11:00 CET on Nov 28 → 11:00 CEST on May 28
      expiration_date: '2027-05-28T09:00:00+00:00',
    });
    expect(c.number).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/);

    const one = await pay((await visit(phone, [cut.id], 30)).id, {
      certificate_id: c.id,
      certificate_amount: 20,
    });
    expect(one.body.data).toMatchObject({
      certificate_amount: 20,
      due: 10,
      certificate: { balance: 30 },
    });
    const two = await pay((await visit(phone, [cut.id], 40)).id, { certificate_id: c.id });
    expect(two.body.data).toMatchObject({
      certificate_amount: 30,
      due: 10,
      certificate: { balance: 0, status_id: 2 },
    });
    const three = await pay((await visit(phone, [cut.id], 40)).id, { certificate_id: c.id });
    expect(three.status).toBe(422);
    expect(three.body.meta.errors.certificate_id[0]).toMatch(/used up/);

    const single = await createCertificateType(t, chainId, tenant.owner, {
      balance: 50,
      is_multi: false,
    });
    const s = (
      await http.post(`/company/${loc}/loyalty/certificates`, tenant.admin, {
        type_id: single.id,
        phone,
      })
    ).body.data;
    const once = await pay((await visit(phone, [cut.id], 20)).id, { certificate_id: s.id });
    expect(once.body.data).toMatchObject({
      certificate_amount: 20,
      due: 0,
      certificate: { balance: 0, status_id: 2 },
    });

    const yogaOnly = await createCertificateType(t, chainId, tenant.owner, {
      item_type_id: 3,
      service_ids: [yoga.id],
    });
    const y = (
      await http.post(`/company/${loc}/loyalty/certificates`, tenant.admin, {
        type_id: yogaOnly.id,
        phone,
      })
    ).body.data;
    const mixed = await pay((await visit(phone, [yoga.id, cut.id], 30)).id, {
      certificate_id: y.id,
    });
    expect(mixed.body.data).toMatchObject({ total: 60, certificate_amount: 30, due: 30 });

    const list = await http.get(
      `/loyalty/certificates?company_id=${loc}&phone=${encodeURIComponent(phone)}`,
      tenant.admin,
    );
    expect(list.body.meta.count).toBe(3);
    expect(list.body.data.map((x: { balance: number }) => x.balance).sort()).toEqual([0, 0, 20]);
  });

  it('a loyalty card: static discount and cashback applied when a visit is paid; accumulative discount raised → discount.granted', async () => {
    const phone = nextPhone();
    const http = api(t);
    const cardType = (
      await http.post(`/chain/${chainId}/loyalty/card_types`, tenant.owner, { title: 'Club' })
    ).body.data;
    const program = (over: Record<string, unknown>) =>
      http.post(`/chain/${chainId}/loyalty/programs`, tenant.owner, {
        title: 'p',
        service_item_type: 'any_allowed',
        good_item_type: 'not_allowed',
        value_unit: 'percent',
        company_ids: [],
        loyalty_card_type_ids: [cardType.id],
        ...over,
      });
    expect(
      (await program({ title: '10% off', type: 'discount_static', rules: [{ value: 10 }] })).status,
    ).toBe(200);
    expect(
      (await program({ title: '5% back', type: 'cashback_static_paid', rules: [{ value: 5 }] }))
        .status,
    ).toBe(200);
    expect(
      (
        await program({
          title: 'Loyal',
          type: 'discount_accumulative_paid',
          rules: [{ parameter: 50, value: 15 }],
        })
      ).status,
    ).toBe(200);

    const issued = await http.post(`/loyalty/cards/${loc}`, tenant.admin, {
      loyalty_card_number: 'CLUB-001',
      loyalty_card_type_id: cardType.id,
      phone,
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    expect(issued.body.data).toMatchObject({
      number: 'CLUB-001',
      balance: 0,
      discount: 0,
      programs: expect.any(Array),
    });
    expect(
      (
        await http.post(`/loyalty/cards/${loc}`, tenant.admin, {
          loyalty_card_number: 'CLUB-001',
          loyalty_card_type_id: cardType.id,
          phone,
        })
      ).status,
    ).toBe(409);
    const cardId = issued.body.data.id as number;

    const first = await pay((await visit(phone, [cut.id], 40)).id, { loyalty_card_id: cardId });
    expect(first.body.data).toMatchObject({
      total: 40,
      discount: 4,
      due: 36,
      cashback: 1.8,
      loyalty_card: { balance: 1.8, paid_amount: 36, visits_count: 1, discount: 0 },
    });
    const second = await pay((await visit(phone, [cut.id], 40)).id, { loyalty_card_id: cardId });
    // 36 + 36 = 72 paid ≥ 50: the accumulative 15 % is in force from now on
    expect(second.body.data.loyalty_card).toMatchObject({ paid_amount: 72, discount: 15 });
    const events = await t.db.query<{ type: string; payload: Record<string, unknown> }>(
      `SELECT type, payload FROM outbox_events WHERE type = 'discount.granted' AND aggregate_id = $1`,
      [cardId],
    );
    expect(events).toEqual([
      {
        type: 'discount.granted',
        payload: expect.objectContaining({
          cardId,
          title: 'Club',
          discountPercent: 15,
          clientId: expect.any(Number),
        }),
      },
    ]);
    const third = await pay((await visit(phone, [cut.id], 40)).id, { loyalty_card_id: cardId });
    expect(third.body.data).toMatchObject({ discount: 6 });

    const tx = await http.get(
      `/chain/${chainId}/loyalty/transactions?card_id=${cardId}`,
      tenant.owner,
    );
    expect(tx.body.data.map((x: { type: { title: string } }) => x.type.title)).toEqual([
      'discount',
      'cashback',
      'discount',
      'cashback',
      'discount',
      'cashback',
    ]);

    const manual = await http.post(
      `/company/${loc}/loyalty/cards/${cardId}/manual_transaction`,
      tenant.admin,
      { amount: -1000, title: 'too much' },
    );
    expect(manual.status).toBe(422);
    const plus = await http.post(
      `/chain/${chainId}/loyalty/cards/${cardId}/manual_transaction`,
      tenant.owner,
      { amount: 10, title: 'gift' },
    );
    expect(plus.body.data.balance).toBeCloseTo(1.8 + 1.8 + 1.7 + 10, 5);

    const user = await makeAppUser(t.db, { phone });
    const mine = await appApi(t)('GET', '/loyalty-cards', user);
    expect(mine.body.data).toEqual([
      expect.objectContaining({
        number: 'CLUB-001',
        discount_percent: 15,
        promotions: expect.arrayContaining([
          expect.objectContaining({ title: 'Loyal', value: 15 }),
        ]),
      }),
    ]);
    const b2c = await call(t.app, {
      method: 'GET',
      url: `/api/v1/user/loyalty_cards/${chainId}`,
      headers: authHeader(t.partnerToken, user.token),
    });
    expect(b2c.status).toBe(200);
    expect(b2c.body.data[0]).toMatchObject({
      number: 'CLUB-001',
      salon_group_id: chainId,
      programs: expect.any(Array),
    });
    const byPhone = await http.get(
      `/loyalty/cards/${encodeURIComponent(phone)}/${chainId}/${loc}`,
      tenant.admin,
    );
    expect(byPhone.body.data).toHaveLength(1);
    const byClient = await http.get(
      `/loyalty/client_cards/${first.body.data.record_id ? (await t.db.query<{ client_id: number }>('SELECT client_id FROM records WHERE id = $1', [first.body.data.record_id]))[0]!.client_id : 0}`,
      tenant.admin,
    );
    expect(byClient.body.data).toHaveLength(1);

    expect((await http.del(`/loyalty/cards/${loc}/${cardId}`, tenant.admin)).status).toBe(204);
    expect((await appApi(t)('GET', '/loyalty-cards', user)).body.data).toEqual([]);
  });

  it('client side: /user/loyalty/* and the app list only the caller’s instruments; rights enforced', async () => {
    const ana = await makeAppUser(t.db, { phone: nextPhone() });
    const bob = await makeAppUser(t.db, { phone: nextPhone() });
    const type = await createCertificateType(t, chainId, tenant.owner);
    const http = api(t);
    await http.post(`/company/${loc}/loyalty/certificates`, tenant.admin, {
      type_id: type.id,
      phone: ana.phone,
    });
    const mine = await call(t.app, {
      method: 'GET',
      url: `/api/v1/user/loyalty/certificates?company_id=${loc}`,
      headers: authHeader(t.partnerToken, ana.token),
    });
    expect(mine.status).toBe(200);
    expect(mine.body.meta.count).toBe(1);
    const his = await call(t.app, {
      method: 'GET',
      url: `/api/v1/user/loyalty/certificates`,
      headers: authHeader(t.partnerToken, bob.token),
    });
    expect(his.body.data).toEqual([]);
    expect(
      (
        await call(t.app, {
          method: 'GET',
          url: `/api/v1/user/loyalty/abonements`,
          headers: authHeader(t.partnerToken),
        })
      ).status,
    ).toBe(401);
    const gifts = await appApi(t)('GET', '/gift-cards', ana);
    expect(gifts.body.data).toEqual([
      expect.objectContaining({
        face_value: 50,
        balance: 50,
        multiple_use: true,
        applies_to: 'Any services and goods',
        expiring_soon: false,
        image: null,
      }),
    ]);
    expect((await appApi(t)('GET', '/gift-cards', null)).status).toBe(401);
    // B2B reads need clients:read at that location
    expect(
      (
        await http.get(
          `/loyalty/certificates?company_id=${loc}&phone=${encodeURIComponent(ana.phone)}`,
          tenant.staff,
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await http.get(
          `/loyalty/certificates?company_id=${loc}&phone=${encodeURIComponent(ana.phone)}`,
          tenant.outsider,
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await http.post(`/company/${loc}/loyalty/certificates`, tenant.staff, {
          type_id: type.id,
          phone: ana.phone,
        })
      ).status,
    ).toBe(403);
  });

  it('my memberships: 🔥 expiring soon, the locations where each is usable, filtered by location on /user/loyalty/abonements', async () => {
    const phone = nextPhone();
    const http = api(t);
    const second = await makeLocation(t.db, { chainId, title: 'Second studio' });
    const short = await createMembershipType(t, chainId, tenant.owner, {
      period: 7,
      period_unit_id: 1,
      salon_ids: [loc],
    });
    const long = await createMembershipType(t, chainId, tenant.owner, {
      period: 1,
      period_unit_id: 4,
    });
    await http.post(`/company/${loc}/loyalty/abonements`, tenant.admin, {
      type_id: short.id,
      phone,
    });
    await http.post(`/company/${loc}/loyalty/abonements`, tenant.admin, {
      type_id: long.id,
      phone,
    });
    const user = await makeAppUser(t.db, { phone });
    const mine = (await appApi(t)('GET', '/memberships', user)).body.data as {
      title: string;
      expiring_soon: boolean;
      locations: { id: number }[];
      issuer: { chain_id: number };
    }[];
    expect(mine).toHaveLength(2);
    expect(mine.every((m) => m.issuer.chain_id === chainId)).toBe(true);
    const shortOne = mine.find((m) => m.locations.length === 1)!;
    expect(shortOne).toMatchObject({ expiring_soon: true, locations: [{ id: loc }] });
    const longOne = mine.find((m) => m.locations.length > 1)!;
    expect(longOne.expiring_soon).toBe(false);
    expect(longOne.locations.map((l) => l.id)).toEqual(expect.arrayContaining([loc, second.id]));
    const atSecond = await call(t.app, {
      method: 'GET',
      url: `/api/v1/user/loyalty/abonements?company_id=${second.id}`,
      headers: authHeader(t.partnerToken, user.token),
    });
    expect(atSecond.body.meta.count).toBe(1);
    expect(atSecond.body.data[0].type.id).toBe(long.id);
  });
});
