/**
 * Chats: parse `Name: message` lines and keep a bounded window of the latest messages,
 * so scanning cost stays flat however long a conversation grows.
 */
import type { ChatMessage } from './types';

export interface ChatUnit {
  from: ChatMessage['from'];
  text: string;
  /** Evidence field and the offset of `text` inside that field's original string. */
  field: string;
  base: number;
}

export const CHAT_WINDOW_MESSAGES = 200;
export const CHAT_WINDOW_CHARS = 30_000;

/** Optional timestamp/date prefix ("[10:32]", "12/03/2024, 10:32 -"), then "Name:" (ASCII or full-width colon). */
const LINE = /^[ \t]*(?:\[[^\]\n]{1,40}\][ \t]*|\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4},?[ \t]+\d{1,2}[:.]\d{2}(?:[ \t]?[ap]\.?m\.?)?[ \t]*[-–][ \t]*|\d{1,2}[:.]\d{2}(?:[ \t]?[ap]\.?m\.?)?[ \t]+)?([^\s:：][^:：\n]{0,39}?)[ \t]*[:：][ \t]*/iu;
const ME = /^(?:me|you|myself|我|ខ្ញុំ|tôi|ฉัน|saya|aku|ako)$/iu;

/**
 * Parses chat text with one `Name: message` line per message. Lines without a name continue the previous
 * message. `me`/`you` (the exported chat's own side) are "me"; when such a side exists every other name is
 * "them"; otherwise directions are unknown. Text without any name line gives one message per line.
 */
export function parseChatText(text: string): ChatUnit[] {
  const units: (ChatUnit & { name?: string })[] = [];
  let pos = 0;
  let named = false;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl);
    const m = LINE.exec(line);
    if (m && !/^https?$/i.test(m[1]!)) {
      named = true;
      const start = pos + m[0].length;
      units.push({ from: 'unknown', text: text.slice(start, nl), field: 'text', base: start, name: m[1]!.trim() });
    } else if (line.trim()) {
      const prev = units[units.length - 1];
      if (prev && named) prev.text = text.slice(prev.base, nl);
      else units.push({ from: 'unknown', text: line, field: 'text', base: pos });
    }
    pos = nl + 1;
  }
  const hasMe = units.some((u) => u.name !== undefined && ME.test(u.name));
  return units.map(({ name, ...u }) => ({
    ...u,
    from: name === undefined ? 'unknown' : ME.test(name) ? 'me' : hasMe ? 'them' : 'unknown',
  }));
}

/** Chat messages as units; `first` is the index of messages[0] in the whole chat (for evidence fields). */
export function messagesToUnits(messages: readonly ChatMessage[], first = 0): ChatUnit[] {
  return messages.map((m, i) => {
    const ok = m !== null && typeof m === 'object';
    return {
      from: ok && (m.from === 'them' || m.from === 'me') ? m.from : 'unknown',
      text: ok && typeof m.text === 'string' ? m.text : '',
      field: `messages.${first + i}`,
      base: 0,
    };
  });
}

/** The latest messages: at most CHAT_WINDOW_MESSAGES and about CHAT_WINDOW_CHARS characters. */
export function chatWindow<T extends { text: string }>(units: readonly T[]): T[] {
  const out: T[] = [];
  let chars = 0;
  for (let i = units.length - 1; i >= 0 && out.length < CHAT_WINDOW_MESSAGES; i--) {
    const u = units[i]!;
    if (out.length > 0 && chars + u.text.length > CHAT_WINDOW_CHARS) break;
    chars += u.text.length;
    out.push(u);
  }
  return out.reverse();
}
