/**
 * URL findings in the extension: an ordinary login page (the content scan alone finds nothing) served from a
 * look-alike of PayPal's domain gets the banner, the badge and the URL finding in the popup, because the background
 * merges lib/url's findings for the page URL into the tab verdict. The same page on paypal.com does not warn.
 * Real hostnames are routed to the local fixture (Playwright `context.route`); nothing leaves the machine.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { badgeText, expect, test, waitForVerdict } from './fixtures';

const LOGIN = readFileSync(resolve(import.meta.dirname, 'sites/url/login.html'), 'utf8');

async function serveLogin(context: BrowserContext, origin: string): Promise<void> {
  await context.route(`${origin}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: LOGIN }));
}

test.describe('URL findings', () => {
  test('a login page on a look-alike domain warns: banner, badge, URL finding in the popup', async ({ page, context, serviceWorker, extensionId }) => {
    await serveLogin(context, 'http://paypa1-secure-login.com');
    await page.goto('http://paypa1-secure-login.com/signin');

    const banner = page.locator('redflag-warning').getByRole('alert');
    await expect(banner).toBeVisible({ timeout: 15_000 });
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
});
