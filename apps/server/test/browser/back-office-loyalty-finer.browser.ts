import { describe, expect, it } from 'vitest';
import { expectAccessible, localDate, SCREENSHOTS, wallClock } from './admin-support';
import { checked, finerWorld, tz } from './loyalty-finer-support';

/**
 * The type forms' finer fields (locations, categories and services, a gift card's fixed expiry):
 * set in Chromium, read back after a reload, and used by the engine as saved.
 */
const { w, loyaltyTab, reopen, visit, pay } = finerWorld();

describe('the loyalty type forms’ finer fields in Chromium', () => {
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

    const [row] = await w.t.db.query<{ id: number }>(
      `SELECT id FROM membership_types WHERE title = 'Nord barber x3'`,
    );
    const type = await w.http(
      'GET',
      `/chain/${w.s.mitte.chainId}/loyalty/abonement_types/${row!.id}`,
    );
    expect(type.body.data).toMatchObject({
      attached_salon_ids: [w.s.nord.id],
      service_categories: [w.barbering],
      services: [w.beard],
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
    // Mitte's catalog is not offered for a type valid at Nord only.
    expect(await again.getByLabel('Colouring (whole category)').count()).toBe(0);
    await p.close();

    // The engine: sold at Nord, the membership is listed there and not at Mitte, and pays there.
    const phone = '+4915110000002';
    const sold = await w.http('POST', `/company/${w.s.nord.id}/loyalty/abonements`, {
      type_id: row!.id,
      phone,
    });
    expect(sold.status, JSON.stringify(sold.body)).toBe(201);
    const listed = async (locationId: number) =>
      (
        await w.http(
          'GET',
          `/loyalty/abonements?company_id=${locationId}&phone=${encodeURIComponent(phone)}`,
        )
      ).body.data.map((m: { id: number }) => m.id);
    expect(await listed(w.s.nord.id)).toEqual([sold.body.data.id]);
    expect(await listed(w.s.mitte.id)).toEqual([]);
    const atNord = await visit(w.s.nord.id, w.s.nina.id, [w.shave], phone);
    const paid = await pay(w.s.nord.id, atNord.id, { abonement_id: sold.body.data.id });
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
    expect(await w.t.db.query(`SELECT id FROM certificate_types`)).toEqual([]);

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
    await p.screenshot({ path: `${SCREENSHOTS}admin-loyalty-giftcard-finer.png` });
    await dialog.getByRole('button', { name: 'Create type' }).click();
    await p
      .getByRole('dialog', { name: 'Edit Colour gift 100' })
      .getByRole('status')
      .getByText('Saved')
      .waitFor();

    const [row] = await w.t.db.query<{ id: number }>(`SELECT id FROM certificate_types`);
    const type = await w.http(
      'GET',
      `/chain/${w.s.mitte.chainId}/loyalty/certificate_types/${row!.id}`,
    );
    expect(type.body.data).toMatchObject({
      item_type_id: 4,
      category_id: w.colouring,
      service_ids: [],
      salon_ids: [w.s.mitte.id],
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
    const sold = await w.http('POST', `/company/${w.s.mitte.id}/loyalty/certificates`, {
      type_id: row!.id,
      phone,
    });
    expect(sold.status, JSON.stringify(sold.body)).toBe(201);
    const [stored] = await w.t.db.query<{ expires_at: Date }>(
      `SELECT expires_at FROM certificates WHERE id = $1`,
      [sold.body.data.id],
    );
    expect(stored!.expires_at.toISOString()).toBe(wallClock(until, '23:59:59', tz));
    const haircutOnly = await visit(w.s.mitte.id, w.s.anna.id, [w.s.cut.id], phone);
    const refused = await pay(w.s.mitte.id, haircutOnly.id, {
      certificate_id: sold.body.data.id,
      certificate_amount: 100,
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(refused.body)).toContain('does not apply to these services');
    const both = await visit(w.s.mitte.id, w.s.carla.id, [w.s.cut.id, w.s.colour.id], phone);
    const paid = await pay(w.s.mitte.id, both.id, {
      certificate_id: sold.body.data.id,
      certificate_amount: 100,
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body.data).toMatchObject({ total: 100, certificate_amount: 50, due: 50 });
  });
});
