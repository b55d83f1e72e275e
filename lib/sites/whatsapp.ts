/**
 * WhatsApp Web: the open chat in `#main`. Message ids (`data-id`) start with `true_` for outgoing and
 * `false_` for incoming messages and carry the chat's JID, which is the conversation id.
 */
import { closest, first } from './dom';
import { defineChatSite, headerConversation } from './chat-site';
import type { SiteAdapter } from './types';

const dataId = (el: Element) => closest(el, '[data-id]')?.getAttribute('data-id') ?? null;

export const whatsapp: SiteAdapter = {
  id: 'whatsapp',
  name: 'WhatsApp Web',
  kind: 'chat',
  matches: (url) => url.hostname === 'web.whatsapp.com',
  chat: defineChatSite({
    root: ['#main [data-testid="conversation-panel-messages"]', '#main [role="application"]', '#main .copyable-area', '#main'],
    message: '.message-in, .message-out',
    text: ['.copyable-text [data-testid="selectable-text"]', '.copyable-text .selectable-text', '.copyable-text span[dir]', '.copyable-text'],
    direction: (el) => {
      if (el.classList.contains('message-out')) return 'me';
      if (el.classList.contains('message-in')) return 'them';
      const id = dataId(el);
      return id?.startsWith('true_') ? 'me' : id?.startsWith('false_') ? 'them' : 'unknown';
    },
    id: dataId,
    conversationId: (doc) => {
      const id = first(doc, ['#main [data-id]'])?.getAttribute('data-id');
      const jid = id ? /^(?:true|false)_([^_]+)_/.exec(id)?.[1] : undefined;
      return jid ? `wa:${jid}` : headerConversation(doc, ['#main header [title]', '#main header span[dir="auto"]']);
    },
  }),
};
