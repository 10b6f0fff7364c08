import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import {
  makeAppUser,
  makeAppointment,
  makeLocation,
  makeSchedule,
  makeService,
  makeStaff,
  makeUser,
} from '@visita/db/testing';
import { parseWireDateTime } from '@visita/core';
import type { Browser, Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';
import { authHeader, call, createTestApp, type TestApp } from '../support/test-app';
import { seriousViolations } from './client-app-support';
import { launchChromium } from './support';

/**
 * Builds apps/admin/dist when it is missing or older than its sources (the check `npm start`
 * runs, with a production React build), so a local run never tests a stale bundle.
 */
export function ensureAdminBuilt(): void {
  const root = fileURLToPath(new URL('../../../../', import.meta.url));
  execFileSync('npx', ['tsx', 'scripts/build-apps.ts', 'admin'], { cwd: root, stdio: 'inherit' });
}

/** The instant of a wall-clock time in the zone, whatever its offset that day (DST-proof). */
export function wallClock(date: string, time: string, timeZone: string): string {
  const instant = parseWireDateTime(`${date} ${time}`, timeZone);
  if (instant === null) throw new Error(`not a time: ${date} ${time}`);
  return new Date(instant).toISOString();
}

/** The local date `days` from now in the zone (the browser's calendar opens on today there). */
export function localDate(timeZone: string, days = 0): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
}

/**
 * A two-location studio chain in Berlin: an administrator of the chain, a staff member of the
 * first location, three team members working tomorrow, services, clients (two with the app), a
 * group event and a few past visits. Built with factories and the API, never the demo seed.
 */
export async function makeStudio(t: TestApp) {
  const tz = 'Europe/Berlin';
  const mitte = await makeLocation(t.db, { title: 'Studio Mitte', timezone: tz });
  const nord = await makeLocation(t.db, {
    chainId: mitte.chainId,
    title: 'Studio Nord',
    timezone: tz,
  });
  await t.db.query(`UPDATE chains SET title = 'Lumen Hair & Beauty' WHERE id = $1`, [
    mitte.chainId,
  ]);
  const admin = await makeUser(
    t.db,
    { role: 'administrator', chainId: mitte.chainId },
    { name: 'Alex Admin', passwordHash: 'plain:admin-pass' },
  );
  const staff = await makeUser(
    t.db,
    { role: 'staff', locationId: mitte.id },
    { name: 'Sam Staff', passwordHash: 'plain:staff-pass' },
  );
  const anna = await makeStaff(t.db, mitte.id, { name: 'Anna Berg' });
  const ben = await makeStaff(t.db, mitte.id, { name: 'Ben Okafor' });
  const carla = await makeStaff(t.db, mitte.id, { name: 'Carla Diaz' });
  const nina = await makeStaff(t.db, nord.id, { name: 'Nina Nord' });
  const cut = await makeService(t.db, mitte.id, {
    title: 'Haircut',
    minutes: 60,
    price: 45,
    staffIds: [anna.id, ben.id, carla.id],
  });
  const colour = await makeService(t.db, mitte.id, {
    title: 'Colour',
    minutes: 90,
    price: 80,
    staffIds: [anna.id, carla.id],
  });
  const yoga = await makeService(t.db, mitte.id, {
    title: 'Scalp care class',
    minutes: 60,
    price: 20,
    staffIds: [ben.id],
  });
  await makeService(t.db, nord.id, { title: 'Beard trim', minutes: 30, staffIds: [nina.id] });
  const today = localDate(tz);
  const tomorrow = localDate(tz, 1);
  const week = Array.from({ length: 9 }, (_, i) => localDate(tz, i - 1));
  for (const m of [anna, carla])
    await makeSchedule(t.db, m.id, week, [{ from: '09:00', to: '18:00' }]);
  await makeSchedule(t.db, ben.id, week, [{ from: '12:00', to: '20:00' }]);
  await makeSchedule(t.db, nina.id, week, [{ from: '10:00', to: '16:00' }]);

  // Clients through the API: a card for a phone with an app account is flagged `has_app` at once.
  const appUsers = {
    mia: await makeAppUser(t.db, { phone: '+4915110000001', name: 'Mia' }),
    jonas: await makeAppUser(t.db, { phone: '+4915110000002', name: 'Jonas' }),
  };
  const owner = await makeUser(t.db, { role: 'owner', chainId: mitte.chainId });
  const asOwner = authHeader(t.partnerToken, owner.token);
  const clients: Record<string, number> = {};
  for (const [name, surname, phone] of [
    ['Mia', 'Schneider', '+4915110000001'],
    ['Jonas', 'Weber', '+4915110000002'],
    ['Lea', 'Fischer', '+4915110000003'],
    ['Paul', 'Wagner', '+4915110000004'],
  ] as const) {
    const res = await call(t.app, {
      method: 'POST',
      url: `/api/v1/clients/${mitte.id}`,
      headers: asOwner,
      payload: { name, surname, phone },
    });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    clients[name] = res.body.data.id as number;
  }
  // Past visits for the client card, and a busy tomorrow for the calendar.
  const at = (date: string, time: string) => wallClock(date, time, tz);
  await makeAppointment(t.db, {
    locationId: mitte.id,
    staffId: anna.id,
    serviceIds: [cut.id],
    phone: '+4915110000001',
    start: at(localDate(tz, -30), '10:00'),
    price: 45,
  });
  await makeAppointment(t.db, {
    locationId: mitte.id,
    staffId: carla.id,
    serviceIds: [colour.id],
    phone: '+4915110000001',
    start: at(localDate(tz, -9), '15:00'),
    minutes: 90,
    price: 80,
  });
  for (const [member, time, phone, serviceId, minutes] of [
    [anna, '09:00', '+4915110000003', cut.id, 60],
    [carla, '11:00', '+4915110000002', colour.id, 90],
    [ben, '15:30', '+4915110000004', cut.id, 60],
  ] as const)
    await call(t.app, {
      method: 'POST',
      url: `/api/v1/records/${mitte.id}`,
      headers: asOwner,
      payload: {
        staff_id: member.id,
        services: [{ id: serviceId }],
        client: { phone },
        datetime: `${tomorrow} ${time}:00`,
        seance_length: minutes * 60,
      },
    });
  const event = await call(t.app, {
    method: 'POST',
    url: `/api/v1/activity/${mitte.id}`,
    headers: asOwner,
    payload: { date: `${tomorrow} 18:00:00`, service_id: yoga.id, staff_id: ben.id, capacity: 8 },
  });
  const eventId = event.body.data.id as number;
  for (const [fullname, phone] of [
    ['Mia Schneider', '+4915110000001'],
    ['Paul Wagner', '+4915110000004'],
  ])
    await call(t.app, {
      method: 'POST',
      url: `/api/v1/activity/${mitte.id}/${eventId}/book`,
      headers: authHeader(t.partnerToken),
      payload: { fullname, phone },
    });
  return {
    mitte,
    nord,
    admin,
    staff,
    anna,
    ben,
    carla,
    nina,
    cut,
    colour,
    clients,
    today,
    tomorrow,
    asOwner,
    owner,
    appUsers,
    eventId,
  };
}

