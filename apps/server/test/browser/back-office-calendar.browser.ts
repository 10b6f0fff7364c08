import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeader, call, type TestApp } from '../support/test-app';
import {
  expectAccessible,
  openBackOfficeWorld,
  SCREENSHOTS,
  signInAs,
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

async function newPage(): Promise<Page> {
  const page = await watchedPage(browser, base);
  return page;
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not visible');
  return b;
}

async function leaRecord() {
  const [row] = await t.db.query<{ staff_id: number; starts_at: Date }>(
    `SELECT staff_id, starts_at FROM records WHERE deleted_at IS NULL AND client_id IN
       (SELECT id FROM clients WHERE phone = '+4915110000003') AND starts_at > now()`,
  );
  return { staffId: row!.staff_id, start: new Date(row!.starts_at).toISOString() };
}

const berlin = (date: string, time: string) => new Date(`${date}T${time}:00+01:00`).toISOString();

describe('dragging appointments in the calendar', () => {
  it('drops an appointment on another team member at another time, snapped to the slot step; a taken time snaps back with the server’s reason', async () => {
    // The location books in half hours: a drop at 14:10 lands on 14:00 (15 minutes would give 14:15).
    const step = await call(t.app, {
      method: 'PATCH',
      url: `/api/v1/company/${s.mitte.id}/settings/timetable`,
      headers: s.asOwner,
      payload: { timetable_step: 1800 },
    });
    expect(step.status).toBe(200);
    expect(await leaRecord()).toEqual({ staffId: s.anna.id, start: berlin(s.tomorrow, '09:00') });

    const page = await newPage();
    await signInAs(page, base, s.admin.login, 'admin-pass');
    await page.getByLabel('Date', { exact: true }).fill(s.tomorrow);
    const grid = page.locator('.calendar-grid');
    const lea = grid.getByRole('button', { name: /^09:00–10:00 Lea Fischer/ });
    const jonas = grid.getByRole('button', { name: /^11:00–12:30 Jonas Weber/ });
    await lea.waitFor();
    await jonas.waitFor();
    // The scale from the calendar itself: Lea starts at 09:00, Jonas at 11:00.
    const leaBox = await box(lea);
    const pxPerMin = ((await box(jonas)).y - leaBox.y) / 120;
    const carla = await box(grid.getByRole('region', { name: /^Carla Diaz/ }));
    const grabY = leaBox.y + 10;

    const drag = async (from: { x: number; y: number }, to: { x: number; y: number }) => {
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(from.x + 10, from.y + 10, { steps: 3 });
      await page.mouse.move(to.x, to.y, { steps: 12 });
    };
    // 09:00 → Carla, 14:10: 310 minutes down.
    await drag(
      { x: leaBox.x + leaBox.width / 2, y: grabY },
      { x: carla.x + carla.width / 2, y: grabY + 310 * pxPerMin },
    );
    // While dragging, the appointment shows where it would land: Carla's column at 14:00.
    const ghost = grid.locator('.event.dragging');
    await expect.poll(() => ghost.textContent()).toMatch(/^14:00–15:00 Lea Fischer, Haircut/);
    const ghostBox = await box(ghost);
    expect(ghostBox.x).toBeGreaterThan(carla.x);
    expect(Math.round((ghostBox.y - leaBox.y) / pxPerMin)).toBe(300);
    await shot(page, 'calendar-drag');
    await page.mouse.up();

    await page.getByText(/^Moved Lea Fischer to 14:00, .*, with Carla Diaz\.$/).waitFor();
    const moved = grid.getByRole('button', { name: /^14:00–15:00 Lea Fischer/ });
    await moved.waitFor();
    expect(await leaRecord()).toEqual({ staffId: s.carla.id, start: berlin(s.tomorrow, '14:00') });
    // A drag is not a click: no dialog opened.
    expect(await page.getByRole('dialog').count()).toBe(0);

    // Onto Jonas at 11:30 with Carla: the server refuses (433), the appointment snaps back.
    const movedBox = await box(moved);
    await drag(
      { x: movedBox.x + movedBox.width / 2, y: movedBox.y + 10 },
      { x: movedBox.x + movedBox.width / 2, y: movedBox.y + 10 - 150 * pxPerMin },
    );
    await page.mouse.up();
    await page
      .getByRole('alert')
      .getByText('The team member or a resource is already booked at this time')
      .waitFor();
    await moved.waitFor();
    expect(Math.round(((await box(moved)).y - movedBox.y) * 10)).toBe(0);
    expect(await grid.locator('.event.dragging').count()).toBe(0);
    // The release over the column is not a click on it: no new appointment dialog either.
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await leaRecord()).toEqual({ staffId: s.carla.id, start: berlin(s.tomorrow, '14:00') });
    await expectAccessible(page);
    await shot(page, 'calendar-drag-refused');

    // A plain click still opens the appointment, whose Move form is the keyboard way.
    await moved.click();
    await page
      .getByRole('dialog', { name: /Lea Fischer/ })
      .getByRole('button', { name: 'Move…' })
      .waitFor();
    await page.close();
  });
});

