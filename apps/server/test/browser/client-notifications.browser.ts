import { makeBookingSettings, makeUser } from '@visita/db/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi, startEngine, type TestEngine } from '../support/notifications';
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
 * The inbox with the real notification engine: a booking at a place that asks for
 * confirmation brings a "confirmation requested" notification whose Confirm confirms the
 * appointment; Details opens it; a bulk message's Book opens the place's booking; the gear
 * shows and changes the stored mute of each place.
 */
const PHONE = '+4915144455566';
let t: TestApp;
let log: SmsLog;
let w: ClientAppWorld;
let engine: TestEngine;
let browser: Browser;
let page: Page;
let base: string;
let lumenOwner: { token: string };

beforeAll(async () => {
  buildClientApp();
  log = smsLog();
  t = await createTestApp({ now: new Date().toISOString(), loggerInstance: log.logger });
  w = await makeClientAppWorld(t.db, PHONE);
  // Barber Nord confirms online bookings itself and asks its clients to confirm them.
  await makeBookingSettings(t.db, w.nord.id, { online_needs_confirmation: true });
  const nordOwner = await makeUser(t.db, { role: 'owner', chainId: w.nord.chainId });
  const settings = await adminApi(t)(
    'PATCH',
    `/locations/${w.nord.id}/notification-settings`,
    nordOwner,
    { types: [{ type: 4, enabled: true }], brand_name: 'Barber Nord' },
  );
  expect(settings.status, JSON.stringify(settings.body)).toBe(200);
  lumenOwner = await makeUser(t.db, { role: 'owner', chainId: w.lumen.chainId });
  engine = await startEngine(t);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
  const context = await browser.newContext({
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
  await engine?.close();
  await t?.close();
});

const heading = (name: string | RegExp) => page.getByRole('heading', { name, level: 1 });
const nordRecord = async () =>
  (
    await t.db.query<{ id: number; attendance: number }>(
      `SELECT r.id, r.attendance FROM records r JOIN clients c ON c.id = r.client_id
       WHERE c.phone = $1 AND r.location_id = $2 AND r.starts_at > now() ORDER BY r.id DESC`,
      [PHONE, w.nord.id],
    )
  )[0];

describe('the client app: notifications inbox', () => {
  it('books at a place that asks for confirmation; the inbox shows Confirm, which confirms the appointment', async () => {
    await logIn(page, base, log, PHONE);
    await page.goto(`${base}/app/book/${w.nord.id}`);
    await heading('Book at Barber Nord').waitFor();
    await page.getByRole('checkbox', { name: /Hot shave/ }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('radio', { name: /Otto/ }).click();
    await pickDateAndTime(page);
    await page.getByLabel('Your name').fill('Nora Nord');
    await page.getByRole('button', { name: 'Book', exact: true }).click();
    await page.getByRole('heading', { name: 'You are booked!' }).waitFor();
    const booked = await nordRecord();
    expect(booked!.attendance).not.toBe(2);

    await engine.settle();
    await page.goto(`${base}/app/`);
    await page.getByRole('link', { name: /^Notifications, \d+ unread$/ }).click();
    await heading('Notifications').waitFor();
    const request = page.locator('li.notification').filter({
      has: page.getByRole('button', { name: 'Confirm' }),
    });
    await request.waitFor();
    expect(await request.textContent()).toContain('Barber Nord');
    await expectAccessible(page);
    await screenshot(page, '19-notifications-confirm');
    await request.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Appointment confirmed').waitFor();
    await expect.poll(async () => (await nordRecord())!.attendance).toBe(2);
    const done = request.getByRole('button', { name: /Confirmed/ });
    expect(await done.isDisabled()).toBe(true);
    // The server keeps it: after a reload the action still shows done.
    await page.reload();
    await page.locator('li.notification').first().waitFor();
    const again = page.locator('li.notification').filter({ hasText: 'Confirmed' });
    expect(await again.getByRole('button', { name: /Confirmed/ }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Confirm', exact: true }).count()).toBe(0);
    await expectAccessible(page);
  });

  it('Details opens the appointment of the notification', async () => {
    const booked = await nordRecord();
    const item = page.locator('li.notification').filter({ hasText: 'Barber Nord' }).first();
    await item.getByRole('button', { name: 'Details' }).click();
    await expect.poll(() => page.url()).toBe(`${base}/app/appointments/${booked!.id}`);
    await page.getByText('Hot shave').first().waitFor();
  });

  it('a bulk message from a place: Book opens the place’s booking', async () => {
    const sent = await adminApi(t)('POST', `/locations/${w.lumen.id}/bulk-pushes`, lumenOwner, {
      text: 'Autumn week: 20% off colour',
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    await engine.settle();
    await page.goto(`${base}/app/notifications`);
    const bulk = page.locator('li.notification').filter({ hasText: 'Autumn week: 20% off colour' });
    await bulk.waitFor();
    expect(await bulk.getAttribute('class')).toContain('unread');
    await bulk.getByRole('button', { name: 'Book' }).click();
    await heading('Book at Studio Lumen').waitFor();
    expect(page.url()).toBe(`${base}/app/book/${w.lumen.id}`);
  });

  it('the gear shows the stored mute of each place and changes it', async () => {
    const mutes = async () =>
      (
        await t.db.query<{ location_id: number }>(
          `SELECT m.location_id FROM notification_mutes m JOIN app_users u ON u.id = m.app_user_id
           WHERE u.phone = $1`,
          [PHONE],
        )
      ).map((r) => r.location_id);
    await page.goto(`${base}/app/notifications`);
    const gear = page.getByRole('button', { name: 'Notification settings' });
    await gear.click();
    const nord = page.getByRole('switch', { name: 'Notifications from Barber Nord' });
    expect(await nord.isChecked()).toBe(true);
    await nord.click();
    await expect.poll(mutes).toEqual([w.nord.id]);
    await page.reload();
    await gear.click();
    await expect.poll(() => nord.isChecked()).toBe(false);
    expect(
      await page.getByRole('switch', { name: 'Notifications from Studio Lumen' }).isChecked(),
    ).toBe(true);
    await expectAccessible(page);
    await screenshot(page, '20-notification-settings');
    await nord.click();
    await expect.poll(mutes).toEqual([]);
    await page.reload();
    await gear.click();
    await expect.poll(() => nord.isChecked()).toBe(true);
  });
});
