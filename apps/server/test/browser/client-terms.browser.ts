import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsLog, type SmsLog } from '../support/sms-log';
import { createTestApp, type TestApp } from '../support/test-app';
import { buildClientApp, expectAccessible, makeClientAppWorld } from './client-app-support';
import { launchChromium } from './support';

/**
 * The consent screen against the texts in force: at the very first visit the service worker
 * takes control (so the texts read at the first login are kept for offline), and a client who
 * consented is asked again once the operator changes a text, with the new text readable.
 */
declare const navigator: { serviceWorker: { ready: Promise<unknown>; controller: unknown } };

const PHONE = '+4915166655544';
let t: TestApp;
let log: SmsLog;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;

beforeAll(async () => {
  buildClientApp();
  log = smsLog();
  t = await createTestApp({ now: new Date().toISOString(), loggerInstance: log.logger });
  await makeClientAppWorld(t.db, PHONE);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
  });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const heading = (name: string | RegExp) => page.getByRole('heading', { name, level: 1 });
const writeTerms = async (name: string, content: string) => {
  await mkdir(join(t.dataDir, 'terms'), { recursive: true });
  await writeFile(join(t.dataDir, 'terms', name), content);
};
const consentsOf = () =>
  t.db.query<{ kind: string; version: string }>(
    `SELECT c.kind, c.version FROM app_user_consents c JOIN app_users u ON u.id = c.user_id
      WHERE u.phone = $1 ORDER BY c.accepted_at, c.kind`,
    [PHONE],
  );
/** The user agreement as the app fetches it, through the service worker when it controls the page. */
const agreementTitle = () =>
  page.evaluate(() =>
    fetch('/api/app/v1/terms?language=en')
      .then((r) => r.json() as Promise<{ data: { user_agreement: { title: string } } }>)
      .then((b) => b.data.user_agreement.title)
      .catch(() => 'failed'),
  );

describe('the terms in force on the consent screen', () => {
  it('first visit: the worker controls the page without a reload, so the texts read at the first login open offline', async () => {
    await page.goto(`${base}/app/`);
    await heading('Log in').waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // No reload: clients.claim() in the worker's activate takes this very page.
    await expect
      .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)))
      .toBe(true);
    await page.getByLabel('Phone number').fill(PHONE);
    const before = log.sentCount(PHONE);
    await page.getByRole('button', { name: 'Get the code' }).click();
    await page.getByLabel('Code from the SMS').fill(await log.nextCode(PHONE, before));
    await page.getByRole('button', { name: 'Log in' }).click();
    await heading('Before you start').waitFor();
    await page.getByRole('button', { name: 'Read the user agreement' }).click();
    const dialog = page.getByRole('dialog', { name: 'User agreement' });
    await dialog.getByRole('heading', { name: 'What the app does', level: 3 }).waitFor();
    await page.keyboard.press('Escape');
    await context.setOffline(true);
    try {
      expect(await agreementTitle()).toBe('User agreement');
    } finally {
      await context.setOffline(false);
    }
    await page.getByLabel(/user agreement/).check();
    await page.getByLabel(/processing of my personal data/).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Appointments', level: 2 }).waitFor();
  });

  it('asks a client who consented again once the operator changes the agreement, showing the new text', async () => {
    await writeTerms(
      'user_agreement.en.md',
      '# Studio Lumen house rules\n\nArrive on time.\n\n## Payments\nCards only.\n',
    );
    await page.goto(`${base}/app/`);
    await heading('Before you start').waitFor();
    await page.getByRole('button', { name: 'Read the user agreement' }).click();
    const dialog = page.getByRole('dialog', { name: 'Studio Lumen house rules' });
    await dialog.getByRole('heading', { name: 'Payments', level: 3 }).waitFor();
    expect(await dialog.textContent()).toContain('Cards only.');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Back to the consent' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The operator edits the text again while the screen is open: Continue says so, shows the
    // newest text and asks again (nothing recorded for the text no longer in force).
    await writeTerms(
      'user_agreement.en.md',
      '# Studio Lumen house rules\n\nArrive on time.\n\n## Payments\nCards or cash.\n',
    );
    await page.getByLabel(/user agreement/).check();
    await page.getByLabel(/processing of my personal data/).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('alert').filter({ hasText: 'The terms have just changed' }).waitFor();
    expect(await page.getByLabel(/user agreement/).isChecked()).toBe(false);
    expect((await consentsOf()).filter((c) => c.version.startsWith('op-'))).toEqual([]);
    await page.getByRole('button', { name: 'Read the user agreement' }).click();
    await dialog.getByText('Cards or cash.').waitFor();
    await page.keyboard.press('Escape');

    await page.getByLabel(/user agreement/).check();
    await page.getByLabel(/processing of my personal data/).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Appointments', level: 2 }).waitFor();
    const operator = (await consentsOf()).filter((c) => c.version.startsWith('op-'));
    expect(operator).toHaveLength(1);
    // The text accepted is kept under that version.
    const [kept] = await t.db.query<{ body: string }>(
      `SELECT body FROM terms_versions WHERE kind = 'user_agreement' AND version = $1`,
      [operator[0]!.version],
    );
    expect(kept!.body).toContain('Cards or cash.');
    // Opening the app again asks nothing more.
    await page.reload();
    await page.getByRole('heading', { name: 'Appointments', level: 2 }).waitFor();
    expect(await heading('Before you start').count()).toBe(0);
  });
});
