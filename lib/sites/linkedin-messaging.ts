/**
 * LinkedIn messaging (linkedin.com/messaging/thread/<id>/). Messages from the other side carry
 * `msg-s-event-listitem--other`. LinkedIn's terms forbid overlays: the default delivery mode on
 * linkedin.com is badge-only (see the content script), the adapter only reads.
 */
import { hostIs } from './dom';
import { defineChatSite, headerConversation } from './chat-site';
import type { SiteAdapter } from './types';

export const linkedinMessaging: SiteAdapter = {
  id: 'linkedin-messaging',
  name: 'LinkedIn messaging',
  kind: 'chat',
  matches: (url) => hostIs(url, 'linkedin.com') && url.pathname.startsWith('/messaging'),
  chat: defineChatSite({
    root: ['.msg-s-message-list-content', '.msg-s-message-list'],
    message: '.msg-s-event-listitem',
    text: ['.msg-s-event-listitem__body'],
    direction: (el) => (el.classList.contains('msg-s-event-listitem--other') ? 'them' : 'me'),
    id: (el) => el.getAttribute('data-event-urn'),
    conversationId: (doc, url) => {
      const m = /^\/messaging\/thread\/([^/]+)/.exec(url.pathname);
      return m ? `li:${m[1]}` : headerConversation(doc, ['.msg-entity-lockup__entity-title', '.msg-thread h2']);
    },
  }),
};
