/**
 * A scam page pretends to be Redflag: it forges the event WXT content scripts use to stop an older copy of
 * themselves, posts messages shaped like Redflag's, tries the extension messaging API, and presses the banner's
 * buttons from script. None of it may stop the scan, replace the verdict, clear the badge or make the extension act
 * (open a page, dismiss on its behalf, trust the site) (SECURITY.md, P2).
 */
import { bannerView } from './closed-shadow';
import { expect, test } from './fixtures';
import { contentScriptNames, currentWorker, expectWarningHolds, hostileState, HOSTILE } from './hostile-helpers';

test.describe('hostile page forging Redflag', () => {
  test('forged "newer content script started" events do not switch the scan off', async ({ page, context, serviceWorker, extensionId, sites }) => {
    const names = contentScriptNames();
    expect(names.length).toBeGreaterThan(0);
    // The page knows the extension id (a store extension's id is public) and the entrypoint names (in the package).
    await page.goto(`${sites}/${HOSTILE}/forge-invalidate.html?id=${extensionId}&names=${names.join(',')}`);
    await expectWarningHolds(context, serviceWorker, page);
    await expect.poll(async () => (await bannerView(page))?.visible ?? false).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __forged: number }).__forged)).toBeGreaterThan(50);
  });

  test('messages pretending to be Redflag change nothing, and the page has no channel to the background', async ({ page, context, serviceWorker, extensionId, sites }) => {
    await page.goto(`${sites}/${HOSTILE}/forge-messages.html?id=${extensionId}`);
    const record = await expectWarningHolds(context, serviceWorker, page, 2_000);
    const state = await hostileState<{ sent: number; log: { what: string; value: unknown }[] }>(page);
    expect(state.sent).toBeGreaterThan(10);
    // No externally_connectable: the page does not even get chrome.runtime.sendMessage.
    expect(state.log.find((l) => l.what === 'chrome.runtime available')?.value).toBe(false);
    expect(state.log.some((l) => l.what === 'sendMessage reply' || l.what === 'connect')).toBe(false);
    // The forged "open-details" did not open anything, and the forged trust/settings did not stick.
    expect(context.pages().filter((p) => p.url().startsWith('chrome-extension://'))).toHaveLength(0);
    const settings = await currentWorker(context, serviceWorker).evaluate(() =>
      (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get(null),
    );
    expect(JSON.stringify(settings)).not.toContain(new URL(page.url()).hostname);
    expect(record.verdict.findings.length).toBeGreaterThan(0);
  });

  test('script-pressed banner buttons (untrusted events) make the extension do nothing', async ({ page, context, serviceWorker, sites }) => {
    await page.goto(`${sites}/${HOSTILE}/forge-clicks.html`);
    await expect.poll(async () => (await hostileState(page)).done, { timeout: 15_000 }).toBe(true);
    await expectWarningHolds(context, serviceWorker, page);
    const state = await hostileState<{ pressed: number }>(page);
    expect(state.pressed).toBeGreaterThanOrEqual(30);
    // Details (and any other banner action) needs a real user gesture: no extension page was opened.
    await page.waitForTimeout(500);
    expect(context.pages().map((p) => p.url()).filter((u) => u.startsWith('chrome-extension://'))).toEqual([]);
  });

  test('script-pressed "Trust this site" > "Always" does not make Redflag trust the page', async ({ page, context, serviceWorker, sites }) => {
    await page.goto(`${sites}/${HOSTILE}/forge-trust.html`);
    await expect.poll(async () => (await hostileState(page)).done ?? false, { timeout: 20_000 }).toBe(true);
    await expectWarningHolds(context, serviceWorker, page);
    const local = await currentWorker(context, serviceWorker).evaluate(() =>
      (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get(null),
    );
    expect(JSON.stringify(local), 'the page made Redflag trust it').not.toContain(new URL(page.url()).hostname);
    // The banner is still there: the page could not dismiss it through its buttons either.
    await expect.poll(async () => (await bannerView(page))?.visible ?? false).toBe(true);
  });
});
