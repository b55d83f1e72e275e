/**
 * Where the tests and the demo find Chromium: $CHROMIUM_PATH, else /usr/bin/chromium, else a browser installed by
 * `npx playwright install chromium` (Playwright's own cache), else a clear error.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  let bundled = '';
  try {
    bundled = chromium.executablePath();
  } catch {
    // no Playwright-managed browser
  }
  if (bundled && existsSync(bundled)) return bundled;
  throw new Error(
    'No Chromium found. Set CHROMIUM_PATH to a Chromium binary, install it (Debian/Ubuntu: apt-get install -y chromium), ' +
      'or run `npx playwright install chromium`.',
  );
}

/** Flags that load the unpacked extension and keep a headless CI run quiet and offline. */
export function extensionArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
  ];
}
