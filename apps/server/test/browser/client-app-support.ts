import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Db } from '@visita/db';
import {
  makeAppointment,
  makeBookingSettings,
  makeChain,
  makeLocation,
  makeSchedule,
  makeService,
  makeStaff,
} from '@visita/db/testing';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/** Builds apps/client/dist when it is missing or stale (the same check `npm start` runs). */
export function buildClientApp(): void {
  const result = spawnSync('npx', ['tsx', 'scripts/build-apps.ts', 'client'], {
    cwd: root,
    stdio: 'pipe',
  });
  if (result.status !== 0) throw new Error(`client build failed:\n${String(result.stderr)}`);
}

/** The page's global object, seen from this Node-typed file. */
declare const window: Record<string, unknown>;

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** axe-core in the page: the serious and critical violations, as `rule: target` lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = window.axe as { run: (o: object) => Promise<AxeResult> };
    interface AxeResult {
      violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
    }
    const result = await axe.run({ resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
}

export async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

/** Screenshots for docs/screenshots/, written when VISITA_SCREENSHOTS=1 (`npm run screenshots`). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.VISITA_SCREENSHOTS !== '1') return;
  const dir = `${root}docs/screenshots`;
  mkdirSync(dir, { recursive: true });
  // A screen, not a passing message: wait for the last toast to go.
  await page
    .locator('.toast')
    .first()
    .waitFor({ state: 'detached', timeout: 6000 })
    .catch(() => undefined);
  await page.screenshot({ path: `${dir}/${name}.png` });
}

/** Picks the first bookable date (next month when this one has none) and the first time. */
export async function pickDateAndTime(page: Page, atTimes?: () => Promise<void>): Promise<string> {
  await expect.poll(() => page.locator('.calendar-grid').count()).toBe(1);
  const open = page.locator('.calendar-grid button.day:not([disabled])');
  await page.waitForLoadState('networkidle');
  if ((await open.count()) === 0) {
    await page.getByRole('button', { name: 'Next month' }).click();
    await page.waitForLoadState('networkidle');
  }
  await open.first().click();
  const time = page.locator('.times button').first();
  await time.waitFor();
  await atTimes?.();
  const label = (await time.textContent()) ?? '';
  await time.click();
  return label;
}

const day = 86_400_000;
/** Calendar date `n` days from now, in UTC (the test world is in Europe/Berlin: same date by day). */
export const dateIn = (n: number) => new Date(Date.now() + n * day).toISOString().slice(0, 10);

/**
 * The client's world: two studios where the client has been (with About data), one salon with
 * the SMS-code step for the public booking page. Team members work 09:00–18:00 every day for
 * two months; clients may cancel and reschedule up to an hour before.
 */
export async function makeClientAppWorld(db: Db, phone: string) {
  const chain = await makeChain(db, 'Lumen Studios');
  const lumen = await makeLocation(db, {
    chainId: chain.id,
    title: 'Studio Lumen',
    timezone: 'Europe/Berlin',
  });
  await db.query(
    `UPDATE locations SET address = 'Torstraße 101', city = 'Berlin', zip = '10119', country = 'Germany',
       short_descr = 'Hair and colour studio in Mitte',
       description = 'Cuts, colour and styling by a small team. Free coffee while you wait.',
       phone = '+49 30 1234567', phones = ARRAY['+49 30 7654321', '+49 30 2223344'],
       site = 'lumen.example', social = '{"instagram":"https://instagram.com/lumen"}',
       schedule = E'Mon–Fri 09:00–19:00\\nSat 10:00–16:00' WHERE id = $1`,
    [lumen.id],
  );
  const nord = await makeLocation(db, { title: 'Barber Nord', timezone: 'Europe/Berlin' });
  await db.query(
    `UPDATE locations SET address = 'Schönhauser Allee 12', city = 'Berlin', phone = '+49 30 5550000',
       phones = ARRAY['+49 30 5550000'] WHERE id = $1`,
    [nord.id],
  );
  const bloom = await makeLocation(db, { title: 'Bloom Nails', timezone: 'Europe/Berlin' });
  await db.query(`UPDATE locations SET phone_confirmation = true, city = 'Berlin' WHERE id = $1`, [
    bloom.id,
  ]);

  const anna = await makeStaff(db, lumen.id, { name: 'Anna Weber' });
  const ben = await makeStaff(db, lumen.id, { name: 'Ben Schulz' });
  const cut = await makeService(db, lumen.id, {
    title: 'Haircut',
    minutes: 60,
    price: 45,
    staffIds: [anna.id, ben.id],
  });
  const colour = await makeService(db, lumen.id, {
    title: 'Colour',
    minutes: 60,
    price: 80,
    staffIds: [anna.id],
  });
  const otto = await makeStaff(db, nord.id, { name: 'Otto' });
  const shave = await makeService(db, nord.id, {
    title: 'Hot shave',
    minutes: 30,
    price: 25,
    staffIds: [otto.id],
  });
  const lea = await makeStaff(db, bloom.id, { name: 'Lea' });
  const manicure = await makeService(db, bloom.id, {
    title: 'Manicure',
    minutes: 45,
    price: 30,
    staffIds: [lea.id],
  });

  const dates = Array.from({ length: 62 }, (_, i) => dateIn(i));
  for (const member of [anna, ben, otto, lea])
    await makeSchedule(db, member.id, dates, [{ from: '09:00', to: '18:00' }]);
  for (const location of [lumen, nord, bloom])
    await makeBookingSettings(db, location.id, {
      min_notice_minutes: 60,
      allow_client_cancel: true,
      cancel_until_minutes: 60,
      allow_client_reschedule: true,
      reschedule_until_minutes: 60,
    });

  const at = (days: number, hourUtc: number) =>
    `${dateIn(days)}T${String(hourUtc).padStart(2, '0')}:00:00Z`;
  const upcoming = await makeAppointment(db, {
    locationId: lumen.id,
    staffId: anna.id,
    serviceIds: [cut.id],
    phone,
    start: at(3, 9),
    price: 45,
  });
  const later = await makeAppointment(db, {
    locationId: lumen.id,
    staffId: ben.id,
    serviceIds: [cut.id],
    phone,
    start: at(9, 13),
    price: 45,
  });
  const past = await makeAppointment(db, {
    locationId: lumen.id,
    staffId: anna.id,
    serviceIds: [cut.id, colour.id],
    phone,
    start: at(-12, 9),
    price: 60,
  });
  const pastNord = await makeAppointment(db, {
    locationId: nord.id,
    staffId: otto.id,
    serviceIds: [shave.id],
    phone,
    start: at(-30, 15),
    minutes: 30,
    price: 25,
  });
  const canceled = await makeAppointment(db, {
    locationId: lumen.id,
    staffId: ben.id,
    serviceIds: [cut.id],
    phone,
    start: at(-5, 10),
    deleted: true,
  });
  return {
    lumen,
    nord,
    bloom,
    anna,
    ben,
    otto,
    lea,
    cut,
    colour,
    shave,
    manicure,
    upcoming,
    later,
    past,
    pastNord,
    canceled,
  };
}

export type ClientAppWorld = Awaited<ReturnType<typeof makeClientAppWorld>>;
