import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, SCREENSHOTS } from './admin-support';
import { checked, finerWorld } from './loyalty-finer-support';

/**
 * The program form's finer fields (locations, services and categories, cashback limits, expiry,
 * its own messages): set in Chromium, read back after a reload, and used by the engine as saved.
 */
const { w, loyaltyTab, reopen, visit, pay } = finerWorld();

beforeAll(async () => {
  // A program made through the API with fields the form does not offer (at Nord: it does not
  // touch the payments at Mitte below).
  const legacy = await w.http('POST', `/chain/${w.s.mitte.chainId}/loyalty/programs`, {
    title: 'Legacy goods',
    type: 'discount_static',
    service_item_type: 'any_allowed',
    good_item_type: 'custom_allowed',
    allowed_good_ids: [501, 502],
    allowed_good_category_ids: [7],
    value_unit: 'percent',
    params_source_type: 'chain',
    history_start_date: '2026-01-01',
    sold_items_multiplicity: 3,
    company_ids: [w.s.nord.id],
    rules: [{ value: 3, service_id: w.s.cut.id }],
  });
  expect(legacy.status, JSON.stringify(legacy.body)).toBe(200);
});

describe('the loyalty program form’s finer fields in Chromium', () => {
  it('a program with locations, a category and a service, expiry and its own messages: an unknown placeholder is shown under that message, then saved, shown again, edited, and used by the engine', async () => {
    const p = await loyaltyTab('Loyalty cards and programs');
    await p.getByRole('button', { name: '+ New program' }).click();
    const dialog = p.getByRole('dialog', { name: 'New loyalty program' });
    await dialog.getByLabel('Program title').fill('Colour cashback');
    await dialog.getByLabel('Kind').selectOption('cashback_static_paid');
    await dialog.getByLabel('Value', { exact: true }).fill('5');
    await dialog.getByLabel('Colour card').check();
    const appliesAt = dialog.getByRole('group', { name: 'Applies at' });
    expect(await checked(appliesAt.getByLabel('Studio Mitte'))).toBe(true);
    await appliesAt.getByLabel('Studio Nord').check();
    await dialog.getByLabel('Services it acts on').selectOption('custom_allowed');
    const items = dialog.getByRole('group', { name: 'Applies to the services' });
    await items.getByLabel('Colouring (whole category)').check();
    await items.getByLabel('Beard trim').check();
    await dialog.getByLabel('At most this many credits per card').fill('5');
    await dialog.getByLabel('Expires after').fill('6');
    await dialog.getByLabel('Expiry unit').selectOption({ label: 'months' });
    await dialog.getByLabel('Warn the client (days before)').fill('7');
    await dialog.getByLabel('When the discount or bonus changes: own text').check();
    await dialog
      .getByLabel('When the discount or bonus changes', { exact: true })
      .fill('{client}, you earned {amount} at {location}.');
    await dialog.getByLabel('Before it expires: own text').check();
    const expiring = dialog.getByLabel('Before it expires', { exact: true });
    await expiring.fill('Hi {nickname}, your bonus ends on {date}.');
    await dialog.getByRole('button', { name: 'Create program' }).click();
    await dialog.getByRole('alert').getByText('unknown placeholder {nickname}').first().waitFor();
    expect(await expiring.getAttribute('aria-invalid')).toBe('true');
    expect(
      await w.t.db.query(`SELECT id FROM loyalty_programs WHERE title = 'Colour cashback'`),
    ).toEqual([]);
    await expiring.fill('{client}, {amount} of your bonus ends on {date}.');
    await expectAccessible(p);
    await p.screenshot({ path: `${SCREENSHOTS}admin-loyalty-program-finer.png` });
    await dialog.getByRole('button', { name: 'Create program' }).click();
    const row = p.locator('table.table tbody tr', { hasText: 'Colour cashback' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Studio Mitte, Studio Nord · Beard trim, Colouring');
    expect(await row.textContent()).toContain('6 months, warned 7 days before');

    const program = async () =>
      (
        await w.t.db.query<Record<string, unknown>>(
          `SELECT p.expiration_timeout, p.expiration_timeout_unit, p.expiration_notification_timeout,
                  p.usage_limit, p.visit_multiplicity,
                  p.service_item_type, p.allowed_service_ids, p.allowed_service_category_ids,
                  p.location_ids, c.type AS changed_type, c.body AS changed, e.body AS expiring
             FROM loyalty_programs p
             LEFT JOIN loyalty_notification_templates c ON c.id = p.on_changed_template_id
             LEFT JOIN loyalty_notification_templates e ON e.id = p.on_expiration_template_id
            WHERE p.title LIKE 'Colour cashback%'`,
        )
      )[0];
    expect(await program()).toEqual({
      expiration_timeout: 6,
      expiration_timeout_unit: 'month',
      expiration_notification_timeout: 7,
      usage_limit: 5,
      visit_multiplicity: 0,
      service_item_type: 'custom_allowed',
      allowed_service_ids: [w.beard],
      allowed_service_category_ids: [w.colouring],
      location_ids: [w.s.mitte.id, w.s.nord.id],
      changed_type: 'custom',
      changed: '{client}, you earned {amount} at {location}.',
      expiring: '{client}, {amount} of your bonus ends on {date}.',
    });

    const edit = await reopen(p, 'Loyalty cards and programs', 'Colour cashback');
    expect(
      await checked(edit.getByRole('group', { name: 'Applies at' }).getByLabel('Studio Nord')),
    ).toBe(true);
    expect(await edit.getByLabel('Services it acts on').inputValue()).toBe('custom_allowed');
    const itemsAgain = edit.getByRole('group', { name: 'Applies to the services' });
    expect(await checked(itemsAgain.getByLabel('Colouring (whole category)'))).toBe(true);
    expect(await checked(itemsAgain.getByLabel('Beard trim'))).toBe(true);
    expect(await checked(itemsAgain.getByLabel('Haircut'))).toBe(false);
    expect(await edit.getByLabel('Expires after').inputValue()).toBe('6');
    expect(await edit.getByLabel('Warn the client (days before)').inputValue()).toBe('7');
    expect(await edit.getByLabel('At most this many credits per card').inputValue()).toBe('5');
    expect(
      await edit.getByLabel('When the discount or bonus changes', { exact: true }).inputValue(),
    ).toBe('{client}, you earned {amount} at {location}.');
    await edit.getByLabel('Expires after').fill('3');
    await edit.getByRole('button', { name: 'Save program' }).click();
    await p
      .locator('table.table tbody tr', { hasText: '3 months, warned 7 days before' })
      .waitFor();
    expect(await program()).toMatchObject({
      expiration_timeout: 3,
      allowed_service_category_ids: [w.colouring],
    });

    // What the form does not offer (goods, history options, a rule's service) an edit keeps.
    await p.getByRole('button', { name: 'Edit Legacy goods' }).click();
    const legacy = p.getByRole('dialog', { name: 'Edit Legacy goods' });
    await legacy.getByLabel('Program title').fill('Legacy goods 2');
    await legacy.getByRole('button', { name: 'Save program' }).click();
    await p.locator('table.table tbody tr', { hasText: 'Legacy goods 2' }).waitFor();
    const [kept] = await w.t.db.query(
      `SELECT p.good_item_type, p.allowed_good_ids AS goods, p.allowed_good_category_ids AS good_categories,
              p.params_source_type, p.history_start_date::text AS history,
              p.sold_items_multiplicity, r.service_id
         FROM loyalty_programs p JOIN loyalty_program_rules r ON r.program_id = p.id
        WHERE p.title = 'Legacy goods 2'`,
    );
    expect(kept).toEqual({
      good_item_type: 'custom_allowed',
      goods: [501, 502],
      good_categories: [7],
      params_source_type: 'chain',
      history: '2026-01-01',
      sold_items_multiplicity: 3,
      service_id: w.s.cut.id,
    });
    await p.close();

    // The engine: 5 % back on the colour line only, a bonus lot ending 3 months later in Berlin.
    const phone = '+4915110000004';
    const card = await w.http('POST', `/loyalty/cards/${w.s.mitte.id}`, {
      loyalty_card_number: 'COLOUR-1',
      loyalty_card_type_id: (await w.http('GET', `/chain/${w.s.mitte.chainId}/loyalty/card_types`))
        .body.data[0].id,
      phone,
    });
    expect(card.status, JSON.stringify(card.body)).toBe(201);
    const both = await visit(w.s.mitte.id, w.s.anna.id, [w.s.cut.id, w.s.colour.id], phone);
    const paid = await pay(w.s.mitte.id, both.id, { loyalty_card_id: card.body.data.id });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body.data).toMatchObject({ total: 100, cashback: 2.5 });
    const [lot] = await w.t.db.query<{ months_later: boolean }>(
      `SELECT (expires_at AT TIME ZONE 'Europe/Berlin')::date
                = ((created_at AT TIME ZONE 'Europe/Berlin') + interval '3 months')::date AS months_later
         FROM loyalty_bonus_lots WHERE card_id = $1`,
      [card.body.data.id],
    );
    expect(lot).toEqual({ months_later: true });
  });
});
