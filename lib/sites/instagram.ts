/**
 * Instagram direct messages (instagram.com/direct/t/<thread>). Like Messenger, direction comes from the
 * "You sent" heading when present, else from where the bubble sits.
 */
import { hostIs } from './dom';
import { defineChatSite, headerConversation } from './chat-site';
import { sentHeadingDirection } from './messenger';
import type { SiteAdapter } from './types';

export const instagram: SiteAdapter = {
  id: 'instagram',
  name: 'Instagram direct messages',
  kind: 'chat',
  matches: (url) => hostIs(url, 'instagram.com') && url.pathname.startsWith('/direct/'),
  chat: defineChatSite({
    root: ['[aria-label^="Messages in conversation"]', '[role="main"] [role="grid"]', '[role="main"]'],
    message: '[role="row"]',
    text: ['div[dir="auto"]', 'span[dir="auto"]'],
    exclude: 'h4, h5, h6',
    direction: sentHeadingDirection,
    layoutDirection: true,
    conversationId: (doc, url) => {
      const m = /^\/direct\/t\/([\w-]+)/.exec(url.pathname);
      return m ? `ig:${m[1]}` : headerConversation(doc, ['[role="main"] header h2', '[role="main"] h2']);
    },
  }),
};
