/**
 * Per-conversation chat state. Each conversation keeps only a bounded window of recent messages and
 * the ids/elements already seen, so processing one new message scans at most `window` messages:
 * the cost does not grow with the conversation's history.
 */
import type { ChatMessage, ScanInput, Verdict } from '@/lib/engine/types';
import type { ChatMessageRead } from '@/lib/sites/types';
import { compareVerdicts } from './verdicts';

export const DEFAULT_CHAT_WINDOW = 30;

export interface ChatVerdict {
  conversationId: string;
  verdict: Verdict;
  input: ScanInput;
  /** The message that tipped the verdict (carries the strongest evidence), for the inline marker. */
  tip: ChatMessageRead | null;
  /** The messages the verdict's `messages.<i>` evidence fields index into. */
  messages: readonly ChatMessageRead[];
}

interface Conversation {
  id: string;
  /** Recent messages, oldest first; trimmed to `window` (amortised O(1) per message). */
  recent: ChatMessageRead[];
  seenEls: WeakSet<Element>;
  seenIds: Set<string>;
  count: number;
  best: ChatVerdict | null;
}

export interface ChatTrackerOptions {
  scan(input: ScanInput): Verdict;
  window?: number;
  url?: () => string;
}

export class ChatTracker {
  private readonly conversations = new Map<string, Conversation>();
  private readonly window: number;

  constructor(private readonly options: ChatTrackerOptions) {
    this.window = Math.max(2, options.window ?? DEFAULT_CHAT_WINDOW);
  }

  /** Number of messages seen in a conversation. */
  count(conversationId: string): number {
    return this.conversations.get(conversationId)?.count ?? 0;
  }

  best(conversationId: string): ChatVerdict | null {
    return this.conversations.get(conversationId)?.best ?? null;
  }

  reset(): void {
    this.conversations.clear();
  }

  private conversation(id: string): Conversation {
    let c = this.conversations.get(id);
    if (!c) {
      c = { id, recent: [], seenEls: new WeakSet(), seenIds: new Set(), count: 0, best: null };
      this.conversations.set(id, c);
    }
    return c;
  }

  /** True when the message was not seen before in this conversation (marks it seen). */
  private fresh(c: Conversation, m: ChatMessageRead): boolean {
    if (c.seenEls.has(m.el)) return false;
    c.seenEls.add(m.el);
    if (m.id !== undefined) {
      if (c.seenIds.has(m.id)) return false;
      c.seenIds.add(m.id);
    }
    return true;
  }

  /**
   * Add messages (in document order) to a conversation and scan what is new. Messages already seen are
   * skipped. New messages after the known ones extend the recent window; older ones (history loaded by
   * scrolling up) are scanned on their own. Returns the conversation's strongest verdict so far when this
   * call changed it, else null.
   */
  ingest(conversationId: string, messages: readonly ChatMessageRead[]): ChatVerdict | null {
    const c = this.conversation(conversationId);
    const newer: ChatMessageRead[] = [];
    const older: ChatMessageRead[] = [];
    const last = c.recent.length > 0 ? c.recent[c.recent.length - 1]!.el : null;
    for (const m of messages) {
      if (!this.fresh(c, m)) continue;
      c.count++;
      if (last && last.isConnected && m.el.isConnected && (m.el.compareDocumentPosition(last) & 4) !== 0) older.push(m);
      else newer.push(m);
    }
    let changed: ChatVerdict | null = null;
    const consider = (v: ChatVerdict | null) => {
      if (v && compareVerdicts(v.verdict, c.best?.verdict) > 0) {
        c.best = v;
        changed = v;
      }
    };
    // History: scan in windows of its own, stepping by half a window.
    for (const win of windows(older, this.window)) consider(this.scanWindow(c.id, win));
    if (newer.length > 0) {
      const base = c.recent.length;
      const all = c.recent.concat(newer);
      // Windows that end at each new message, stepping by half a window: O(new messages) scans.
      const step = Math.max(1, this.window >> 1);
      const ends: number[] = [];
      for (let end = all.length; end > base; end -= step) ends.push(end);
      for (const end of ends.reverse()) consider(this.scanWindow(c.id, all.slice(Math.max(0, end - this.window), end)));
      c.recent = all.length > this.window ? all.slice(all.length - this.window) : all;
    }
    return changed;
  }

  private scanWindow(conversationId: string, win: readonly ChatMessageRead[]): ChatVerdict | null {
    if (win.length === 0) return null;
    const messages: ChatMessage[] = win.map((m) => ({ from: m.from, text: m.text }));
    const input: ScanInput = { surface: 'chat', messages };
    const url = this.options.url?.();
    if (url) input.url = url;
    const verdict = this.options.scan(input);
    return { conversationId, verdict, input, tip: tipMessage(verdict, win), messages: win };
  }
}

function* windows<T>(items: readonly T[], size: number): Generator<T[]> {
  if (items.length === 0) return;
  const step = Math.max(1, size >> 1);
  for (let start = 0; ; start += step) {
    yield items.slice(start, start + size);
    if (start + size >= items.length) return;
  }
}

/**
 * The message that tipped the verdict: the latest message that holds evidence of a finding of the
 * verdict's type (else any finding), or null when the evidence is not in a message.
 */
export function tipMessage(verdict: Verdict, win: readonly ChatMessageRead[]): ChatMessageRead | null {
  if (!verdict.warn) return null;
  let best = -1;
  let bestOfType = -1;
  for (const f of verdict.findings) {
    for (const e of f.evidence) {
      const m = /^messages\.(\d+)$/.exec(e.field);
      if (!m) continue;
      const i = Number(m[1]);
      if (i >= win.length) continue;
      if (i > best) best = i;
      if (f.type === verdict.type && i > bestOfType) bestOfType = i;
    }
  }
  const i = bestOfType >= 0 ? bestOfType : best;
  return i >= 0 ? win[i]! : null;
}
