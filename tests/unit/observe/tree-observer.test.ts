/** The shared tree observer: one MutationObserver per root, de-duplicated batches, flood detection. */
import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { batchFromRecords, observeTree, type MutationBatch } from '@/lib/observe/tree-observer';

function setup() {
  const { document, window } = parseHTML('<html><body><main id="m"><p id="p">old</p></main></body></html>');
  // Count observers started for the document (to prove subscribers share one).
  const observe = vi.spyOn(window.MutationObserver.prototype, 'observe');
  observe.mockClear();
  return { doc: document as unknown as Document, created: () => observe.mock.calls.length };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('batchFromRecords', () => {
  it('keeps only the outermost added elements, reports text changes and skips our own UI', () => {
    const { doc } = setup();
    const body = doc.body;
    const outer = doc.createElement('section');
    const inner = doc.createElement('p');
    outer.append(inner);
    const host = doc.createElement('redflag-warning');
    body.append(outer, host);
    const p = doc.getElementById('p')!;
    const text = p.firstChild as Text;
    const records = [
      { type: 'childList', target: body, addedNodes: [outer, host] },
      { type: 'childList', target: outer, addedNodes: [inner] },
      { type: 'characterData', target: text, addedNodes: [] },
    ] as unknown as MutationRecord[];
    const batch = batchFromRecords(records);
    expect(batch.huge).toBe(false);
    expect(batch.added).toEqual([outer]);
    expect(batch.changed).toEqual([p]);
  });

  it('reports a flood instead of its nodes', () => {
    const { doc } = setup();
    const nodes = Array.from({ length: 30 }, () => doc.createElement('div'));
    doc.body.append(...nodes);
    const records = [{ type: 'childList', target: doc.body, addedNodes: nodes }] as unknown as MutationRecord[];
    expect(batchFromRecords(records, 20)).toMatchObject({ added: [], changed: [], huge: true });
    expect(batchFromRecords(records, 100).added).toHaveLength(30);
  });
});

describe('observeTree', () => {
  it('shares one MutationObserver between subscribers of a root and stops when all leave', async () => {
    const { doc, created } = setup();
    const a: MutationBatch[] = [];
    const b: MutationBatch[] = [];
    const controller = new AbortController();
    const offA = observeTree(doc.body, (x) => a.push(x));
    observeTree(doc.body, (x) => b.push(x), controller.signal);
    expect(created()).toBe(1);
    const added = doc.createElement('article');
    added.textContent = 'new post';
    doc.getElementById('m')!.append(added);
    await flush();
    expect(a.map((x) => x.added)).toEqual([[added]]);
    expect(b).toHaveLength(1);
    offA();
    controller.abort();
    doc.body.append(doc.createElement('div'));
    await flush();
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    // A new subscriber after everyone left gets a fresh observer.
    observeTree(doc.body, () => {});
    expect(created()).toBe(2);
  });

  it('keeps calling other subscribers when one throws', async () => {
    const { doc } = setup();
    const ok = vi.fn();
    observeTree(doc.body, () => {
      throw new Error('boom');
    });
    observeTree(doc.body, ok);
    doc.body.append(doc.createElement('div'));
    await flush();
    expect(ok).toHaveBeenCalledTimes(1);
  });
});
