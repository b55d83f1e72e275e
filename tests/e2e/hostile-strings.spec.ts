/**
 * Hostile strings that end up as evidence and in the page title: HTML, script, bidi overrides, a 1 MB word.
 * Extension UI (banner, popup, Details page) must render them as text, never as markup, keep bidi controls from
 * reordering its own text, and stay responsive (SECURITY.md, P3).
 */
import type { Page } from '@playwright/test';
import { bannerView, inClosedShadow } from './closed-shadow';
import { expect, test } from './fixtures';
import { expectWarningHolds, HOSTILE, openPopup } from './hostile-helpers';

/** What page strings would have created if they were ever parsed as HTML. */
const INJECTED = 'script, iframe, object, embed, img[src="x"], svg[onload], [onerror], [onload], [onclick]';

async function pwned(p: Page): Promise<unknown> {
  return p.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null);
}

test('markup, scripts and bidi overrides from the page are shown as text', async ({ page, context, serviceWorker, extensionId, sites }, testInfo) => {
  await page.goto(`${sites}/${HOSTILE}/strings.html`);
  const record = await expectWarningHolds(context, serviceWorker, page, 500);
  const evidence = record.verdict.findings.flatMap((f) => f.evidence.map((e) => e.text));
  // The hostile strings really became evidence (otherwise this test proves nothing).
  expect(evidence.some((t) => /<img src=x onerror|<svg onload|<script>/.test(t)), JSON.stringify(evidence)).toBe(true);
  expect(evidence.some((t) => t.includes('\u202E') || t.includes('\u2067'))).toBe(true);

  // The banner: text only (read through CDP, which sees open and closed shadow roots alike).
  await expect.poll(async () => (await bannerView(page))?.visible ?? false).toBe(true);
  expect(await inClosedShadow(page, 'redflag-warning', (root, sel: string) => root.querySelectorAll(`:is(${sel})`).length, INJECTED)).toBe(0);

  // The popup / Details page: quotes are text nodes carrying the literal markup; nothing ran.
  const popup = await openPopup(context, extensionId, record.tabId);
  await expect(popup.locator('.verdict-type')).toHaveText('Fake job offer');
  const quotes = popup.locator('.quote');
  await expect(quotes.first()).toBeVisible();
  const texts = await quotes.allTextContents();
  expect(texts.some((t) => /<img src=x onerror|<svg onload|<script>/.test(t))).toBe(true);
  expect(await popup.locator(`#app :is(${INJECTED})`).count()).toBe(0);
  // A quote is plain text: no element of any kind inside it.
  expect(await popup.locator('.quote *').count()).toBe(0);
  expect(await pwned(popup)).toBeNull();
  expect(await pwned(page)).toBeNull();

  // Bidi: every element showing page text is its own paragraph (block) or isolates its direction, so an RLO in a
  // quote cannot reverse the extension's own text around it.
  const leaks = await popup.locator('.quote').evaluateAll((els) =>
    els
      .filter((el) => /[\u202A-\u202E\u2066-\u2069]/.test(el.textContent ?? ''))
      .map((el) => ({ display: getComputedStyle(el).display, bidi: getComputedStyle(el).unicodeBidi }))
      .filter((s) => !['block', 'flex', 'grid', 'list-item', 'table'].includes(s.display) && !/isolate|plaintext/.test(s.bidi)),
  );
  expect(leaks).toEqual([]);

  await testInfo.attach('popup-with-hostile-evidence', { body: await popup.screenshot({ fullPage: true }), contentType: 'image/png' });
});

test('a 1 MB word on the page reaches neither the background nor the extension UI whole', async ({ page, context, serviceWorker, extensionId, sites }) => {
  await page.goto(`${sites}/${HOSTILE}/huge-word.html`);
  const record = await expectWarningHolds(context, serviceWorker, page, 500);
  // Evidence crossing into the background is clipped (lib/messaging LIMITS), whatever the engine matched.
  for (const f of record.verdict.findings) for (const e of f.evidence) expect(e.text.length).toBeLessThanOrEqual(300);
  expect(JSON.stringify(record).length).toBeLessThan(100_000);

  const popup = await openPopup(context, extensionId, record.tabId);
  await expect(popup.locator('.verdict-type')).toHaveText('Fake job offer');
  expect(await popup.evaluate(() => document.body.innerText.length)).toBeLessThan(50_000);
  expect(await popup.locator(`#app :is(${INJECTED})`).count()).toBe(0);
  expect(await pwned(popup)).toBeNull();
  expect(await pwned(page)).toBeNull();
});
