/**
 * Builds a ChatSite from a declarative description: where the message list is, what one message
 * element is, where its text is, and how to tell its direction (them / me).
 */
import type { ChatMessage } from '@/lib/engine/types';
import { first, queryAll, textOf } from './dom';
import type { ChatMessageRead, ChatSite } from './types';

export type Direction = ChatMessage['from'];

export interface ChatSiteSpec {
  /** The container of the open conversation's messages, in order of preference. */
  root: readonly string[];
  /** One message element (matched inside the root). */
  message: string;
  /** The message's text inside the message element; the first selector that matches wins. Empty: the whole element. */
  text: readonly string[];
  /** Direction from the markup; return 'unknown' when the markup does not say. */
  direction(el: Element): Direction;
  /** The site's message id, when the markup carries one. */
  id?(el: Element): string | null;
  conversationId(doc: Document, url: URL): string | null;
  /** Elements inside the text to leave out (timestamps, read receipts, reactions). */
  exclude?: string;
  /** When the markup does not say the direction, compare the bubble's position to the list (right = me). */
  layoutDirection?: boolean;
}

const MAX_MESSAGE = 5_000;

export function defineChatSite(spec: ChatSiteSpec): ChatSite {
  return {
    messageSelector: spec.message,
    conversationId: (doc, url) => spec.conversationId(doc, url),
    messageRoot: (doc) => first(doc, spec.root),
    readMessage(el): ChatMessageRead | null {
      const textEl = first(el, spec.text) ?? (spec.text.length === 0 ? el : null);
      if (!textEl) return null;
      const text = textOf(textEl, MAX_MESSAGE, spec.exclude);
      if (!text) return null;
      let from = spec.direction(el);
      if (from === 'unknown' && spec.layoutDirection) from = directionByLayout(textEl, el);
      const read: ChatMessageRead = { from, text, el };
      const id = spec.id?.(el);
      if (id) read.id = id;
      return read;
    },
  };
}

/**
 * Outgoing bubbles sit on the right of the list, incoming ones on the left. Needs layout (a real browser);
 * returns 'unknown' when there is none (hidden element, parsed document).
 */
export function directionByLayout(bubble: Element, row: Element): Direction {
  if (typeof bubble.getBoundingClientRect !== 'function') return 'unknown';
  const b = bubble.getBoundingClientRect();
  const container = row.parentElement ?? row;
  const r = container.getBoundingClientRect();
  if (!b.width || !r.width || b.width >= r.width * 0.9) return 'unknown';
  const leftGap = b.left - r.left;
  const rightGap = r.right - b.right;
  if (Math.abs(leftGap - rightGap) < 8) return 'unknown';
  return rightGap < leftGap ? 'me' : 'them';
}

/** The text of a header element as a conversation id (sites whose URL does not name the chat). */
export function headerConversation(doc: Document, selectors: readonly string[]): string | null {
  const el = first(doc, selectors);
  const t = el ? textOf(el, 200).replace(/\s+/g, ' ').trim() : '';
  return t ? `name:${t}` : null;
}

/** Messages currently in the list, in document order. */
export function readAllMessages(site: ChatSite, root: Element): ChatMessageRead[] {
  const out: ChatMessageRead[] = [];
  const els = queryAll(root, site.messageSelector);
  for (let i = 0; i < els.length; i++) {
    const m = site.readMessage(els[i]!, i);
    if (m) out.push(m);
  }
  return out;
}
