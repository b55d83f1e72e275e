/**
 * The content script is not declared in the manifest: the background injects it into a tab's top frame once the page
 * has loaded (lib/content-injection.ts). One copy per document: a page that reports "complete" again and again
 * (URL changes every 100 ms) is not given the bundle again, and a new document gets a new copy.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CDPSession, Page } from '@playwright/test';
import type { WxtBrowser } from 'wxt/browser';
import { expect, test, waitForVerdict } from './fixtures';
import { hostileState, HOSTILE } from './hostile-helpers';

/** The extension API inside the service worker (used only in `sw.evaluate` callbacks). */
declare const chrome: WxtBrowser;

/** A trafficking-lure job ad (the same as sites/job-typist.html): it must warn. */
const TYPIST_LURE =
  '<h1>English Typist (no experience needed)</h1><p>Location: Sihanoukville, Cambodia. Salary $1,500 – $2,500 USD per month.</p>' +
  '<p>Free air ticket and free visa, a tourist visa is fine. Free accommodation inside the compound.</p>' +
  '<p>No interview. Send your passport photo and contact our HR manager on Telegram only: @goldenbay_hr_amy</p>';

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

test('a page still loading when the content script is injected (install, update, browser start) loads and is protected', async ({ page, context, serviceWorker }) => {
  // Our own server holds the page's last script, then its image, until the test releases them.
  const held = new Map<string, ServerResponse>();
  const server = createServer((req, res) => {
    if (req.url === '/late.js' || req.url === '/slow.png') return void held.set(req.url, res);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>Typist</title><main>${TYPIST_LURE}</main><script src="/late.js"></script><img src="/slow.png" alt="">`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await expect.poll(() => held.has('/late.js')).toBe(true);
    // What the background does for a tab found open (lib/content-injection.ts sweepOpenTabs): inject it now. The
    // browser runs it once the document is idle, here after DOMContentLoaded and before `load` (the image is held).
    await serviceWorker.evaluate(async (pageUrl) => {
      const [tab] = await chrome.tabs.query({ url: pageUrl });
      void chrome.scripting.executeScript({ target: { tabId: tab!.id!, frameIds: [0] }, files: ['/content-scripts/content.js'] });
    }, url);
    held.get('/late.js')!.writeHead(200, { 'content-type': 'text/javascript' }).end('');
    await expect.poll(() => page.evaluate(() => document.readyState)).toBe('interactive');
    await expect.poll(() => held.has('/slow.png')).toBe(true);
    await page.waitForTimeout(1_000); // the injected script has started and waits for `load`
    held.get('/slow.png')!.writeHead(404).end();
    // The page's `load` must not wait for the content script (which itself waits for `load`).
    await expect.poll(() => page.evaluate(() => document.readyState), { timeout: 10_000 }).toBe('complete');
    const stored = await waitForVerdict(serviceWorker, page);
    expect(stored.verdict.warn).toBe(true);
  } finally {
    for (const res of held.values()) if (!res.writableEnded) res.end();
    server.close();
  }
});
