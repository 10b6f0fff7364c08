import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appApi } from '../support/cabinet';
import { inbox, startEngine, type TestEngine } from '../support/notifications';
import { type TestApp } from '../support/test-app';
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
let engine: TestEngine;
let s: Studio;
let world: BackOfficeWorld | undefined;

beforeAll(async () => {
  world = await openBackOfficeWorld(async (app) => {
    engine = await startEngine(app);
  });
  ({ t, base, browser, s } = world);
}, 120_000);
afterAll(async () => {
  await engine?.close();
  await world?.close();
});

const watchedPage = watchPages();

async function page(login = s.admin.login, password = 'admin-pass'): Promise<Page> {
  const p = await watchedPage(browser, base);
  await signInAs(p, base, login, password);
  return p;
}

const shot = (p: Page, name: string) =>
  p.screenshot({ path: `${SCREENSHOTS}admin-${name}.png`, fullPage: false });

describe('notifications and bulk push in Chromium', () => {
  it('an appointment the administrator makes in the calendar lands in the client’s app inbox as “created in calendar”', async () => {
    const p = await page();
    await p.getByLabel('Date', { exact: true }).fill(s.tomorrow);
    await p.getByRole('button', { name: '+ New appointment' }).click();
    const dialog = p.getByRole('dialog', { name: 'New appointment' });
    await dialog.getByLabel('Find by name or phone').fill('Mia');
    await dialog.getByRole('button', { name: /Mia Schneider/ }).click();
    await dialog.getByLabel(/^Haircut/).check();
    await dialog.getByLabel('Team member').selectOption({ label: 'Anna Berg' });
    await dialog.getByText('13:00', { exact: true }).click();
    await dialog.getByRole('button', { name: 'Book appointment' }).click();
    await p.getByText(/^Appointment booked for Mia( Schneider)? at 13:00\.$/).waitFor();
    const [record] = await t.db.query<{ id: number; source: string }>(
      `SELECT r.id, r.source FROM records r JOIN clients c ON c.id = r.client_id
        WHERE c.phone = '+4915110000001' AND r.staff_id = $1 AND r.deleted_at IS NULL
        ORDER BY r.id DESC LIMIT 1`,
      [s.anna.id],
    );
    expect(record?.source).toBe('back_office');

    // The worker loops, run by hand: the outbox event becomes the client's notification.
    await engine.settle();
    const items = await inbox(t, s.appUsers.mia);
    const created = items.filter((n) => n.appointment_id === record!.id);
    expect(created.map((n) => n.type)).toEqual([1]);
    expect(created[0]!.body).toContain('Haircut');
    // Jonas (also with the app) got nothing for Mia's appointment.
    expect((await inbox(t, s.appUsers.jonas)).some((n) => n.appointment_id === record!.id)).toBe(
      false,
    );
    await p.close();
  });

  it('edits the 13 types, shows the server’s 422 under the right template, and saves the brand name and a timing', async () => {
    const p = await page();
    await p.getByRole('link', { name: 'Notifications' }).click();
    await p.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await expect.poll(() => p.locator('section.notification-type').count()).toBe(13);
    await p.getByText('{client}', { exact: false }).first().waitFor();

    const reminder = p.getByRole('region', { name: /Upcoming visit/ });
    const timing = reminder.getByLabel(/timing/);
    expect(await timing.getAttribute('min')).toBe('1');
    expect(await timing.getAttribute('max')).toBe('168');
    // Out of range is stopped in the browser: nothing is sent.
    await timing.fill('500');
    await p.getByRole('button', { name: 'Save notifications' }).click();
    expect(await p.locator('input:invalid').count()).toBe(1);
    await timing.fill('3');

    // An unknown placeholder passes the browser but the server refuses it, naming the field.
    const online = p.getByRole('region', { name: /Booking received/ });
    const onlineType = 2;
    await online.getByLabel(/template/).fill('Hi {nickname}, see you {date}');
    await p.getByLabel('Brand name').fill('Lumen Studios');
    await p.getByRole('button', { name: 'Save notifications' }).click();
    await online.locator('.field-error').waitFor();
    expect(await online.locator('.field-error').textContent()).toMatch(/nickname|placeholder/i);
    expect(await online.getByLabel(/template/).getAttribute('aria-invalid')).toBe('true');
    await p
      .getByRole('alert')
      .getByText(/Not saved/)
      .waitFor();
    // Validated whole before anything is written: neither the timing nor the brand name saved.
    expect(
      await t.db.query(`SELECT type FROM notification_settings WHERE location_id = $1`, [
        s.mitte.id,
      ]),
    ).toEqual([]);
    const [brand] = await t.db.query<{ brand_name: string }>(
      `SELECT brand_name FROM locations WHERE id = $1`,
      [s.mitte.id],
    );
    expect(brand?.brand_name).toBe('');

    await online.getByLabel(/template/).fill('Hi {client}, see you on {date} at {time}');
    // Turn the confirmation request (type 4, off by default) on.
    await p.getByRole('switch', { name: 'Please confirm your visit: on' }).check();
    await p.getByRole('button', { name: 'Save notifications' }).click();
    await p.getByRole('status').getByText('Saved').waitFor();
    await p.getByText('Sent as “Lumen Studios”').waitFor();

    const saved = (
      await t.app.inject({
        method: 'GET',
        url: `/api/admin/v1/locations/${s.mitte.id}/notification-settings`,
        headers: { authorization: `Bearer ${t.partnerToken}, User ${s.owner.token}` },
      })
    ).json().data as {
      brand_name: string;
      types: { type: number; enabled: boolean; template: string; timing: number | null }[];
    };
    expect(saved.brand_name).toBe('Lumen Studios');
    expect(saved.types.find((x) => x.type === 5)?.timing).toBe(3);
    expect(saved.types.find((x) => x.type === 4)?.enabled).toBe(true);
    expect(saved.types.find((x) => x.type === onlineType)?.template).toBe(
      'Hi {client}, see you on {date} at {time}',
    );
    await expectAccessible(p);
    await p.getByRole('heading', { name: 'Notifications', level: 1 }).scrollIntoViewIfNeeded();
    await shot(p, 'notifications');
    await p.close();
  });

  it('filters clients with the app, previews the recipients, sends a bulk push that reaches the push service, and shows the progress', async () => {
    // Mia registers a device in the app; Jonas has the app but no device.
    const device = engine.push.createDevice();
    const res = await appApi(t)('POST', '/push/subscriptions', s.appUsers.mia, device.subscription);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await engine.settle();
    const pushesBefore = engine.push.received.length;

    const p = await page();
    await p.getByRole('link', { name: 'Clients' }).click();
    await p.getByLabel('Has the app').selectOption('yes');
    await expect.poll(() => p.locator('table.table tbody tr').count()).toBe(2);
    await p.getByRole('button', { name: /Bulk actions/ }).click();
    await p.getByRole('button', { name: 'Send push to the app' }).click();
    const dialog = p.getByRole('dialog', { name: 'Send push to the app' });
    await dialog.getByText('Filters: uses the app').waitFor();
    await dialog.getByText('2 clients match').waitFor();
    await dialog.getByText('2 have the app').waitFor();
    await dialog.getByText('No bulk push sent from this location yet.').waitFor();
    await dialog.getByLabel('Message').fill('Winter hours: open until 21:00 this week!');
    await shot(p, 'bulk-push');
    await dialog.getByRole('button', { name: 'Send to 2 clients' }).click();
    // The progress replaces the form once the server has written the bulk push.
    await dialog.getByRole('region', { name: /^(Sending…|Done)$/ }).waitFor();
    const [bulk] = await t.db.query<{ id: number }>(
      `SELECT id FROM bulk_pushes ORDER BY id DESC LIMIT 1`,
    );
    expect(bulk).toBeDefined();

    // The worker fans it out and delivers by real Web Push to the local push service.
    await engine.settle();
    await dialog.getByRole('heading', { name: 'Done' }).waitFor();
    expect(await dialog.getByTestId('delivered').textContent()).toBe('1');
    expect(await dialog.getByTestId('undeliverable').textContent()).toBe('1');
    // The history lists it: text, time, recipients, delivered, undeliverable.
    const history = dialog.getByRole('region', { name: 'Earlier pushes' });
    const row = history.getByRole('row', { name: /Winter hours: open until 21:00/ });
    await expect
      .poll(async () => (await row.getByRole('cell').allTextContents()).slice(1))
      .toEqual(['Winter hours: open until 21:00 this week!', '2', '1', '1']);
    expect(await row.getByRole('cell').first().textContent()).toMatch(
      /^\d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/,
    );
    const arrived = engine.push.received.slice(pushesBefore);
    expect(arrived).toHaveLength(1);
    expect(arrived[0]!.deviceId).toBe(device.id);
    expect(arrived[0]!.payload).toMatchObject({
      type: 13,
      body: 'Winter hours: open until 21:00 this week!',
      location_id: s.mitte.id,
    });
    await expectAccessible(p);
    await shot(p, 'bulk-push-done');
    // Reopened later, the dialog still shows the earlier push: it comes from the server.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await p.getByRole('button', { name: /Bulk actions/ }).click();
    await p.getByRole('button', { name: 'Send push to the app' }).click();
    await dialog
      .getByRole('region', { name: 'Earlier pushes' })
      .getByRole('row', { name: /Winter hours: open until 21:00/ })
      .waitFor();
    await shot(p, 'bulk-push-history');
    await p.close();
  });

  it('the recipients follow filters changed in the open dialog (a late answer for older filters is dropped), Send uses the count shown, and the history pages with “Show more”', async () => {
    const [everyone] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM clients WHERE location_id = $1 AND deleted_at IS NULL`,
      [s.mitte.id],
    );
    // More clients than the two with the app: the unfiltered count differs from the filtered one.
    expect(everyone!.n).toBeGreaterThan(2);
    const p = await page();
    await p.getByRole('link', { name: 'Clients' }).click();
    // The answer for the filters the dialog opens with is held back until newer ones are shown.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let held: Request | null = null;
    await p.route('**/bulk-pushes/preview', async (route) => {
      if (held === null) {
        held = route.request();
        await gate;
      }
      await route.continue();
    });
    await p.getByRole('button', { name: /Bulk actions/ }).click();
    await p.getByRole('button', { name: 'Send push to the app' }).click();
    const dialog = p.getByRole('dialog', { name: 'Send push to the app' });
    await dialog.getByText('Counting recipients…').waitFor();
    await dialog.getByLabel('Has the app').selectOption('yes');
    await dialog.getByText('2 clients match').waitFor();
    await dialog.getByText('Filters: uses the app').waitFor();
    expect(held).not.toBeNull();
    const late = p.waitForResponse((r) => r.request() === held);
    release();
    await (await late).finished();
    await p.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(await dialog.getByRole('status').first().textContent()).toContain('2 clients match');
    await p.unroute('**/bulk-pushes/preview');
    // The list behind the dialog has the same filters.
    await expect
      .poll(() => p.locator('table.table:not(.push-history-table) tbody tr').count())
      .toBe(2);
    // Typing a search in the dialog asks again once the typing stops.
    await dialog.getByLabel('Search', { exact: true }).fill('Mia');
    await dialog.getByText('1 client matches').waitFor();
    await dialog.getByText('Filters: search “Mia”, uses the app').waitFor();
    await expectAccessible(p);
    await dialog.getByLabel('Message').fill('Just Mia this time');
    await dialog.getByRole('button', { name: 'Send to 1 client' }).click();
    await dialog.getByRole('region', { name: /^(Sending…|Done)$/ }).waitFor();
    const [sent] = await t.db.query<{ text: string; recipients: number; filters: unknown }>(
      `SELECT text, recipients, filters FROM bulk_pushes ORDER BY id DESC LIMIT 1`,
    );
    expect(sent).toMatchObject({ text: 'Just Mia this time', recipients: 1 });
    expect(JSON.stringify(sent!.filters)).toContain('Mia');
    await engine.settle();
    await dialog.getByRole('heading', { name: 'Done' }).waitFor();

    // More pushes than one page of the history holds.
    for (let n = 1; n <= 10; n++) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/admin/v1/locations/${s.mitte.id}/bulk-pushes`,
        headers: { authorization: `Bearer ${t.partnerToken}, User ${s.owner.token}` },
        payload: {
          filters: [{ type: 'has_mobile_app', state: { value: true } }],
          text: `Paged push ${n}`,
        },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    await engine.settle();
    const history = dialog.getByRole('region', { name: 'Earlier pushes' });
    await history.getByRole('button', { name: 'Refresh' }).click();
    const rows = history.locator('tbody tr');
    await history.getByText('10 of 12 shown').waitFor();
    expect(await rows.count()).toBe(10);
    expect(await rows.first().getByRole('cell').nth(1).textContent()).toBe('Paged push 10');
    await history.getByRole('row', { name: /Winter hours/ }).waitFor({ state: 'detached' });
    await history.getByRole('button', { name: 'Show more' }).click();
    await history.getByText('12 of 12 shown').waitFor();
    expect(await rows.count()).toBe(12);
    expect(
      (await rows.getByRole('cell').allTextContents()).filter((c) => /Mia|Winter/.test(c)),
    ).toEqual(['Just Mia this time', 'Winter hours: open until 21:00 this week!']);
    expect(await history.getByRole('button', { name: 'Show more' }).count()).toBe(0);
    await p.close();
  });

  it('a staff member cannot change notifications: the API’s 403 is shown as a refusal', async () => {
    const p = await page(s.staff.login, 'staff-pass');
    await p.getByRole('link', { name: /Notifications/ }).click();
    // Staff may read the settings (location:read) but not write them (settings:write).
    await expect.poll(() => p.locator('section.notification-type').count()).toBe(13);
    await p.getByText('Your role can see these settings but not change them.').waitFor();
    const refused = p.waitForResponse(
      (r) => r.url().endsWith('/notification-settings') && r.request().method() === 'PATCH',
    );
    const brandBefore = await t.db.query(`SELECT brand_name FROM locations WHERE id = $1`, [
      s.mitte.id,
    ]);
    await p.getByLabel('Brand name').fill('Sam’s own brand');
    await p.getByRole('button', { name: 'Save notifications' }).click();
    expect((await refused).status()).toBe(403);
    const alert = p.getByRole('alert');
    await alert.getByRole('heading', { name: 'You don’t have access to this' }).waitFor();
    expect(await alert.textContent()).toContain(
      'As staff at Studio Mitte you can’t change the location’s settings.',
    );
    await alert.scrollIntoViewIfNeeded();
    await shot(p, 'refusal-notifications');
    expect(
      await t.db.query(`SELECT brand_name FROM locations WHERE id = $1`, [s.mitte.id]),
    ).toEqual(brandBefore);
    await p.close();
  });
});