describe('the open calendar follows changes made elsewhere', () => {
  it('shows an online booking without a reload, and waits while a dialog is open or a drag is under way', async () => {
    const page = await newPage();
    await signInAs(page, base, s.admin.login, 'admin-pass');
    // A short poll for the test; the app's default is 15 s.
    await page.evaluate("localStorage.setItem('visita.admin.calendarPollMs', '250')");
    await page.reload();
    await page.getByLabel('Date', { exact: true }).fill(s.tomorrow);
    const grid = page.locator('.calendar-grid');
    await grid.getByRole('button', { name: /^15:30–16:30/ }).waitFor();
    const requests = { marker: 0, records: 0 };
    page.on('request', (r) => {
      if (r.url().includes('/calendar/marker')) requests.marker++;
      if (/\/api\/v1\/records\//.test(r.url())) requests.records++;
    });
    /** Waits until the calendar has asked for the marker `n` more times. */
    const polls = async (n: number) => {
      const start = requests.marker;
      await expect
        .poll(() => requests.marker - start, { timeout: 20_000 })
        .toBeGreaterThanOrEqual(n);
    };
    // Nothing changed: the marker is asked, the appointments are not read again.
    const recordsBefore = requests.records;
    await polls(3);
    expect(requests.records).toBe(recordsBefore);
    // A page that reloads would lose this.
    await page.evaluate('window.stay = true');

    const bookOnline = async (fullname: string, phone: string, time: string) => {
      const res = await call(t.app, {
        method: 'POST',
        url: `/api/v1/book_record/${s.mitte.id}`,
        headers: authHeader(t.partnerToken),
        payload: {
          phone,
          fullname,
          appointments: [
            {
              id: 1,
              services: [s.cut.id],
              staff_id: s.ben.id,
              datetime: `${s.tomorrow} ${time}:00`,
            },
          ],
        },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    };
    await bookOnline('Olga Online', '+4915120000001', '13:00');
    const olga = grid.getByRole('button', { name: /^13:00–14:00 Olga Online/ });
    await olga.waitFor();

    // With an appointment's dialog open, a new booking waits: the dialog keeps what was typed.
    await olga.click();
    const dialog = page.getByRole('dialog', { name: /Olga Online/ });
    await dialog.getByRole('button', { name: 'Move…' }).waitFor();
    await bookOnline('Otto Online', '+4915120000002', '12:00');
    await polls(2);
    expect(await grid.getByRole('button', { name: /^12:00–13:00 Otto Online/ }).count()).toBe(0);
    expect(await dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await grid.getByRole('button', { name: /^12:00–13:00 Otto Online/ }).waitFor();

    // During a drag the same: the dragged card stays under the pointer.
    const olgaBox = await box(olga);
    const from = { x: olgaBox.x + olgaBox.width / 2, y: olgaBox.y + 10 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x, from.y + 40, { steps: 4 });
    await grid.locator('.event.dragging').waitFor();
    await bookOnline('Ida Online', '+4915120000003', '16:30');
    await polls(2);
    expect(await grid.locator('.event.dragging').count()).toBe(1);
    expect(await grid.getByRole('button', { name: /^16:30–17:30 Ida Online/ }).count()).toBe(0);
    await page.mouse.move(from.x, from.y, { steps: 4 });
    await page.mouse.up();
    await grid.getByRole('button', { name: /^16:30–17:30 Ida Online/ }).waitFor();
    await grid.getByRole('button', { name: /^13:00–14:00 Olga Online/ }).waitFor();
    expect(await page.evaluate('window.stay')).toBe(true);
    await page.close();
  });

  it('an open group event’s dialog shows a place booked online meanwhile, keeping what is typed in its picker', async () => {
    const page = await newPage();
    await signInAs(page, base, s.admin.login, 'admin-pass');
    await page.evaluate("localStorage.setItem('visita.admin.calendarPollMs', '250')");
    await page.reload();
    await page.getByLabel('Date', { exact: true }).fill(s.tomorrow);
    const grid = page.locator('.calendar-grid');
    await grid.getByRole('button', { name: /Group event Scalp care class/ }).click();
    const dialog = page.getByRole('dialog', { name: /group event/ });
    const attendees = dialog.locator('.attendees li');
    await expect.poll(() => attendees.count()).toBe(2);
    const [row] = await t.db.query<{ n: number }>(
      `SELECT booked_count AS n FROM activities WHERE id = $1`,
      [s.eventId],
    );
    const booked = row!.n;
    await dialog.getByText(`${booked} of 8 booked · ${8 - booked} free`).waitFor();
    // The administrator starts typing a client to add…
    const find = dialog.getByLabel('Find by name or phone');
    await find.fill('Lea');
    await dialog.getByRole('button', { name: /Lea Fischer/ }).waitFor();
    // …while a client books a place online.
    const res = await call(t.app, {
      method: 'POST',
      url: `/api/v1/activity/${s.mitte.id}/${s.eventId}/book`,
      headers: authHeader(t.partnerToken),
      payload: { fullname: 'Rita Online', phone: '+4915120000009' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await dialog.locator('.attendees li', { hasText: 'Rita Online' }).waitFor();
    expect(await attendees.count()).toBe(3);
    await dialog.getByText(`${booked + 1} of 8 booked · ${7 - booked} free`).waitFor();
    // What was typed, its results and the focus are still there.
    expect(await find.inputValue()).toBe('Lea');
    expect(
      await page.evaluate(
        'document.activeElement instanceof HTMLInputElement ? document.activeElement.value : null',
      ),
    ).toBe('Lea');
    await dialog.getByRole('button', { name: /Lea Fischer/ }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.close();
  });
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SCREENSHOTS}admin-${name}.png` });
