import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { makeUser } from '@visita/db/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../support/test-app';
import {
  ensureAdminBuilt,
  expectAccessible,
  makeStudio,
  SCREENSHOTS,
  signInAs,
  watchPages,
} from './admin-support';
import { launchChromium } from './support';

let t: TestApp;
let browser: Browser;
let base: string;
let s: Awaited<ReturnType<typeof makeStudio>>;
const visits: Record<string, number> = {};

beforeAll(async () => {
  ensureAdminBuilt();
  mkdirSync(SCREENSHOTS, { recursive: true });
  t = await createTestApp({ now: new Date().toISOString() });
  (t.clock as { now: () => Date }).now = () => new Date();
  s = await makeStudio(t);
  // Two of Mia's visits tomorrow, to be paid at the desk with what she buys there.
  for (const [key, time] of [
    ['membership', '12:00'],
    ['giftcard', '14:00'],
  ] as const) {
    const res = await call(t.app, {
      method: 'POST',
      url: `/api/v1/records/${s.mitte.id}`,
      headers: s.asOwner,
      payload: {
        staff_id: s.anna.id,
        services: [{ id: s.cut.id }],
        client: { phone: '+4915110000001' },
        datetime: `${s.tomorrow} ${time}:00`,
        seance_length: 3600,
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    visits[key] = res.body.data[0].id as number;
  }
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const watchedPage = watchPages();

async function page(login = s.admin.login, password = 'admin-pass'): Promise<Page> {
  const p = await watchedPage(browser, base);
  await signInAs(p, base, login, password);
  return p;
}

const shot = (p: Page, name: string) => p.screenshot({ path: `${SCREENSHOTS}admin-${name}.png` });

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 40, g: 110, b: 190 } } })
    .png()
    .toBuffer();

/** A portrait picture in three bands, red over green over blue: a crop keeps only green. */
const bandedPortrait = (width: number, height: number) => {
  const band = Math.floor(height / 3);
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      const part = Math.min(2, Math.floor(y / band));
      raw[at + part] = 255;
    }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
};

/** A 24-bit BMP: Chromium shows it, the server's decoder (sharp) does not take it. */
function bmp(width: number, height: number): Buffer {
  const row = Math.ceil((width * 3) / 4) * 4;
  const size = 54 + row * height;
  const b = Buffer.alloc(size);
  b.fill(120, 54);
  b.write('BM', 0);
  b.writeUInt32LE(size, 2);
  b.writeUInt32LE(54, 10);
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(width, 18);
  b.writeInt32LE(height, 22);
  b.writeUInt16LE(1, 26);
  b.writeUInt16LE(24, 28);
  b.writeUInt32LE(row * height, 34);
  return b;
}

async function membershipTypes() {
  return t.db.query<{ id: number; title: string; price: string; image_key: string | null }>(
    `SELECT id, title, price::text AS price, image_key FROM membership_types ORDER BY id`,
  );
}

