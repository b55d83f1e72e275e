import { describe, expect, it } from 'vitest';
import { createTabLifecycle } from '@/lib/tab-lifecycle';
import type { TabVerdict } from '@/lib/storage/tab-verdicts';

const verdict = { warn: true, level: 'high', type: 'fake_job', score: 9, findings: [] } as const;
const record = (tabId: number, document?: string): TabVerdict => ({
  tabId,
  url: 'https://scam.example/',
  title: 'T',
  verdict: { ...verdict, findings: [] },
  time: 1,
  ...(document ? { document } : {}),
});

function fakeTabs(showing: Map<number, string | null>) {
  const store = new Map<number, TabVerdict>();
  const asked: number[] = [];
  const lifecycle = createTabLifecycle({
    get: async (tabId) => store.get(tabId) ?? null,
    clear: async (tabId) => void store.delete(tabId),
    askDocument: async (tabId) => {
      asked.push(tabId);
      return showing.get(tabId) ?? null;
    },
  });
  return { store, asked, lifecycle };
}

describe('tab lifecycle: a verdict holds while the document that reported it shows', () => {
  it('keeps the verdict on a same-document update (pushState, hash change)', async () => {
    const { store, lifecycle } = fakeTabs(new Map([[1, 'doc-a']]));
    store.set(1, record(1, 'doc-a'));
    expect(await lifecycle.updated(1)).toBe('kept');
    expect(store.get(1)?.document).toBe('doc-a');
  });

  it('forgets it when another document shows, or none answers', async () => {
    const showing = new Map<number, string | null>([[1, 'doc-b'], [2, null]]);
    const { store, lifecycle } = fakeTabs(showing);
    store.set(1, record(1, 'doc-a'));
    store.set(2, record(2, 'doc-a'));
    expect(await lifecycle.updated(1)).toBe('cleared');
    expect(await lifecycle.updated(2)).toBe('cleared');
    expect(store.size).toBe(0);
  });

  it('forgets a verdict stored without a document id (an older record) without asking the tab', async () => {
    const { store, asked, lifecycle } = fakeTabs(new Map([[1, 'doc-a']]));
    store.set(1, record(1));
    expect(await lifecycle.updated(1)).toBe('cleared');
    expect(asked).toEqual([]);
  });

  it('keeps the early address verdict while the tab shows the same address, and forgets it on another', async () => {
    const { store, asked, lifecycle } = fakeTabs(new Map([[1, 'doc-a']]));
    store.set(1, { ...record(1), early: true });
    expect(await lifecycle.updated(1, 'https://scam.example/')).toBe('kept');
    expect(await lifecycle.updated(1)).toBe('cleared');
    store.set(1, { ...record(1), early: true });
    expect(await lifecycle.updated(1, 'https://scam.example/other')).toBe('cleared');
    // The page's own verdict (not early) is tied to its document, never to its address.
    store.set(1, record(1));
    expect(await lifecycle.updated(1, 'https://scam.example/')).toBe('cleared');
    expect(asked).toEqual([]);
  });

  it('does nothing for a tab without a verdict', async () => {
    const { asked, lifecycle } = fakeTabs(new Map());
    expect(await lifecycle.updated(7)).toBe('none');
    expect(asked).toEqual([]);
  });

  it('a check that started before a new report cannot erase that report', async () => {
    const showing = new Map<number, string | null>([[1, 'doc-b']]);
    const { store, lifecycle } = fakeTabs(showing);
    store.set(1, record(1, 'doc-a'));
    // The update check and the new document's report race: the report is queued behind the check.
    const check = lifecycle.updated(1);
    const report = lifecycle.serial(1, async () => void store.set(1, record(1, 'doc-b')));
    expect(await check).toBe('cleared');
    await report;
    expect(store.get(1)?.document).toBe('doc-b');
  });

  it('a failing operation does not block the tab queue', async () => {
    const { store, lifecycle } = fakeTabs(new Map([[1, 'doc-a']]));
    await expect(lifecycle.serial(1, async () => Promise.reject(new Error('storage full')))).rejects.toThrow('storage full');
    store.set(1, record(1, 'doc-a'));
    expect(await lifecycle.updated(1)).toBe('kept');
    await lifecycle.removed(1);
    expect(store.has(1)).toBe(false);
  });
});

describe('thisDocumentId', () => {
  it('is one well-formed id per context, made without crypto.randomUUID (absent on http: pages)', async () => {
    const { thisDocumentId } = await import('@/lib/messaging');
    const saved = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const id = thisDocumentId();
      expect(id).toMatch(/^[0-9a-f]{32}$/);
      expect(thisDocumentId()).toBe(id);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: saved, configurable: true });
    }
  });
});
