/**
 * A page's address reaches the background as soon as the page starts (document_start), before the main content
 * script scans it (it waits for load and idle time). No permission is needed: the browser names the sending frame
 * (`Port.sender.url`, `sender.tab`), which the page cannot forge. No tldts here: the content-script side must stay small.
 */
import { browser, type Browser } from 'wxt/browser';

export const EARLY_ADDRESS_PORT = 'redflag-early-address';

/** Content script (top frame, document_start): tell the background this tab now shows a new document. */
export function announceAddress(): void {
  try {
    browser.runtime.connect({ name: EARLY_ADDRESS_PORT }).disconnect();
  } catch {
    /* extension reloaded or context gone: the main content script reports later anyway */
  }
}

/** The tab and address of a port opened by our own content script in a tab's top frame, else null. */
export function earlyAddressOf(port: Browser.runtime.Port, ownId: string = browser.runtime.id): { tabId: number; url: string } | null {
  const s = port.sender;
  if (port.name !== EARLY_ADDRESS_PORT || !s || s.id !== ownId || typeof s.tab?.id !== 'number' || s.tab.id < 0) return null;
  if (s.frameId !== undefined && s.frameId !== 0) return null;
  return typeof s.url === 'string' && /^https?:\/\//i.test(s.url) ? { tabId: s.tab.id, url: s.url } : null;
}

/** Background: call `check` with each tab's address as its top frame starts a new document. */
export function onEarlyAddress(check: (tabId: number, url: string) => void): void {
  browser.runtime.onConnect.addListener((port) => {
    const found = earlyAddressOf(port);
    if (found) check(found.tabId, found.url);
  });
}
