import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type TestApp } from '../support/test-app';
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

const post = async (url: string, payload: Record<string, unknown>) => {
  const res = await call(t.app, { method: 'POST', url, headers: s.asOwner, payload });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: number };
};

beforeAll(async () => {
  world = await openBackOfficeWorld(async (app, studio) => {
    // The sale below goes through the API before the server listens.
    t = app;
    s = studio;
    await sellAtNord();
  });
  ({ t, base, browser, s } = world);
}, 120_000);
afterAll(() => world?.close());

async function sellAtNord() {
  // Jonas bought a membership at the sister salon, valid there only, and a chain-wide gift card.
  const chain = s.mitte.chainId;
  const pool = await post(`/api/v1/chain/${chain}/loyalty/abonement_types`, {
    title: 'Nord sauna x10',
    cost: 120,
    period: 3,
    period_unit_id: 3,
    allow_freeze: false,
    freeze_limit: 0,
    is_united_balance: true,
    united_balance_services_count: 10,
    services: [],
    service_categories: [],
    salon_ids: [s.nord.id],
  });
  const gift = await post(`/api/v1/chain/${chain}/loyalty/certificate_types`, {
    title: 'Lumen gift 30',
    balance: 30,
    is_multi: true,
    item_type_id: 0,
    is_allow_empty_code: false,
    balance_edit_type_id: 1,
    service_ids: [],
    salon_ids: [],
    expiration: { type_id: 2, timeout: 6, timeout_unit_id: 3 },
    online_sale: { is_enabled: false, title: 'Gift', description: '', price: 30 },
  });
  const phone = '+4915110000002';
  await post(`/api/v1/company/${s.nord.id}/loyalty/abonements`, { type_id: pool.id, phone });
  await post(`/api/v1/company/${s.nord.id}/loyalty/certificates`, { type_id: gift.id, phone });
}

const watchedPage = watchPages();

async function newPage(): Promise<Page> {
  const page = await watchedPage(browser, base);
  return page;
}

describe('the client card across the chain', () => {
  it('shows a membership bought at the sister salon, marked as not valid here, and a chain-wide gift card', async () => {
    const page = await newPage();
    await signInAs(page, base, s.admin.login, 'admin-pass');
    await page.goto(`${base}/admin/clients/${s.clients.Jonas}`);
    await page.getByRole('heading', { name: 'Jonas Weber' }).waitFor();
    const loyalty = page.getByRole('region', { name: 'Loyalty' });
    const memberships = loyalty.getByRole('region', { name: 'Memberships' });
    const item = memberships.getByRole('listitem').filter({ hasText: 'Nord sauna x10' });
    await item.waitFor();
    expect(await item.textContent()).toContain('10 visits left');
    expect(await item.locator('.validity').textContent()).toBe(
      'Not valid here · valid at Studio Nord',
    );
    const gift = loyalty
      .getByRole('region', { name: 'Gift cards' })
      .getByRole('listitem')
      .filter({ hasText: 'Lumen gift 30' });
    expect(await gift.locator('.validity').textContent()).toBe(
      'Valid here and at every location of the chain',
    );
    await expectAccessible(page);
    await page.screenshot({ path: `${SCREENSHOTS}admin-client-card-chain.png` });
    await page.close();
  });
});
