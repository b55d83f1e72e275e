/**
 * Incremental scanning of one document: reads it with its site adapter (or the generic extractor),
 * scans it once in idle time, then scans only what the page adds or changes, batched by the shared
 * tree observer and run in budgeted slices. A flood of mutations falls back to one debounced full
 * rescan; SPA navigation calls reset(). Every listener and timer is tied to `signal`.
 */
import type { ScanInput, Verdict } from '@/lib/engine/types';
import { closest, hashKey, linksIn, matches, queryAll, textOf } from '@/lib/sites/dom';
import { adapterFor, readSite } from '@/lib/sites/registry';
import type { ChatMessageRead, JobPost, SiteAdapter } from '@/lib/sites/types';
import { ChatTracker, type ChatVerdict } from './chat-state';
import { createDebounce, createScheduler } from './scheduler';
import { pageChunks } from './page-chunks';
import { observeTree, type MutationBatch } from './tree-observer';
import { compareVerdicts } from './verdicts';

/** A part of a block's text: the element it came from and its offsets in the scanned text. */
export interface TextPart {
  el: Element;
  start: number;
  end: number;
}

export type ScanSource =
  | { kind: 'page'; scope: Element; parts?: TextPart[] }
  | { kind: 'job'; post: JobPost }
  | { kind: 'chat'; chat: ChatVerdict };

export type ScanMode = 'generic' | 'job' | 'chat';

export interface ScanReport {
  verdict: Verdict;
  input: ScanInput;
  source: ScanSource;
  mode: ScanMode;
  adapter: SiteAdapter | null;
}

export interface IncrementalScannerOptions {
  doc: Document;
  signal: AbortSignal;
  scan(input: ScanInput): Verdict;
  /** The generic page input (lib/extract/extract-page.ts in the content script). */
  pageInput(doc: Document): ScanInput;
  /** Called after each full scan and whenever the strongest verdict for the page changes. */
  onReport(report: ScanReport): void;
  /** Current URL (default: the document's). */
  url?: () => string;
  budgetMs?: number;
  /** Delay of the flood / re-read debounce (default 250 ms). */
  debounceMs?: number;
  hugeCount?: number;
  chatWindow?: number;
  /** Messages read per scheduled unit on a full chat read (default 50). */
  chatChunk?: number;
  /** Pages with more text than `singleScanChars` (default 24,000) are scanned in blocks of about `blockChars` (default 12,000). */
  blockChars?: number;
  singleScanChars?: number;
}

export interface ScannerStats {
  fullScans: number;
  incrementalScans: number;
  floods: number;
  mode: ScanMode | null;
  adapter: string | null;
}

export interface IncrementalScanner {
  /** Forget the current location's state and scan it from scratch after the debounce delay (SPA navigation). */
  reset(): void;
  /** The strongest report for the current location, if any. */
  readonly current: ScanReport | null;
  readonly stats: Readonly<ScannerStats>;
  /** Resolves when no work is queued or pending (tests, benchmarks). */
  idle(): Promise<void>;
}

/** Added text shorter than this is not scanned on its own (clocks, counters, single words). */
const MIN_CHUNK = 12;
/** Queued units beyond this mean the page changes faster than we scan: drop them and rescan once. */
const MAX_PENDING = 5_000;
/** How often a page whose adapter missed is re-read in full before it is scanned as a plain page. */
const MAX_ADAPTER_RETRIES = 5;

