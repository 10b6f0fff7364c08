import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEFAULT_TERMS_VERSIONS } from '@visita/core';
import { makeAppointment, makeBookingSettings } from '@visita/db/testing';
import { linkOf, pushPayload } from '@visita/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type TestEngine } from '../support/notifications';
import { smsLog, type SmsLog } from '../support/sms-log';
import { createTestApp, type TestApp } from '../support/test-app';
import {
  buildClientApp,
  dateIn,
  expectAccessible,
  makeClientAppWorld,
  pickDateAndTime,
  screenshot,
  type ClientAppWorld,
} from './client-app-support';
import { launchChromium, launchPersistentChromium } from './support';

/**
 * The client PWA end to end: Debian Chromium at 390×844 against a real server (the built app
 * served at /app/, the real API) on a fresh database made with factories. One client walks
 * through the app in order; every screen is checked with axe-core.
 */
/** Browser globals used inside page.evaluate (this file is typed for Node, without the DOM). */
declare const navigator: {
  clipboard: { readText(): Promise<string> };
  serviceWorker: {
    ready: Promise<unknown>;
    controller: unknown;
    getRegistration(
      scope: string,
    ): Promise<
      { getNotifications(): Promise<{ title: string; body: string; data: unknown }[]> } | undefined
    >;
  };
};
declare const localStorage: { getItem(key: string): string | null };
declare const caches: { has(name: string): Promise<boolean> };
declare const document: {
  documentElement: { lang: string };
  activeElement: {
    tagName: string;
    textContent: string | null;
    getAttribute(name: string): string | null;
  } | null;
};

const PHONE = '+4915123456789';
let t: TestApp;
let log: SmsLog;
let w: ClientAppWorld;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;
let engine: TestEngine;

