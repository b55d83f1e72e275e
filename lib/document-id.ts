/**
 * A random id for the document a content script runs in. It lives on the global of Redflag's isolated world (Chrome
 * and Firefox), which page scripts can neither read nor set. A same-document navigation (pushState, a hash change)
 * keeps the id; a new document gets a new content script (lib/content-injection.ts) and so a new id.
 */
import { browser, type Browser } from 'wxt/browser';

const KEY = '__redflagDocumentId';

/** The background's question "which document do you show?" (lib/messaging.ts askDocumentId). */
export const DOCUMENT_ID_QUESTION = { envelope: 'redflag-tab/1', type: 'document-id', data: {} } as const;

/** What a document id looks like on the wire; anything else is dropped. */
export const DOCUMENT_ID = /^[\w-]{1,64}$/;

export function thisDocumentId(): string {
  const world = globalThis as { [KEY]?: unknown };
  const existing = world[KEY];
  if (typeof existing === 'string' && DOCUMENT_ID.test(existing)) return existing;
  // Not crypto.randomUUID: it exists only in secure contexts, and a content script on an http: page is not one.
  const id = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  Object.defineProperty(world, KEY, { value: id, configurable: false, enumerable: false, writable: false });
  return id;
}

/**
 * Content script: answer the background's document-id question (only from this extension's background, which has no
 * `sender.tab`). Returns true when `raw` was that question. A copy that replaces an orphaned one answers with the same id.
 */
export function answerDocumentIdQuestion(raw: unknown, sender: Browser.runtime.MessageSender, ownId: string, sendResponse: (reply: unknown) => void): boolean {
  const q = raw as { envelope?: unknown; type?: unknown } | null;
  if (sender.id !== ownId || sender.tab !== undefined || typeof q !== 'object' || q === null) return false;
  if (q.envelope !== DOCUMENT_ID_QUESTION.envelope || q.type !== DOCUMENT_ID_QUESTION.type) return false;
  sendResponse({ document: thisDocumentId() });
  return true;
}

/**
 * Content script, first thing in main(): answer the background's document-id question from now on (the rest of the
 * content script's messages are handled once its engine is ready). Returns a function that removes the listener.
 */
export function answerDocumentIds(): () => void {
  const listener = (raw: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: unknown) => void) => {
    answerDocumentIdQuestion(raw, sender, browser.runtime.id, sendResponse);
    return false;
  };
  browser.runtime.onMessage.addListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
  return () => browser.runtime.onMessage.removeListener(listener as Parameters<typeof browser.runtime.onMessage.removeListener>[0]);
}
