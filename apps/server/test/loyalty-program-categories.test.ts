import { makeAppointment, makeService, makeStaff } from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextPhone } from './support/cabinet';
import { api } from './support/catalog';
import { createTestApp, makeTenant, type TestApp } from './support/test-app';

/**
 * A program's categories are their own list (`allowed_service_category_ids`): services and
 * categories are numbered separately, so service N and category N are different things.
 */
describe('program applicability by service category', () => {
  let t: TestApp;
  let tenant: Awaited<ReturnType<typeof makeTenant>>;
  let chainId: number;
  let loc: number;
  let staffId: number;
  // The same number for a category and for a service outside it.
  const SAME = 900_001;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await makeTenant(t.db);
    chainId = tenant.location.chainId;
    loc = tenant.location.id;
    staffId = (await makeStaff(t.db, loc)).id;
    await t.db.query(
      `INSERT INTO service_categories(id, location_id, title) OVERRIDING SYSTEM VALUE VALUES ($1, $2, 'Colour')`,
      [SAME, loc],
    );
    await t.db.query(
      `INSERT INTO services(id, location_id, title, duration_seconds, price_min, price_max)
       OVERRIDING SYSTEM VALUE VALUES ($1, $2, 'Beard trim', 1800, 20, 20)`,
      [SAME, loc],
    );
  });
  afterAll(() => t.close());

  it('acts on services of a listed category, not on the service with the same number, and reads the lists back', async () => {
    const http = api(t);
    const inColour = await makeService(t.db, loc, {
      title: 'Balayage',
      price: 100,
      categoryId: SAME,
      staffIds: [staffId],
    });
    await t.db.query('INSERT INTO service_staff(service_id, staff_id) VALUES ($1, $2)', [
      SAME,
      staffId,
    ]);
    const cardType = (
      await http.post(`/chain/${chainId}/loyalty/card_types`, tenant.owner, { title: 'Club' })
    ).body.data;
    const created = await http.post(
      `/chain/${chainId}/loyalty/programs?include=applicable_items`,
      tenant.owner,
      {
        title: '10% on colour',
        type: 'discount_static',
        service_item_type: 'custom_allowed',
        good_item_type: 'not_allowed',
        allowed_service_category_ids: [SAME],
        value_unit: 'percent',
        company_ids: [loc],
        loyalty_card_type_ids: [cardType.id],
        rules: [{ value: 10 }],
      },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const program = created.body as unknown as { id: number; applicable_items: unknown[] };
    expect(program.applicable_items).toEqual([
      { id: SAME, title: 'Colour', is_service: false, is_category: true },
    ]);

    const phone = nextPhone();
    const card = await http.post(`/loyalty/cards/${loc}`, tenant.admin, {
      loyalty_card_number: 'CLUB-CAT',
      loyalty_card_type_id: cardType.id,
      phone,
    });
    expect(card.status, JSON.stringify(card.body)).toBe(201);
    const visit = await makeAppointment(t.db, {
      locationId: loc,
      staffId,
      serviceIds: [inColour.id, SAME],
      phone,
      start: '2026-11-28T14:00:00Z',
    });
    const paid = await http.post(
      `/company/${loc}/records/${visit.id}/loyalty_payment`,
      tenant.admin,
      {
        loyalty_card_id: card.body.data.id,
      },
    );
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    // Two lines of 50: 10 % of the balayage only; the beard trim numbered like the category pays in full.
    expect(paid.body.data).toMatchObject({ total: 100, discount: 5, due: 95 });

    const edited = await http.put(
      `/chain/${chainId}/loyalty/programs/${program.id}?include=applicable_items`,
      tenant.owner,
      {
        title: '10% on colour and beard',
        type: 'discount_static',
        service_item_type: 'custom_allowed',
        good_item_type: 'not_allowed',
        allowed_service_ids: [SAME],
        allowed_service_category_ids: [SAME],
        value_unit: 'percent',
        company_ids: [loc],
        rules: [{ value: 10 }],
      },
    );
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect((edited.body as unknown as { applicable_items: unknown[] }).applicable_items).toEqual([
      { id: SAME, title: 'Beard trim', is_service: true, is_category: false },
      { id: SAME, title: 'Colour', is_service: false, is_category: true },
    ]);
  });

  it("reads a category listed in Altegio's one allowed_service_ids list as that category", async () => {
    const http = api(t);
    const cat = (
      await t.db.query<{ id: number }>(
        `INSERT INTO service_categories(location_id, title) VALUES ($1, 'Nails') RETURNING id`,
        [loc],
      )
    )[0]!.id;
    const manicure = await makeService(t.db, loc, {
      title: 'Manicure',
      price: 40,
      categoryId: cat,
      staffIds: [staffId],
    });
    const created = await http.post(
      `/chain/${chainId}/loyalty/programs?include=applicable_items`,
      tenant.owner,
      {
        title: '10% on nails',
        type: 'discount_static',
        service_item_type: 'custom_allowed',
        good_item_type: 'not_allowed',
        allowed_service_ids: [cat],
        value_unit: 'percent',
        company_ids: [loc],
        rules: [{ value: 10 }],
      },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const program = created.body as unknown as { id: number; applicable_items: unknown[] };
    // Services and categories share one numbering (migration 0071), as in Altegio.
    expect(await t.db.query('SELECT 1 FROM services WHERE id = $1', [cat])).toEqual([]);
    expect(program.applicable_items).toEqual([
      { id: cat, title: 'Nails', is_service: false, is_category: true },
    ]);
    const stored = await t.db.query<{ s: number[]; c: number[] }>(
      'SELECT allowed_service_ids AS s, allowed_service_category_ids AS c FROM loyalty_programs WHERE id = $1',
      [program.id],
    );
    expect(stored[0]).toEqual({ s: [], c: [cat] });
    expect(manicure.id).not.toBe(cat);
  });

  it('refuses services and categories of another chain, naming the field, and writes nothing', async () => {
    const http = api(t);
    const foreign = await makeService(t.db, tenant.otherLocation.id, { title: 'Elsewhere' });
    const before = await t.db.query('SELECT id FROM loyalty_programs');
    const body = {
      title: 'Bad',
      type: 'discount_static',
      service_item_type: 'custom_allowed',
      good_item_type: 'not_allowed',
      value_unit: 'percent',
      company_ids: [],
      rules: [{ value: 10 }],
    };
    const services = await http.post(`/chain/${chainId}/loyalty/programs`, tenant.owner, {
      ...body,
      allowed_service_ids: [foreign.id],
    });
    expect(services.status).toBe(422);
    expect(services.body.meta.errors.allowed_service_ids).toBeDefined();
    const foreignCategory = await t.db.query<{ id: number }>(
      `INSERT INTO service_categories(location_id, title) VALUES ($1, 'Theirs') RETURNING id`,
      [tenant.otherLocation.id],
    );
    const mixed = await http.post(`/chain/${chainId}/loyalty/programs`, tenant.owner, {
      ...body,
      allowed_service_ids: [foreignCategory[0]!.id],
    });
    expect(mixed.status).toBe(422);
    expect(mixed.body.meta.errors.allowed_service_ids).toBeDefined();
    const categories = await http.post(`/chain/${chainId}/loyalty/programs`, tenant.owner, {
      ...body,
      allowed_service_category_ids: [987_654],
    });
    expect(categories.status).toBe(422);
    expect(categories.body.meta.errors.allowed_service_category_ids).toBeDefined();
    const neither = await http.post(`/chain/${chainId}/loyalty/programs`, tenant.owner, body);
    expect(neither.body.meta.errors.allowed_service_ids).toBeDefined();
    expect(await t.db.query('SELECT id FROM loyalty_programs')).toEqual(before);
  });
});
