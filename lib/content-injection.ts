/**
 * The main content script (entrypoints/content.tsx) is not declared in the manifest: the background injects it into
 * a tab's top frame once the page has loaded (tabs.onUpdated, status "complete"), and into the tabs already open when
 * Redflag is installed or updated.
 *
 * Why: Chromium makes a page load slower as soon as an extension declares ANY content script for it, even an empty
 * one. Measured on the heavy benchmark page (`npm run bench -- pageload`, 2026-11-22, Chromium 156): load event
 * ~90 ms with no content script declared, ~215 ms with one empty `document_idle` script, ~185 ms with one empty
 * `document_start` script. The content script did nothing before `load` anyway (it waits for load and idle time), so
 * injecting it after `load` costs the page nothing and protects the same pages.
 *
 * One copy per document: the content script claims the document first thing in main() (`claimDocument`); the
 * background asks before injecting (`isClaimed`, a one-line function run in the same isolated world) so a page that
 * reports "complete" again and again (pushState, hash changes, back/forward cache) is not given the 130 kB bundle
 * again. A copy orphaned by an extension update does not count: its claim checks that it is still valid.
 */
import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';

/** The built main content script (WXT: entrypoints/content.tsx with `registration: 'runtime'`). */
export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';

/** Property of the content scripts' isolated world holding the running copy's liveness check. */
export const CLAIM_KEY = '__redflagContentClaim';

/**
 * Content script, first thing in main(): claim this document for this copy. False when a live copy already runs here
 * (then this one must stop). `alive` tells later copies whether this one still runs (not invalidated or orphaned).
 */
export function claimDocument(alive: () => boolean, world: object = globalThis): boolean {
  if (isClaimed(CLAIM_KEY, world)) return false;
  Object.defineProperty(world, CLAIM_KEY, { value: alive, configurable: true, enumerable: false, writable: false });
  return true;
}

/**
 * Whether a live copy has claimed the document. Self-contained: the background runs it in the page's isolated world
 * (scripting.executeScript serialises the function, not its closure), where `world` defaults to that world's global.
 */
export function isClaimed(key: string, world: object = globalThis): boolean {
  const check = (world as Record<string, unknown>)[key];
  if (typeof check !== 'function') return false;
  try {
    return (check as () => unknown)() === true;
  } catch {
    return false;
  }
}

/** Pages Redflag protects: http(s) documents (the host permissions in the manifest). */
export function isWebPage(url: string | undefined): url is string {
  return typeof url === 'string' && /^https?:\/\//i.test(url);
}

/** An open tab as `tabs.query` reports it (the fields the sweep needs). */
export interface OpenTab {
  id?: number;
  url?: string;
}

/**
 * Background, when Redflag is installed, updated or the browser starts: the tabs already open get what a tab update
 * would have given them, the early address check and the content script. Their earlier updates are lost to this worker
 * (measured: a page that was still loading when the worker started never got a "complete" update in 2 of 12 runs), so
 * a page still loading is not left to its own "complete" update: it gets the script now, which the browser runs once
 * the document is idle, and which waits for `load` itself (entrypoints/content.tsx keeps its injection result from
 * waiting for it).
 */
export function sweepOpenTabs(open: readonly OpenTab[], act: { checkAddress(tabId: number, url: string): void; protect(tabId: number): void }): void {
  for (const tab of open) {
    if (tab.id === undefined || tab.id < 0 || !isWebPage(tab.url)) continue;
    act.checkAddress(tab.id, tab.url);
    act.protect(tab.id);
  }
}

export interface InjectorDeps {
  /** Whether the tab's top frame already runs a live copy. */
  claimed(tabId: number): Promise<boolean>;
  /** Start injecting the content script into the tab's top frame (resolves once the injection is under way). */
  inject(tabId: number): Promise<void>;
}

export type InjectionOutcome = 'present' | 'injected' | 'failed';

/**
 * Background: make sure the tab's top frame runs the content script. Never throws: a tab that cannot be scripted
 * (closed meanwhile, an error page, a page the browser protects) is 'failed'.
 */
export function createContentInjector(deps: InjectorDeps): (tabId: number) => Promise<InjectionOutcome> {
  return async (tabId) => {
    try {
      if (await deps.claimed(tabId)) return 'present';
      await deps.inject(tabId);
      return 'injected';
    } catch (error) {
      console.debug('[redflag] content script not injected', tabId, error);
      return 'failed';
    }
  };
}

/**
 * The injector on the browser's scripting API (Chrome MV3; Firefox 102+ also in MV2). The one-line probe runs at once
 * (`injectImmediately`: waiting for a stalled page to become idle would hold the tab's queue, and its early address
 * check, for ever). The content script itself is injected without it: the browser runs it once the document is idle,
 * the moment a declared `document_idle` script would run, so a tab still loading when Redflag is installed is never
 * given the bundle in the middle of its parse.
 */
export const scriptingInjector: InjectorDeps = {
  async claimed(tabId) {
    const [result] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, injectImmediately: true, func: isClaimed, args: [CLAIM_KEY] });
    return result?.result === true;
  },
  async inject(tabId) {
    // The file's completion value is the content script's main() promise, which the browser waits for. main() settles
    // at once (entrypoints/content.tsx runs the scan detached), but a busy page can still delay it, and the tab's queue
    // (with the page's own report) must not wait for that. So it is not awaited: the script's first statements
    // (claimDocument) run before any later injection into the frame, and a copy that finds the document claimed stops.
    void browser.scripting
      .executeScript({ target: { tabId, frameIds: [0] }, files: [CONTENT_SCRIPT_FILE] })
      .catch((error: unknown) => console.debug('[redflag] content script not injected', tabId, error));
  },
};

/**
 * A file the content script asked for (the engine, the banner: lib/injected-script.ts), into the tab's top frame,
 * where the content script runs; the file only hands its code over to the content script.
 */
export async function injectIntoTopFrame(tabId: number, file: ScriptPublicPath): Promise<{ ok: true }> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [file] });
  return { ok: true };
}
