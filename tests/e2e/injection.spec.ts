/**
 * The content script is not declared in the manifest: the background injects it into a tab's top frame once the page
 * has loaded (lib/content-injection.ts). One copy per document: a page that reports "complete" again and again
 * (URL changes every 100 ms) is not given the bundle again, and a new document gets a new copy.
 */
import type { CDPSession, Page } from '@playwright/test';
import type { WxtBrowser } from 'wxt/browser';
import { expect, test, waitForVerdict } from './fixtures';
import { hostileState, HOSTILE } from './hostile-helpers';

/** The extension API inside the service worker (used only in `sw.evaluate` callbacks). */
declare const chrome: WxtBrowser;

/** Counts the content-script bundles the page's renderer compiles (any world), from now on. */
async function countBundles(page: Page): Promise<{ count: () => number; cdp: CDPSession }> {
  const cdp = await page.context().newCDPSession(page);
  let n = 0;
  cdp.on('Debugger.scriptParsed', (e: { url: string }) => {
    if (/^chrome-extension:\/\/[a-z]+\/content-scripts\/content\.js$/.test(e.url)) n++;
  });
  await cdp.send('Debugger.enable');
  return { count: () => n, cdp };
}

test('one content-script copy per document: URL changes do not inject it again, a new document gets its own', async ({ page, serviceWorker, sites }) => {
  const bundles = await countBundles(page);
  await page.goto(`${sites}/${HOSTILE}/navigate.html?nav=loop`);
  await waitForVerdict(serviceWorker, page);
  // The page changes its URL every 100 ms once warned: each change is a tab update the background sees.
  await expect.poll(async () => (await hostileState<{ pushes?: number }>(page)).pushes ?? 0, { timeout: 15_000 }).toBeGreaterThanOrEqual(20);
  expect(bundles.count()).toBe(1);
  await page.goto(`${sites}/job-typist.html`);
  await waitForVerdict(serviceWorker, page);
  expect(bundles.count()).toBe(2);
  await bundles.cdp.detach();
});

test('a page is protected without a declared content script, and a browser page is left alone', async ({ page, context, serviceWorker, sites }) => {
  await page.goto(`${sites}/job-typist.html`);
  const stored = await waitForVerdict(serviceWorker, page);
  expect(stored.verdict.warn).toBe(true);
  // chrome:// and extension pages cannot be scripted: the background's attempt fails quietly, nothing is stored.
  const other = await context.newPage();
  await other.goto('chrome://version/');
  await other.waitForTimeout(1_000);
  const all = (await serviceWorker.evaluate(() => chrome.storage.session.get(null))) as Record<string, { url: string }>;
  expect(Object.values(all).map((r) => r.url)).not.toContain('chrome://version/');
});
