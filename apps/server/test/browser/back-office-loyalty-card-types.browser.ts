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
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('Loyalty card types');
  });
});
