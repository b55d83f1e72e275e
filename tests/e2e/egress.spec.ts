/**
 * Zero egress (SECURITY.md, P1): while browsing every fixture page, opening every extension page and restarting the
 * service worker, the extension's own contexts make no network request. Every request is recorded:
 * - Playwright's `context.on('request')`, which covers pages, frames and the extension service worker (Playwright
 *   enables CDP Network on the service-worker target; a canary fetch from the worker proves it is seen);
 * - a CDP Network session on each page, whose initiator stacks show requests made by content scripts.
 * Allowed: chrome-extension:// (the extension's own files), data:/blob:/about:, and the fixture pages' own requests
 * to the local fixture server. Anything else, or any http(s) request made by an extension context, fails.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CDPSession, Page, Request } from '@playwright/test';
import { EXTENSION_DIR, expect, storedVerdicts, test } from './fixtures';
import { currentWorker, expectFreshWorker, stopServiceWorker } from './hostile-helpers';
import { SITES_DIR } from './site-server';

interface Seen {
  url: string;
  /** Who made it: 'service-worker', 'extension-page', 'content-script', 'page'. */
  by: string;
  where: string;
}

/** Every fixture page (tests/e2e/sites/**.html), as paths for the site server. */
function fixturePages(dir = SITES_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? fixturePages(join(dir, e.name)) : e.name.endsWith('.html') ? [`/${relative(SITES_DIR, join(dir, e.name))}`] : []))
    .sort();
}

/** Extension pages: the manifest's popup and options page, and every other top-level .html of the build. */
function extensionPages(): string[] {
  return readdirSync(EXTENSION_DIR).filter((f) => f.endsWith('.html')).sort();
}

const isLocal = (url: string, origin: string) => url.startsWith(`${origin}/`) || url === origin;
const isInternal = (url: string) => /^(chrome-extension|data|blob|about|chrome):/.test(url);

test('no network request from the extension while browsing, in its pages, or across a worker restart', async ({ context, serviceWorker, extensionId, sites }, testInfo) => {
  test.setTimeout(300_000);
  const seen: Seen[] = [];
  const ext = `chrome-extension://${extensionId}/`;

  const classify = (r: Request): Seen => {
    if (r.serviceWorker()) return { url: r.url(), by: 'service-worker', where: r.serviceWorker()!.url() };
    let frameUrl = '';
    try {
      frameUrl = r.frame().url();
    } catch {
      frameUrl = '(no frame)';
    }
    return { url: r.url(), by: frameUrl.startsWith(ext) ? 'extension-page' : 'page', where: frameUrl };
  };
  context.on('request', (r) => seen.push(classify(r)));

  // CDP on every page: requests whose initiator stack runs through the extension's scripts (content scripts).
  const sessions: CDPSession[] = [];
  const watch = async (page: Page) => {
    const cdp = await context.newCDPSession(page);
    sessions.push(cdp);
    cdp.on('Network.requestWillBeSent', (e: { request: { url: string }; initiator: { stack?: { callFrames: { url: string }[]; parent?: unknown } } }) => {
      const frames: { url: string }[] = [];
      for (let s = e.initiator.stack as { callFrames: { url: string }[]; parent?: unknown } | undefined; s; s = s.parent as typeof s) frames.push(...s.callFrames);
      const script = frames.find((f) => f.url.startsWith(ext));
      if (script) seen.push({ url: e.request.url, by: 'content-script', where: script.url });
    });
    await cdp.send('Network.enable');
  };

  // The recorder sees the service worker's own requests: a canary fetch from the worker.
  await currentWorker(context, serviceWorker).evaluate((url) => fetch(url).catch(() => null), `${sites}/__egress_canary`);
  await expect.poll(() => seen.some((s) => s.by === 'service-worker' && s.url.endsWith('/__egress_canary'))).toBe(true);

  // Browse every fixture page in one tab.
  const page = await context.newPage();
  await watch(page);
  const pages = fixturePages();
  expect(pages.length).toBeGreaterThan(10);
  let warned = 0;
  for (const path of pages) {
    const url = `${sites}${path}${path.includes('forge') || path.includes('snoop') ? `?id=${extensionId}` : ''}`;
    await page.goto(url, { waitUntil: 'load' });
    // Wait for the content script's report (or a short while for pages it does not report on).
    await expect
      .poll(async () => (await storedVerdicts(currentWorker(context, serviceWorker)).catch(() => [])).some((r) => r.url === url), { timeout: 8_000 })
      .toBe(true)
      .catch(() => undefined);
    const record = (await storedVerdicts(currentWorker(context, serviceWorker)).catch(() => [])).find((r) => r.url === url);
    if (record?.verdict.warn) warned++;
  }
  expect(warned).toBeGreaterThan(3);
  const tabId = (await storedVerdicts(currentWorker(context, serviceWorker))).find((r) => r.verdict.warn)?.tabId;

  // Open every extension page, plain and for a warned tab.
  for (const file of extensionPages()) {
    for (const query of ['', `?tab=${tabId}`]) {
      const p = await context.newPage();
      await watch(p);
      await p.goto(`${ext}${file}${query}`);
      await p.waitForTimeout(1_000);
      await p.close();
    }
  }

  // Stop the service worker (as Chrome does when idle); the next page starts a fresh one, also recorded.
  await stopServiceWorker(context, page, extensionId);
  await page.goto(`${sites}/job-typist.html`);
  await expect.poll(async () => (await storedVerdicts(currentWorker(context, serviceWorker)).catch(() => [])).some((r) => r.url === page.url() && r.verdict.warn), { timeout: 15_000 }).toBe(true);
  await expectFreshWorker(context);

  const violations = seen.filter((s) => {
    if (s.url.endsWith('/__egress_canary')) return false;
    if (isInternal(s.url)) return false;
    if (s.by !== 'page') return true; // the extension's own contexts make no http(s) request at all
    return !isLocal(s.url, sites); // pages only load from the fixture server
  });
  const byContext = Object.entries(
    seen.reduce<Record<string, number>>((acc, s) => ((acc[s.by] = (acc[s.by] ?? 0) + 1), acc), {}),
  ).map(([k, v]) => `${k} ${v}`);
  const summary = `${seen.length} requests observed (${byContext.join(', ')}) over ${pages.length} fixture pages, ${extensionPages().length} extension pages and a worker restart`;
  console.log(`[egress] ${summary}; ${violations.length} violations`);
  await testInfo.attach('requests.json', { body: JSON.stringify(seen, null, 1), contentType: 'application/json' });
  expect(violations, summary).toEqual([]);
});

