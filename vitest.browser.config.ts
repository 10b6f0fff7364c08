import { defineConfig } from 'vitest/config';

/** Browser tests: real Debian Chromium driven by playwright-core against a real server. */
export default defineConfig({
  test: {
    include: ['apps/*/test/browser/**/*.browser.ts'],
    globalSetup: ['packages/db/src/testing/global-setup.ts'],
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
