import { makeService } from '@visita/db/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/test-app';
import {
  localDate,
  expectAccessible,
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
  // The server's clock is the real one: the browser's calendar opens on the real "today".
  world = await openBackOfficeWorld();
  ({ t, base, browser, s } = world);
}, 120_000);
afterAll(() => world?.close());

const watchedPage = watchPages();

async function newPage(): Promise<Page> {
  const page = await watchedPage(browser, base);

  return page;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SCREENSHOTS}admin-${name}.png` });

async function appointmentsOf(staffId: number) {
  return t.db.query<{
    id: number;
    starts_at: Date;
    attendance: number;
    deleted_at: Date | null;
    source: string;
  }>(
    `SELECT id, starts_at, attendance, deleted_at, source FROM records WHERE staff_id = $1 AND client_id IN
       (SELECT id FROM clients WHERE phone = '+4915155501234') ORDER BY id`,
    [staffId],
  );
}

describe('the back office in Chromium', () => {
  it('an administrator signs in, books an appointment in the calendar, moves it, confirms it and cancels it', async () => {
    const page = await newPage();
    await signInAs(page, base, s.admin.login, 'admin-pass');
    await page.getByLabel('Date', { exact: true }).fill(s.tomorrow);
    const grid = page.locator('.calendar-grid');
    await expect.poll(() => grid.getByRole('button', { name: /Lea Fischer/ }).count()).toBe(1);
    await expect
      .poll(() => page.locator('.member-head').allTextContents())
      .toEqual(['ABAnna Berg', 'BOBen Okafor', 'CDCarla Diaz']);

    // A service not offered online is still booked at the desk.
    await makeService(t.db, s.mitte.id, {
      title: 'Consultation at the desk',
      minutes: 30,
      staffIds: [s.anna.id],
      onlineBookable: false,
    });
    // Escape closes the dialog and gives focus back to the button that opened it.
    await page.getByRole('button', { name: '+ New appointment' }).click();
    await page.getByRole('dialog', { name: 'New appointment' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await page.locator(':focus').textContent()).toBe('+ New appointment');
    await page.getByRole('button', { name: '+ New appointment' }).click();
    const dialog = page.getByRole('dialog', { name: 'New appointment' });
    await dialog.getByLabel(/^Consultation at the desk/).waitFor();
    await dialog.getByRole('button', { name: '+ New client' }).click();
    await dialog.getByLabel('Name').fill('Nora Weiss');
    await dialog.getByLabel('Phone').fill('+49 151 5550 1234');
    await dialog.getByLabel(/^Haircut/).check();
    await dialog.getByLabel('Team member').selectOption({ label: 'Anna Berg' });
    // Anna is busy 09:00–10:00 tomorrow: the slot engine does not offer 09:00.
    await dialog.getByText('10:00', { exact: true }).waitFor();
    expect(await dialog.getByText('09:00', { exact: true }).count()).toBe(0);
    await dialog.getByText('10:00', { exact: true }).click();
    await shot(page, 'new-appointment');
    await dialog.getByRole('button', { name: 'Book appointment' }).click();
    await page.getByText('Appointment booked for Nora Weiss at 10:00.').waitFor();
    const booked = grid.getByRole('button', { name: /^10:00–11:00 Nora Weiss, Haircut/ });
    await booked.waitFor();
    const [created] = await appointmentsOf(s.anna.id);
    expect(created).toMatchObject({ source: 'back_office', deleted_at: null });
    await shot(page, 'calendar-day');

    // Move to 14:00 with Carla.
    await booked.click();
    const details = page.getByRole('dialog', { name: /Nora Weiss/ });
    await details.getByRole('button', { name: 'Move…' }).click();
    await details.getByLabel('Team member').selectOption({ label: 'Carla Diaz' });
    await details.getByText('14:00', { exact: true }).click();
    await details.getByRole('button', { name: 'Move here' }).click();
    await page.getByText('Moved to 14:00.').waitFor();
    await grid.getByRole('button', { name: /^14:00–15:00 Nora Weiss/ }).waitFor();
    const [moved] = await appointmentsOf(s.carla.id);
    expect(moved?.id).toBe(created?.id);
    expect(new Date(moved!.starts_at).toISOString()).toBe(
      wallClock(s.tomorrow, '14:00', 'Europe/Berlin'),
    );

    // Half an hour later with the same member: overlaps where it is, so its own time is free.
    await grid.getByRole('button', { name: /^14:00–15:00 Nora Weiss/ }).click();
    await details.getByRole('button', { name: 'Move…' }).click();
    await details.getByText('14:30', { exact: true }).click();
    await details.getByRole('button', { name: 'Move here' }).click();
    await page.getByText('Moved to 14:30.').waitFor();
    expect(new Date((await appointmentsOf(s.carla.id))[0]!.starts_at).toISOString()).toBe(
      wallClock(s.tomorrow, '14:30', 'Europe/Berlin'),
    );
    await grid.getByRole('button', { name: /^14:30–15:30 Nora Weiss/ }).click();
    await details.getByRole('button', { name: 'Move…' }).click();
    await details.getByText('14:00', { exact: true }).click();
    await details.getByRole('button', { name: 'Move here' }).click();
    await page.getByText('Moved to 14:00.').waitFor();

    // Confirm, then cancel.
    await grid.getByRole('button', { name: /^14:00–15:00 Nora Weiss/ }).click();
    await details.getByRole('button', { name: 'Confirmed' }).click();
    await expect
      .poll(() => details.getByRole('button', { name: 'Confirmed' }).getAttribute('aria-pressed'))
      .toBe('true');
    expect((await appointmentsOf(s.carla.id))[0]?.attendance).toBe(2);
    await details.getByRole('button', { name: 'Cancel appointment' }).click();
    await details.getByRole('button', { name: 'Yes, cancel it' }).click();
    await page.getByText('Appointment cancelled.').waitFor();
    await expect.poll(() => grid.getByRole('button', { name: /Nora Weiss/ }).count()).toBe(0);
    expect((await appointmentsOf(s.carla.id))[0]?.deleted_at).not.toBeNull();

    // The group event with its attendees.
    await grid.getByRole('button', { name: /Group event Scalp care class/ }).click();
    const event = page.getByRole('dialog', { name: /group event/ });
    await expect.poll(() => event.locator('.attendees li').count()).toBe(2);
    await event.getByLabel('Find by name or phone').fill('Lea');
    await event.getByRole('button', { name: /Lea Fischer/ }).click();
    await event.getByRole('button', { name: 'Add to the event' }).click();
    await event.getByRole('status').getByText('Lea Fischer joined Scalp care class.').waitFor();
    await expect.poll(() => event.locator('.attendees li').count()).toBe(3);
    await event.getByText('3 of 8 booked').waitFor();
    const [places] = await t.db.query<{ booked_count: number }>(
      `SELECT booked_count FROM activities WHERE staff_id = $1`,
      [s.ben.id],
    );
    expect(places?.booked_count).toBe(3);
    // Each attendee is marked on their own, and a place can be cancelled.
    await event.getByLabel('Mark Lea Fischer as').selectOption({ label: 'Arrived' });
    await event.getByRole('status').getByText('Lea Fischer marked arrived.').waitFor();
    const attendanceOfLea = async () =>
      (
        await t.db.query<{ attendance: number }>(
          `SELECT r.attendance FROM records r JOIN clients c ON c.id = r.client_id
            WHERE r.activity_id IS NOT NULL AND c.name = 'Lea' AND r.deleted_at IS NULL`,
        )
      )[0]?.attendance;
    await expect.poll(attendanceOfLea).toBe(1);
    await shot(page, 'group-event');
    await event.getByRole('button', { name: 'Cancel Lea Fischer’s place' }).click();
    await event.getByRole('status').getByText('Lea Fischer’s place cancelled.').waitFor();
    await expect.poll(() => event.locator('.attendees li').count()).toBe(2);
    await event.getByText('2 of 8 booked').waitFor();
    await event.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Week' }).click();
    await page.locator('.day-head').first().waitFor();
    expect(await page.locator('.day-head').count()).toBe(7);
    // Tomorrow's group event sits in Ben's lane of tomorrow, and the next week has other days.
    const dayName = (date: string) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'UTC',
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }).format(new Date(`${date}T12:00:00Z`));
    const bensTomorrow = page.getByRole('region', { name: `Ben Okafor, ${dayName(s.tomorrow)}` });
    await bensTomorrow.getByRole('button', { name: /Group event Scalp care class/ }).waitFor();
    await shot(page, 'calendar-week');
    await page.getByRole('button', { name: 'Next week' }).click();
    await expect.poll(() => bensTomorrow.count()).toBe(0);
    const weekLater = new Date(Date.parse(`${s.tomorrow}T12:00:00Z`) + 7 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    await page.getByRole('region', { name: `Ben Okafor, ${dayName(weekLater)}` }).waitFor();
    await page.close();
  });

  it('filters the clients base to those with the app and opens a client card', async () => {
    const page = await newPage();
    await signInAs(page, base, s.admin.login, 'admin-pass');
    await page.getByRole('link', { name: 'Clients' }).click();
    const rows = page.locator('table.table tbody tr');
    // The four clients made for the test and Nora, booked in the calendar by the test above.
    await expect.poll(() => rows.count()).toBe(5);
    await page.getByLabel('Has the app').selectOption('yes');
    await expect.poll(() => rows.count()).toBe(2);
    expect((await rows.locator('td:first-child').allTextContents()).sort()).toEqual([
      'Jonas Weber',
      'Mia Schneider',
    ]);
    await page.getByText('2 clients').waitFor();
    await shot(page, 'clients');
    await page.getByLabel('Has the app').selectOption('no');
    await expect
      .poll(() => rows.locator('td:first-child').allTextContents())
      .toEqual(expect.arrayContaining(['Lea Fischer', 'Paul Wagner']));
    await page.getByLabel('Search').fill('Paul');
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByLabel('Search').fill('');
    await page.getByLabel('Has the app').selectOption('any');
    // Mia's visits (30 and 9 days ago) are the only money spent; a visit since 20 days ago
    // (tomorrow's count too) leaves out nobody but those who never came.
    await page.getByLabel('Spent at least').fill('100');
    await expect
      .poll(() => rows.locator('td:first-child').allTextContents())
      .toEqual(['Mia Schneider']);
    await page.getByLabel('Spent at least').fill('');
    await page.getByLabel('Visited since').fill(localDate('Europe/Berlin', 5));
    await expect.poll(() => rows.count()).toBe(0);
    await page.getByLabel('Visited since').fill('');

    await page.getByLabel('Has the app').selectOption('any');
    await page.getByLabel('Search').fill('Mia');
    await page.getByRole('link', { name: 'Mia Schneider' }).click();
    await page.getByRole('heading', { name: 'Mia Schneider' }).waitFor();
    await page.getByText('Uses the Visita app').waitFor();
    await page.getByRole('button', { name: 'Past' }).click();
    await expect.poll(() => page.locator('table.table tbody tr').count()).toBe(2);
    await shot(page, 'client-card');
    await page.close();
  });

  it('changes the online booking rules and shows the booking page link', async () => {
    const page = await newPage();
    await signInAs(page, base, s.admin.login, 'admin-pass');
    await page.getByRole('link', { name: 'Online booking' }).click();
    expect(await page.getByLabel('Booking page address').inputValue()).toBe(
      `${base}/app/book/${s.mitte.id}`,
    );
    // A horizon beyond the limit is stopped in the form (the API would refuse it too): nothing saved.
    await page.getByLabel('Book up to (days ahead)').fill('999');
    await page.getByRole('button', { name: 'Save rules' }).click();
    expect(
      await page.getByRole('form', { name: 'Booking rules' }).locator('input:invalid').count(),
    ).toBe(1);
    expect(
      await t.db.query('SELECT 1 FROM location_booking_settings WHERE location_id = $1', [
        s.mitte.id,
      ]),
    ).toEqual([]);

    await page.getByLabel('Start times every').selectOption('30');
    await page.getByLabel('Book up to (days ahead)').fill('45');
    await page.getByLabel('Online appointments wait for us to confirm them').check();
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByRole('status').getByText('Saved').waitFor();
    const [row] = await t.db.query<{
      slot_step_minutes: number;
      horizon_days: number;
      online_needs_confirmation: boolean;
    }>(
      'SELECT slot_step_minutes, horizon_days, online_needs_confirmation FROM location_booking_settings WHERE location_id = $1',
      [s.mitte.id],
    );
    expect(row).toEqual({
      slot_step_minutes: 30,
      horizon_days: 45,
      online_needs_confirmation: true,
    });
    await shot(page, 'online-booking');
    await page.close();
  });

  it('edits the promotional block of the booking page: the server’s 422 under the link, then saved and removed', async () => {
    const page = await newPage();
    await signInAs(page, base, s.admin.login, 'admin-pass');
    await page.getByRole('link', { name: 'Online booking' }).click();
    const promo = page.getByRole('form', { name: 'Promotional block' });
    await promo.getByText('Nothing is shown now.').waitFor();
    await promo.getByLabel('Title').fill('Winter glow week');
    await promo.getByLabel('Text').fill('20% off every colour until Sunday.');
    await promo.getByLabel('Link (optional)').fill('javascript:alert(1)');
    await promo.getByRole('button', { name: 'Save block' }).click();
    await promo.locator('#promo-link-help.field-error').waitFor();
    expect(await promo.locator('#promo-link-help').textContent()).toContain('http');
    expect(await promo.getByLabel('Link (optional)').getAttribute('aria-invalid')).toBe('true');
    const company = async () =>
      (await fetch(`${base}/api/v1/company/${s.mitte.id}`, {
        headers: { authorization: `Bearer ${t.partnerToken}` },
      }).then((r) => r.json())) as { data: { booking_widget_promo: unknown } };
    expect((await company()).data.booking_widget_promo).toBeNull();

    await promo.getByLabel('Link (optional)').fill('https://lumen.example/winter');
    await promo.getByRole('button', { name: 'Save block' }).click();
    await promo.getByRole('status').getByText('Promotional block saved').waitFor();
    await promo
      .getByRole('complementary', { name: /Preview/ })
      .getByText('More ›')
      .waitFor();
    expect((await company()).data.booking_widget_promo).toEqual({
      title: 'Winter glow week',
      text: '20% off every colour until Sunday.',
      link_url: 'https://lumen.example/winter',
    });
    await promo.scrollIntoViewIfNeeded();
    await expectAccessible(page);
    await shot(page, 'promo');
    await promo.getByRole('button', { name: 'Remove block' }).click();
    await promo.getByRole('status').getByText('Promotional block removed').waitFor();
    expect((await company()).data.booking_widget_promo).toBeNull();
    await page.close();
  });

  it('switches between the chain’s locations', async () => {
    const page = await newPage();
    await signInAs(page, base, s.admin.login, 'admin-pass');
    await page.getByLabel('Location').selectOption({ label: 'Studio Nord' });
    await expect
      .poll(() => page.locator('.member-head').allTextContents())
      .toEqual(['NNNina Nord']);
    await page.close();
  });

  it('a staff member without the right gets a clear refusal from the API’s 403', async () => {
    const page = await newPage();
    const refusals: number[] = [];
    page.on('response', (r) => {
      if (r.status() === 403) refusals.push(r.status());
    });
    await signInAs(page, base, s.staff.login, 'staff-pass');
    // Staff may read the calendar but not write it: no booking button.
    await expect.poll(() => page.locator('.calendar-grid').count()).toBe(1);
    expect(await page.getByRole('button', { name: '+ New appointment' }).count()).toBe(0);
    await page.getByRole('link', { name: /Clients/ }).click();
    const alert = page.getByRole('alert');
    await alert.getByRole('heading', { name: 'You don’t have access to this' }).waitFor();
    expect(await alert.textContent()).toContain('Access denied.');
    expect(await alert.textContent()).toContain(
      'As staff at Studio Mitte you can’t see the clients base.',
    );
    expect(refusals).toContain(403);
    expect(await page.locator('table.table').count()).toBe(0);
    await shot(page, 'refusal');
    await page.close();
  });

  it('deep links load the app, a wrong password is explained, and unknown assets stay 404', async () => {
    const page = await newPage();
    await page.goto(`${base}/admin/clients`);
    await page.getByLabel('Login').fill(s.admin.login);
    await page.getByLabel('Password').fill('nope');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That login and password do not match.').waitFor();
    await shot(page, 'login');
    const missing = await fetch(`${base}/admin/assets/nothing.js`);
    expect(missing.status).toBe(404);
    await page.close();
  });
});