beforeAll(async () => {
  buildClientApp();
  log = smsLog();
  t = await createTestApp({ now: new Date().toISOString(), loggerInstance: log.logger });
  w = await makeClientAppWorld(t.db, PHONE);
  engine = await startEngine(t);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write', 'notifications'], {
    origin: base,
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

/** The records of the client (live ones), straight from the database. */
const liveRecords = () =>
  t.db.query<{ id: number; staff_id: number; starts_at: Date; deleted_at: Date | null }>(
    `SELECT r.id, r.staff_id, r.starts_at, r.deleted_at FROM records r JOIN clients c ON c.id = r.client_id
     WHERE c.phone = $1 ORDER BY r.id`,
    [PHONE],
  );

describe('the client app', () => {
  it('serves / and /book/<id> as redirects into /app/, with a manifest and a service worker', async () => {
    const root = await fetch(`${base}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/app/');
    const book = await fetch(`${base}/book/${w.bloom.id}`, { redirect: 'manual' });
    expect(book.headers.get('location')).toBe(`/app/book/${w.bloom.id}`);
    const manifest = (await (await fetch(`${base}/app/manifest.webmanifest`)).json()) as {
      start_url: string;
      icons: { sizes: string; purpose: string }[];
    };
    expect(manifest.start_url).toBe('/app/');
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(
      expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
    );
    const icon = await fetch(`${base}/app/icons/icon-512.png`);
    expect(icon.headers.get('content-type')).toBe('image/png');
    const deepLink = await fetch(`${base}/app/places/123`);
    expect(await deepLink.text()).toContain('<div id="root">');
  });

  it('logs in with the SMS code from the log provider and asks for consent the first time', async () => {
    await page.goto(`${base}/`);
    await heading('Log in').waitFor();
    await expectAccessible(page);
    await screenshot(page, '01-login');
    await page.getByLabel('Phone number').fill(PHONE);
    const before = log.sentCount(PHONE);
    await page.getByRole('button', { name: 'Get the code' }).click();
    const code = page.getByLabel('Code from the SMS');
    await code.waitFor();
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    await code.fill(await log.nextCode(PHONE, before));
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Log in' }).click();

    await heading('Before you start').waitFor();
    const go = page.getByRole('button', { name: 'Continue' });
    expect(await go.isDisabled()).toBe(true);

    // Each box links to its text, served by the server in the app's language.
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? null);
    await page.getByRole('button', { name: 'Read the user agreement' }).click();
    const dialog = page.getByRole('dialog', { name: 'User agreement' });
    await dialog.waitFor();
    await dialog.getByRole('heading', { name: 'What the app does', level: 3 }).waitFor();
    expect(await dialog.textContent()).toContain(
      `Version ${DEFAULT_TERMS_VERSIONS.user_agreement}`,
    );
    expect(await focused()).toBe('User agreement');
    await expectAccessible(page);
    await screenshot(page, '23-consent-terms');
    await dialog.getByRole('button', { name: 'Back to the consent' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await focused()).toBe('Read the user agreement');
    await page.getByRole('button', { name: 'Read the data processing terms' }).click();
    const processing = page.getByRole('dialog', { name: 'Consent to data processing' });
    await processing.getByRole('heading', { name: 'What data', level: 3 }).waitFor();
    await page.keyboard.press('Escape');
    await processing.waitFor({ state: 'hidden' });
    expect(await focused()).toBe('Read the data processing terms');

    await page.getByLabel(/user agreement/).check();
    await page.getByLabel(/processing of my personal data/).check();
    await expectAccessible(page);
    await screenshot(page, '02-consent');
    await go.click();
    await page.getByRole('heading', { name: 'Appointments', level: 2 }).waitFor();
  });

  it('shows home: account link, bell, carousels of appointments and places', async () => {
    await page.getByRole('link', { name: 'All: Appointments' }).waitFor();
    const carousel = page.getByRole('list', { name: 'Appointments' });
    await expect.poll(() => carousel.getByRole('article').count()).toBe(4);
    // Upcoming first, soonest first; then past ones.
    expect(await carousel.getByRole('article').first().textContent()).toContain('Anna Weber');
    const places = page.getByRole('list', { name: 'Places' });
    await expect.poll(() => places.getByRole('article').count()).toBe(2);
    // Without the notifications API on this server, the bell shows no count.
    expect(await page.getByRole('link', { name: 'Notifications' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Open your account' }).isVisible()).toBe(true);
    await expectAccessible(page);
  });

  it('is installable: Chromium finds no installability error and reads the manifest', async () => {
    // Chromium never installs from an incognito-like context (what `newContext()` makes; it
    // reports `in-incognito`), so this check uses a profile on disk.
    const profile = await mkdtemp(join(tmpdir(), 'visita-chromium-'));
    const installable = await launchPersistentChromium(profile, {
      viewport: { width: 390, height: 844 },
    });
    try {
      const tab = installable.pages()[0] ?? (await installable.newPage());
      await tab.goto(`${base}/app/`);
      await tab.getByRole('heading', { name: 'Log in', level: 1 }).waitFor();
      await tab.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      const cdp = await installable.newCDPSession(tab);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      expect(installabilityErrors).toEqual([]);
      const manifest = (await cdp.send('Page.getAppManifest')) as {
        url: string;
        errors: unknown[];
        manifest?: { icons?: { url: string; sizes: string }[] };
      };
      expect(manifest.url).toBe(`${base}/app/manifest.webmanifest`);
      expect(manifest.errors).toEqual([]);
      // What Chromium read from it (the `manifest` of the protocol's WebAppManifest).
      expect(manifest.manifest).toMatchObject({
        name: 'Visita',
        id: `${base}/app/`,
        startUrl: `${base}/app/`,
        scope: `${base}/app/`,
        // Chromium names the enum value (`kStandalone`).
        display: expect.stringMatching(/standalone/i),
      });
      // (The protocol leaves out `purpose`; the first test reads it from the file.)
      expect(
        manifest.manifest?.icons?.map((i) => `${i.sizes} ${i.url.slice(base.length)}`),
      ).toEqual([
        '192x192 /app/icons/icon-192.png',
        '512x512 /app/icons/icon-512.png',
        '512x512 /app/icons/maskable-512.png',
      ]);
      // Without a profile on disk it is the one thing Chromium holds against the app.
      const incognito = await context.newCDPSession(page);
      expect((await incognito.send('Page.getInstallabilityErrors')).installabilityErrors).toEqual([
        { errorId: 'in-incognito', errorArguments: [] },
      ]);
      await incognito.detach();
    } finally {
      await installable.close();
      await rm(profile, { recursive: true, force: true });
    }
  });

  it('the bell opens the inbox: empty at first; the gear mutes a place', async () => {
    await page.getByRole('link', { name: 'Notifications' }).click();
    await heading('Notifications').waitFor();
    await page.getByText('No notifications yet.').waitFor();
    await page.getByRole('button', { name: 'Notification settings' }).click();
    const lumen = page.getByRole('switch', { name: 'Notifications from Studio Lumen' });
    await lumen.waitFor();
    await expectAccessible(page);
    await lumen.click();
    const mutes = () =>
      t.db.query(
        `SELECT 1 FROM notification_mutes m JOIN app_users u ON u.id = m.app_user_id
         WHERE u.phone = $1 AND m.location_id = $2`,
        [PHONE, w.lumen.id],
      );
    await expect.poll(async () => (await mutes()).length).toBe(1);
    await lumen.click();
    await expect.poll(async () => (await mutes()).length).toBe(0);
    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByRole('link', { name: 'Open your account' }).waitFor();
  });

  it('changes the name, language, date and time format in the account', async () => {
    await page.getByRole('link', { name: 'Open your account' }).click();
    await heading('Your account').waitFor();
    await page.getByLabel('Name').fill('Erika Muster');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved').first().waitFor();
    await page.getByLabel('Date format').selectOption('YYYY-MM-DD');
    await page.getByLabel('Time format').selectOption('12');
    await expect
      .poll(
        async () =>
          (
            await t.db.query<{ time_24h: boolean; date_format: string }>(
              'SELECT time_24h, date_format FROM app_users WHERE phone = $1',
              [PHONE],
            )
          )[0],
      )
      .toEqual({ time_24h: false, date_format: 'YYYY-MM-DD' });
    await expectAccessible(page);

    await page.getByLabel('Language').selectOption('es');
    await heading('Tu cuenta').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await expectAccessible(page);
    await page.getByLabel('Idioma').selectOption('ru');
    await heading('Профиль').waitFor();
    await expectAccessible(page);
    await page.getByLabel('Язык').selectOption('en');
    await heading('Your account').waitFor();
    // The server offers Web Push (its VAPID key answers): the device switch can be turned on.
    // (Subscribing needs the browser vendor's push service, which this closed machine cannot
    // reach; the server side of delivery is tested against a local push service.)
    const deviceSwitch = page.getByRole('switch', { name: 'Notifications on this device' });
    await expect.poll(() => deviceSwitch.isDisabled()).toBe(false);
    expect(
      await page.getByText('Notifications are not available on this server yet.').count(),
    ).toBe(0);
    await screenshot(page, '07-account');

    await page.getByRole('link', { name: 'Home' }).click();
    const me = page.getByRole('link', { name: 'Open your account' });
    await expect.poll(() => me.textContent()).toContain('Erika Muster');
    // 12-hour time and ISO dates on the cards.
    const first = page.getByRole('list', { name: 'Appointments' }).getByRole('article').first();
    await expect
      .poll(() => first.textContent())
      .toMatch(/\d{4}-\d{2}-\d{2} · \d{1,2}:\d{2}\s?[AP]M/);
    await screenshot(page, '03-home');
  });

  it('favourites a place with the heart and lists it under Favourites', async () => {
    await page.getByRole('link', { name: 'All: Places' }).click();
    await heading('Places').waitFor();
    const heart = page.getByRole('button', { name: 'Add Barber Nord to favourites' }).first();
    await heart.click();
    const favourites = page.getByRole('list', { name: 'Favourites' });
    await expect.poll(() => favourites.getByRole('article').count()).toBe(1);
    expect(await favourites.textContent()).toContain('Barber Nord');
    const pressed = page.getByRole('button', { name: 'Remove Barber Nord from favourites' });
    expect(await pressed.first().getAttribute('aria-pressed')).toBe('true');
    const rows = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM favourite_locations f JOIN app_users u ON u.id = f.user_id WHERE u.phone = $1 AND f.location_id = $2`,
      [PHONE, w.nord.id],
    );
    expect(rows[0]!.n).toBe(1);
    await expectAccessible(page);
    await screenshot(page, '05-places');
  });

  it('shows a place: About data, reviews, the client’s appointments; Call copies the first phone', async () => {
    await page.getByRole('link', { name: 'Studio Lumen' }).first().click();
    await heading('Studio Lumen').waitFor();
    const about = page.getByRole('region', { name: 'About' });
    await about.getByText('Torstraße 101, 10119, Berlin, Germany').waitFor();
    expect(await about.textContent()).toContain('Sat 10:00–16:00');
    expect(await about.getByRole('link', { name: 'lumen.example' }).getAttribute('href')).toBe(
      'https://lumen.example',
    );
    expect(await about.getByRole('link', { name: 'instagram' }).count()).toBe(1);
    // Upcoming and past ones here (canceled ones are under Appointments).
    await expect.poll(() => page.locator('.stack .appointment').count()).toBe(3);
    // The location's main phone, not the first of its other numbers.
    expect(await about.textContent()).toContain('+49 30 7654321');
    await page.getByRole('button', { name: 'Call' }).click();
    await page.getByText('Phone number +49 30 1234567 copied').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('+49 30 1234567');
    await expectAccessible(page);
    await screenshot(page, '06-place');
  });

  it('books from the place page: services, any team member, date, time, done', async () => {
    const before = (await liveRecords()).length;
    await page.getByRole('button', { name: 'Book', exact: true }).click();
    await heading('Book at Studio Lumen').waitFor();
    await page.getByRole('checkbox', { name: /Haircut/ }).check();
    await expectAccessible(page);
    await screenshot(page, '08-book-services');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('radio', { name: /Any team member/ }).waitFor();
    // Focus moved to the new step's heading.
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement!;
        return `${el.tagName} ${el.textContent ?? ''}`;
      });
    await expect.poll(focused).toBe('H2 Team member');
    await expectAccessible(page);
    await page.getByRole('radio', { name: /Any team member/ }).click();
    await pickDateAndTime(page, () => expectAccessible(page));
    await page.getByLabel('Your name').waitFor();
    expect(await page.getByLabel('Your name').inputValue()).toBe('Erika Muster');
    expect(await page.getByLabel('Phone number').inputValue()).toBe(PHONE);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Book', exact: true }).click();
    await page.getByRole('heading', { name: 'You are booked!' }).waitFor();
    await expectAccessible(page);
    expect((await liveRecords()).length).toBe(before + 1);
  });

  it('the online booking reaches the inbox: unread on the bell, Details opens the appointment', async () => {
    await engine.settle();
    await page.getByRole('link', { name: 'Home' }).click();
    const bell = page.getByRole('link', { name: 'Notifications, 1 unread' });
    await bell.waitFor();
    await bell.click();
    await heading('Notifications').waitFor();
    const item = page.locator('li.notification.unread');
    await item.waitFor();
    expect(await item.textContent()).toContain('Haircut');
    await expectAccessible(page);
    await screenshot(page, '13-notifications');
    await item.getByRole('button', { name: 'Details' }).click();
    await expect
      .poll(() =>
        t.db.query(
          `SELECT n.read_at FROM notifications n JOIN app_users u ON u.id = n.app_user_id
           WHERE u.phone = $1 AND n.read_at IS NULL`,
          [PHONE],
        ),
      )
      .toEqual([]);
    await expect.poll(() => page.url()).toMatch(/\/app\/appointments\/\d+$/);
    await page.getByRole('article').first().getByText('Haircut').waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
  });

  it('notices without buttons (birthday, discount) are read once the inbox shows them', async () => {
    const [who] = await t.db.query<{ user_id: number; client_id: number }>(
      `SELECT u.id AS user_id, c.id AS client_id FROM app_users u
       JOIN clients c ON c.phone = u.phone AND c.location_id = $2 WHERE u.phone = $1`,
      [PHONE, w.lumen.id],
    );
    for (const [type, title, body] of [
      [9, 'Happy birthday!', 'Happy birthday, Erika! A gift from Studio Lumen awaits you.'],
      [
        10,
        'A new discount for you',
        `Erika, you now have 10% off at Studio Lumen. Book: ${base}/app/book/${w.lumen.id}.`,
      ],
    ] as const)
      await t.db.query(
        `INSERT INTO notifications(idempotency_key, app_user_id, client_id, location_id, type,
                                   sender, title, body, link, appointment_id, bulk_push_id)
         VALUES ($1, $2, $3, $4, $5, 'Studio Lumen', $6, $7, $8, NULL, NULL)`,
        [
          `${type}:test:client:${who!.client_id}`,
          who!.user_id,
          who!.client_id,
          w.lumen.id,
          type,
          title,
          body,
          `/app/book/${w.lumen.id}`,
        ],
      );
    await page.goto(`${base}/app/`);
    await page.getByRole('link', { name: 'Notifications, 2 unread' }).click();
    await heading('Notifications').waitFor();
    const birthday = page.locator('li.notification').filter({ hasText: 'Happy birthday!' });
    await birthday.waitFor();
    // Still marked new during this visit, though the server already has it read.
    expect(await birthday.getAttribute('class')).toContain('unread');
    expect(await birthday.getByRole('button').count()).toBe(0);
    expect(await birthday.locator('.unread-dot').isVisible()).toBe(true);
    await expectAccessible(page);
    await expect
      .poll(
        async () =>
          (
            await t.db.query(
              `SELECT 1 FROM notifications n JOIN app_users u ON u.id = n.app_user_id
               WHERE u.phone = $1 AND n.read_at IS NULL`,
              [PHONE],
            )
          ).length,
      )
      .toBe(0);
    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Notifications', exact: true }).click();
    await heading('Notifications').waitFor();
    await birthday.waitFor();
    expect(await birthday.getAttribute('class')).not.toContain('unread');
    expect(await birthday.locator('.unread-dot').count()).toBe(0);
    // The address in a body is a link, opened inside the app.
    const discount = page.locator('li.notification').filter({ hasText: '10% off' });
    await discount.getByRole('link', { name: `${base}/app/book/${w.lumen.id}` }).click();
    await heading('Book at Studio Lumen').waitFor();
  });

  it('"Mark all read" clears the marks and the bell, also for those past the first page', async () => {
    const [who] = await t.db.query<{ user_id: number; client_id: number }>(
      `SELECT u.id AS user_id, c.id AS client_id FROM app_users u
       JOIN clients c ON c.phone = u.phone AND c.location_id = $2 WHERE u.phone = $1`,
      [PHONE, w.lumen.id],
    );
    // More than the inbox shows (50): opening it reads only those it shows.
    const many = 52;
    for (let i = 1; i <= many; i++)
      await t.db.query(
        `INSERT INTO notifications(idempotency_key, app_user_id, client_id, location_id, type,
                                   sender, title, body, link, appointment_id, bulk_push_id)
         VALUES ($1, $2, $3, $4, 10, 'Studio Lumen', $5, 'A little something for you.', '', NULL, NULL)`,
        [`10:allread:${i}`, who!.user_id, who!.client_id, w.lumen.id, `Offer ${i}`],
      );
    const unreadInDb = async () =>
      (
        await t.db.query(
          `SELECT 1 FROM notifications n JOIN app_users u ON u.id = n.app_user_id
           WHERE u.phone = $1 AND n.read_at IS NULL`,
          [PHONE],
        )
      ).length;
    await page.goto(`${base}/app/`);
    await page.getByRole('link', { name: `Notifications, ${many} unread` }).click();
    await heading('Notifications').waitFor();
    await expect.poll(() => page.locator('li.notification .unread-dot').count()).toBe(50);
    await expect.poll(unreadInDb).toBe(many - 50);
    const markAll = page.getByRole('button', { name: 'Mark all read' });
    await expectAccessible(page);
    await markAll.click();
    await page.getByText('All notifications are marked read.').first().waitFor();
    expect(await page.locator('li.notification .unread-dot').count()).toBe(0);
    expect(await markAll.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await unreadInDb()).toBe(0);
    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
  });

  it('books again from a past appointment: location, services and member chosen, only date and time asked', async () => {
    await page.goto(`${base}/app/appointments?tab=past`);
    await heading('Appointments').waitFor();
    const card = page.getByRole('article', { name: /Studio Lumen/ }).first();
    await card.getByText('Haircut, Colour').waitFor();
    await expectAccessible(page);
    await screenshot(page, '04-appointments-past');
    await card.getByRole('button', { name: 'Book again' }).click();
    await page.getByText('Same services and team member as last time').waitFor();
    expect(await page.locator('.steps li[aria-current="step"]').textContent()).toContain('Date');
    await expectAccessible(page);
    await screenshot(page, '09-book-again-date');
    await pickDateAndTime(page);
    await page.getByRole('button', { name: 'Book', exact: true }).click();
    await page.getByRole('heading', { name: 'You are booked!' }).waitFor();
    const newest = (await liveRecords()).at(-1)!;
    expect(newest.staff_id).toBe(w.anna.id);
    const services = await t.db.query<{ service_id: number }>(
      'SELECT service_id FROM record_services WHERE record_id = $1 ORDER BY position',
      [newest.id],
    );
    expect(services.map((s) => s.service_id)).toEqual([w.cut.id, w.colour.id]);
  });

  it('reschedules an upcoming appointment to another free time', async () => {
    const before = (await liveRecords()).find((r) => r.id === w.later.id)!.starts_at.getTime();
    await page.goto(`${base}/app/appointments`);
    const card = page.getByRole('article').filter({ hasText: 'Ben Schulz' }).first();
    await card.getByRole('link', { name: 'Reschedule' }).click();
    await heading('Reschedule').waitFor();
    await pickDateAndTime(page);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Move the appointment' }).click();
    await page.getByRole('heading', { name: /The appointment is moved to/ }).waitFor();
    const after = (await liveRecords()).find((r) => r.id === w.later.id)!;
    expect(after.starts_at.getTime()).not.toBe(before);
    expect(after.staff_id).toBe(w.ben.id);
  });

  it('cancels an upcoming appointment after asking', async () => {
    await page.goto(`${base}/app/appointments`);
    const card = page
      .getByRole('article')
      .filter({ hasText: 'Anna Weber' })
      .filter({ hasText: /^(?!.*Colour)/ })
      .first();
    await card.getByRole('button', { name: 'Cancel appointment' }).click();
    await card.getByRole('group', { name: 'Cancel this appointment?' }).waitFor();
    expect(
      await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''),
    ).toBe('Cancel this appointment?');
    await expectAccessible(page);
    await card.getByRole('group').getByRole('button', { name: 'Cancel appointment' }).click();
    await page.getByText('The appointment is canceled.').first().waitFor();
    await expect
      .poll(async () => (await liveRecords()).filter((r) => r.deleted_at !== null).length)
      .toBe(2);
    await page.getByRole('link', { name: 'Canceled' }).click();
    await expect.poll(() => page.locator('article.canceled').count()).toBe(2);
    // A canceled appointment cannot be rated: the button is there but inactive.
    const rate = page
      .locator('article.canceled')
      .first()
      .getByRole('button', { name: 'Rate the professional' });
    expect(await rate.isDisabled()).toBe(true);
    await expectAccessible(page);
  });

  it('says why the server refused a cancel: too late, in its own words', async () => {
    const soon = await makeAppointment(t.db, {
      locationId: w.nord.id,
      staffId: w.otto.id,
      serviceIds: [w.shave.id],
      phone: PHONE,
      start: `${dateIn(3)}T09:00:00Z`,
      minutes: 30,
      price: 25,
    });
    await page.goto(`${base}/app/appointments/${soon.id}`);
    const card = page.getByRole('article').filter({ hasText: 'Hot shave' });
    await card.getByRole('button', { name: 'Cancel appointment' }).click();
    await card.getByRole('group', { name: 'Cancel this appointment?' }).waitFor();
    // Meanwhile the place closes online cancelling 10 days before: the server now says too late.
    await makeBookingSettings(t.db, w.nord.id, { cancel_until_minutes: 10 * 24 * 60 });
    await card.getByRole('group').getByRole('button', { name: 'Cancel appointment' }).click();
    await page
      .getByText('It is too late to cancel this appointment in the app. Please call the place.')
      .first()
      .waitFor();
    const [row] = await t.db.query<{ deleted_at: Date | null }>(
      'SELECT deleted_at FROM records WHERE id = $1',
      [soon.id],
    );
    expect(row?.deleted_at).toBeNull();
    // Out of the way of the next check, which looks at Barber Nord's cards.
    await t.db.query('UPDATE records SET deleted_at = now() WHERE id = $1', [soon.id]);
  });

  it('where the location forbids it, an upcoming appointment has no Cancel or Reschedule', async () => {
    await makeBookingSettings(t.db, w.nord.id, {
      allow_client_cancel: false,
      allow_client_reschedule: false,
    });
    await makeAppointment(t.db, {
      locationId: w.nord.id,
      staffId: w.otto.id,
      serviceIds: [w.shave.id],
      phone: PHONE,
      start: `${dateIn(20)}T09:00:00Z`,
      minutes: 30,
      price: 25,
    });
    await page.goto(`${base}/app/appointments`);
    const nord = page.getByRole('article').filter({ hasText: 'Barber Nord' });
    await nord.getByText('Hot shave').waitFor();
    const lumen = page.getByRole('article').filter({ hasText: 'Ben Schulz' }).first();
    expect(await lumen.getByRole('link', { name: 'Reschedule' }).count()).toBe(1);
    expect(await lumen.getByRole('button', { name: 'Cancel appointment' }).count()).toBe(1);
    expect(await nord.getByRole('link', { name: 'Reschedule' }).count()).toBe(0);
    expect(await nord.getByRole('button', { name: 'Cancel appointment' }).count()).toBe(0);
    expect(await nord.getByRole('button', { name: 'Reschedule' }).count()).toBe(0);
  });

  it('rates the professional of a past appointment and reviews the location', async () => {
    await page.goto(`${base}/app/appointments?tab=past`);
    const card = page.getByRole('article').filter({ hasText: 'Haircut, Colour' });
    await card.getByRole('link', { name: 'Rate the professional' }).click();
    await heading('Rate Anna Weber').waitFor();
    await page.getByRole('radio', { name: '5 of 5' }).check();
    await page.getByLabel('Your review (optional)').fill('Great cut, thank you!');
    await expectAccessible(page);
    await screenshot(page, '10-rate');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Thank you for your review!').waitFor();
    await card.getByText('Rated').waitFor();
    const [anna] = await t.db.query<{ rating: number; votes_count: number }>(
      'SELECT rating::float AS rating, votes_count FROM staff WHERE id = $1',
      [w.anna.id],
    );
    expect(anna).toMatchObject({ rating: 5, votes_count: 1 });

    await card.getByRole('link', { name: 'Review the location' }).click();
    await heading('Review Studio Lumen').waitFor();
    await page.getByRole('radio', { name: '4 of 5' }).check();
    await page.getByLabel('Your review (optional)').fill('Lovely studio, good coffee');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Send' }).click();
    await card.getByText('Reviewed').waitFor();

    // The place page shows the review among its reviews.
    await page.goto(`${base}/app/places/${w.lumen.id}`);
    await heading('Studio Lumen').waitFor();
    await page.getByText('Lovely studio, good coffee').waitFor();
  });

  it('still shows the upcoming appointments when offline (service worker + cached API answers)', async () => {
    await page.goto(`${base}/app/`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // Once the worker controls the page, its answers are the ones kept for offline.
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)))
      .toBe(true);
    await page.getByRole('list', { name: 'Appointments' }).getByRole('article').first().waitFor();
    // The terms as the consent screen reads them, once while online (through the worker).
    const termsTitle = () =>
      page.evaluate(() =>
        fetch('/api/app/v1/terms?language=es')
          .then((r) => r.json() as Promise<{ data: { user_agreement: { title: string } } }>)
          .then((b) => b.data.user_agreement.title)
          .catch(() => 'failed'),
      );
    expect(await termsTitle()).toBe('Acuerdo de usuario');
    await context.setOffline(true);
    try {
      await page.reload();
      await page.getByText('You are offline').waitFor();
      const cards = page.getByRole('list', { name: 'Appointments' }).getByRole('article');
      await expect.poll(() => cards.count()).toBeGreaterThan(0);
      expect(await cards.first().textContent()).toContain('Studio Lumen');
      await expectAccessible(page);
      // A text seen once opens offline too.
      expect(await termsTitle()).toBe('Acuerdo de usuario');
    } finally {
      await context.setOffline(false);
    }
  });

  it('shows the server’s push of a review request titled with the sender; a tap opens the review form', async () => {
    const cdp = await context.newCDPSession(page);
    const registrationId = new Promise<string>((resolve) =>
      cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => {
        const mine = event.registrations.find((r) => r.scopeURL === `${base}/app/` && !r.isDeleted);
        if (mine) resolve(mine.registrationId);
      }),
    );
    await cdp.send('ServiceWorker.enable');
    // What the server pushes for a "How was your visit?" notification (type 8).
    const body = 'Erika, how was your visit to Studio Lumen? Leave a review';
    const data = pushPayload({
      id: 7,
      type: 8,
      locationId: w.lumen.id,
      appointmentId: w.past.id,
      sender: 'Studio Lumen',
      body,
      link: linkOf(8, w.lumen.id, w.past.id),
      bulkPushId: null,
    });
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: base,
      registrationId: await registrationId,
      data,
    });
    const shown = () =>
      page.evaluate(async () => {
        const registration = (await navigator.serviceWorker.getRegistration('/app/'))!;
        return (await registration.getNotifications()).map((n) => ({
          title: n.title,
          body: n.body,
          data: n.data as { url: string },
        }));
      });
    const target = `/app/appointments/${w.past.id}/review`;
    await expect.poll(shown).toEqual([{ title: 'Studio Lumen', body, data: { url: target } }]);
    // A tap opens the notification's url (notificationclick → navigate): the review form.
    await page.goto(`${base}${(await shown())[0]!.data.url}`);
    await heading('Review Studio Lumen').waitFor();
    await page.getByRole('group', { name: 'Your rating' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(target);
    await expectAccessible(page);
    // The older path keeps working.
    await page.goto(`${base}/app/review/${w.past.id}?target=location`);
    await heading('Review Studio Lumen').waitFor();
  });

  it('logs out: back to the login screen, the kept API answers deleted', async () => {
    await page.goto(`${base}/app/account`);
    await page.getByRole('button', { name: 'Log out' }).click();
    await heading('Log in').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('visita.token'))).toBeNull();
    expect(await page.evaluate(() => caches.has('visita-api'))).toBe(false);
    const [tokens] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM app_user_tokens k JOIN app_users u ON u.id = k.user_id
       WHERE u.phone = $1 AND k.revoked_at IS NULL`,
      [PHONE],
    );
    expect(tokens!.n).toBe(0);

    // Logging in again: the consent given the first time is not asked again. (The code asked
    // at the first login is moved an hour back, past the resend wait.)
    await t.db.query(
      `UPDATE sms_codes SET created_at = created_at - interval '1 hour' WHERE phone = $1`,
      [PHONE],
    );
    const before = log.sentCount(PHONE);
    await page.getByLabel('Phone number').fill(PHONE);
    await page.getByRole('button', { name: 'Get the code' }).click();
    await page.getByLabel('Code from the SMS').fill(await log.nextCode(PHONE, before));
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Appointments', level: 2 }).waitFor();
    expect(await heading('Before you start').count()).toBe(0);
  });

  it('says the server’s errors in the app’s language: a wrong SMS code in Spanish', async () => {
    const guest = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'es-ES',
    });
    const p = await guest.newPage();
    p.setDefaultTimeout(10_000);
    const phone = '+4915177766655';
    await p.goto(`${base}/app/`);
    await p.getByRole('heading', { name: 'Iniciar sesión', level: 1 }).waitFor();
    await p.getByLabel('Número de teléfono').fill(phone);
    const before = log.sentCount(phone);
    await p.getByRole('button', { name: 'Recibir el código' }).click();
    await p.getByLabel('Código del SMS').waitFor();
    const right = await log.nextCode(phone, before);
    await p.getByLabel('Código del SMS').fill(right === '000000' ? '111111' : '000000');
    await p.getByRole('button', { name: 'Entrar' }).click();
    await p.getByText('El código es incorrecto o ha caducado.', { exact: false }).waitFor();
    expect(await p.getByLabel('Código del SMS').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(p);
    await guest.close();
  });

  it('the public booking page: services, member, date, time, phone and SMS code, done', async () => {
    const guest = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      locale: 'en-US',
    });
    // A Web OTP browser: the SMS arrives through navigator.credentials.get({otp}).
    await guest.addInitScript(() => {
      const w = globalThis as unknown as Record<string, unknown> & {
        navigator: { credentials: unknown };
      };
      let deliver: (code: string) => void = () => undefined;
      w.OTPCredential = class {};
      w.__deliverSms = (code: string) => deliver(code);
      Object.defineProperty(w.navigator, 'credentials', {
        value: { get: () => new Promise((resolve) => (deliver = (code) => resolve({ code }))) },
      });
    });
    const p = await guest.newPage();
    p.setDefaultTimeout(10_000);
    page = p;
    const phone = '+4915199988877';
    await p.goto(`${base}/book/${w.bloom.id}`);
    await heading('Book at Bloom Nails').waitFor();
    await p.getByRole('checkbox', { name: /Manicure/ }).check();
    await p.getByRole('button', { name: 'Next' }).click();
    await p.getByRole('radio', { name: /Lea/ }).waitFor();
    await expectAccessible(p);
    await p.getByRole('radio', { name: /Lea/ }).click();
    await pickDateAndTime(page);
    await p.getByLabel('Your name').fill('Mia Gast');
    await p.getByLabel('Phone number').fill(phone);
    const before = log.sentCount(phone);
    await p.getByRole('button', { name: 'Get the code' }).click();
    const code = p.getByLabel('Code from the SMS');
    await code.waitFor();
    const sms = await log.nextCode(phone, before);
    await p.evaluate(
      (c) => (globalThis as unknown as { __deliverSms(c: string): void }).__deliverSms(c),
      sms,
    );
    await expect.poll(() => code.inputValue()).toBe(sms);
    await expectAccessible(p);
    await screenshot(p, '11-public-booking-code');
    await p.getByRole('button', { name: 'Book', exact: true }).click();
    await p.getByRole('heading', { name: 'You are booked!' }).waitFor();
    await expectAccessible(p);
    await screenshot(p, '12-public-booking-done');
    const rows = await t.db.query<{ staff_id: number }>(
      'SELECT r.staff_id FROM records r JOIN clients c ON c.id = r.client_id WHERE c.phone = $1 AND r.location_id = $2',
      [phone, w.bloom.id],
    );
    expect(rows).toEqual([{ staff_id: w.lea.id }]);
    await guest.close();
  });
});
