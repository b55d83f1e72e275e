/**
 * Playwright fixtures: a persistent Chromium context with the built extension (.output/chrome-mv3) loaded,
 * the extension's service worker and id, and a per-worker static server for the fixture pages.
 */
import { test as base, expect, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { WxtBrowser } from 'wxt/browser';
import type { Verdict } from '@/lib/engine/types';
import { chromiumPath, extensionArgs } from './chromium-path';
import { startSiteServer } from './site-server';

/** The extension API inside the service worker (used only in `sw.evaluate` callbacks). */
declare const chrome: WxtBrowser;

/** The built extension; REDFLAG_EXT_DIR points the tests at another build (e.g. a copy, while others rebuild .output). */
export const EXTENSION_DIR = process.env.REDFLAG_EXT_DIR ? resolve(process.env.REDFLAG_EXT_DIR) : resolve(import.meta.dirname, '../../.output/chrome-mv3');

export interface StoredTabVerdict {
  tabId: number;
  url: string;
  title: string;
  time: number;
  verdict: Verdict;
  early?: boolean;
  document?: string;
}

interface Fixtures {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
}

export const test = base.extend<Fixtures, { sites: string }>({
  sites: [
    async ({}, use) => {
      const server = await startSiteServer();
      await use(server.origin);
      await server.close();
    },
    { scope: 'worker' },
  ],
  context: async ({}, use) => {
    if (!existsSync(resolve(EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
    }
    const context = await chromium.launchPersistentContext('', {
      executablePath: chromiumPath(),
      headless: true,
      args: extensionArgs(EXTENSION_DIR),
      reducedMotion: 'reduce',
      viewport: { width: 1280, height: 800 },
    });
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => {
    let [sw] = context.serviceWorkers();
    sw ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
    await use(sw);
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
});

export { expect };

/** All tab verdicts the background has stored (chrome.storage.session), read from the service worker. */
export async function storedVerdicts(sw: Worker): Promise<StoredTabVerdict[]> {
  const all = await sw.evaluate(() => chrome.storage.session.get(null));
  return Object.entries(all)
    .filter(([key]) => key.startsWith('tab-verdict:'))
    .map(([, value]) => value as StoredTabVerdict);
}

/**
 * Wait until the page's content script has reported its verdict to the background, and return it.
 * The report is sent for every scanned page, warning or not, so this is the deterministic point after which
 * "no banner" can be asserted.
 */
export async function waitForVerdict(sw: Worker, page: Page): Promise<StoredTabVerdict> {
  const url = page.url();
  let found: StoredTabVerdict | undefined;
  await expect(async () => {
    found = (await storedVerdicts(sw)).find((r) => r.url === url);
    expect(found, `verdict for ${url}`).toBeDefined();
  }).toPass({ timeout: 15_000 });
  return found!;
}

export async function badgeText(sw: Worker, tabId: number): Promise<string> {
  return sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}