export function startIncrementalScanner(options: IncrementalScannerOptions): IncrementalScanner {
  const { doc, signal } = options;
  const url = options.url ?? (() => doc.location?.href ?? doc.URL);
  const scheduler = createScheduler({ doc, signal, budgetMs: options.budgetMs });
  const tracker = new ChatTracker({ scan: options.scan, window: options.chatWindow, url });
  const chatChunk = options.chatChunk ?? 50;
  const blockChars = options.blockChars ?? 12_000;
  const singleScanChars = options.singleScanChars ?? Math.max(blockChars, 24_000);
  const stats: ScannerStats = { fullScans: 0, incrementalScans: 0, floods: 0, mode: null, adapter: null };

  // State of the current location; replaced on reset().
  let generation = 0;
  let mode: ScanMode | null = null;
  let adapter: SiteAdapter | null = null;
  let reports = new Map<unknown, ScanReport>();
  let best: ScanReport | null = null;
  let seenText = new WeakMap<Element, string>();
  let postRoots = new WeakSet<Element>();
  let postHashes = new Map<string, string>();
  let chatRoot: Element | null = null;
  let conversationId: string | null = null;
  let dirtyRoots = new Set<Element>();
  let adapterRetries = 0;

  const safeScan = (input: ScanInput): Verdict | null => {
    try {
      return options.scan(input);
    } catch {
      return null;
    }
  };

  const connected = (r: ScanReport) => {
    const s = r.source;
    if (s.kind === 'page') return s.scope.isConnected;
    if (s.kind === 'job') return s.post.root.isConnected;
    return s.chat.conversationId === conversationId;
  };

  /** Record a report under `key`; tell the caller when the strongest report changed (or `always`). */
  const record = (key: unknown, report: ScanReport, always = false) => {
    if (report.verdict.warn || always) reports.set(key, report);
    else reports.delete(key);
    let next: ScanReport | null = null;
    for (const [k, r] of reports) {
      if (!connected(r)) {
        reports.delete(k);
        continue;
      }
      if (!next || compareVerdicts(r.verdict, next.verdict) > 0) next = r;
    }
    next ??= report;
    // A clean verdict goes out only at the end of a full scan (`always`) or when it replaces a warning.
    const changed =
      next !== best &&
      (best === null || compareVerdicts(next.verdict, best.verdict) !== 0 || next.verdict.warn) &&
      (next.verdict.warn || best?.verdict.warn === true);
    best = next;
    if (changed || always) {
      try {
        options.onReport(next);
      } catch {
        // the consumer's failure is not ours to surface in the page
      }
    }
  };

  const report = (verdict: Verdict, input: ScanInput, source: ScanSource): ScanReport => ({ verdict, input, source, mode: mode ?? 'generic', adapter });

  // ---- generic pages -------------------------------------------------------------------------
  /** Reading the page and scanning it are two units (two idle slices), so neither adds to the other's task. */
  const scanPage = (gen: number) => {
    if (gen !== generation) return;
    const root = doc.body ?? doc.documentElement;
    const input = options.pageInput(doc);
    scheduler.enqueue(() => {
      if (gen !== generation) return;
      const v = safeScan(input);
      if (v) record('page', report(v, input, { kind: 'page', scope: root }), true);
    });
  };

  /** A heavy page: one unit per block of text, then one final report if no block warned. */
  const scanPageInBlocks = (root: Element, gen: number) => {
    let last: ScanReport | null = null;
    for (const group of pageChunks(root, blockChars)) {
      scheduler.enqueue(() => {
        if (gen !== generation) return;
        const els = group.filter((el) => el.isConnected);
        if (els.length === 0) return;
        const parts: TextPart[] = [];
        let text = '';
        for (const el of els) {
          const t = textOf(el, blockChars * 2);
          if (!t) continue;
          if (text) text += '\n';
          parts.push({ el, start: text.length, end: text.length + t.length });
          text += t;
        }
        if (!text) return;
        const input: ScanInput = { surface: 'page', url: url(), title: doc.title, text, links: els.flatMap((el) => linksIn(el, url(), 50)) };
        const v = safeScan(input);
        if (!v) return;
        const scope = els.length === 1 ? els[0]! : (els[0]!.parentElement ?? root);
        last = report(v, input, { kind: 'page', scope, parts });
        record(els[0], last);
      });
    }
    scheduler.enqueue(() => {
      if (gen === generation && !best?.verdict.warn && last) record('page', last, true);
    });
  };

  const scanChunk = (el: Element, gen: number) => {
    if (gen !== generation || !el.isConnected) return;
    const text = textOf(el, 50_000);
    if (text.length < MIN_CHUNK) return;
    const h = hashKey(text) + text.length;
    if (seenText.get(el) === h) return;
    seenText.set(el, h);
    const input: ScanInput = { surface: 'page', url: url(), title: doc.title, text };
    stats.incrementalScans++;
    const v = safeScan(input);
    if (v) record(el, report(v, input, { kind: 'page', scope: el }));
  };

  // ---- job sites -------------------------------------------------------------------------------
  const scanPost = (root: Element, gen: number) => {
    if (gen !== generation || !adapter?.job || !root.isConnected) return;
    let post: JobPost | null = null;
    try {
      post = adapter.job.readPost(root, new URL(url()));
    } catch {
      post = null;
    }
    if (!post) return;
    const h = hashKey(JSON.stringify(post.input.fields) + post.input.text);
    if (postHashes.get(post.key) === h) return;
    postHashes.set(post.key, h);
    stats.incrementalScans++;
    const v = safeScan(post.input);
    if (v) record(root, report(v, post.input, { kind: 'job', post }));
  };

  const findNewPosts = createDebounce(() => {
    if (!adapter?.job) return;
    const gen = generation;
    let roots: Element[] = [];
    try {
      roots = adapter.job.postRoots(doc, new URL(url()));
    } catch {
      roots = [];
    }
    for (const root of roots) {
      if (!postRoots.has(root) || dirtyRoots.has(root)) {
        postRoots.add(root);
        scheduler.enqueue(() => scanPost(root, gen));
      }
    }
    dirtyRoots = new Set();
  }, 60, signal);

  // ---- chats -----------------------------------------------------------------------------------
  const ingest = (els: readonly Element[], gen: number) => {
    if (gen !== generation || !adapter?.chat || !conversationId) return;
    const messages: ChatMessageRead[] = [];
    for (let i = 0; i < els.length; i++) {
      try {
        const m = adapter.chat.readMessage(els[i]!, i);
        if (m) messages.push(m);
      } catch {
        // unreadable message: skip it
      }
    }
    if (messages.length === 0) return;
    stats.incrementalScans++;
    const cv = tracker.ingest(conversationId, messages);
    if (cv) record(`chat:${cv.conversationId}`, report(cv.verdict, cv.input, { kind: 'chat', chat: cv }));
  };

  const chatChanged = () => {
    if (!adapter?.chat) return false;
    try {
      const root = adapter.chat.messageRoot(doc);
      const id = adapter.chat.conversationId(doc, new URL(url()));
      return root !== chatRoot || id !== conversationId;
    } catch {
      return true;
    }
  };

  // ---- full scan -------------------------------------------------------------------------------
  const fullScan = () => {
    const gen = ++generation;
    scheduler.clear();
    reports = new Map();
    best = null;
    seenText = new WeakMap();
    postRoots = new WeakSet();
    postHashes = new Map();
    dirtyRoots = new Set();
    chatRoot = null;
    conversationId = null;
    stats.fullScans++;
    let u: URL | null = null;
    try {
      u = new URL(url());
    } catch {
      u = null;
    }
    adapter = u ? adapterFor(u) : null;
    stats.adapter = adapter?.id ?? null;
    if (u && adapter?.chat) {
      try {
        chatRoot = adapter.chat.messageRoot(doc);
        conversationId = adapter.chat.conversationId(doc, u);
      } catch {
        chatRoot = null;
      }
      if (chatRoot && conversationId) {
        mode = stats.mode = 'chat';
        const els = queryAll(chatRoot, adapter.chat.messageSelector);
        for (let i = 0; i < els.length; i += chatChunk) {
          const slice = els.slice(i, i + chatChunk);
          scheduler.enqueue(() => ingest(slice, gen));
        }
        const existing = tracker.best(conversationId);
        scheduler.enqueue(() => {
          if (gen !== generation || !conversationId) return;
          const cv = tracker.best(conversationId) ?? existing;
          if (cv) record(`chat:${cv.conversationId}`, report(cv.verdict, cv.input, { kind: 'chat', chat: cv }), true);
        });
        return;
      }
    }
    const read = u ? readSite(doc, u, adapter?.job ? adapter : null) : null;
    if (read?.mode === 'job') {
      mode = stats.mode = 'job';
      if (!read.adapter) adapter = null;
      for (const post of read.posts) {
        postRoots.add(post.root);
        scheduler.enqueue(() => {
          if (gen !== generation) return;
          postHashes.set(post.key, hashKey(JSON.stringify(post.input.fields) + post.input.text));
          const v = safeScan(post.input);
          if (v) record(post.root, report(v, post.input, { kind: 'job', post }), true);
        });
      }
      return;
    }
    mode = stats.mode = 'generic';
    const root = doc.body ?? doc.documentElement;
    if ((root.textContent ?? '').length > singleScanChars) scanPageInBlocks(root, gen);
    else scheduler.enqueue(() => scanPage(gen));
  };

  // Full scans run as scheduled units too: never while the tab is hidden, never inside a mutation callback.
  const rescan = createDebounce(() => scheduler.enqueue(fullScan), options.debounceMs ?? 250, signal);

  // ---- mutations -------------------------------------------------------------------------------
  const onBatch = (batch: MutationBatch) => {
    if (batch.huge || scheduler.pending > MAX_PENDING) {
      stats.floods++;
      scheduler.clear();
      rescan.schedule();
      return;
    }
    const gen = generation;
    const nodes = batch.added.concat(batch.changed);
    if (nodes.length === 0) return;
    if (mode === 'chat' && adapter?.chat) {
      if (!chatRoot?.isConnected || chatChanged()) {
        rescan.schedule();
        return;
      }
      const sel = adapter.chat.messageSelector;
      const els: Element[] = [];
      const seen = new Set<Element>();
      const add = (e: Element) => {
        if (!seen.has(e)) {
          seen.add(e);
          els.push(e);
        }
      };
      for (const n of nodes) {
        if (!chatRoot.contains(n)) continue;
        const own = matches(n, sel) ? n : closest(n, sel);
        if (own && chatRoot.contains(own)) add(own);
        else for (const e of queryAll(n, sel)) add(e);
      }
      if (els.length > 0) scheduler.enqueue(() => ingest(els, gen));
      return;
    }
    if (mode === 'job') {
      for (const n of nodes) {
        for (let p: Element | null = n; p; p = p.parentElement) {
          if (postRoots.has(p)) {
            dirtyRoots.add(p);
            break;
          }
        }
      }
      findNewPosts.schedule();
      return;
    }
    if (mode === 'generic') {
      // A site whose adapter missed at load may render its postings or chat later: re-read it once things settle.
      if (adapter && adapterRetries < MAX_ADAPTER_RETRIES) {
        adapterRetries++;
        rescan.schedule();
        return;
      }
      for (const n of nodes) scheduler.enqueue(() => scanChunk(n, gen));
    }
  };

  const root = doc.body ?? doc.documentElement;
  observeTree(root, onBatch, signal, options.hugeCount);
  scheduler.enqueue(fullScan);

  return {
    reset() {
      // Forget this location now; scan the next one once the app has rendered it (the navigation event
      // fires before the new view exists).
      generation++;
      scheduler.clear();
      reports = new Map();
      best = null;
      mode = stats.mode = null;
      adapterRetries = 0;
      rescan.schedule();
    },
    get current() {
      return best;
    },
    stats,
    async idle() {
      for (let i = 0; i < 100; i++) {
        await new Promise((r) => setTimeout(r, 0));
        await scheduler.idle();
        await new Promise((r) => setTimeout(r, 0));
        if (scheduler.pending === 0) return;
      }
    },
  };
}
