/** Per-conversation chat state: bounded work per new message, seen-message dedupe, history, the tipping message. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { ChatTracker } from '@/lib/observe/chat-state';
import type { ScanInput, Verdict } from '@/lib/engine/types';
import type { ChatMessageRead } from '@/lib/sites/types';

/** A stand-in engine: warns on messages containing "LURE", with evidence in those messages. Counts what it scans. */
function fakeEngine() {
  const scanned: number[] = [];
  const scan = (input: ScanInput): Verdict => {
    const messages = input.messages ?? [];
    scanned.push(messages.length);
    const hits = messages.flatMap((m, i) => (m.text.includes('LURE') ? [i] : []));
    if (hits.length === 0) return { warn: false, level: 'none', type: null, score: 0, findings: [] };
    return {
      warn: true, level: hits.length > 1 ? 'high' : 'medium', type: 'fake_job', score: hits.length * 10,
      findings: [{ rule: 'r', type: 'fake_job', level: 'medium', message: 'm', weight: 10, evidence: hits.map((i) => ({ text: 'LURE', start: 0, end: 4, field: `messages.${i}` })) }],
    };
  };
  return { scan, scanned };
}

function chat(count: number) {
  const { document } = parseHTML('<html><body><div id="list"></div></body></html>');
  const list = document.getElementById('list')!;
  const make = (text: string, where: 'append' | 'prepend' = 'append'): ChatMessageRead => {
    const el = document.createElement('div');
    el.textContent = text;
    if (where === 'append') list.append(el);
    else list.prepend(el);
    return { from: 'them', text, el: el as unknown as Element };
  };
  const messages = Array.from({ length: count }, (_, i) => make(`message ${i}`));
  return { make, messages };
}

describe('ChatTracker', () => {
  it('scans at most one window per new message, whether the chat has 50 or 5,000 messages', () => {
    for (const history of [50, 5_000]) {
      const engine = fakeEngine();
      const tracker = new ChatTracker({ scan: engine.scan, window: 30 });
      const { make, messages } = chat(history);
      for (let i = 0; i < messages.length; i += 100) tracker.ingest('c', messages.slice(i, i + 100));
      expect(tracker.count('c')).toBe(history);
      engine.scanned.length = 0;
      tracker.ingest('c', [make('one more')]);
      expect(engine.scanned).toEqual([30]);
    }
  });

  it('covers a burst of new messages with overlapping windows, linear in the burst', () => {
    const engine = fakeEngine();
    const tracker = new ChatTracker({ scan: engine.scan, window: 30 });
    const { messages } = chat(300);
    tracker.ingest('c', messages);
    // Windows end every 15 messages: 300 / 15 = 20 scans of <= 30 messages.
    expect(engine.scanned).toHaveLength(20);
    expect(Math.max(...engine.scanned)).toBe(30);
  });

  it('skips messages it has already seen (same element, or same site id after a re-render)', () => {
    const engine = fakeEngine();
    const tracker = new ChatTracker({ scan: engine.scan });
    const { make, messages } = chat(5);
    const withIds = messages.map((m, i) => ({ ...m, id: `m${i}` }));
    tracker.ingest('c', withIds);
    engine.scanned.length = 0;
    tracker.ingest('c', withIds);
    // The site re-rendered the list: new elements, same message ids.
    tracker.ingest('c', withIds.map((m) => ({ ...m, el: m.el.cloneNode(true) as Element })));
    expect(engine.scanned).toEqual([]);
    tracker.ingest('c', [{ ...make('new'), id: 'm5' }]);
    expect(engine.scanned).toEqual([6]);
    expect(tracker.count('c')).toBe(6);
  });

  it('scans older history (scrolled up) on its own and keeps the recent window', () => {
    const engine = fakeEngine();
    const tracker = new ChatTracker({ scan: engine.scan, window: 4 });
    const { make, messages } = chat(4);
    tracker.ingest('c', messages);
    const older = [make('old LURE', 'prepend')];
    engine.scanned.length = 0;
    const v = tracker.ingest('c', older);
    expect(engine.scanned).toEqual([1]);
    expect(v?.tip?.text).toBe('old LURE');
    // The next new message is scanned with the recent messages, not with the history.
    engine.scanned.length = 0;
    tracker.ingest('c', [make('new')]);
    expect(engine.scanned).toEqual([4]);
  });

  it('reports the strongest verdict once, with the message that tipped it', () => {
    const engine = fakeEngine();
    const tracker = new ChatTracker({ scan: engine.scan, window: 10 });
    const { make, messages } = chat(3);
    expect(tracker.ingest('c', messages)?.verdict.warn).toBe(false); // the first verdict is reported, clean

    const lure = make('job offer LURE');
    const first = tracker.ingest('c', [lure]);
    expect(first?.verdict.level).toBe('medium');
    expect(first?.tip?.el).toBe(lure.el);
    expect(tracker.ingest('c', [make('ok')])).toBeNull(); // not stronger: nothing new to report
    const second = make('second LURE');
    expect(tracker.ingest('c', [second])?.tip?.el).toBe(second.el);
    expect(tracker.best('c')?.verdict.level).toBe('high');
    expect(tracker.best('other')).toBeNull();
  });
});