describe('loyalty in Chromium', () => {
  it('creates a membership type with online sale, and uploads a vertical image that is stored cropped horizontally', async () => {
    const p = await page();
    await p.getByRole('link', { name: 'Loyalty' }).click();
    await p.getByRole('heading', { name: 'Membership types' }).waitFor();
    await p.getByRole('button', { name: '+ New membership type' }).click();
    const dialog = p.getByRole('dialog', { name: 'New membership type' });
    await dialog.getByLabel('Title').fill('Haircut x5');
    await dialog.getByLabel('Price at the desk').fill('200');
    await dialog.getByLabel('Valid for').fill('6');
    await dialog.getByLabel('Visits', { exact: true }).fill('5');
    await dialog.getByLabel('May be frozen').check();
    await dialog.getByLabel('Freezing days in total').fill('14');
    await dialog
      .getByRole('group', { name: 'Covers the services' })
      .getByLabel('Haircut', { exact: true })
      .check();
    await dialog.getByRole('switch', { name: /Sell online/ }).check();
    await dialog.getByLabel('Online title').fill('Five haircuts');
    await dialog.getByLabel('Online price').fill('180');
    await dialog.getByLabel('Online description').fill('Save €45 on five visits.');
    await dialog.getByRole('button', { name: 'Create type' }).click();
    const edit = p.getByRole('dialog', { name: 'Edit Haircut x5' });
    await edit.getByRole('status').getByText('Saved').waitFor();
    const [created] = await membershipTypes();
    expect(created).toMatchObject({ title: 'Haircut x5', image_key: null });
    const typeRes = await call(t.app, {
      method: 'GET',
      url: `/api/v1/chain/${s.mitte.chainId}/loyalty/abonement_types/${created!.id}`,
      headers: s.asOwner,
    });
    expect(typeRes.body.data).toMatchObject({
      services: [s.cut.id],
      cost: 200,
      period: 6,
      freeze_limit: 14,
      united_balance_services_count: 5,
      is_online_sale_enabled: true,
      online_sale_title: 'Five haircuts',
      online_sale_price: 180,
    });

    // The rules are checked in the browser before anything is sent.
    const uploads: string[] = [];
    p.on('request', (r) => {
      if (r.url().endsWith('/image')) uploads.push(r.method());
    });
    const file = edit.getByLabel('Choose an image');
    await file.setInputFiles({
      name: 'tiny.png',
      mimeType: 'image/png',
      buffer: await png(200, 120),
    });
    await edit.getByText('This image is 200×120 px; it must be at least 288×184 px.').waitFor();
    await file.setInputFiles({
      name: 'notes.png',
      mimeType: 'image/png',
      buffer: Buffer.from('this is text, not a picture'),
    });
    await edit
      .getByText('“notes.png” is not an image that can be read. Choose a JPEG, PNG or WebP.')
      .waitFor();
    await file.setInputFiles({
      name: 'huge.png',
      mimeType: 'image/png',
      buffer: Buffer.alloc(13 * 1024 * 1024, 1),
    });
    await edit.getByText('This file is 13.0 MB; the image must be at most 12 MB.').waitFor();
    expect(await edit.getByRole('button', { name: 'Upload image' }).isDisabled()).toBe(true);
    expect(uploads).toEqual([]);

    // A BMP passes the browser's checks; the server refuses it and says why.
    await file.setInputFiles({ name: 'scan.bmp', mimeType: 'image/bmp', buffer: bmp(400, 300) });
    await edit.getByText(/Preview: 400×300 px/).waitFor();
    await edit.getByRole('button', { name: 'Upload image' }).click();
    await edit.getByText(/The server refused the image:/).waitFor();
    expect(uploads).toEqual(['PUT']);
    expect((await membershipTypes())[0]!.image_key).toBeNull();

    // A real vertical picture: preview first, then the stored card image is horizontal.
    await file.setInputFiles({
      name: 'portrait.png',
      mimeType: 'image/png',
      buffer: await bandedPortrait(600, 1200),
    });
    await edit.getByText('Preview: 600×1200 px', { exact: false }).waitFor();
    await edit.getByText(/vertical: its top and bottom will be cut/).waitFor();
    await shot(p, 'loyalty-image-preview');
    await edit.getByRole('button', { name: 'Upload image' }).click();
    const stored = edit.getByRole('img', { name: 'Stored card image' });
    await stored.waitFor();
    await expect
      .poll(() =>
        stored.evaluate(
          (img: { complete: boolean; naturalWidth: number }) => img.complete && img.naturalWidth,
        ),
      )
      .toBeGreaterThan(0);
    const size = await stored.evaluate((img: { naturalWidth: number; naturalHeight: number }) => ({
      w: img.naturalWidth,
      h: img.naturalHeight,
    }));
    expect(size.w).toBeGreaterThan(size.h);
    expect(size.w / size.h).toBeCloseTo(288 / 184, 1);
    // Cut, not squeezed: the stored card is the green middle band only, corner to corner.
    const src = await stored.getAttribute('src');
    const served = await t.app.inject({ method: 'GET', url: new URL(src!, base).pathname });
    const { data, info } = await sharp(served.rawPayload)
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3),
    ];
    for (const [x, y] of [
      [1, 1],
      [info.width - 2, 1],
      [1, info.height - 2],
      [info.width - 2, info.height - 2],
      [Math.floor(info.width / 2), Math.floor(info.height / 2)],
    ] as const) {
      const [r, g, b] = pixel(x, y);
      expect({ r: r! < 40, g: g! > 200, b: b! < 40 }, `pixel ${x},${y}`).toEqual({
        r: true,
        g: true,
        b: true,
      });
    }
    expect((await membershipTypes())[0]!.image_key).not.toBeNull();
    await expectAccessible(p);
    await shot(p, 'loyalty-image');
    await edit.getByRole('button', { name: 'Close' }).click();
    const card = p.locator('.type-card', { hasText: 'Haircut x5' });
    await card.getByText('Sold online').waitFor();
    await card.getByText('0 issued').waitFor();
    await shot(p, 'loyalty-types');
    await p.close();
  });

  it('creates a gift card type, a loyalty card type and a program', async () => {
    const p = await page();
    await p.getByRole('link', { name: 'Loyalty' }).click();
    await p.getByRole('button', { name: 'Gift cards' }).click();
    await p.getByRole('button', { name: '+ New gift card type' }).click();
    const dialog = p.getByRole('dialog', { name: 'New gift card type' });
    await dialog.getByLabel('Title').fill('Gift card 50');
    await dialog.getByLabel('Face value').fill('50');
    await dialog.getByRole('switch', { name: /Sell online/ }).check();
    await dialog.getByLabel('Online title').fill('A gift of care');
    await dialog.getByLabel('Online price').fill('50');
    await dialog.getByRole('button', { name: 'Create type' }).click();
    await p
      .getByRole('dialog', { name: 'Edit Gift card 50' })
      .getByRole('button', { name: 'Close' })
      .click();
    await p.locator('.type-card', { hasText: 'Gift card 50' }).getByText('Sold online').waitFor();

    await p.getByRole('button', { name: 'Loyalty cards and programs' }).click();
    await p.getByLabel('New card type').fill('Club card');
    await p.getByRole('button', { name: 'Add card type' }).click();
    await p.locator('.card-type-list .badge', { hasText: 'Club card' }).waitFor();
    await p.getByRole('button', { name: '+ New program' }).click();
    const program = p.getByRole('dialog', { name: 'New loyalty program' });
    await program.getByLabel('Program title').fill('Club 10%');
    await program.getByLabel('Value', { exact: true }).fill('10');
    await program.getByLabel('Club card').check();
    await program.getByRole('button', { name: 'Create program' }).click();
    const row = p.locator('table.table tbody tr', { hasText: 'Club 10%' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Fixed discount');
    expect(await row.textContent()).toContain('10%');
    expect(await row.textContent()).toContain('Club card');
    const [rule] = await t.db.query<{ value: string }>(
      `SELECT value::text AS value FROM loyalty_program_rules`,
    );
    expect(Number(rule?.value)).toBe(10);

    // Edit (contract 2: PUT) — the club discount becomes 12%.
    await p.getByRole('button', { name: 'Edit Club 10%' }).click();
    const edit = p.getByRole('dialog', { name: 'Edit Club 10%' });
    await edit.getByLabel('Program title').fill('Club 12%');
    await edit.getByLabel('Value', { exact: true }).fill('12');
    await edit.getByRole('button', { name: 'Save program' }).click();
    const edited = p.locator('table.table tbody tr', { hasText: 'Club 12%' });
    await edited.waitFor();
    expect(await edited.textContent()).toContain('12%');
    // A second program, then deleted (DELETE 204).
    await p.getByRole('button', { name: '+ New program' }).click();
    const spare = p.getByRole('dialog', { name: 'New loyalty program' });
    await spare.getByLabel('Program title').fill('Autumn cashback');
    await spare.getByLabel('Kind').selectOption('cashback_static_paid');
    await spare.getByLabel('Value', { exact: true }).fill('5');
    await spare.getByRole('button', { name: 'Create program' }).click();
    await p.locator('table.table tbody tr', { hasText: 'Autumn cashback' }).waitFor();
    await expectAccessible(p);
    await shot(p, 'loyalty-programs');
    await p.getByRole('button', { name: 'Delete Autumn cashback' }).click();
    await p
      .getByRole('dialog', { name: 'Delete Autumn cashback?' })
      .getByRole('button', { name: 'Yes, delete' })
      .click();
    await expect
      .poll(() => p.locator('table.table tbody tr', { hasText: 'Autumn cashback' }).count())
      .toBe(0);
    const titles = await t.db.query<{ title: string }>(
      `SELECT title FROM loyalty_programs WHERE deleted_at IS NULL ORDER BY id`,
    );
    expect(titles).toEqual([{ title: 'Club 12%' }]);
    await p.close();
  });

  it('sells at the desk from the client card, freezes a membership, and an issued type refuses change with the server’s message', async () => {
    const p = await page();
    await p.goto(`${base}/admin/clients/${s.clients.Mia}`);
    await p.getByRole('heading', { name: 'Mia Schneider' }).waitFor();
    const loyalty = p.getByRole('region', { name: 'Loyalty' });
    await loyalty.getByText('None.').first().waitFor();

    await loyalty.getByRole('button', { name: 'Sell membership' }).click();
    await p
      .getByRole('dialog', { name: 'Sell a membership' })
      .getByRole('button', { name: 'Sell' })
      .click();
    await loyalty.getByText('Haircut x5 sold.').waitFor();
    const memberships = loyalty.getByRole('region', { name: 'Memberships' });
    await memberships.getByText('5 visits left', { exact: false }).waitFor();

    await loyalty.getByRole('button', { name: 'Sell gift card' }).click();
    await p
      .getByRole('dialog', { name: 'Sell a gift card' })
      .getByRole('button', { name: 'Sell' })
      .click();
    await loyalty.getByText('Gift card 50 sold.').waitFor();
    await loyalty
      .getByRole('region', { name: 'Gift cards' })
      .getByText('€50 of €50 left')
      .waitFor();

    await loyalty.getByRole('button', { name: 'Issue card' }).click();
    const issue = p.getByRole('dialog', { name: 'Issue a loyalty card' });
    await issue.getByLabel('Card number').fill('CLUB-0001');
    await issue.getByRole('button', { name: 'Issue card' }).click();
    await loyalty.getByRole('region', { name: 'Loyalty cards' }).getByText('№CLUB-0001').waitFor();

    // Freeze for 5 days, then unfreeze.
    await memberships.getByLabel(/Days to freeze/).fill('5');
    await memberships.getByRole('button', { name: 'Freeze' }).click();
    await loyalty.getByText(/Membership №.* frozen\./).waitFor();
    await memberships.getByText(/Frozen until/).waitFor();
    const [frozen] = await t.db.query<{ frozen_until: string | null }>(
      `SELECT frozen_until::text FROM memberships`,
    );
    expect(frozen?.frozen_until).not.toBeNull();
    await shot(p, 'client-card-loyalty');
    await memberships.getByRole('button', { name: 'Unfreeze' }).click();
    await loyalty.getByText(/Membership №.* unfrozen\./).waitFor();
    await expectAccessible(p);

    // Issued instruments: the gift card type refuses a change, the membership type a delete.
    await p.getByRole('link', { name: 'Loyalty' }).click();
    const card = p.locator('.type-card', { hasText: 'Haircut x5' });
    await card.getByText('1 issued').waitFor();
    await card.getByRole('button', { name: /Delete/ }).click();
    const del = p.getByRole('dialog', { name: 'Delete Haircut x5?' });
    await del.getByRole('button', { name: 'Yes, delete' }).click();
    await del.getByRole('alert').waitFor();
    expect(await del.getByRole('alert').textContent()).toContain(
      'This membership type has issued memberships: it can no longer be changed or deleted',
    );
    await del.getByRole('button', { name: 'Keep it' }).click();
    expect(await membershipTypes()).toHaveLength(1);

    await p.getByRole('button', { name: 'Gift cards' }).click();
    const gift = p.locator('.type-card', { hasText: 'Gift card 50' });
    await gift.getByText('1 issued').waitFor();
    await gift.getByRole('button', { name: /Edit/ }).click();
    const edit = p.getByRole('dialog', { name: 'Edit Gift card 50' });
    await edit.getByText(/1 already issued/).waitFor();
    await edit.getByLabel('Face value').fill('80');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.getByRole('alert').waitFor();
    expect(await edit.getByRole('alert').textContent()).toContain(
      'This certificate type has issued certificates: it can no longer be changed or deleted',
    );
    await shot(p, 'loyalty-refused');
    const [face] = await t.db.query<{ face_value: string }>(
      `SELECT balance::text AS face_value FROM certificate_types`,
    );
    expect(Number(face?.face_value)).toBe(50);
    await p.close();
  });

  it('pays visits in the calendar with a membership, and with part of a gift card and the loyalty card', async () => {
    const p = await page();
    await p.getByLabel('Date', { exact: true }).fill(s.tomorrow);
    const grid = p.locator('.calendar-grid');
    await grid.getByRole('button', { name: /^12:00–13:00 Mia/ }).click();
    let details = p.getByRole('dialog', { name: /Mia.*12:00/ });
    await details.getByRole('button', { name: 'Pay with loyalty…' }).click();
    await details.getByLabel(/^Membership/).selectOption({ index: 1 });
    await details.getByRole('button', { name: 'Pay the visit' }).click();
    let paid = details.getByRole('status');
    await details.getByRole('heading', { name: 'Visit paid' }).waitFor();
    expect(await paid.textContent()).toContain('Membership€45');
    expect(await paid.textContent()).toContain('Left to pay€0');
    await details.getByRole('button', { name: 'Done' }).click();
    await details.getByRole('button', { name: 'Close' }).click();

    await grid.getByRole('button', { name: /^14:00–15:00 Mia/ }).click();
    details = p.getByRole('dialog', { name: /Mia.*14:00/ });
    await details.getByRole('button', { name: 'Pay with loyalty…' }).click();
    await details.getByLabel(/^Gift card/).selectOption({ index: 1 });
    await details.getByLabel('Amount from the gift card').fill('20');
    await details.getByLabel(/^Loyalty card/).selectOption({ index: 1 });
    await details.getByRole('button', { name: 'Pay the visit' }).click();
    await details.getByRole('heading', { name: 'Visit paid' }).waitFor();
    paid = details.getByRole('status');
    const text = await paid.textContent();
    expect(text).toContain('Card discount€5.40');
    expect(text).toContain('Gift card€20');
    expect(text).toContain('€30 left');
    expect(text).toContain('Left to pay€19.60');
    await expectAccessible(p);
    await shot(p, 'loyalty-payment');
    const [certificate] = await t.db.query<{ balance: string }>(
      `SELECT balance::text AS balance FROM certificates`,
    );
    expect(Number(certificate?.balance)).toBe(30);
    const [membership] = await t.db.query<{ visits_remaining: number }>(
      `SELECT visits_remaining FROM memberships`,
    );
    expect(membership?.visits_remaining).toBe(4);

    // Undo it (contract 3: DELETE …/loyalty_payment): the gift card gets its €20 back.
    await details.getByRole('button', { name: 'Undo the payment' }).click();
    await details.getByText('Payment undone: €20 back on the gift card.').waitFor();
    const [back] = await t.db.query<{ balance: string }>(
      `SELECT balance::text AS balance FROM certificates`,
    );
    expect(Number(back?.balance)).toBe(50);
    await p.close();
  });

  it('a staff member gets the refusal on Loyalty (the chain’s types need a right on the whole chain)', async () => {
    const p = await page(s.staff.login, 'staff-pass');
    const refused: number[] = [];
    p.on('response', (r) => {
      if (r.url().includes('/loyalty/') && r.status() === 403) refused.push(403);
    });
    await p.getByRole('link', { name: /Loyalty/ }).click();
    const alert = p.getByRole('alert');
    await alert.getByRole('heading', { name: 'You don’t have access to this' }).waitFor();
    expect(refused).toContain(403);
    // It says why: the right is needed on the whole chain, the staff member's grant is one salon.
    expect(await alert.first().innerText()).toContain('This needs a role on the whole chain');
    expect(await p.getByRole('link', { name: /Loyalty \(no access\)/ }).count()).toBe(1);
    expect(await p.getByRole('button', { name: '+ New membership type' }).count()).toBe(0);
    await p.close();
  });

  it('an administrator of one salon sees Loyalty locked, not buttons the server refuses', async () => {
    const { login } = await makeUser(
      t.db,
      { role: 'administrator', locationId: s.mitte.id },
      { passwordHash: 'plain:salon-pass' },
    );
    const p = await page(login, 'salon-pass');
    await p.getByRole('link', { name: /Loyalty \(no access\)/ }).click();
    await p
      .getByRole('alert')
      .getByRole('heading', { name: 'You don’t have access to this' })
      .waitFor();
    expect(await p.getByRole('alert').first().innerText()).toContain('yours is for');
    expect(await p.getByRole('button', { name: '+ New membership type' }).count()).toBe(0);
    // Online booking is readable for them (and not shown locked).
    expect(await p.getByRole('link', { name: /Online booking \(no access\)/ }).count()).toBe(0);
    await p.close();
  });
});
