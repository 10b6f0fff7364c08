import { mkdirSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { makeAppointment, makeService } from '@visita/db/testing';
import { afterAll, beforeAll, expect } from 'vitest';
import { call, createTestApp, type TestApp } from '../support/test-app';
import {
  ensureAdminBuilt,
  makeStudio,
  SCREENSHOTS,
  signInAs,
  wallClock,
  watchPages,
} from './admin-support';
import { launchChromium } from './support';

export const tz = 'Europe/Berlin';

/**
 * The studio of `makeStudio` with categories for the loyalty forms' finer fields: Colour in
 * Colouring at Studio Mitte, a Hot towel shave in Barbering at Studio Nord (Beard trim there has
 * no category), a card type "Colour card"; a real server and Chromium. Registers the file's
 * hooks; the fields are filled once `beforeAll` ran.
 */
export function finerWorld() {
  const w = {
    t: null as unknown as TestApp,
    s: null as unknown as Awaited<ReturnType<typeof makeStudio>>,
    browser: null as unknown as Browser,
    base: '',
    colouring: 0,
    barbering: 0,
    shave: 0,
    beard: 0,
    http: (method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
      call(w.t.app, { method, url: `/api/v1${url}`, headers: w.s.asOwner, payload }),
  };
  beforeAll(async () => {
    ensureAdminBuilt();
    mkdirSync(SCREENSHOTS, { recursive: true });
    w.t = await createTestApp({ now: new Date().toISOString() });
    (w.t.clock as { now: () => Date }).now = () => new Date();
    const s = (w.s = await makeStudio(w.t));
    const category = async (locationId: number, title: string) =>
      (
        await w.t.db.query<{ id: number }>(
          `INSERT INTO service_categories(location_id, title) VALUES ($1, $2) RETURNING id`,
          [locationId, title],
        )
      )[0]!.id;
    w.colouring = await category(s.mitte.id, 'Colouring');
    await w.t.db.query('UPDATE services SET category_id = $1 WHERE id = $2', [
      w.colouring,
      s.colour.id,
    ]);
    w.barbering = await category(s.nord.id, 'Barbering');
    w.shave = (
      await makeService(w.t.db, s.nord.id, {
        title: 'Hot towel shave',
        categoryId: w.barbering,
        staffIds: [s.nina.id],
      })
    ).id;
    w.beard = (
      await w.t.db.query<{ id: number }>(`SELECT id FROM services WHERE title = 'Beard trim'`)
    )[0]!.id;
    const card = await w.http('POST', `/chain/${s.mitte.chainId}/loyalty/card_types`, {
      title: 'Colour card',
    });
    expect(card.status, JSON.stringify(card.body)).toBe(201);
    w.base = await w.t.app.listen({ port: 0, host: '127.0.0.1' });
    w.browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await w.browser?.close();
    await w.t?.close();
  });

  const watchedPage = watchPages();
  let hour = 0;
  return {
    w,
    /** Signed in as the chain's administrator, on a tab of Loyalty. */
    loyaltyTab: async (tab: string): Promise<Page> => {
      const p = await watchedPage(w.browser, w.base);
      await signInAs(p, w.base, w.s.admin.login, 'admin-pass');
      await p.getByRole('link', { name: 'Loyalty' }).click();
      await p.getByRole('button', { name: tab }).click();
      return p;
    },
    /** Reloads the screen, as an owner coming back later would see it, and opens the edit form. */
    reopen: async (p: Page, tab: string, edit: string): Promise<Locator> => {
      await p.reload();
      await p.getByRole('button', { name: tab }).click();
      await p.getByRole('button', { name: `Edit ${edit}` }).click();
      const dialog = p.getByRole('dialog', { name: `Edit ${edit}` });
      await dialog.waitFor();
      return dialog;
    },
    /** An appointment tomorrow from 19:00 on, one hour later each time; every line costs 50. */
    visit: (locationId: number, staffId: number, serviceIds: number[], phone: string) =>
      makeAppointment(w.t.db, {
        locationId,
        staffId,
        serviceIds,
        phone,
        start: wallClock(w.s.tomorrow, `${String(19 + hour++).padStart(2, '0')}:00`, tz),
      }),
    pay: (locationId: number, recordId: number, body: Record<string, unknown>) =>
      w.http('POST', `/company/${locationId}/records/${recordId}/loyalty_payment`, body),
  };
}

export const checked = (l: Locator) => l.isChecked();
