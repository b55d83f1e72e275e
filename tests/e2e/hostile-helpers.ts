/**
 * Helpers for the hostile-page specs (tests/e2e/hostile-*.spec.ts): what the page did (window.__hostile), the
 * warning as the extension holds it (stored verdict + toolbar badge, both out of the page's reach), and the popup.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { badgeText, expect, storedVerdicts, type StoredTabVerdict } from './fixtures';

export const HOSTILE = 'hostile';

/** The current service worker (a restarted worker is a new Worker object). */
export function currentWorker(context: BrowserContext, fallback: Worker): Worker {
  return context.serviceWorkers().at(-1) ?? fallback;
}

/**
 * Waits until the page's verdict is stored, then returns it (like waitForVerdict, restart-tolerant).
 * `url`: the URL the verdict was reported for, when the page may have changed its URL since.
 */
export async function warningFor(context: BrowserContext, sw: Worker, page: Page, url = page.url()): Promise<StoredTabVerdict> {
  let found: StoredTabVerdict | undefined;
  await expect(async () => {
    found = (await storedVerdicts(currentWorker(context, sw))).find((r) => r.url === url);
    expect(found, `no verdict stored for ${url}: the content script never reported`).toBeDefined();
  }).toPass({ timeout: 15_000 });
  return found!;
}

/**
 * The warning the page must not be able to suppress: the stored verdict warns, and the toolbar badge shows it, now
 * and after `holdMs` more of the page's hostile activity.
 */
export async function expectWarningHolds(context: BrowserContext, sw: Worker, page: Page, holdMs = 1_500): Promise<StoredTabVerdict> {
  const record = await warningFor(context, sw, page);
  expect(record.verdict.warn, 'the scam page must produce a warning verdict').toBe(true);
  await expect.poll(() => badgeText(currentWorker(context, sw), record.tabId)).toBe('!');
  await page.waitForTimeout(holdMs);
  const again = (await storedVerdicts(currentWorker(context, sw))).find((r) => r.tabId === record.tabId);
  expect(again?.verdict.warn, 'the stored verdict was replaced by a non-warning').toBe(true);
  expect(await badgeText(currentWorker(context, sw), record.tabId), 'the toolbar badge was cleared').toBe('!');
  return record;
}

/** What the page's hostile script recorded (page world). */
export function hostileState<T = Record<string, unknown>>(page: Page): Promise<T> {
  return page.evaluate(() => (window as unknown as { __hostile?: unknown }).__hostile ?? {}) as Promise<T>;
}

/** Opens the popup for a tab, as the toolbar button would. */
export async function openPopup(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

/** Content-script entrypoint names of the built extension (content-scripts/<name>.js in the manifest). */
export async function contentScriptNames(sw: Worker): Promise<string[]> {
  const manifest = (await sw.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): unknown } } }).chrome.runtime.getManifest())) as {
    content_scripts?: { js?: string[] }[];
  };
  return (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []).map((js) => js.replace(/^content-scripts\//, '').replace(/\.js$/, ''));
}

/**
 * Stops the extension's service worker (as Chrome does when it is idle) and waits until the old instance is gone:
 * a marker set in the old worker is no longer there. The worker target is closed through CDP (Target.closeTarget);
 * the next event starts a fresh instance. `from` must be a web page (from an extension page the close is refused).
 */
export async function restartServiceWorker(context: BrowserContext, from: Page, extensionId: string): Promise<void> {
  const before = currentWorker(context, context.serviceWorkers()[0]!);
  await before.evaluate(() => Object.assign(globalThis, { __beforeRestart: true }));
  const cdp = await context.newCDPSession(from);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  expect(worker, 'the extension service worker target').toBeDefined();
  await cdp.send('Target.closeTarget', { targetId: worker!.targetId });
  await expect
    .poll(() => before.evaluate(() => '__beforeRestart' in globalThis).catch(() => 'stopped'), { timeout: 15_000 })
    .not.toBe(true);
  await cdp.detach().catch(() => {});
}
