import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsLog, type SmsLog } from '../support/sms-log';
import { createTestApp, type TestApp } from '../support/test-app';
import {
  buildClientApp,
  expectAccessible,
  makeClientAppWorld,
  screenshot,
  type ClientAppWorld,
} from './client-app-support';
import { freePort, logIn, makeLoyaltyWorld } from './client-loyalty-support';
import { launchChromium } from './support';

/**
 * The client's cards in the PWA against a real server (built app, real loyalty API, the test
 * acquirer's hosted checkout) on a fresh database: memberships, gift cards, loyalty cards, the
 * place's Purchases block with a successful and a declined payment, and the cards offline.
 */
declare const navigator: {
  clipboard: { readText(): Promise<string> };
  serviceWorker: { ready: Promise<unknown>; controller: unknown };
};
declare const document: {
  querySelectorAll(s: string): ArrayLike<{ complete: boolean; naturalWidth: number; src: string }>;
  activeElement: { getAttribute(name: string): string | null } | null;
};

const PHONE = '+4915111122233';
let t: TestApp;
let log: SmsLog;
let w: ClientAppWorld;
let l: Awaited<ReturnType<typeof makeLoyaltyWorld>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;

beforeAll(async () => {
  buildClientApp();
  log = smsLog();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  t = await createTestApp({
    now: new Date().toISOString(),
    loggerInstance: log.logger,
    env: { VISITA_PUBLIC_URL: base },
  });
  w = await makeClientAppWorld(t.db, PHONE);
  l = await makeLoyaltyWorld(t, w, PHONE);
  await t.app.listen({ port, host: '127.0.0.1' });
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const heading = (name: string | RegExp) => page.getByRole('heading', { name, level: 1 });

/** The card images on the screen that really loaded (decoded, with a width). */
const loadedImages = () =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('img.instrument-image'))
      .filter((i) => i.complete && i.naturalWidth > 0)
      .map((i) => i.src),
  );

