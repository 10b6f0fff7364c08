import type { Page } from 'playwright-core';
import { makeUser } from '@visita/db/testing';
import { describe, expect, it } from 'vitest';
import { expectAccessible, signInAs, watchPages } from './admin-support';
import { checked, finerWorld } from './loyalty-finer-support';

/**
 * Card types edited and deleted by the chain's owner; a program's "every location" kept apart
 * from ticking each location; the service picker narrowed to the chosen locations.
 */
const { w } = finerWorld();
/** Evaluated in the page, where it is the DOM's document. */
declare const document: { activeElement: unknown };
const watchedPage = watchPages();

async function ownerOnPrograms(): Promise<Page> {
  const { login } = await makeUser(
    w.t.db,
    { role: 'owner', chainId: w.s.mitte.chainId },
    { name: 'Olga Owner', passwordHash: 'plain:owner-pass' },
  );
  const p = await watchedPage(w.browser, w.base);
  await signInAs(p, w.base, login, 'owner-pass');
  await p.getByRole('link', { name: 'Loyalty' }).click();
  await p.getByRole('button', { name: 'Loyalty cards and programs' }).click();
  return p;
}

const liveTypes = async () =>
  (
    await w.t.db.query<{ title: string; location_ids: number[] }>(
      `SELECT title, location_ids FROM loyalty_card_types
        WHERE chain_id = $1 AND deleted_at IS NULL ORDER BY id`,
      [w.s.mitte.chainId],
    )
  ).map((r) => [r.title, r.location_ids]);

