/**
 * A warned page changes its URL without leaving (history.pushState / replaceState / a hash change, once or every
 * 100 ms) and removes the banner. Chrome reports each such change as a tab update with status "loading", exactly like
 * a new page; the toolbar warning must stay, and the popup must still have the verdict.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { badgeText, expect, storedVerdicts, test, type StoredTabVerdict } from './fixtures';
import { currentWorker, hostileState, HOSTILE, warningFor } from './hostile-helpers';

async function navigateAway(nav: string, page: Page, context: BrowserContext, sw: Worker, sites: string): Promise<StoredTabVerdict> {
  const url = `${sites}/${HOSTILE}/navigate.html?nav=${nav}`;
  await page.goto(url);
  const record = await warningFor(context, sw, page, url);
  expect(record.verdict.warn).toBe(true);
  await expect.poll(() => badgeText(currentWorker(context, sw), record.tabId)).toBe('!');
  await expect.poll(async () => (await hostileState(page)).navigated ?? null, { timeout: 10_000 }).not.toBeNull();
  await page.waitForTimeout(1_000);
  return record;
}

for (const nav of ['push', 'replace', 'hash', 'loop'] as const) {
  test(`a same-document navigation (${nav}) does not clear the toolbar warning`, async ({ page, context, serviceWorker, sites }) => {
    const record = await navigateAway(nav, page, context, serviceWorker, sites);
    // Sampled over 2 s (for 'loop' while the page keeps changing its URL): the badge shows the warning throughout.
    const samples: string[] = [];
    for (let i = 0; i < 10; i++, await page.waitForTimeout(200)) samples.push(await badgeText(currentWorker(context, serviceWorker), record.tabId));
    expect(samples, 'badge after the navigation').toEqual(samples.map(() => '!'));
    if (nav === 'loop') return; // the stored verdict under a URL loop: next test
    const after = (await storedVerdicts(currentWorker(context, serviceWorker))).find((r) => r.tabId === record.tabId);
    expect(after?.verdict.warn, 'stored verdict after the navigation (the popup reads it)').toBe(true);
  });
}

test('the popup keeps the verdict while the page keeps changing its URL', async ({ page, context, serviceWorker, sites }) => {
  const record = await navigateAway('loop', page, context, serviceWorker, sites);
  const samples: boolean[] = [];
  for (let i = 0; i < 10; i++, await page.waitForTimeout(200)) {
    samples.push((await storedVerdicts(currentWorker(context, serviceWorker))).find((r) => r.tabId === record.tabId)?.verdict.warn === true);
  }
  expect(samples).toEqual(samples.map(() => true));
});

test('a new document forgets the old verdict: the popup never shows a warning for a page that did not earn it', async ({ page, context, serviceWorker, sites }) => {
  const url = `${sites}/${HOSTILE}/navigate.html?nav=none`;
  await page.goto(url);
  const record = await warningFor(context, serviceWorker, page, url);
  expect(record.verdict.warn).toBe(true);
  // about:blank runs no content script, so nothing will report for it: the stored verdict must go by itself.
  await page.goto('about:blank');
  await expect
    .poll(async () => (await storedVerdicts(currentWorker(context, serviceWorker))).some((r) => r.tabId === record.tabId), { timeout: 10_000 })
    .toBe(false);
});
