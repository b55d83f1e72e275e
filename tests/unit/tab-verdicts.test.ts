import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Verdict } from '@/lib/engine/types';
import { clearTabVerdict, getTabVerdict, setTabVerdict, watchTabVerdict, type TabVerdict } from '@/lib/storage/tab-verdicts';

const verdict: Verdict = { warn: true, level: 'medium', type: 'impersonation', score: 2, findings: [] };
const record = (tabId: number): TabVerdict => ({ tabId, url: `https://t${tabId}.example/`, title: 'T', time: 1, verdict });

beforeEach(() => {
  fakeBrowser.reset();
});

describe('tab verdicts', () => {
  it('stores one verdict per tab in session storage', async () => {
    await setTabVerdict(record(1));
    await setTabVerdict(record(2));
    expect(await getTabVerdict(1)).toEqual(record(1));
    expect(await getTabVerdict(2)).toEqual(record(2));
    expect(await getTabVerdict(3)).toBeNull();
    expect(await fakeBrowser.storage.session.get('tab-verdict:1')).toEqual({ 'tab-verdict:1': record(1) });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('clears one tab without touching the others', async () => {
    await setTabVerdict(record(1));
    await setTabVerdict(record(2));
    await clearTabVerdict(1);
    expect(await getTabVerdict(1)).toBeNull();
    expect(await getTabVerdict(2)).toEqual(record(2));
  });

  it('notifies watchers of that tab only', async () => {
    const seen: Array<TabVerdict | null> = [];
    const stop = watchTabVerdict(5, (r) => seen.push(r));
    await setTabVerdict(record(6));
    await setTabVerdict(record(5));
    await clearTabVerdict(5);
    stop();
    await setTabVerdict(record(5));
    expect(seen).toEqual([record(5), null]);
  });
});
