/**
 * A random id for the document a content script runs in. Redflag's content scripts in one frame share one isolated
 * world (Chrome and Firefox), so the id lives on that world's global: the tiny `document_start` script
 * (entrypoints/address.content.ts) and the main content script report the same id. Page scripts run in another world
 * and can neither read nor set it. A same-document navigation (pushState, a hash change) keeps the id; a new document
 * gets new content scripts and so a new id.
 */
import type { Browser } from 'wxt/browser';

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
 * `sender.tab`). Returns true when `raw` was that question. Both content scripts answer, with the same id.
 */
export function answerDocumentIdQuestion(raw: unknown, sender: Browser.runtime.MessageSender, ownId: string, sendResponse: (reply: unknown) => void): boolean {
  const q = raw as { envelope?: unknown; type?: unknown } | null;
  if (sender.id !== ownId || sender.tab !== undefined || typeof q !== 'object' || q === null) return false;
  if (q.envelope !== DOCUMENT_ID_QUESTION.envelope || q.type !== DOCUMENT_ID_QUESTION.type) return false;
  sendResponse({ document: thisDocumentId() });
  return true;
}
