/**
 * URL findings in the extension: an ordinary login page (the content scan alone finds nothing) served from a
 * look-alike of PayPal's domain gets the banner, the badge and the URL finding in the popup, because the background
 * merges lib/url's findings for the page URL into the tab verdict. The same page on paypal.com does not warn.
 * Real hostnames are routed to the local fixture (Playwright `context.route`); nothing leaves the machine.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { WxtBrowser } from 'wxt/browser';
import { bannerView } from './closed-shadow';
import { badgeText, expect, storedVerdicts, test, waitForVerdict } from './fixtures';

declare const chrome: WxtBrowser;

const LOGIN = readFileSync(resolve(import.meta.dirname, 'sites/url/login.html'), 'utf8');

/** The toolbar badge text of every open tab (the background cannot read tab addresses: no "tabs" permission). */
async function badgeTexts(sw: Worker): Promise<string[]> {
  return sw.evaluate(async () => Promise.all((await chrome.tabs.query({})).map((t) => chrome.action.getBadgeText({ tabId: t.id! }))));
}

/**
 * Opens `${origin}/`, a page that never finishes loading (a script that never arrives): the main content script waits
 * for load, so it never scans it, and only the background's early address check can set the badge.
 */
async function openStalled(page: Page, context: BrowserContext, origin: string, html: string): Promise<void> {
  await context.route(`${origin}/stall.js`, () => {
    /* never answered */
  });
  const body = `<!doctype html>${html}<script src="/stall.js"></script><p>after</p>`;
  await context.route(`${origin}/`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
  await page.goto(`${origin}/`, { waitUntil: 'commit' });
}

async function serveLogin(context: BrowserContext, origin: string): Promise<void> {
  await context.route(`${origin}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: LOGIN }));
}

test.describe('URL findings', () => {
  test('a login page on a look-alike domain warns: banner, badge, URL finding in the popup', async ({ page, context, serviceWorker, extensionId }) => {
    await serveLogin(context, 'http://paypa1-secure-login.com');
    await page.goto('http://paypa1-secure-login.com/signin');

    // The banner lives in a closed shadow root (SECURITY.md): read through the closed-shadow helper.
    await expect.poll(async () => (await bannerView(page))?.visible ?? false, { timeout: 15_000 }).toBe(true);
    const stored = await waitForVerdict(serviceWorker, page);
    expect(stored.verdict.warn).toBe(true);
    expect(stored.verdict.type).toBe('impersonation');
    const finding = stored.verdict.findings.find((f) => f.rule === 'url-lookalike-domain');
    expect(finding, JSON.stringify(stored.verdict.findings.map((f) => f.rule))).toBeDefined();
    // The page text alone is an ordinary login form: only the URL finding is in the verdict.
    expect(stored.verdict.findings.every((f) => f.rule.startsWith('url-'))).toBe(true);
    await expect.poll(() => badgeText(serviceWorker, stored.tabId)).not.toBe('');

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${stored.tabId}`);
    const item = popup.locator('article.finding[data-rule="url-lookalike-domain"]');
    await expect(item).toBeVisible();
    await expect(item.locator('.why')).not.toBeEmpty();
    await expect(item.locator('.advice')).not.toBeEmpty();
  });

  test("the same page on the brand's own domain does not warn", async ({ page, context, serviceWorker }) => {
    await serveLogin(context, 'https://www.paypal.com');
    await page.goto('https://www.paypal.com/signin');
    const stored = await waitForVerdict(serviceWorker, page);
    expect(stored.verdict.warn).toBe(false);
    expect(stored.verdict.findings.filter((f) => f.rule.startsWith('url-'))).toEqual([]);
    expect(await badgeText(serviceWorker, stored.tabId)).toBe('');
    // The background had the whole report to decide on; give a stray banner message time to arrive anyway.
    await page.waitForTimeout(500);
    await expect(page.locator('redflag-warning')).toHaveCount(0);
  });

  test('a look-alike address gets the badge before the page has loaded (early check, no content verdict yet)', async ({ page, context, serviceWorker, extensionId }) => {
    await openStalled(page, context, 'http://metamask-wallet-connect.com', '<title>Connect</title><p>Connect your wallet</p>');
    // Chrome holds storage.managed reads back while the page loads; the early check does not wait for them
    // (lib/early-url-check.ts presentEarly), so the badge comes within the poll's default timeout.
    await expect.poll(() => badgeTexts(serviceWorker)).toContain('!');
    expect(await page.evaluate(() => document.readyState)).toBe('loading');
    // The main content script has not reported: the stored verdict is the address check's, so the popup explains the
    // badge, and it holds while the page stays the same document (it does not go with the next tab update).
    await expect.poll(async () => (await storedVerdicts(serviceWorker)).length).toBe(1);
    const [early] = await storedVerdicts(serviceWorker);
    expect(early).toMatchObject({ early: true, url: 'http://metamask-wallet-connect.com/' });
    expect(early!.verdict.findings.every((f) => f.rule.startsWith('url-'))).toBe(true);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${early!.tabId}`);
    await expect(popup.locator('article.finding[data-rule^="url-"]').first()).toBeVisible();
    await expect(popup.locator('.verdict-early')).toContainText('only its address');
    await page.waitForTimeout(1_000);
    expect(await storedVerdicts(serviceWorker)).toHaveLength(1);
  });

  test('an ordinary address gets no early badge', async ({ page, context, serviceWorker }) => {
    await openStalled(page, context, 'http://wallet-guide.example.org', '<title>Guide</title><p>How wallets work</p>');
    await page.waitForTimeout(2_000); // well past the early check's settings wait (0.5 s)
    expect(await page.evaluate(() => document.readyState)).toBe('loading');
    expect(await badgeTexts(serviceWorker)).not.toContain('!');
  });
});
