import { makeService } from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './support/catalog';
import {
  certificateTypeBody,
  createCertificateType,
  createMembershipType,
  membershipTypeBody,
} from './support/loyalty';
import { createTestApp, makeTenant, type TestApp } from './support/test-app';

describe('chain certificate types (the seed contract)', () => {
  let t: TestApp;
  let tenant: Awaited<ReturnType<typeof makeTenant>>;
  let chainId: number;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await makeTenant(t.db);
    chainId = tenant.location.chainId;
  });
  afterAll(() => t.close());

  it('creates, reads, lists and updates a type with every field of the contract', async () => {
    const created = await createCertificateType(t, chainId, tenant.owner, {
      salon_ids: [tenant.location.id],
    });
    expect(created).toMatchObject({
      title: 'Gift Certificate 50',
      balance: 50,
      is_multi: true,
      company_group_id: chainId,
      item_type_id: 0,
      expiration_type_id: 2,
      expiration_timeout: 6,
      expiration_timeout_unit_id: 3,
      balance_edit_type_id: 1,
      online_sale_is_enabled: true,
      online_sale_price: 50,
      online_sale_image: null,
      released_total: 0,
      salon_ids: [tenant.location.id],
      item_type: { id: 0 },
    });
    const http = api(t);
    const got = await http.get(
      `/chain/${chainId}/loyalty/certificate_types/${created.id}`,
      tenant.owner,
    );
    expect(got.body.data).toEqual(created);
    const put = await http.put(
      `/chain/${chainId}/loyalty/certificate_types/${created.id}`,
      tenant.owner,
      certificateTypeBody({
        title: 'Gift 100',
        balance: 100,
        expiration: { type_id: 1, date: '2027-12-31T23:59:59+00:00' },
      }),
    );
    expect(put.status).toBe(200);
    expect(put.body.data).toMatchObject({
      title: 'Gift 100',
      balance: 100,
      expiration_type_id: 1,
      expiration_date: '2027-12-31T23:59:59+00:00',
      expiration_timeout: null,
    });
    const list = await http.get(`/chain/${chainId}/loyalty/certificate_types`, tenant.owner);
    expect(list.body.data.map((x: { id: number }) => x.id)).toContain(created.id);
    expect(list.body.meta.count).toBe(list.body.data.length);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const http = api(t);
    const cases: [Record<string, unknown>, string][] = [
      [{ expiration: { type_id: 1 } }, 'expiration.date'],
      [{ expiration: { type_id: 2 } }, 'expiration.timeout'],
      [{ item_type_id: 3, service_ids: [] }, 'service_ids'],
      [{ item_type_id: 4 }, 'category_id'],
      [{ item_type_id: 7 }, 'item_type_id'],
      [{ salon_ids: [tenant.otherLocation.id] }, 'salon_ids'],
      [{ balance: 0 }, 'balance'],
    ];
    const before = (await http.get(`/chain/${chainId}/loyalty/certificate_types`, tenant.owner))
      .body.data.length;
    for (const [over, field] of cases) {
      const res = await http.post(
        `/chain/${chainId}/loyalty/certificate_types`,
        tenant.owner,
        certificateTypeBody(over),
      );
      expect(res.status, JSON.stringify(over)).toBe(422);
      expect(res.body.success).toBe(false);
      expect(Object.keys(res.body.meta.errors), JSON.stringify(res.body)).toContain(field);
    }
    const after = (await http.get(`/chain/${chainId}/loyalty/certificate_types`, tenant.owner)).body
      .data.length;
    expect(after).toBe(before);
  });

  it('restricts to chosen services of the chain (item_type_id 3)', async () => {
    const service = await makeService(t.db, tenant.location.id, { title: 'Massage' });
    const foreign = await makeService(t.db, tenant.otherLocation.id);
    const http = api(t);
    const ok = await http.post(
      `/chain/${chainId}/loyalty/certificate_types`,
      tenant.owner,
      certificateTypeBody({ item_type_id: 3, service_ids: [service.id] }),
    );
    expect(ok.status).toBe(201);
    expect(ok.body.data.service_ids).toEqual([service.id]);
    const bad = await http.post(
      `/chain/${chainId}/loyalty/certificate_types`,
      tenant.owner,
      certificateTypeBody({ item_type_id: 3, service_ids: [foreign.id] }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.meta.errors.service_ids).toBeDefined();
  });

  it('a type with issued certificates cannot be changed or deleted (409); an unused one can be deleted', async () => {
    const http = api(t);
    const type = await createCertificateType(t, chainId, tenant.owner);
    const sold = await http.post(
      `/company/${tenant.location.id}/loyalty/certificates`,
      tenant.owner,
      { type_id: type.id, phone: '+4915112340001' },
    );
    expect(sold.status, JSON.stringify(sold.body)).toBe(201);
    const put = await http.put(
      `/chain/${chainId}/loyalty/certificate_types/${type.id}`,
      tenant.owner,
      certificateTypeBody({ balance: 999 }),
    );
    expect(put.status).toBe(409);
    expect(put.body.meta.message).toMatch(/issued certificates/);
    const del = await http.del(
      `/chain/${chainId}/loyalty/certificate_types/${type.id}`,
      tenant.owner,
    );
    expect(del.status).toBe(409);
    const still = await http.get(
      `/chain/${chainId}/loyalty/certificate_types/${type.id}`,
      tenant.owner,
    );
    expect(still.body.data).toMatchObject({ balance: 50, released_total: 1 });

    const unused = await createCertificateType(t, chainId, tenant.owner);
    const gone = await http.del(
      `/chain/${chainId}/loyalty/certificate_types/${unused.id}`,
      tenant.owner,
    );
    expect(gone.status).toBe(200);
    expect(gone.body).toEqual({ success: true, data: null, meta: [] });
    expect(
      (await http.get(`/chain/${chainId}/loyalty/certificate_types/${unused.id}`, tenant.owner))
        .status,
    ).toBe(404);
  });

  it('rights: 401 without a user, 403 for a location administrator, staff or another chain, 404 unknown chain', async () => {
    const http = api(t);
    const path = `/chain/${chainId}/loyalty/certificate_types`;
    expect((await http.get(path, null)).status).toBe(401);
    expect((await http.post(path, tenant.admin, certificateTypeBody())).status).toBe(403);
    expect((await http.get(path, tenant.staff)).status).toBe(403);
    expect((await http.get(path, tenant.outsider)).status).toBe(403);
    expect((await http.get(`/chain/999999/loyalty/certificate_types`, tenant.owner)).status).toBe(
      404,
    );
    const other = tenant.otherLocation.chainId;
    const foreignType = await createCertificateType(t, other, tenant.outsider);
    expect(
      (
        await http.get(
          `/chain/${chainId}/loyalty/certificate_types/${foreignType.id}`,
          tenant.owner,
        )
      ).status,
    ).toBe(404);
  });
});