const issued = async (table: 'memberships' | 'certificates') =>
  (
    await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE phone = $1`, [
      PHONE,
    ])
  )[0]!.n;

describe('the client app: memberships, gift cards, loyalty cards, purchases', () => {
  it('home shows the membership and gift card carousels: ❄️ frozen, 🔥 about to expire, images', async () => {
    await logIn(page, base, log, PHONE);
    const memberships = page.getByRole('list', { name: 'Memberships' });
    await expect.poll(() => memberships.getByRole('article').count()).toBe(2);
    const hair = memberships.getByRole('article', { name: 'Hair care x10' });
    await hair.getByRole('img', { name: 'Frozen' }).waitFor();
    expect(await hair.textContent()).toContain('10 of 10 visits left');
    const week = memberships.getByRole('article', { name: 'Unlimited week' });
    await week.getByRole('img', { name: 'Expires soon' }).waitFor();
    expect(await week.textContent()).toContain('Unlimited visits');
    const gifts = page.getByRole('list', { name: 'Gift cards' });
    await expect.poll(() => gifts.getByRole('article').count()).toBe(1);
    expect(await gifts.textContent()).toContain('Balance €50');
    await expect
      .poll(loadedImages)
      .toEqual(expect.arrayContaining([l.yogaImage.card, l.giftImage.card]));
    await expectAccessible(page);

    // Tapping a card on home opens it with its details (services, where valid) in the list.
    await gifts.getByRole('link', { name: 'Gift card 50' }).click();
    await heading('Gift cards').waitFor();
    const opened = page.getByRole('article', { name: 'Gift card 50' });
    await opened.getByText('Face value').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''))
      .toBe('Gift card 50');
    await page.goto(`${base}/app/`);
    await memberships.getByRole('link', { name: 'Hair care x10' }).click();
    await heading('Memberships').waitFor();
    await page.getByRole('article', { name: 'Hair care x10' }).getByText('Haircut').waitFor();
    expect(new URL(page.url()).searchParams.get('card')).not.toBeNull();
    await page.goto(`${base}/app/`);
    await memberships.getByRole('article').first().waitFor();
  });

  it('All → memberships: details, services covered, Book offers the locations where it is valid', async () => {
    await page.getByRole('link', { name: 'All: Memberships' }).click();
    await heading('Memberships').waitFor();
    const hair = page.getByRole('article', { name: 'Hair care x10' });
    await hair.getByText('Haircut').waitFor();
    const text = (await hair.textContent()) ?? '';
    expect(text).toContain('Lumen Studios');
    const logo = hair.locator('.issuer img');
    expect(await logo.getAttribute('src')).toBe(l.giftImage.thumb);
    await expect
      .poll(() => logo.evaluate((i: { naturalWidth: number }) => i.naturalWidth))
      .toBe(288);
    expect(text).toContain('Studio Lumen, Studio Lumen Ost');
    expect(text).toMatch(/Frozen until \d{2}\.\d{2}\.\d{4}/);
    expect(text).toContain('Can be frozen for 7 more days');
    expect(text).toContain(`№ ${l.frozen.number as string}`);
    const week = page.getByRole('article', { name: 'Unlimited week' });
    expect(await week.textContent()).toContain('Cannot be frozen');
    expect(await week.textContent()).toContain('Every service');
    await expectAccessible(page);
    await screenshot(page, '14-memberships');
    const book = hair.getByRole('button', { name: 'Book' });
    await book.click();
    expect(await book.getAttribute('aria-expanded')).toBe('true');
    const where = hair.getByRole('list', { name: 'Where do you want to book?' });
    expect(await where.getByRole('link').allTextContents()).toEqual([
      'Studio Lumen',
      'Studio Lumen Ost',
    ]);
    await expectAccessible(page);
    await where.getByRole('link', { name: 'Studio Lumen', exact: true }).click();
    await heading('Book at Studio Lumen').waitFor();
    expect(page.url()).toBe(`${base}/app/book/${w.lumen.id}`);
  });

  it('gift cards tab: face value, balance, validity, multi use, what it covers, the image', async () => {
    await page.goto(`${base}/app/memberships`);
    await page
      .getByRole('navigation', { name: 'Kinds of cards' })
      .getByRole('link', { name: 'Gift cards' })
      .click();
    await heading('Gift cards').waitFor();
    const card = page.getByRole('article', { name: 'Gift card 50' });
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Balance €50');
    expect(text).toMatch(/Face value€50/);
    expect(text).toMatch(/Valid until \d{2}\.\d{2}\.\d{4}/);
    expect(text).toContain('Can be used several times');
    expect(text).toContain('Anything');
    await expect.poll(loadedImages).toEqual([l.giftImage.card]);
    await expectAccessible(page);
    await screenshot(page, '15-gift-cards');
  });

  it('loyalty cards: from the account; discount, bonus, promotions; tapping the number copies it', async () => {
    // The card's own discount (raised by cumulative programs at visits; none were settled here).
    await t.db.query(`UPDATE loyalty_cards SET discount_percent = 7.5 WHERE number = 'LUMEN-0042'`);
    await page.getByRole('link', { name: 'Account' }).click();
    await heading('Your account').waitFor();
    await page.getByRole('link', { name: 'Loyalty cards' }).click();
    await heading('Loyalty cards').waitFor();
    const card = page.getByRole('article', { name: 'Lumen Club' });
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Discount7.5%');
    expect(text).toContain('Bonus balance12.5');
    expect(text).toContain('10% off every visit: 10%');
    await card.getByRole('button', { name: /LUMEN-0042.*copy/ }).click();
    await page.getByText('Card number LUMEN-0042 copied').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('LUMEN-0042');
    await expectAccessible(page);
    await screenshot(page, '16-loyalty-cards');
  });

  it('buys a gift card on the place page: hosted checkout 4242 → back in the app → the new card with its image', async () => {
    await page.goto(`${base}/app/places/${w.lumen.id}`);
    await heading('Studio Lumen').waitFor();
    const offers = page.getByRole('region', { name: 'Purchases' });
    await offers.getByRole('article', { name: 'Gift card 50' }).waitFor();
    expect(await offers.getByRole('article').count()).toBe(2);
    await expectAccessible(page);
    await offers.getByRole('article', { name: 'Gift card 50' }).scrollIntoViewIfNeeded();
    await screenshot(page, '17-place-purchases');
    const before = await issued('certificates');
    await offers
      .getByRole('article', { name: 'Gift card 50' })
      .getByRole('button', { name: 'Buy for €45' })
      .click();
    await page.waitForURL(/\/pay\/test\/tp_/);
    await page.getByRole('heading', { name: 'Visita test checkout' }).waitFor();
    await page.getByLabel('Card number').fill('4242 4242 4242 4242');
    await page.getByRole('button', { name: /^Pay/ }).click();
    await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
    await page.getByRole('link', { name: 'Return to the shop' }).click();
    await heading('Purchase').waitFor();
    await page.getByRole('heading', { name: 'Payment succeeded', level: 2 }).waitFor();
    await page.getByText('Your gift card “Gift card 50” is ready.').waitFor();
    await expectAccessible(page);
    await screenshot(page, '18-purchase-done');
    expect(await issued('certificates')).toBe(before + 1);
    await page.getByRole('link', { name: 'Open my gift cards' }).click();
    await heading('Gift cards').waitFor();
    await expect.poll(() => page.getByRole('article', { name: 'Gift card 50' }).count()).toBe(2);
    await expect.poll(async () => (await loadedImages()).length).toBe(2);
  });

  it('a declined card (4000…0002): a clear message back in the app, nothing issued', async () => {
    await page.goto(`${base}/app/places/${w.lumen.id}`);
    const offers = page.getByRole('region', { name: 'Purchases' });
    const before = await issued('memberships');
    await offers
      .getByRole('article', { name: 'Hair care, 10 visits' })
      .getByRole('button', { name: 'Buy for €99' })
      .click();
    await page.waitForURL(/\/pay\/test\/tp_/);
    await page.getByLabel('Card number').fill('4000 0000 0000 0002');
    await page.getByRole('button', { name: /^Pay/ }).click();
    await page.getByRole('heading', { name: 'Payment declined' }).waitFor();
    await page.getByRole('link', { name: 'Return to the shop' }).click();
    await page.getByRole('heading', { name: 'The payment was declined', level: 2 }).waitFor();
    await page
      .getByText('No money was taken and nothing was issued. You can try again with another card.')
      .waitFor();
    await expectAccessible(page);
    expect(await issued('memberships')).toBe(before);
    const [payment] = await t.db.query<{ status: string }>(
      `SELECT status FROM payments WHERE phone = $1 AND item_kind = 'membership'`,
      [PHONE],
    );
    expect(payment!.status).toBe('declined');
    await page.getByRole('link', { name: 'Try again' }).click();
    await heading('Studio Lumen').waitFor();
  });

  it('offline, the memberships and gift cards last seen still show, with their images', async () => {
    await page.goto(`${base}/app/`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)))
      .toBe(true);
    await page.getByRole('list', { name: 'Gift cards' }).getByRole('article').first().waitFor();
    await page.goto(`${base}/app/gift-cards`);
    await expect.poll(async () => (await loadedImages()).length).toBe(2);
    await page.goto(`${base}/app/memberships`);
    await page.getByRole('article', { name: 'Hair care x10' }).getByText('Haircut').waitFor();
    await context.setOffline(true);
    try {
      await page.reload();
      await page.getByText('You are offline').waitFor();
      await expect.poll(() => page.getByRole('article').count()).toBe(2);
      await expectAccessible(page);
      await page.getByRole('link', { name: 'Gift cards' }).click();
      await expect.poll(() => page.getByRole('article', { name: 'Gift card 50' }).count()).toBe(2);
      await expect.poll(async () => (await loadedImages()).length).toBe(2);
      await expectAccessible(page);
    } finally {
      await context.setOffline(false);
    }
  });
});
