/**
 * The latest verdict per browser tab, kept in session storage (`chrome.storage.session`): it survives a restarted
 * background service worker, is cleared when the browser closes, and is readable only by the extension's trusted
 * contexts (background, popup), never by content scripts.
 */
import { storage } from 'wxt/utils/storage';
import type { VerdictReport } from '@/lib/messaging';

export interface TabVerdict extends VerdictReport {
  tabId: number;
  /** Milliseconds since the epoch when the verdict arrived. */
  time: number;
  /** The reporting document's id (lib/messaging.ts thisDocumentId): the verdict holds while that document shows. */
  document?: string;
  /** Set when only the page's address was checked (lib/early-url-check.ts): the page itself has not reported yet. */
  early?: true;
}

const key = (tabId: number) => `session:tab-verdict:${tabId}` as const;

export async function getTabVerdict(tabId: number): Promise<TabVerdict | null> {
  return storage.getItem<TabVerdict>(key(tabId));
}

export async function setTabVerdict(record: TabVerdict): Promise<void> {
  await storage.setItem<TabVerdict>(key(record.tabId), record);
}

export async function clearTabVerdict(tabId: number): Promise<void> {
  await storage.removeItem(key(tabId));
}

/** Subscribe to changes of one tab's verdict (the popup updates live when a late scan arrives). */
export function watchTabVerdict(tabId: number, callback: (record: TabVerdict | null) => void): () => void {
  return storage.watch<TabVerdict>(key(tabId), (value) => callback(value ?? null));
}