test('only an explicit report action by the user sends anything out, and only to the channel the user picked', async ({ page, context, serviceWorker, extensionId, sites }) => {
  test.setTimeout(120_000);
  test.skip(!readdirSync(EXTENSION_DIR).includes('report.html'), 'no report page in this build');
  const external: { url: string; at: number }[] = [];
  context.on('request', (r) => {
    if (!isInternal(r.url()) && !isLocal(r.url(), sites)) external.push({ url: r.url(), at: Date.now() });
  });
  // Nothing real leaves the test machine: any outside request is answered locally (and still recorded above).
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>form</title>' }));
  await currentWorker(context, serviceWorker).evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ settings: { country: 'GB' } }),
  );

  await page.goto(`${sites}/job-typist.html`);
  const record = await expect
    .poll(async () => (await storedVerdicts(currentWorker(context, serviceWorker))).find((r) => r.url === page.url() && r.verdict.warn)?.tabId ?? null, { timeout: 15_000 })
    .not.toBeNull()
    .then(async () => (await storedVerdicts(currentWorker(context, serviceWorker))).find((r) => r.url === page.url())!);
  const report = await context.newPage();
  await report.goto(`chrome-extension://${extensionId}/report.html?tab=${record.tabId}`);
  await report.locator('textarea[name="note"]').fill('A note that must stay on this device until I send it.');
  await report.getByRole('button', { name: 'This is what I want to report' }).click();
  await report.waitForTimeout(1_500);
  expect(external, 'requests before the user picked a channel').toEqual([]);

  // The user picks a web channel: that channel's page opens, and that is the only thing that goes out.
  const link = report.locator('a.channel-action[href^="https://"]').first();
  const href = await link.getAttribute('href');
  expect(href).toBeTruthy();
  const clickedAt = Date.now();
  const opened = context.waitForEvent('page');
  await link.click();
  await (await opened).waitForLoadState();
  await report.waitForTimeout(1_000);
  expect(external.length).toBeGreaterThan(0);
  for (const r of external) {
    expect(r.at).toBeGreaterThanOrEqual(clickedAt);
    expect(new URL(r.url).host, r.url).toBe(new URL(href!).host);
  }
  // The note typed into the report did not travel in the URL of the request.
  expect(external.map((r) => r.url).join(' ')).not.toContain('must stay');
  console.log(`[egress] report action: ${external.length} request(s), all to ${new URL(href!).host}, none before the click`);
});
