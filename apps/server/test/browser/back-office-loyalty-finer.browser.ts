import { mkdirSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { makeAppointment, makeService } from '@visita/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../support/test-app';
import {
  ensureAdminBuilt,
  expectAccessible,
  localDate,
  makeStudio,
  SCREENSHOTS,
  signInAs,
  wallClock,
  watchPages,
} from './admin-support';
import { launchChromium } from './support';

/**
 * The loyalty forms' finer fields (locations, categories and services, a gift card's fixed
 * expiry, a program's applicability, expiry and messages): set by an owner in Chromium, read
 * back after a reload, and used by the engine as saved.
 */
let t: TestApp;
let browser: Browser;
let base: string;
let s: Awaited<ReturnType<typeof makeStudio>>;
const tz = 'Europe/Berlin';
let colouring: number;
let barbering: number;
let shave: { id: number };
let beard: number;

const http = async (method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
  call(t.app, { method, url: `/api/v1${url}`, headers: s.asOwner, payload });

beforeAll(async () => {
  ensureAdminBuilt();
  mkdirSync(SCREENSHOTS, { recursive: true });
  t = await createTestApp({ now: new Date().toISOString() });
  (t.clock as { now: () => Date }).now = () => new Date();
  s = await makeStudio(t);
  const category = async (locationId: number, title: string) =>
    (
      await t.db.query<{ id: number }>(
        `INSERT INTO service_categories(location_id, title) VALUES ($1, $2) RETURNING id`,
        [locationId, title],
      )
    )[0]!.id;
  colouring = await category(s.mitte.id, 'Colouring');
  await t.db.query('UPDATE services SET category_id = $1 WHERE id = $2', [colouring, s.colour.id]);
  barbering = await category(s.nord.id, 'Barbering');
  shave = await makeService(t.db, s.nord.id, {
    title: 'Hot towel shave',
    categoryId: barbering,
    staffIds: [s.nina.id],
  });
  beard = (
    await t.db.query<{ id: number }>(`SELECT id FROM services WHERE title = 'Beard trim'`)
  )[0]!.id;
  const card = await http('POST', `/chain/${s.mitte.chainId}/loyalty/card_types`, {
    title: 'Colour card',
  });
  expect(card.status, JSON.stringify(card.body)).toBe(201);
  // A program made through the API with fields the form does not offer (at Nord: it does not
  // touch the payments at Mitte below).
  const legacy = await http('POST', `/chain/${s.mitte.chainId}/loyalty/programs`, {
    title: 'Legacy goods',
    type: 'discount_static',
    service_item_type: 'any_allowed',
    good_item_type: 'not_allowed',
    value_unit: 'percent',
    params_source_type: 'chain',
    history_start_date: '2026-01-01',
    sold_items_multiplicity: 3,
    company_ids: [s.nord.id],
    rules: [{ value: 3, service_id: s.cut.id }],
  });
  expect(legacy.status, JSON.stringify(legacy.body)).toBe(200);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const watchedPage = watchPages();
async function loyaltyTab(tab: string): Promise<Page> {
  const p = await watchedPage(browser, base);
  await signInAs(p, base, s.admin.login, 'admin-pass');
  await p.getByRole('link', { name: 'Loyalty' }).click();
  await p.getByRole('button', { name: tab }).click();
  return p;
}
/** Reloads the screen, as an owner coming back later would see it. */
async function reopen(p: Page, tab: string, edit: string): Promise<Locator> {
  await p.reload();
  await p.getByRole('button', { name: tab }).click();
  await p.getByRole('button', { name: `Edit ${edit}` }).click();
  const dialog = p.getByRole('dialog', { name: `Edit ${edit}` });
  await dialog.waitFor();
  return dialog;
}
const checked = (l: Locator) => l.isChecked();
let hour = 0;
/** An appointment tomorrow at 19:00 + n hours, two lines of 50 each (or one). */
const visit = (locationId: number, staffId: number, serviceIds: number[], phone: string) =>
  makeAppointment(t.db, {
    locationId,
    staffId,
    serviceIds,
    phone,
    start: wallClock(s.tomorrow, `${String(19 + hour++).padStart(2, '0')}:00`, tz),
  });
const pay = (locationId: number, recordId: number, body: Record<string, unknown>) =>
  http('POST', `/company/${locationId}/records/${recordId}/loyalty_payment`, body);

describe('the loyalty forms’ finer fields in Chromium', () => {
  it('a membership type limited to Studio Nord and to a category and a service there: saved, shown again after a reload, not valid at Studio Mitte', async () => {
    const p = await loyaltyTab('Memberships');
    await p.getByRole('button', { name: '+ New membership type' }).click();
    const dialog = p.getByRole('dialog', { name: 'New membership type' });
    await dialog.getByLabel('Title').fill('Nord barber x3');
    await dialog.getByLabel('Price at the desk').fill('120');
    await dialog.getByLabel('Visits', { exact: true }).fill('3');
    const where = dialog.getByRole('group', { name: 'Where and what it applies to' });
    // Keyboard: focus the location and tick it with Space.
    await where.getByRole('group', { name: 'Valid at' }).getByLabel('Studio Nord').focus();
    await p.keyboard.press('Space');
    const covers = where.getByRole('group', { name: 'Covers the services' });
    await covers.getByLabel('Barbering (whole category)').check();
    await covers.getByLabel('Beard trim').check();
    await expectAccessible(p);
    await p.screenshot({ path: `${SCREENSHOTS}admin-loyalty-membership-applies.png` });
    await dialog.getByRole('button', { name: 'Create type' }).click();
    await p
      .getByRole('dialog', { name: 'Edit Nord barber x3' })
      .getByRole('status')
      .getByText('Saved')
      .waitFor();

    const [row] = await t.db.query<{ id: number }>(
      `SELECT id FROM membership_types WHERE title = 'Nord barber x3'`,
    );
    const type = await http('GET', `/chain/${s.mitte.chainId}/loyalty/abonement_types/${row!.id}`);
    expect(type.body.data).toMatchObject({
      attached_salon_ids: [s.nord.id],
      service_categories: [barbering],
      services: [beard],
    });

    const edit = await reopen(p, 'Memberships', 'Nord barber x3');
    expect(await p.locator('.type-card', { hasText: 'Nord barber x3' }).textContent()).toContain(
      '3 visits · 1 month · at Studio Nord',
    );
    const validAt = edit.getByRole('group', { name: 'Valid at' });
    expect(await checked(validAt.getByLabel('Studio Nord'))).toBe(true);
    expect(await checked(validAt.getByLabel('Studio Mitte'))).toBe(false);
    const again = edit.getByRole('group', { name: 'Covers the services' });
    expect(await checked(again.getByLabel('Barbering (whole category)'))).toBe(true);
    expect(await checked(again.getByLabel('Beard trim'))).toBe(true);
    expect(await checked(again.getByLabel('Colouring (whole category)'))).toBe(false);
    await p.close();

    // The engine: sold at Nord, the membership is listed there and not at Mitte, and pays there.
    const phone = '+4915110000002';
    const sold = await http('POST', `/company/${s.nord.id}/loyalty/abonements`, {
      type_id: row!.id,
      phone,
    });
    expect(sold.status, JSON.stringify(sold.body)).toBe(201);
    const listed = async (locationId: number) =>
      (
        await http(
          'GET',
          `/loyalty/abonements?company_id=${locationId}&phone=${encodeURIComponent(phone)}`,
        )
      ).body.data.map((m: { id: number }) => m.id);
    expect(await listed(s.nord.id)).toEqual([sold.body.data.id]);
    expect(await listed(s.mitte.id)).toEqual([]);
    const atNord = await visit(s.nord.id, s.nina.id, [shave.id], phone);
    const paid = await pay(s.nord.id, atNord.id, { abonement_id: sold.body.data.id });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body.data).toMatchObject({ abonement_covered: 50, due: 0 });
  });

  it('a gift card type for one category at Studio Mitte with a fixed end date: the server’s message next to the field, saved, shown again, pays only for that category', async () => {
    const p = await loyaltyTab('Gift cards');
    await p.getByRole('button', { name: '+ New gift card type' }).click();
    const dialog = p.getByRole('dialog', { name: 'New gift card type' });
    await dialog.getByLabel('Title').fill('Colour gift 100');
    await dialog.getByLabel('Face value').fill('100');
    await dialog.getByLabel('Pays for').selectOption({ label: 'The services ticked below' });
    await dialog.getByRole('button', { name: 'Create type' }).click();
    // None ticked: the server refuses, naming service_ids; the message is under the list.
    const services = dialog.getByRole('group', { name: 'Pays for the services' });
    await services
      .getByRole('alert')
      .getByText('service_ids must list the services when item_type_id is 3')
      .waitFor();
    expect(await t.db.query(`SELECT id FROM certificate_types`)).toEqual([]);

    await dialog.getByLabel('Pays for').selectOption({ label: 'Services of one category' });
    await dialog
      .getByRole('group', { name: 'Pays for the category' })
      .getByLabel('Colouring')
      .check();
    await dialog.getByRole('group', { name: 'Valid at' }).getByLabel('Studio Mitte').check();
    const until = localDate(tz, 60);
    await dialog.getByLabel('Expires').selectOption({ label: 'On a fixed date' });
    await dialog.getByLabel('Valid until (inclusive)').fill(until);
    await expectAccessible(p);
    await dialog.getByRole('button', { name: 'Create type' }).click();
    await p
      .getByRole('dialog', { name: 'Edit Colour gift 100' })
      .getByRole('status')
      .getByText('Saved')
      .waitFor();

    const [row] = await t.db.query<{ id: number }>(`SELECT id FROM certificate_types`);
    const type = await http(
      'GET',
      `/chain/${s.mitte.chainId}/loyalty/certificate_types/${row!.id}`,
    );
    expect(type.body.data).toMatchObject({
      item_type_id: 4,
      category_id: colouring,
      service_ids: [],
      salon_ids: [s.mitte.id],
      expiration_type_id: 1,
    });
    // The end of that day in Berlin, whatever the offset then.
    expect(Date.parse(type.body.data.expiration_date as string)).toBe(
      Date.parse(wallClock(until, '23:59:59', tz)),
    );

    const edit = await reopen(p, 'Gift cards', 'Colour gift 100');
    expect(await p.locator('.type-card', { hasText: 'Colour gift 100' }).textContent()).toContain(
      `several visits · until ${until} · at Studio Mitte`,
    );
    expect(await edit.getByLabel('Pays for').inputValue()).toBe('4');
    expect(
      await checked(
        edit.getByRole('group', { name: 'Pays for the category' }).getByLabel('Colouring'),
      ),
    ).toBe(true);
    expect(
      await checked(edit.getByRole('group', { name: 'Valid at' }).getByLabel('Studio Mitte')),
    ).toBe(true);
    expect(await edit.getByLabel('Expires').inputValue()).toBe('1');
    expect(await edit.getByLabel('Valid until (inclusive)').inputValue()).toBe(until);
    await expectAccessible(p);
    await p.close();

    // The engine: the card pays the colour line (50) and not the haircut, and ends on that day.
    const phone = '+4915110000003';
    const sold = await http('POST', `/company/${s.mitte.id}/loyalty/certificates`, {
      type_id: row!.id,
      phone,
    });
    expect(sold.status, JSON.stringify(sold.body)).toBe(201);
    const [stored] = await t.db.query<{ expires_at: Date }>(
      `SELECT expires_at FROM certificates WHERE id = $1`,
      [sold.body.data.id],
    );
    expect(stored!.expires_at.toISOString()).toBe(wallClock(until, '23:59:59', tz));
    const haircutOnly = await visit(s.mitte.id, s.anna.id, [s.cut.id], phone);
    const refused = await pay(s.mitte.id, haircutOnly.id, {
      certificate_id: sold.body.data.id,
      certificate_amount: 100,
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(refused.body)).toContain('does not apply to these services');
    const both = await visit(s.mitte.id, s.carla.id, [s.cut.id, s.colour.id], phone);
    const paid = await pay(s.mitte.id, both.id, {
      certificate_id: sold.body.data.id,
      certificate_amount: 100,
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body.data).toMatchObject({ total: 100, certificate_amount: 50, due: 50 });
  });

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
      await t.db.query(`SELECT id FROM loyalty_programs WHERE title = 'Colour cashback'`),
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
        await t.db.query<Record<string, unknown>>(
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
      allowed_service_ids: [beard],
      allowed_service_category_ids: [colouring],
      location_ids: [s.mitte.id, s.nord.id],
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
      allowed_service_category_ids: [colouring],
    });

    // What the form does not offer (goods, history options, a rule's service) an edit keeps.
    await p.getByRole('button', { name: 'Edit Legacy goods' }).click();
    const legacy = p.getByRole('dialog', { name: 'Edit Legacy goods' });
    await legacy.getByLabel('Program title').fill('Legacy goods 2');
    await legacy.getByRole('button', { name: 'Save program' }).click();
    await p.locator('table.table tbody tr', { hasText: 'Legacy goods 2' }).waitFor();
    const [kept] = await t.db.query(
      `SELECT p.good_item_type, p.params_source_type, p.history_start_date::text AS history,
              p.sold_items_multiplicity, r.service_id
         FROM loyalty_programs p JOIN loyalty_program_rules r ON r.program_id = p.id
        WHERE p.title = 'Legacy goods 2'`,
    );
    expect(kept).toEqual({
      good_item_type: 'not_allowed',
      params_source_type: 'chain',
      history: '2026-01-01',
      sold_items_multiplicity: 3,
      service_id: s.cut.id,
    });
    await p.close();

    // The engine: 5 % back on the colour line only, a bonus lot ending 3 months later in Berlin.
    const phone = '+4915110000004';
    const card = await http('POST', `/loyalty/cards/${s.mitte.id}`, {
      loyalty_card_number: 'COLOUR-1',
      loyalty_card_type_id: (await http('GET', `/chain/${s.mitte.chainId}/loyalty/card_types`)).body
        .data[0].id,
      phone,
    });
    expect(card.status, JSON.stringify(card.body)).toBe(201);
    const both = await visit(s.mitte.id, s.anna.id, [s.cut.id, s.colour.id], phone);
    const paid = await pay(s.mitte.id, both.id, { loyalty_card_id: card.body.data.id });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body.data).toMatchObject({ total: 100, cashback: 2.5 });
    const [lot] = await t.db.query<{ months_later: boolean }>(
      `SELECT (expires_at AT TIME ZONE 'Europe/Berlin')::date
                = ((created_at AT TIME ZONE 'Europe/Berlin') + interval '3 months')::date AS months_later
         FROM loyalty_bonus_lots WHERE card_id = $1`,
      [card.body.data.id],
    );
    expect(lot).toEqual({ months_later: true });
  });
});
