import type { BrowserContext, Worker } from '@playwright/test';
import { badgeText, expect, test, waitForVerdict } from './fixtures';

/** Warning history records in the extension's IndexedDB (read inside the service worker). */
async function warningHistory(sw: Worker): Promise<Array<{ url: string; type: string; rules: string[]; excerpts: string[] }>> {
  return sw.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('redflag');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('warnings').objectStore('warnings').getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What each known service-worker handle answers within 1 s (a stopped worker's handle may never answer). */
async function answers<T>(context: BrowserContext, fn: () => T): Promise<Array<T | 'no answer'>> {
  return Promise.all(
    context.serviceWorkers().map((sw) =>
      Promise.race([sw.evaluate(fn).catch((): 'no answer' => 'no answer'), sleep(1000).then((): 'no answer' => 'no answer')]),
    ),
  );
}

/** A service-worker handle that currently answers. */
async function liveWorker(context: BrowserContext): Promise<Worker> {
  let live: Worker | undefined;
  await expect(async () => {
    for (const sw of context.serviceWorkers()) {
      const ok = await Promise.race([sw.evaluate(() => true).catch(() => false), sleep(1000).then(() => false)]);
      if (ok) {
        live = sw;
        return;
      }
    }
    throw new Error('no live service worker');
  }).toPass({ timeout: 15_000 });
  return live!;
}

test.describe('popup', () => {
  test('lists the finding of the scam tab with its evidence, why, advice and sources', async ({ page, context, serviceWorker, extensionId, sites }, testInfo) => {
    await page.goto(`${sites}/job-typist.html`);
    await expect(page.locator('redflag-warning').getByRole('alert')).toBeVisible();
    const stored = await waitForVerdict(serviceWorker, page);
    // Everything the scan reads: visible text, title, URL and link targets.
    const pageText = await page.evaluate(() =>
      [document.body.innerText, document.title, location.href, ...[...document.links].map((a) => a.href)].join('\n').replace(/\s+/g, ' '),
    );

    const popup = await context.newPage();
    await popup.setViewportSize({ width: 420, height: 900 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${stored.tabId}`);
    await expect(popup.locator('.verdict-type')).toHaveText('Fake job offer');

    const findings = popup.locator('article.finding');
    await expect(findings).toHaveCount(stored.verdict.findings.length);
    const first = findings.first();
    const top = stored.verdict.findings[0]!;
    await expect(first).toHaveAttribute('data-rule', top.rule);
    await expect(first.locator('.why')).not.toBeEmpty();
    await expect(first.locator('.advice')).not.toBeEmpty();
    // The Details view (?tab=ID) shows the sources unfolded; they link out in a new tab.
    const link = first.locator('.sources a').first();
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute('target', '_blank');

    // Evidence is quoted as text, and every quote really comes from the page.
    const quotes = await popup.locator('.quote').allTextContents();
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) expect(pageText).toContain(quote.replace(/\s+/g, ' ').trim());
    await testInfo.attach('popup', { body: await popup.screenshot({ fullPage: true }), contentType: 'image/png' });
  });

  test('says "No warning on this page" for a benign tab', async ({ page, context, serviceWorker, extensionId, sites }) => {
    await page.goto(`${sites}/benign.html`);
    const stored = await waitForVerdict(serviceWorker, page);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${stored.tabId}`);
    await expect(popup.getByRole('heading', { name: 'No warning on this page' })).toBeVisible();
    await expect(popup.locator('article.finding')).toHaveCount(0);
  });

  test('the warning is recorded once in the local history, with rule ids and excerpts', async ({ page, serviceWorker, sites }) => {
    await page.goto(`${sites}/job-typist.html`);
    const stored = await waitForVerdict(serviceWorker, page);
    await page.goto(`${sites}/benign.html`);
    await waitForVerdict(serviceWorker, page);

    const history = await warningHistory(serviceWorker);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      url: stored.url,
      type: 'fake_job',
      rules: stored.verdict.findings.map((f) => f.rule),
    });
    expect(history[0]!.excerpts.length).toBeGreaterThan(0);
  });

  test('the tab verdict survives a restart of the background service worker', async ({ page, context, serviceWorker, extensionId, sites }) => {
    await page.goto(`${sites}/job-typist.html`);
    const stored = await waitForVerdict(serviceWorker, page);

    // Stop the worker (as the browser does when it is idle); the next event starts a fresh instance.
    await serviceWorker.evaluate(() => Object.assign(globalThis, { redflagTestMarker: true }));
    const cdp = await context.newCDPSession(page);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
    expect(target).toBeDefined();
    await cdp.send('Target.closeTarget', { targetId: target!.targetId });
    await expect.poll(() => answers(context, () => 'redflagTestMarker' in globalThis), { timeout: 15_000 }).not.toContain(true);

    // The explanation still has the verdict: it lives in session storage, not in the worker's memory.
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${stored.tabId}`);
    await expect(popup.locator('.verdict-type')).toHaveText('Fake job offer');
    await expect(popup.locator('article.finding')).toHaveCount(stored.verdict.findings.length);

    // The next page wakes a fresh worker, which stores the new verdict and clears the badge.
    await page.goto(`${sites}/benign.html`);
    await expect(popup.getByRole('heading', { name: 'No warning on this page' })).toBeVisible();
    const fresh = await liveWorker(context);
    expect(await fresh.evaluate(() => 'redflagTestMarker' in globalThis)).toBe(false);
    const benign = await waitForVerdict(fresh, page);
    expect(benign.verdict.warn).toBe(false);
    expect(await badgeText(fresh, benign.tabId)).toBe('');
  });
});
