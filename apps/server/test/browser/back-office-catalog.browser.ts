import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeader, call, createTestApp, type TestApp } from '../support/test-app';
import { ensureAdminBuilt, localDate, makeStudio, SCREENSHOTS, signInAs } from './admin-support';
import { launchChromium } from './support';

let t: TestApp;
let browser: Browser;
let base: string;
let s: Awaited<ReturnType<typeof makeStudio>>;

beforeAll(async () => {
  ensureAdminBuilt();
  t = await createTestApp({ now: new Date().toISOString() });
  (t.clock as { now: () => Date }).now = () => new Date();
  s = await makeStudio(t);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function adminPage(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
  });
  const page = await context.newPage();
  await signInAs(page, base, s.admin.login, 'admin-pass');
  return page;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SCREENSHOTS}admin-${name}.png` });

describe('catalog, team and reports in Chromium', () => {
  it('applies a weekly schedule to real dates', async () => {
    const page = await adminPage();
    await page.getByRole('link', { name: 'Team' }).click();
    await page.getByRole('button', { name: /Ben Okafor/ }).click();
    await page.getByRole('heading', { name: 'Working hours of Ben Okafor' }).waitFor();
    await page.getByLabel('Monday from').fill('10:00');
    await page.getByLabel('Monday to').fill('16:00');
    await page.getByLabel('Saturday').check();
    await page.getByLabel('Saturday to').fill('14:00');
    await page.getByLabel('For how many weeks').selectOption('2');
    const start = await page.getByLabel('From the week of').inputValue();
    await page.getByRole('button', { name: 'Apply to these dates' }).click();
    await page
      .getByRole('status')
      .getByText(/Applied to 2 weeks/)
      .waitFor();
    const rows = await t.db.query<{ date: string; slots: { from: string; to: string }[] }>(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, slots FROM staff_schedules
        WHERE staff_id = $1 AND date BETWEEN $2::date AND $2::date + 13 ORDER BY date`,
      [s.ben.id, start],
    );
    expect(rows).toHaveLength(14);
    expect(rows[0]!.slots).toEqual([{ from: '10:00', to: '16:00' }]); // Monday
    expect(rows[1]!.slots).toEqual([{ from: '09:00', to: '18:00' }]); // Tuesday
    expect(rows[5]!.slots).toEqual([{ from: '09:00', to: '14:00' }]); // Saturday
    expect(rows[6]!.slots).toEqual([]); // Sunday: an explicit day off
    await expect.poll(() => page.locator('.days-strip li.on').count()).toBe(12);
    await shot(page, 'team');
    await page.close();
  });

  it('creates a category and a service provided by a team member', async () => {
    const page = await adminPage();
    await page.getByRole('link', { name: 'Services' }).click();
    await page.getByRole('button', { name: '+ Category' }).click();
    await page.getByRole('dialog', { name: 'New category' }).getByLabel('Title').fill('Nails');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Nails' }).waitFor();
    await page.getByRole('button', { name: '+ New service' }).click();
    const dialog = page.getByRole('dialog', { name: 'New service' });
    await dialog.getByLabel('Title').fill('Manicure');
    await dialog.getByLabel('Category').selectOption({ label: 'Nails' });
    await dialog.getByLabel('Duration (minutes)').fill('45');
    await dialog.getByLabel('Price').fill('30');
    await dialog.getByLabel('Anna Berg').check();
    await dialog.getByRole('button', { name: 'Create' }).click();
    const row = page.getByRole('row', { name: /Manicure/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('45 min');
    expect(await row.textContent()).toContain('Anna Berg');
    const [service] = await t.db.query<{ duration_seconds: number; price_min: string }>(
      `SELECT duration_seconds, price_min FROM services WHERE location_id = $1 AND title = 'Manicure'`,
      [s.mitte.id],
    );
    expect(service).toMatchObject({ duration_seconds: 2700 });
    expect(Number(service!.price_min)).toBe(30);
    await shot(page, 'services');
    await page.close();
  });

  it('shows the dashboard over a period and exports it as CSV', async () => {
    const page = await adminPage();
    await page.getByRole('link', { name: 'Reports' }).click();
    const to = localDate('Europe/Berlin', 1);
    await page.getByLabel('To').fill(to);
    const from = await page.getByLabel('From').inputValue();
    const api = await call(t.app, {
      method: 'GET',
      url: `/api/admin/v1/locations/${s.mitte.id}/reports/summary?from=${from}&to=${to}`,
      headers: s.asOwner,
    });
    const totals = api.body.data.totals;
    // Tomorrow's three appointments, the two group-event places and a visit nine days ago.
    expect(totals.appointments).toBe(6);
    await expect
      .poll(() => page.getByRole('region', { name: 'Appointments' }).textContent())
      .toBe(`Appointments${totals.appointments}`);
    expect(await page.getByRole('region', { name: 'App adoption' }).textContent()).toContain(
      `${Math.round((totals.clients_with_app / totals.clients) * 100)}%`,
    );
    expect(await page.getByRole('img', { name: /per day/ }).count()).toBe(4);
    await shot(page, 'reports');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\r\n');
    expect(csv[0]).toBe(
      'date,appointments,revenue,clients,new_clients,returning_clients,clients_with_app',
    );
    expect(csv).toHaveLength(api.body.data.days.length + 1);
    expect(csv).toContain(`${localDate('Europe/Berlin', -9)},1,80.00,1,0,1,1`);
    await page.close();
  });

  it('a staff member sees the team but gets a refusal on reports', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, base, s.staff.login, 'staff-pass');
    await page.getByRole('link', { name: 'Team' }).click();
    await page.getByRole('button', { name: /Anna Berg/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Apply to these dates' }).count()).toBe(0);
    await page.getByRole('link', { name: /Reports/ }).click();
    await page.getByRole('alert').getByText('you can’t see the reports').waitFor();
    const direct = await call(t.app, {
      method: 'GET',
      url: `/api/admin/v1/locations/${s.mitte.id}/reports/summary?from=${s.today}&to=${s.today}`,
      headers: authHeader(t.partnerToken, s.staff.token),
    });
    expect(direct.status).toBe(403);
    await page.close();
  });
});
