import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's Chromium, flags that keep it off the network this machine does not have. */
const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
};

export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM);
}

/**
 * A Chromium with a profile on disk (`launch()` contexts are incognito-like, and Chromium never
 * offers to install an app from one), for the installability check.
 */
export function launchPersistentChromium(
  userDataDir: string,
  options: { viewport: { width: number; height: number } },
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { ...CHROMIUM, ...options });
}
