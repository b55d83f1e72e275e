/**
 * Helpers for the hostile-page specs (tests/e2e/hostile-*.spec.ts): what the page did (window.__hostile), the
 * warning as the extension holds it (stored verdict + toolbar badge, both out of the page's reach), and the popup.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { badgeText, EXTENSION_DIR, expect, storedVerdicts, type StoredTabVerdict } from './fixtures';

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

/**
 * Content-script entrypoint names of the built extension (content-scripts/<name>.js in the package, whether declared
 * in the manifest or injected by the background): a page can read them from the published package.
 */
export function contentScriptNames(): string[] {
  return readdirSync(join(EXTENSION_DIR, 'content-scripts'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => f.replace(/\.js$/, ''));
}

const MARKER = '__redflagBeforeRestart';

/**
 * Stops the extension's service worker the ways Chrome and DevTools do (Target.closeTarget on the worker target,
 * then ServiceWorker.stopAllWorkers), after marking the running instance. Wake it with an event afterwards (open a
 * page) and call expectFreshWorker() to check a new instance is serving.
 */
export async function stopServiceWorker(context: BrowserContext, from: Page, extensionId: string): Promise<void> {
  await currentWorker(context, context.serviceWorkers()[0]!).evaluate((m) => Object.assign(globalThis, { [m]: true }), MARKER);
  const cdp = await context.newCDPSession(from);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
    expect(worker, 'the extension service worker target').toBeDefined();
    await cdp.send('Target.closeTarget', { targetId: worker!.targetId }).catch(() => {});
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach().catch(() => {});
  }
  await from.waitForTimeout(1_500);
}

/** Every running instance of the extension's worker is a fresh one (no marker from before the stop). */
export async function expectFreshWorker(context: BrowserContext): Promise<void> {
  await expect(async () => {
    const workers = context.serviceWorkers();
    expect(workers.length).toBeGreaterThan(0);
    const marked = await Promise.all(workers.map((w) => w.evaluate((m) => m in globalThis, MARKER).catch(() => false)));
    expect(marked, 'the worker from before the stop is still running').not.toContain(true);
  }).toPass({ timeout: 15_000 });
}
