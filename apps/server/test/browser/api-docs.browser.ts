import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';
import { launchChromium } from './support';

let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

it('the interactive API docs render from our own server, with no outside requests', async () => {
  const page = await browser.newPage();
  const outside: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(base)) outside.push(r.url());
  });
  await page.goto(`${base}/api/docs`);
  await expect
    .poll(() => page.locator('.swagger-ui .info .title').textContent(), { timeout: 20_000 })
    .toContain('Visita API');
  await page.getByText('/api/v1/companies', { exact: true }).first().click();
  await expect.poll(() => page.locator('.opblock-body').count()).toBeGreaterThan(0);
  expect(outside).toEqual([]);
});
