/**
 * Messenger (messenger.com and facebook.com/messages). Messages are `role="row"` elements; the markup
 * has no stable direction class, so direction comes from the hidden "You sent" heading when present,
 * else from where the bubble sits (right = me).
 */
import { hostIs, queryAll } from './dom';
import { defineChatSite, headerConversation } from './chat-site';
import type { Direction } from './chat-site';
import type { SiteAdapter } from './types';

/** The screen-reader heading Meta puts before each message group ("You sent", "Dara sent"). */
export function sentHeadingDirection(el: Element): Direction {
  for (const h of queryAll(el, 'h4, h5, h6')) {
    const t = (h.textContent ?? '').trim();
    if (/^you sent\b/i.test(t)) return 'me';
    if (/\bsent\b/i.test(t)) return 'them';
  }
  return 'unknown';
}

export const messenger: SiteAdapter = {
  id: 'messenger',
  name: 'Messenger',
  kind: 'chat',
  matches: (url) => hostIs(url, 'messenger.com') || ((hostIs(url, 'facebook.com')) && /^\/messages(?:\/|$)/.test(url.pathname)),
  chat: defineChatSite({
    root: ['[role="main"] [aria-label^="Messages in conversation"]', '[role="main"] [role="grid"]', '[role="main"]'],
    message: '[role="row"]',
    text: ['div[dir="auto"]'],
    exclude: 'h4, h5, h6',
    direction: sentHeadingDirection,
    layoutDirection: true,
    id: (el) => el.getAttribute('data-message-id'),
    conversationId: (doc, url) => {
      const m = /\/(?:messages\/)?(?:e2ee\/)?t\/([\w.-]+)/.exec(url.pathname);
      return m ? `fbm:${m[1]}` : headerConversation(doc, ['[role="main"] h2', '[role="main"] h1']);
    },
  }),
};
