/**
 * Zalo Web (chat.zalo.me). Outgoing messages carry the class `me`; the URL does not name the chat,
 * so the conversation id is the header's title.
 */
import { defineChatSite, headerConversation } from './chat-site';
import type { SiteAdapter } from './types';

export const zalo: SiteAdapter = {
  id: 'zalo',
  name: 'Zalo Web',
  kind: 'chat',
  matches: (url) => url.hostname === 'chat.zalo.me',
  chat: defineChatSite({
    root: ['#messageViewScroll', '#messageView', '.chat-box-content'],
    message: '.chat-item',
    text: ['[data-component="text-container"]', '.text', '.card--text'],
    exclude: '.card-send-time, .msg-time',
    direction: (el) => (el.classList.contains('me') ? 'me' : 'them'),
    id: (el) => el.getAttribute('data-id') ?? el.getAttribute('data-msg-id'),
    conversationId: (doc) => headerConversation(doc, ['#header .header-title', '.header-title', '.conv-title']),
  }),
};
