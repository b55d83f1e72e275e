/**
 * Page-level impersonation in the extension: a short sign-in page that names a bank and asks for a password and a
 * one-time code, on a domain that is not the bank's, warns as impersonation (the content script sends the short text of
 * pages with a secret field; the background runs lib/url's brand-claim check). The same page on the bank's own domain
 * does not warn. Real hostnames are routed to the local fixture; nothing leaves the machine.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { expect, test, waitForVerdict } from './fixtures';

const PAGE = readFileSync(resolve(import.meta.dirname, 'sites/url/bank-login.html'), 'utf8');

async function serve(context: BrowserContext, origin: string): Promise<void> {
  await context.route(`${origin}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: PAGE }));
}

test('a bank sign-in page on an unrelated domain warns as impersonation, with the claimed name as evidence', async ({ page, context, serviceWorker }) => {
  // No look-alike in the host: only the page's claim gives it away.
  await serve(context, 'https://secure-account-review.net');
  await page.goto('https://secure-account-review.net/login');
  await expect(page.locator('redflag-warning').getByRole('alert')).toBeVisible({ timeout: 15_000 });
  const stored = await waitForVerdict(serviceWorker, page);
  expect(stored.verdict).toMatchObject({ warn: true, type: 'impersonation' });
  const claim = stored.verdict.findings.find((f) => f.rule === 'url-brand-claim-credentials');
  expect(claim, JSON.stringify(stored.verdict.findings.map((f) => f.rule))).toBeDefined();
  expect(claim!.message).toMatch(/Maybank/);
  // The page text is used for the check, never stored with the tab verdict.
  expect(stored).not.toHaveProperty('claimText');
});

test("the same page on the bank's own domain does not warn", async ({ page, context, serviceWorker }) => {
  await serve(context, 'https://www.maybank2u.com.my');
  await page.goto('https://www.maybank2u.com.my/home/m2u/common/login.do');
  const stored = await waitForVerdict(serviceWorker, page);
  expect(stored.verdict.findings.map((f) => f.rule)).not.toContain('url-brand-claim-credentials');
  expect(stored.verdict.warn).toBe(false);
});
