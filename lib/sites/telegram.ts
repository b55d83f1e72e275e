/**
 * Telegram Web, both clients: K (web.telegram.org/k/) and A (web.telegram.org/a/, formerly /z/).
 * The open chat is named by the URL hash (`#@username`, `#-100123`, `#123`).
 */
import { first } from './dom';
import { defineChatSite, headerConversation } from './chat-site';
import type { SiteAdapter } from './types';

const isTelegram = (url: URL) => url.hostname === 'web.telegram.org' || url.hostname === 'webk.telegram.org' || url.hostname === 'webz.telegram.org';

const hashPeer = (url: URL) => {
  const h = decodeURIComponent(url.hash.replace(/^#/, '')).trim();
  return h && h.length < 100 ? `tg:${h}` : null;
};

export const telegramK: SiteAdapter = {
  id: 'telegram-k',
  name: 'Telegram Web K',
  kind: 'chat',
  matches: (url) => (isTelegram(url) && url.pathname.startsWith('/k')) || url.hostname === 'webk.telegram.org',
  chat: defineChatSite({
    root: ['.chat.active .bubbles-inner', '.bubbles-inner', '.bubbles'],
    message: '.bubble[data-mid]',
    text: ['.translatable-message', '.message'],
    exclude: '.time, .time-inner, .reactions, .bubble-name-forwarded',
    direction: (el) => (el.classList.contains('is-out') ? 'me' : el.classList.contains('is-in') ? 'them' : 'unknown'),
    id: (el) => el.getAttribute('data-mid'),
    conversationId: (doc, url) => {
      const peer = first(doc, ['.chat.active .chat-info [data-peer-id]', '.chat-info [data-peer-id]'])?.getAttribute('data-peer-id');
      return hashPeer(url) ?? (peer ? `tg:${peer}` : headerConversation(doc, ['.chat-info .peer-title']));
    },
  }),
};

export const telegramA: SiteAdapter = {
  id: 'telegram-a',
  name: 'Telegram Web A',
  kind: 'chat',
  matches: (url) => (isTelegram(url) && /^\/[az](?:\/|$)/.test(url.pathname)) || url.hostname === 'webz.telegram.org',
  chat: defineChatSite({
    root: ['.MessageList .messages-container', '.MessageList'],
    message: '.Message',
    text: ['.text-content'],
    exclude: '.MessageMeta, .Reactions',
    direction: (el) => (el.classList.contains('own') ? 'me' : 'them'),
    id: (el) => el.getAttribute('data-message-id') ?? (/^message-?(\d+)$/.exec(el.id)?.[1] ?? null),
    conversationId: (doc, url) => hashPeer(url) ?? headerConversation(doc, ['.MiddleHeader .ChatInfo .fullName', '.ChatInfo .fullName']),
  }),
};