describe('membership types, card types and programs', () => {
  let t: TestApp;
  let tenant: Awaited<ReturnType<typeof makeTenant>>;
  let chainId: number;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await makeTenant(t.db);
    chainId = tenant.location.chainId;
  });
  afterAll(() => t.close());

  it('membership type: visits or unlimited, freezing, price, locations, online sale', async () => {
    const type = await createMembershipType(t, chainId, tenant.owner, {
      salon_ids: [tenant.location.id],
    });
    expect(type).toMatchObject({
      salon_group_id: chainId,
      cost: 120,
      period: 3,
      period_unit_id: 3,
      allow_freeze: true,
      freeze_limit: 14,
      united_balance_services_count: 10,
      is_united_balance_unlimited: false,
      is_online_sale_enabled: true,
      online_sale_price: 99,
      attached_salon_ids: [tenant.location.id],
      image: null,
    });
    const unlimited = await createMembershipType(t, chainId, tenant.owner, {
      is_united_balance_unlimited: true,
      united_balance_services_count: 0,
      allow_freeze: false,
    });
    expect(unlimited).toMatchObject({ is_united_balance_unlimited: true, freeze_limit: 0 });
    const bad = await api(t).post(
      `/chain/${chainId}/loyalty/abonement_types`,
      tenant.owner,
      membershipTypeBody({ united_balance_services_count: 0 }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.meta.errors.united_balance_services_count).toBeDefined();
    // Scope errors name the body's own fields (the back office shows them under that list).
    const foreign = await makeService(t.db, tenant.otherLocation.id);
    const foreignCategory = (
      await t.db.query<{ id: number }>(
        `INSERT INTO service_categories(location_id, title) VALUES ($1, 'Elsewhere') RETURNING id`,
        [tenant.otherLocation.id],
      )
    )[0]!.id;
    for (const [over, field] of [
      [{ services: [foreign.id] }, 'services'],
      [{ service_categories: [foreignCategory] }, 'service_categories'],
      [{ salon_ids: [tenant.otherLocation.id] }, 'salon_ids'],
    ] as const) {
      const res = await api(t).post(
        `/chain/${chainId}/loyalty/abonement_types`,
        tenant.owner,
        membershipTypeBody(over),
      );
      expect(res.status, JSON.stringify(over)).toBe(422);
      expect(Object.keys(res.body.meta.errors)).toEqual([field]);
    }
    const put = await api(t).put(
      `/chain/${chainId}/loyalty/abonement_types/${type.id}`,
      tenant.owner,
      membershipTypeBody({ cost: 150 }),
    );
    expect(put.status).toBe(201);
    expect(put.body.data.cost).toBe(150);
  });

  it('creates a promotion as the seed defines it and reads it back with include', async () => {
    const http = api(t);
    const cardType = await http.post(`/chain/${chainId}/loyalty/card_types`, tenant.owner, {
      title: 'Gold',
    });
    expect(cardType.status).toBe(201);
    const service = await makeService(t.db, tenant.location.id, { title: 'Cut' });
    const body = {
      title: 'Cumulative discount for some services and not for goods',
      type: 'discount_accumulative_paid',
      service_item_type: 'custom_allowed',
      good_item_type: 'not_allowed',
      allowed_service_ids: [service.id],
      value_unit: 'percent',
      expiration_timeout: 6,
      expiration_timeout_unit: 'month',
      expiration_notification_timeout: 7,
      params_source_type: 'chain',
      history_start_date: '2026-09-21',
      loyalty_card_type_ids: [cardType.body.data.id],
      on_changed_notification_template: { type: 'custom', body: 'Your discount has changed' },
      on_expiration_notification_template: { type: 'big' },
      rules: [
        { parameter: 10, value: 2.5, service_id: 0 },
        { parameter: 30, value: 7.5, service_id: 0 },
      ],
      company_ids: [tenant.location.id],
    };
    const res = await http.post(
      `/chain/${chainId}/loyalty/programs?include=rules,loyalty_card_types,companies,applicable_items,on_changed_notification_template`,
      tenant.owner,
      body,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const program = res.body as unknown as Record<string, unknown>;
    expect(program).toMatchObject({
      title: body.title,
      type: 'discount_accumulative_paid',
      value_unit: 'percent',
      expiration_timeout_unit: 'month',
      history_start_date: '2026-09-21',
      loyalty_card_types: [{ id: cardType.body.data.id, title: 'Gold' }],
      on_changed_notification_template: {
        type: 'custom',
        body: 'Your discount has changed',
        message_type: 'loyalty_discount_changed',
      },
      rules: [
        { parameter: 10, value: 2.5, loyalty_type_id: 2 },
        { parameter: 30, value: 7.5, loyalty_type_id: 2 },
      ],
      companies: [{ id: tenant.location.id }],
      applicable_items: [{ id: service.id, title: 'Cut', is_category: false }],
    });
    const plain = await http.get(
      `/chain/${chainId}/loyalty/programs/${program.id as number}`,
      tenant.owner,
    );
    const plainBody = plain.body as unknown as Record<string, unknown>;
    expect(plainBody.rules).toBeUndefined();
    expect(plainBody.on_expiration_notification_template_id).toEqual(expect.any(Number));

    const fixed = await http.post(`/chain/${chainId}/loyalty/programs`, tenant.owner, {
      ...body,
      type: 'discount_static',
    });
    expect(fixed.status).toBe(422);
    expect(fixed.body.meta.errors.rules).toBeDefined();
    const foreignCard = await http.post(`/chain/${chainId}/loyalty/programs`, tenant.owner, {
      ...body,
      loyalty_card_type_ids: [999999],
    });
    expect(foreignCard.body.meta.errors.loyalty_card_type_ids).toBeDefined();
  });
});
