/**
 * One MutationObserver per observed root, shared by every subscriber (Dark Reader's pattern).
 * Records are turned into a de-duplicated batch: the outermost added nodes and the elements whose
 * text changed; a flood of mutations is reported as `huge` so callers can fall back to one rescan.
 */

export interface MutationBatch {
  /** Outermost added elements (descendants of another added node are dropped). */
  added: Element[];
  /** Elements whose text changed (characterData) or gained text nodes, not inside an added element. */
  changed: Element[];
  /** True when the batch was a flood (more than `hugeCount` records or nodes): rescan instead. */
  huge: boolean;
  /** Number of nodes removed (removals need no scan, but our own UI may have been removed). */
  removed: number;
}

export type BatchListener = (batch: MutationBatch) => void;

/** Our own UI hosts: mutations inside them are never page content. */
const OWN_HOST = 'REDFLAG-WARNING';
const OWN_ATTR = 'data-redflag';

export const HUGE_MUTATIONS = 1000;

interface Entry {
  observer: MutationObserver;
  listeners: Set<BatchListener>;
}

const observers = new WeakMap<Node, Entry>();

function isOwn(el: Element): boolean {
  return el.tagName === OWN_HOST || el.hasAttribute(OWN_ATTR);
}

/** Build the de-duplicated batch from raw records. Exported for tests. */
export function batchFromRecords(records: readonly MutationRecord[], hugeCount = HUGE_MUTATIONS): MutationBatch {
  if (records.length > hugeCount) return { added: [], changed: [], huge: true, removed: 0 };
  const added = new Set<Element>();
  const changed = new Set<Element>();
  let nodes = 0;
  let removed = 0;
  for (const r of records) {
    if (r.type === 'characterData') {
      const p = r.target.parentElement;
      if (p) changed.add(p);
      continue;
    }
    if (r.type !== 'childList') continue;
    removed += r.removedNodes?.length ?? 0;
    const list = r.addedNodes;
    nodes += list.length;
    if (nodes > hugeCount) return { added: [], changed: [], huge: true, removed };
    for (let i = 0; i < list.length; i++) {
      const n = list[i]!;
      if (n.nodeType === 1) added.add(n as Element);
      else if (n.nodeType === 3 && r.target.nodeType === 1) changed.add(r.target as Element);
    }
  }
  const keep = (el: Element) => {
    if (!el.isConnected) return false;
    for (let p: Element | null = el; p; p = p.parentElement) {
      if (isOwn(p)) return false;
      if (p !== el && added.has(p)) return false;
    }
    return true;
  };
  const outAdded = [...added].filter(keep);
  const outChanged = [...changed].filter((el) => !added.has(el) && keep(el));
  return { added: outAdded, changed: outChanged, huge: false, removed };
}

/**
 * Subscribe to mutations under `root` (child list, subtree, text). Subscribers of the same root share
 * one MutationObserver, disconnected when the last one leaves. Unsubscribes itself when `signal` aborts.
 */
export function observeTree(root: Node, listener: BatchListener, signal?: AbortSignal, hugeCount = HUGE_MUTATIONS): () => void {
  if (signal?.aborted) return () => {};
  let entry = observers.get(root);
  if (!entry) {
    const listeners = new Set<BatchListener>();
    const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
    const MO = ((doc?.defaultView as (Window & typeof globalThis) | null)?.MutationObserver ?? globalThis.MutationObserver);
    const observer = new MO((records) => {
      const batch = batchFromRecords(records, hugeCount);
      if (!batch.huge && batch.added.length === 0 && batch.changed.length === 0 && batch.removed === 0) return;
      for (const l of [...listeners]) {
        try {
          l(batch);
        } catch {
          // a failing subscriber must not break the others (or the page)
        }
      }
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    entry = { observer, listeners };
    observers.set(root, entry);
  }
  const e = entry;
  e.listeners.add(listener);
  const unsubscribe = () => {
    e.listeners.delete(listener);
    if (e.listeners.size === 0) {
      e.observer.disconnect();
      if (observers.get(root) === e) observers.delete(root);
    }
  };
  signal?.addEventListener('abort', unsubscribe, { once: true });
  return unsubscribe;
}
