import type { Worker } from '@playwright/test';
import type { WxtBrowser } from 'wxt/browser';
import { expect, test, waitForVerdict } from './fixtures';

declare const chrome: WxtBrowser;

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

test.describe('popup', () => {
  test('lists the finding of the scam tab with its evidence, why, advice and sources', async ({ page, context, serviceWorker, extensionId, sites }, testInfo) => {
    await page.goto(`${sites}/job-typist.html`);
    await expect(page.locator('redflag-warning').getByRole('alert')).toBeVisible();
    const stored = await waitForVerdict(serviceWorker, page);
    const pageText = await page.evaluate(() => document.body.innerText.replace(/\s+/g, ' '));

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
    await expect(first.locator('.sources li').first()).toBeVisible();

    // Evidence is quoted as text, and every quote really is text from the page.
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
    // Session storage is what the popup reads; clearing the worker's memory must not lose the verdict.
    const kept = await serviceWorker.evaluate((id) => chrome.storage.session.get(`tab-verdict:${id}`), stored.tabId);
    expect(Object.keys(kept)).toEqual([`tab-verdict:${stored.tabId}`]);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${stored.tabId}`);
    await expect(popup.locator('.verdict-type')).toHaveText('Fake job offer');
  });
});