export type Studio = Awaited<ReturnType<typeof makeStudio>>;

export interface BackOfficeWorld {
  t: TestApp;
  /** The listening server's origin (`http://127.0.0.1:port`). */
  base: string;
  browser: Browser;
  s: Studio;
  /** Closes Chromium, then the app (and its database). */
  close: () => Promise<void>;
}

/**
 * What every back-office browser file starts from: the admin app built, a test app on the real
 * clock (the browser's calendar opens on the real "today"), the studio, the server listening on a
 * free port, and Chromium. `prepare` runs after the studio and before listening (more data, a
 * notification engine). If any step fails, what was opened is closed again.
 */
export async function openBackOfficeWorld(
  prepare?: (t: TestApp, s: Studio) => Promise<void>,
): Promise<BackOfficeWorld> {
  ensureAdminBuilt();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const t = await createTestApp({ now: new Date().toISOString() });
  (t.clock as { now: () => Date }).now = () => new Date();
  let browser: Browser | undefined;
  try {
    const s = await makeStudio(t);
    await prepare?.(t, s);
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
    const opened = browser;
    const close = async () => {
      await opened.close();
      await t.close();
    };
    return { t, base, browser: opened, s, close };
  } catch (error) {
    await browser?.close();
    await t.close();
    throw error;
  }
}

export async function signInAs(
  page: Page,
  base: string,
  login: string,
  password: string,
): Promise<void> {
  await page.goto(`${base}/admin/`);
  // Keyboard only: the login field has focus, Tab moves on, Enter submits.
  await page.getByLabel('Login').waitFor();
  await page.keyboard.type(login);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
}

export const SCREENSHOTS = fileURLToPath(new URL('../../../../docs/screenshots/', import.meta.url));

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * axe-core on the current screen: no serious or critical violations. The admin page's CSP
 * refuses inline scripts, so axe is evaluated through the DevTools protocol instead of a tag.
 */
export async function expectAccessible(page: Page): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  expect(await seriousViolations(page)).toEqual([]);
}

/**
 * What no back-office walk may do: send a request off the server's origin, throw a script error
 * or hit the CSP (both surface as console errors; refused API calls, which the screens explain,
 * are the only expected "Failed to load resource" lines). Checked after every test of the file.
 */
export function watchPages() {
  const outside: string[] = [];
  const errors: string[] = [];
  afterEach(() => {
    const seen = { outside: outside.splice(0), errors: errors.splice(0) };
    expect(seen).toEqual({ outside: [], errors: [] });
  });
  /** A desktop page (1440×900, en-GB) of `base`, watched as above. */
  return async (browser: Browser, base: string): Promise<Page> => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'en-GB',
    });
    const page = await context.newPage();
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) outside.push(r.url());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
        errors.push(m.text());
    });
    return page;
  };
}