describe('loyalty card types and program locations in Chromium', () => {
  it('the owner renames a card type and limits it to a location, is refused deleting one with an issued card, and deletes an unused one', async () => {
    const p = await ownerOnPrograms();
    const section = p.getByRole('region', { name: 'Loyalty card types' });
    await section.getByRole('button', { name: 'Edit Colour card' }).click();
    const edit = p.getByRole('dialog', { name: 'Edit Colour card' });
    await edit.getByLabel('Card type title').fill('Colour club');
    await edit.getByRole('group', { name: 'Issued at' }).getByLabel('Studio Mitte').check();
    await expectAccessible(p);
    await edit.getByRole('button', { name: 'Save card type' }).click();
    await edit.waitFor({ state: 'detached' });
    await section.getByText('Issued at Studio Mitte').waitFor();
    expect(await liveTypes()).toEqual([['Colour club', [w.s.mitte.id]]]);

    // A card of it is issued: the server refuses, the dialog says why, focus goes back.
    const card = await w.http('POST', `/loyalty/cards/${w.s.mitte.id}`, {
      loyalty_card_number: 'CLUB-77',
      loyalty_card_type_id: (await w.http('GET', `/chain/${w.s.mitte.chainId}/loyalty/card_types`))
        .body.data[0].id,
      phone: '+4915110000077',
    });
    expect(card.status, JSON.stringify(card.body)).toBe(201);
    const deleteClub = section.getByRole('button', { name: 'Delete Colour club' });
    await deleteClub.click();
    const confirm = p.getByRole('dialog', { name: 'Delete Colour club?' });
    await confirm.getByRole('button', { name: 'Yes, delete' }).click();
    await confirm.getByText('1 card of this type is issued').waitFor();
    await expectAccessible(p);
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await deleteClub.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await liveTypes()).toEqual([['Colour club', [w.s.mitte.id]]]);

    await section.getByLabel('New card type').fill('Trial card');
    await section.getByRole('button', { name: 'Add card type' }).click();
    await section.getByRole('button', { name: 'Delete Trial card' }).click();
    await p
      .getByRole('dialog', { name: 'Delete Trial card?' })
      .getByRole('button', { name: 'Yes, delete' })
      .click();
    await section.getByRole('button', { name: 'Delete Trial card' }).waitFor({ state: 'detached' });
    expect(await liveTypes()).toEqual([['Colour club', [w.s.mitte.id]]]);
    expect(
      await p.evaluate(
        () => (document.activeElement as { textContent: string } | null)?.textContent,
      ),
    ).toBe('Loyalty card types');
  });

  it('a program set to every location is saved as [] and read back so; ticking each location pins them', async () => {
    const p = await ownerOnPrograms();
    await p.getByRole('button', { name: '+ New program' }).click();
    const dialog = p.getByRole('dialog', { name: 'New loyalty program' });
    await dialog.getByLabel('Program title').fill('Everywhere 5%');
    await dialog.getByLabel('Value', { exact: true }).fill('5');
    const at = dialog.getByRole('group', { name: 'Applies at' });
    await at.getByLabel('Every location, also ones added later').check();
    await expectAccessible(p);
    await dialog.getByRole('button', { name: 'Create program' }).click();
    const row = p.locator('table.table tbody tr', { hasText: 'Everywhere 5%' });
    await row.waitFor();
    expect(await row.textContent()).toContain('every location');
    const saved = async () =>
      (
        await w.t.db.query<{ location_ids: number[] }>(
          `SELECT location_ids FROM loyalty_programs WHERE title = 'Everywhere 5%'`,
        )
      )[0]!.location_ids;
    expect(await saved()).toEqual([]);

    // Reopened: still "every location"; saving again keeps [] (not today's two locations).
    await p.getByRole('button', { name: 'Edit Everywhere 5%' }).click();
    let edit = p.getByRole('dialog', { name: 'Edit Everywhere 5%' });
    let again = edit.getByRole('group', { name: 'Applies at' });
    expect(await checked(again.getByLabel('Every location, also ones added later'))).toBe(true);
    expect(await checked(again.getByLabel('Studio Mitte'))).toBe(false);
    await edit.getByRole('button', { name: 'Save program' }).click();
    await edit.waitFor({ state: 'detached' });
    expect(await saved()).toEqual([]);

    // "Only the locations ticked" ticks today's locations: saved as exactly those.
    await p.getByRole('button', { name: 'Edit Everywhere 5%' }).click();
    edit = p.getByRole('dialog', { name: 'Edit Everywhere 5%' });
    again = edit.getByRole('group', { name: 'Applies at' });
    await again.getByLabel('Only the locations ticked').check();
    expect(await checked(again.getByLabel('Studio Nord'))).toBe(true);
    await edit.getByRole('button', { name: 'Save program' }).click();
    await edit.waitFor({ state: 'detached' });
    expect((await saved()).sort()).toEqual([w.s.mitte.id, w.s.nord.id].sort());
    await p.getByRole('button', { name: 'Edit Everywhere 5%' }).click();
    again = p
      .getByRole('dialog', { name: 'Edit Everywhere 5%' })
      .getByRole('group', { name: 'Applies at' });
    expect(await checked(again.getByLabel('Only the locations ticked'))).toBe(true);
  });

  it('the service picker shows only the chosen locations’ catalogs; a service ticked at a location then unchosen stays, flagged, until unticked', async () => {
    const p = await ownerOnPrograms();
    await p.getByRole('button', { name: '+ New program' }).click();
    const dialog = p.getByRole('dialog', { name: 'New loyalty program' });
    await dialog.getByLabel('Program title').fill('Narrowed');
    await dialog.getByLabel('Value', { exact: true }).fill('5');
    const at = dialog.getByRole('group', { name: 'Applies at' });
    await at.getByLabel('Every location, also ones added later').check();
    await dialog.getByLabel('Services it acts on').selectOption('custom_allowed');
    const items = dialog.getByRole('group', { name: 'Applies to the services' });
    // Every location: both catalogs.
    await items.getByLabel('Barbering (whole category)').waitFor();
    await items.getByLabel('Colouring (whole category)').waitFor();
    await items.getByLabel('Hot towel shave').check();
    await items.getByLabel('Colouring (whole category)').check();

    // Only Mitte: Nord's catalog goes; the shave ticked there is flagged, still ticked.
    await at.getByLabel('Only the locations ticked').check();
    await at.getByLabel('Studio Nord').uncheck();
    expect(await items.getByLabel('Barbering (whole category)').count()).toBe(0);
    const stale = items.getByRole('group', { name: 'Still ticked at locations not chosen' });
    const shave = stale.getByLabel('Hot towel shave · Studio Nord');
    expect(await checked(shave)).toBe(true);
    await expectAccessible(p);
    await dialog.getByRole('button', { name: 'Create program' }).click();
    const row = p.locator('table.table tbody tr', { hasText: 'Narrowed' });
    await row.waitFor();
    const program = async () =>
      (
        await w.t.db.query<{ ids: number[]; cats: number[]; at: number[] }>(
          `SELECT allowed_service_ids AS ids, allowed_service_category_ids AS cats, location_ids AS at
             FROM loyalty_programs WHERE title = 'Narrowed'`,
        )
      )[0];
    expect(await program()).toEqual({ ids: [w.shave], cats: [w.colouring], at: [w.s.mitte.id] });

    // Unticked from the warning: gone from the program.
    await p.getByRole('button', { name: 'Edit Narrowed' }).click();
    const edit = p.getByRole('dialog', { name: 'Edit Narrowed' });
    await edit
      .getByRole('group', { name: 'Still ticked at locations not chosen' })
      .getByLabel('Hot towel shave · Studio Nord')
      // Unticked, it leaves the warning at once (click: uncheck() would wait on a gone element).
      .click();
    expect(
      await edit.getByRole('group', { name: 'Still ticked at locations not chosen' }).count(),
    ).toBe(0);
    await edit.getByRole('button', { name: 'Save program' }).click();
    await edit.waitFor({ state: 'detached' });
    expect(await program()).toEqual({ ids: [], cats: [w.colouring], at: [w.s.mitte.id] });
  });
});
