/**
 * A page's address reaches the background as soon as the page starts (document_start), before the main content
 * script scans it (it waits for load and idle time). No permission is needed: the browser names the sending frame
 * (`Port.sender.url`, `sender.tab`), which the page cannot forge. No tldts here: the content-script side must stay small.
 */
import { browser, type Browser } from 'wxt/browser';
import { answerDocumentIdQuestion, DOCUMENT_ID, thisDocumentId } from './document-id';

export const EARLY_ADDRESS_PORT = 'redflag-early-address';

/**
 * Content script (top frame, document_start): tell the background this tab now shows a new document, and answer its
 * document-id question until the main content script does too (a stalled page never reaches document_idle).
 */
export function announceAddress(): void {
  try {
    const listener = (raw: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: unknown) => void) => {
      answerDocumentIdQuestion(raw, sender, browser.runtime.id, sendResponse);
      return false;
    };
    browser.runtime.onMessage.addListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
    // The port's name carries the document id the main content script will report with (lib/document-id.ts).
    browser.runtime.connect({ name: `${EARLY_ADDRESS_PORT}#${thisDocumentId()}` }).disconnect();
  } catch {
    /* extension reloaded or context gone: the main content script reports later anyway */
  }
}

export interface EarlyAddress {
  tabId: number;
  url: string;
  /** The new document's id (lib/document-id.ts), when the port named a well-formed one. */
  document?: string;
}

/** The tab, address and document of a port opened by our own content script in a tab's top frame, else null. */
export function earlyAddressOf(port: Browser.runtime.Port, ownId: string = browser.runtime.id): EarlyAddress | null {
  const s = port.sender;
  const [name, document] = port.name.split('#', 2);
  if (name !== EARLY_ADDRESS_PORT || !s || s.id !== ownId || typeof s.tab?.id !== 'number' || s.tab.id < 0) return null;
  if (s.frameId !== undefined && s.frameId !== 0) return null;
  if (typeof s.url !== 'string' || !/^https?:\/\//i.test(s.url)) return null;
  return document !== undefined && DOCUMENT_ID.test(document) ? { tabId: s.tab.id, url: s.url, document } : { tabId: s.tab.id, url: s.url };
}

/** Background: call `check` with each tab's address as its top frame starts a new document. */
export function onEarlyAddress(check: (found: EarlyAddress) => void): void {
  browser.runtime.onConnect.addListener((port) => {
    const found = earlyAddressOf(port);
    if (found) check(found);
  });
}
