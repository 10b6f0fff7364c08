import { makeUser } from '@visita/db/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../support/notifications';
import { smsLog, type SmsLog } from '../support/sms-log';
import { createTestApp, type TestApp } from '../support/test-app';
import {
  buildClientApp,
  expectAccessible,
  makeClientAppWorld,
  pickDateAndTime,
  screenshot,
  type ClientAppWorld,
} from './client-app-support';
import { logIn } from './client-loyalty-support';
import { launchChromium } from './support';

/**
 * The locations' promotional blocks (set through the back-office API) on home, the place page
 * and the public booking page; and a logged-in client booking at a location with
 * `phone_confirmation` without a second SMS code.
 */
const PHONE = '+4915177788899';
let t: TestApp;
let log: SmsLog;
let w: ClientAppWorld;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;

async function setPromo(locationId: number, chainId: number, promo: object) {
  const owner = await makeUser(t.db, { role: 'owner', chainId });
  const res = await adminApi(t)('PUT', `/locations/${locationId}/promo`, owner, promo);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

beforeAll(async () => {
  buildClientApp();
  log = smsLog();
  t = await createTestApp({ now: new Date().toISOString(), loggerInstance: log.logger });
  w = await makeClientAppWorld(t.db, PHONE);
  await setPromo(w.lumen.id, w.lumen.chainId, {
    title: 'Autumn colour week',
    text: '20% off every colour until Sunday.',
    link_url: 'https://lumen.example/autumn',
  });
  await setPromo(w.bloom.id, w.bloom.chainId, {
    title: 'First manicure −10 €',
    text: 'For new clients booking online.',
  });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
  });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const heading = (name: string | RegExp) => page.getByRole('heading', { name, level: 1 });
const codesTo = (phone: string) => log.messages().filter((m) => m.to === phone).length;

describe('the client app: promotional blocks and booking without a second code', () => {
  it('home shows the promo of the client’s place; the place page too', async () => {
    await logIn(page, base, log, PHONE);
    const promo = page.getByRole('complementary', { name: 'Offer from Studio Lumen' });
    await promo.getByRole('heading', { name: 'Autumn colour week' }).waitFor();
    expect(await promo.textContent()).toContain('20% off every colour until Sunday.');
    expect(await promo.getByRole('link', { name: 'Learn more' }).getAttribute('href')).toBe(
      'https://lumen.example/autumn',
    );
    // Barber Nord has none; Bloom Nails is not one of the client's places.
    expect(await page.getByRole('complementary').count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, '21-home-promo');

    await page.goto(`${base}/app/places/${w.lumen.id}`);
    await heading('Studio Lumen').waitFor();
    await page
      .getByRole('complementary', { name: 'Offer from Studio Lumen' })
      .getByText('Autumn colour week')
      .waitFor();
    await expectAccessible(page);
  });

  it('a logged-in client books at a location with phone confirmation without a code', async () => {
    const sent = codesTo(PHONE);
    await page.goto(`${base}/app/book/${w.bloom.id}`);
    await heading('Book at Bloom Nails').waitFor();
    await page.getByRole('checkbox', { name: /Manicure/ }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('radio', { name: /Lea/ }).click();
    await pickDateAndTime(page);
    await page.getByLabel('Your name').fill('Paula Promo');
    expect(await page.getByRole('button', { name: 'Get the code' }).count()).toBe(0);
    expect(await page.getByLabel('Phone number').inputValue()).toBe(PHONE);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Book', exact: true }).click();
    await page.getByRole('heading', { name: 'You are booked!' }).waitFor();
    const rows = await t.db.query<{ staff_id: number }>(
      `SELECT r.staff_id FROM records r JOIN clients c ON c.id = r.client_id
       WHERE c.phone = $1 AND r.location_id = $2`,
      [PHONE, w.bloom.id],
    );
    expect(rows).toEqual([{ staff_id: w.lea.id }]);
    expect(codesTo(PHONE)).toBe(sent);
  });

  it('the public booking page shows the location’s promo (booking_widget_promo)', async () => {
    const guest = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      locale: 'en-US',
    });
    const p = await guest.newPage();
    await p.goto(`${base}/book/${w.bloom.id}`);
    await p.getByRole('heading', { name: 'Book at Bloom Nails', level: 1 }).waitFor();
    const promo = p.getByRole('complementary', { name: 'Offer from Bloom Nails' });
    await promo.getByRole('heading', { name: 'First manicure −10 €' }).waitFor();
    expect(await promo.getByRole('link').count()).toBe(0);
    await expectAccessible(p);
    await screenshot(p, '22-public-booking-promo');
    await guest.close();
  });
});
