import { makeAppointment, makeStaff } from '@visita/db/testing';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeader, call, type TestApp } from '../support/test-app';
import {
  expectAccessible,
  localDate,
  openBackOfficeWorld,
  SCREENSHOTS,
  signInAs,
  wallClock,
  watchPages,
  type BackOfficeWorld,
  type Studio,
} from './admin-support';

let t: TestApp;
let browser: Browser;
let base: string;
let s: Studio;
let world: BackOfficeWorld | undefined;

beforeAll(async () => {
  world = await openBackOfficeWorld();
  ({ t, base, browser, s } = world);
}, 120_000);
afterAll(() => world?.close());

const watchedPage = watchPages();

async function adminPage(): Promise<Page> {
  const page = await watchedPage(browser, base);
  await signInAs(page, base, s.admin.login, 'admin-pass');
  return page;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SCREENSHOTS}admin-${name}.png` });

describe('catalog, team and reports in Chromium', () => {
  it('opens the weekly form from the current schedule (or the default plan) and applies it to real dates', async () => {
    await makeStaff(t.db, s.mitte.id, { name: 'Dana Neu' });
    const page = await adminPage();
    await page.getByRole('link', { name: 'Team' }).click();
    // No stored day: the default plan, and the form says so.
    await page.getByRole('button', { name: /Dana Neu/ }).click();
    await page.getByRole('heading', { name: 'Working hours of Dana Neu' }).waitFor();
    await page
      .getByText(/No schedule stored for the coming weeks: this is the default plan/)
      .waitFor();
    expect(await page.getByLabel('Monday from').inputValue()).toBe('09:00');
    expect(await page.getByLabel('Saturday', { exact: true }).isChecked()).toBe(false);
    // Ben works 12:00–20:00 every day of the stored days: the form starts from that.
    await page.getByRole('button', { name: /Ben Okafor/ }).click();
    await page.getByRole('heading', { name: 'Working hours of Ben Okafor' }).waitFor();
    await page.getByText("From Ben Okafor's current schedule").waitFor();
    expect(await page.getByLabel('Monday from').inputValue()).toBe('12:00');
    expect(await page.getByLabel('Monday to').inputValue()).toBe('20:00');
    expect(await page.getByLabel('Saturday', { exact: true }).isChecked()).toBe(true);
    await page.getByLabel('Monday from').fill('10:00');
    await page.getByLabel('Monday to').fill('16:00');
    await page.getByLabel('Saturday to').fill('14:00');
    await page.getByLabel('Sunday', { exact: true }).uncheck();
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
    expect(rows[1]!.slots).toEqual([{ from: '12:00', to: '20:00' }]); // Tuesday, as it was
    expect(rows[5]!.slots).toEqual([{ from: '12:00', to: '14:00' }]); // Saturday
    expect(rows[6]!.slots).toEqual([]); // Sunday: an explicit day off
    await expect.poll(() => page.locator('.days-strip li.on').count()).toBe(12);
    await shot(page, 'team');
    await page.close();
  });

  it('several breaks a day: each checked on its row, saved as intervals, and shown back', async () => {
    const page = await adminPage();
    await page.getByRole('link', { name: 'Team' }).click();
    await page.locator('.member-item', { hasText: 'Anna Berg' }).click();
    await page.getByRole('heading', { name: 'Working hours of Anna Berg' }).waitFor();
    await page.getByText("From Anna Berg's current schedule").waitFor();
    await page.getByRole('button', { name: 'Wednesday: add a break' }).click();
    await page.getByLabel('Wednesday break 1 from').fill('19:00');
    await page.getByLabel('Wednesday break 1 to').fill('19:30');
    await page
      .getByText('Wednesday, break 1 must lie inside the working hours (09:00–18:00).')
      .waitFor();
    const writes: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'PUT' && r.url().includes('/staff/schedule')) writes.push(r.url());
    });
    await page.getByRole('button', { name: 'Apply to these dates' }).click();
    expect(writes).toEqual([]);
    await page.getByLabel('Wednesday break 1 from').fill('12:30');
    await page.getByLabel('Wednesday break 1 to').fill('13:30');
    await page.getByRole('button', { name: 'Wednesday: add a break' }).click();
    await page.getByLabel('Wednesday break 2 from').fill('13:00');
    await page.getByLabel('Wednesday break 2 to').fill('14:00');
    await page.getByText('Wednesday, break 2 overlaps break 1.').waitFor();
    await page.getByRole('button', { name: 'Apply to these dates' }).click();
    expect(writes).toEqual([]);
    await page.getByLabel('Wednesday break 2 from').fill('15:00');
    await page.getByLabel('Wednesday break 2 to').fill('15:15');
    // A third break, then removed again.
    await page.getByRole('button', { name: 'Wednesday: add a break' }).click();
    await page.getByRole('button', { name: 'Wednesday: remove break 3' }).click();
    expect(await page.getByLabel('Wednesday break 3 from').count()).toBe(0);
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    await page.getByLabel('For how many weeks').selectOption('4');
    const start = await page.getByLabel('From the week of').inputValue();
    await page.getByRole('button', { name: 'Apply to these dates' }).click();
    await page
      .getByRole('status')
      .getByText(/Applied to 4 weeks/)
      .waitFor();
    expect(writes).toHaveLength(1);
    const rows = await t.db.query<{ date: string; slots: { from: string; to: string }[] }>(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, slots FROM staff_schedules
        WHERE staff_id = $1 AND date BETWEEN $2::date AND $2::date + 6 ORDER BY date`,
      [s.anna.id, start],
    );
    expect(rows[2]!.slots).toEqual([
      { from: '09:00', to: '12:30' },
      { from: '13:30', to: '15:00' },
      { from: '15:15', to: '18:00' },
    ]);
    expect(rows[3]!.slots).toEqual([{ from: '09:00', to: '18:00' }]);
    await page.getByText('09:00–12:30, 13:30–15:00, 15:15–18:00').first().waitFor();
    await expectAccessible(page);
    await shot(page, 'team-breaks');

    // Opened again, the form reads the stored days back: both breaks on Wednesday.
    await page.reload();
    await page.locator('.member-item', { hasText: 'Anna Berg' }).click();
    await page.getByText("From Anna Berg's current schedule").waitFor();
    expect(await page.getByLabel('Wednesday break 1 from').inputValue()).toBe('12:30');
    expect(await page.getByLabel('Wednesday break 1 to').inputValue()).toBe('13:30');
    expect(await page.getByLabel('Wednesday break 2 from').inputValue()).toBe('15:00');
    expect(await page.getByLabel('Wednesday break 2 to').inputValue()).toBe('15:15');
    expect(await page.getByLabel('Thursday break 1 from').count()).toBe(0);
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
    // Screen readers get each chart's numbers as a table: nine days ago had one appointment.
    const table = page.getByRole('table', { name: 'Appointments per day' });
    expect(
      await table
        .getByRole('row', { name: new RegExp(`^${localDate('Europe/Berlin', -9)} 1`) })
        .count(),
    ).toBe(1);
    await shot(page, 'reports');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\r\n');
    expect(csv[0]).toBe(
      'date (Europe/Berlin),appointments,revenue (EUR),clients,new_clients,returning_clients,clients_with_app',
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

  it('manages resources, edits and deletes a service, edits and removes team members', async () => {
    const page = await adminPage();
    await page.getByRole('link', { name: 'Resources', exact: true }).click();
    await page.getByRole('heading', { name: 'Resources', level: 1 }).waitFor();
    await page.getByRole('button', { name: '+ New resource' }).click();
    let dialog = page.getByRole('dialog', { name: 'New resource' });
    await dialog.getByLabel('Title').fill('Massage room');
    await dialog.getByLabel('How many').fill('2');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('status').getByText('Massage room created.').waitFor();
    await page
      .getByRole('row', { name: /Massage room/ })
      .getByText('2 ×', { exact: false })
      .waitFor();
    await page.getByRole('button', { name: 'Edit Massage room' }).click();
    dialog = page.getByRole('dialog', { name: 'Edit Massage room' });
    await dialog.getByLabel('Title').fill('Treatment room');
    await dialog.getByLabel('Description').fill('Quiet room at the back');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('row', { name: /Treatment room.*Quiet room at the back/ }).waitFor();
    const [room] = await t.db.query<{ id: number; title: string; instances: number }>(
      `SELECT r.id, r.title, (SELECT count(*)::int FROM resource_instances i WHERE i.resource_id = r.id) AS instances
         FROM resources r WHERE r.location_id = $1`,
      [s.mitte.id],
    );
    expect(room).toMatchObject({ title: 'Treatment room', instances: 2 });

    // Instances later: the second is booked tomorrow, so removing it is refused and nothing
    // changes; then the first is renamed and a third added.
    const liveInstances = () =>
      t.db.query<{ id: number; title: string }>(
        `SELECT id, title FROM resource_instances WHERE resource_id = $1 AND deleted_at IS NULL ORDER BY id`,
        [room!.id],
      );
    const [first, second] = await liveInstances();
    const booked = await makeAppointment(t.db, {
      locationId: s.mitte.id,
      staffId: s.ben.id,
      serviceIds: [s.cut.id],
      phone: '+4915110000009',
      start: wallClock(s.tomorrow, '12:00', s.mitte.timezone),
    });
    await t.db.query(
      `INSERT INTO resource_occupancy(resource_instance_id, record_id, during)
       SELECT $1, id, tstzrange(starts_at, ends_at) FROM records WHERE id = $2`,
      [second!.id, booked.id],
    );
    await page.getByRole('button', { name: 'Edit Treatment room' }).click();
    dialog = page.getByRole('dialog', { name: 'Edit Treatment room' });
    await dialog.getByRole('button', { name: 'Remove instance Massage room #2' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByRole('alert').textContent()).toContain(
      `Massage room #2 is booked on ${s.tomorrow} 12:00 (appointment ${booked.id})`,
    );
    expect(await liveInstances()).toEqual([first, second]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Edit Treatment room' }).click();
    dialog = page.getByRole('dialog', { name: 'Edit Treatment room' });
    await dialog.getByLabel('Instance 1', { exact: true }).fill('Garden room');
    await dialog.getByRole('button', { name: '+ Add instance' }).click();
    await dialog.getByLabel('Instance 3', { exact: true }).fill('Attic room');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Treatment room saved.').waitFor();
    await page
      .getByRole('row', { name: /Treatment room/ })
      .getByText('3 × (Garden room, Massage room #2, Attic room)')
      .waitFor();
    const after = await liveInstances();
    expect(after.map((i) => i.title)).toEqual(['Garden room', 'Massage room #2', 'Attic room']);
    expect(after.slice(0, 2).map((i) => i.id)).toEqual([first!.id, second!.id]);
    await expectAccessible(page);
    await shot(page, 'resources');

    // Colour: longer, dearer, and it needs the room now.
    await page.getByRole('link', { name: 'Services' }).click();
    await page.getByRole('button', { name: 'Edit Colour' }).click();
    dialog = page.getByRole('dialog', { name: 'Edit Colour' });
    await dialog.getByLabel('Duration (minutes)').fill('120');
    await dialog.getByLabel('Price').fill('95');
    await dialog.getByLabel('Treatment room').check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Colour saved.').waitFor();
    const row = page.getByRole('row', { name: /Colour/ });
    // The list reloads after the notice: wait for the new duration rather than read it once.
    await expect.poll(() => row.textContent()).toContain('2 h');
    const [colour] = await t.db.query<{ duration_seconds: number; price_min: string }>(
      `SELECT duration_seconds, price_min FROM services WHERE id = $1`,
      [s.colour.id],
    );
    expect(colour?.duration_seconds).toBe(7200);
    expect(Number(colour?.price_min)).toBe(95);

    // A category: created, renamed, deleted.
    await page.getByRole('button', { name: '+ Category' }).click();
    await page.getByRole('dialog', { name: 'New category' }).getByLabel('Title').fill('Extras');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Extras' }).waitFor();
    await page.getByRole('button', { name: 'Edit category Extras' }).click();
    dialog = page.getByRole('dialog', { name: 'Edit category Extras' });
    await dialog.getByLabel('Title').fill('Add-ons');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Add-ons' }).waitFor();
    await page.getByRole('button', { name: 'Edit category Add-ons' }).click();
    dialog = page.getByRole('dialog', { name: 'Edit category Add-ons' });
    await dialog.getByRole('button', { name: 'Delete category' }).click();
    await dialog.getByRole('button', { name: 'Yes, delete' }).click();
    await page.getByRole('status').getByText('Category Add-ons deleted.').waitFor();
    await expect.poll(() => page.getByRole('heading', { name: 'Add-ons' }).count()).toBe(0);
    const [category] = await t.db.query<{ title: string; deleted: boolean }>(
      `SELECT title, deleted_at IS NOT NULL AS deleted FROM service_categories WHERE title = 'Add-ons'`,
    );
    expect(category).toEqual({ title: 'Add-ons', deleted: true });

    // A resource a service needs cannot go: the server says so.
    await page.getByRole('link', { name: 'Resources', exact: true }).click();
    await page.getByRole('button', { name: 'Edit Treatment room' }).click();
    dialog = page.getByRole('dialog', { name: 'Edit Treatment room' });
    await dialog.getByRole('button', { name: 'Delete resource' }).click();
    await dialog.getByRole('button', { name: 'Yes, delete' }).click();
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByRole('alert').textContent()).toMatch(/service/i);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Delete the service (soft: past appointments keep it).
    await page.getByRole('link', { name: 'Services' }).click();
    await page.getByRole('button', { name: 'Edit Colour' }).click();
    dialog = page.getByRole('dialog', { name: 'Edit Colour' });
    await dialog.getByRole('button', { name: 'Delete service' }).click();
    await dialog.getByRole('button', { name: 'Yes, delete' }).click();
    await page.getByRole('status').getByText('Colour deleted.').waitFor();
    await expect.poll(() => page.getByRole('row', { name: /Colour/ }).count()).toBe(0);
    const [gone] = await t.db.query<{ deleted_at: Date | null }>(
      `SELECT deleted_at FROM services WHERE id = $1`,
      [s.colour.id],
    );
    expect(gone?.deleted_at).not.toBeNull();

    // Team: rename and hide Carla online; add a temporary member and remove them.
    await page.getByRole('link', { name: 'Team' }).click();
    await page.getByRole('button', { name: /Carla Diaz/ }).click();
    await page.getByRole('button', { name: 'Edit Carla Diaz' }).click();
    dialog = page.getByRole('dialog', { name: 'Edit Carla Diaz' });
    await dialog.getByLabel('Name').fill('Carla Díaz-Ruiz');
    await dialog.getByLabel('Specialization').fill('Colourist');
    await dialog.getByLabel('Hidden from online booking').check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Carla Díaz-Ruiz saved.').waitFor();
    await page.getByRole('button', { name: /Carla Díaz-Ruiz.*Colourist.*Hidden online/ }).waitFor();
    const [carla] = await t.db.query<{ name: string; hidden: boolean }>(
      `SELECT name, hidden FROM staff WHERE id = $1`,
      [s.carla.id],
    );
    expect(carla).toEqual({ name: 'Carla Díaz-Ruiz', hidden: true });

    const add = page.getByRole('form', { name: 'Add a team member' });
    await add.getByLabel('Name').fill('Tim Temp');
    await add.getByRole('button', { name: 'Add team member' }).click();
    await page.getByRole('button', { name: 'Edit Tim Temp' }).click();
    dialog = page.getByRole('dialog', { name: 'Edit Tim Temp' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await dialog.getByRole('button', { name: 'Yes, remove' }).click();
    await page.getByRole('status').getByText('Tim Temp removed from the team.').waitFor();
    await expect.poll(() => page.getByRole('button', { name: /Tim Temp/ }).count()).toBe(0);
    const [tim] = await t.db.query<{ deleted: boolean }>(
      `SELECT (deleted_at IS NOT NULL OR fired) AS deleted FROM staff WHERE name = 'Tim Temp'`,
    );
    expect(tim?.deleted).toBe(true);
    await page.close();
  });
});
