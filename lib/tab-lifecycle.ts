/**
 * When does a tab's stored verdict stop being true? When the tab shows another document, not whenever its URL changes.
 *
 * Chrome and Firefox report `history.pushState`, `replaceState` and hash changes as tab updates (status "loading",
 * a new `url`), exactly like a new page. A scam page can do that every 100 ms; forgetting the verdict on each update
 * would empty the popup while the page stays the same. So on each update the background asks the tab's top frame
 * which document it shows (the content script's `thisDocumentId()`, lib/messaging.ts) and forgets the verdict only
 * when that is not the document that reported it: another document answered, or nothing did (a new page whose content
 * script has not started, a browser page, a closed tab).
 *
 * Every operation on one tab runs after the previous one finished, so a check that started before a new document's
 * report cannot erase that report.
 */
import type { TabVerdict } from '@/lib/storage/tab-verdicts';

export interface TabLifecycleDeps {
  get(tabId: number): Promise<TabVerdict | null>;
  clear(tabId: number): Promise<void>;
  /** The id of the document the tab's top frame shows now, or null when no content script answers. */
  askDocument(tabId: number): Promise<string | null>;
}

export type NavigationOutcome = 'none' | 'kept' | 'cleared';

export interface TabLifecycle {
  /** Run `work` after every earlier operation on this tab has settled (reports, checks, removal). */
  serial<T>(tabId: number, work: () => Promise<T>): Promise<T>;
  /**
   * The tab was updated (status or URL changed; `url`: its address now): keep the verdict only if the same document
   * still shows, or, for the early address verdict (no document yet), while the tab shows the same address.
   */
  updated(tabId: number, url?: string): Promise<NavigationOutcome>;
  /** The tab was closed. */
  removed(tabId: number): Promise<void>;
}

export function createTabLifecycle(deps: TabLifecycleDeps): TabLifecycle {
  const queues = new Map<number, Promise<unknown>>();

  const serial = <T>(tabId: number, work: () => Promise<T>): Promise<T> => {
    const previous = queues.get(tabId) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    queues.set(tabId, settled);
    void settled.then(() => {
      if (queues.get(tabId) === settled) queues.delete(tabId);
    });
    return next;
  };

  return {
    serial,
    updated: (tabId, url) =>
      serial(tabId, async () => {
        const stored = await deps.get(tabId);
        if (!stored) return 'none';
        if (stored.early && url !== undefined && stored.url === url) return 'kept';
        const showing = stored.document ? await deps.askDocument(tabId) : null;
        if (showing !== null && showing === stored.document) return 'kept';
        await deps.clear(tabId);
        return 'cleared';
      }),
    removed: (tabId) => serial(tabId, () => deps.clear(tabId)),
  };
}
