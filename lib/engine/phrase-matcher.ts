/**
 * One Aho-Corasick automaton over every phrase of every rule: a single pass over a normalised text
 * finds all phrase occurrences. Word boundaries are enforced only at phrase edges written in scripts
 * that separate words with spaces; Chinese, Japanese, Thai, Lao, Khmer and Burmese match anywhere.
 *
 * Built for start-up cost (the content script builds it on every page): flat typed arrays, no object per
 * trie node. The root's transitions are a dense 64k table; a node with one child compares inline; other
 * transitions live in one open-addressing hash table. Outputs use dictionary suffix links instead of
 * copied output lists. The build can run in slices (`buildSteps`) so no single task holds the page long.
 */
import type { NormalizedText } from './normalize-text';

/** 0 = not a word character, 1 = word character of a spaced script, 2 = word character of an unspaced script. */
type CharClass = 0 | 1 | 2;
const classCache = new Uint8Array(65536); // 0 = unknown, else class + 1
const WORD = /[\p{L}\p{N}\p{M}]/u;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u3000-\u303f\u30fc]/u;

export function charClass(code: number): CharClass {
  const cached = classCache[code]!;
  if (cached) return (cached - 1) as CharClass;
  let cls: CharClass = 0;
  if (code >= 0xd800 && code <= 0xdfff) cls = 0;
  else {
    const ch = String.fromCharCode(code);
    if (UNSPACED.test(ch)) cls = 2;
    else if (WORD.test(ch)) cls = 1;
  }
  classCache[code] = cls + 1;
  return cls;
}

/** Nodes with at least this many children get a dense ASCII row (a few hundred nodes for the shipped rules). */
const DENSE_MIN_CHILDREN = 4;
const DENSE_WIDTH = 128;
const NO_CHILD = -1;
const MANY = -2;

/**
 * Lazy DFA over ASCII (see `scanText`): a row of cached transitions per visited state, one column per ASCII
 * character that occurs in some phrase (54 for the shipped rules) plus column 0 for all others (they always lead
 * back to the root); at most MAX_ROWS rows (2 MB for 64 columns, grown by doubling as states are met; 16,384 is the
 * most a 16-bit entry can name), then further states use the automaton's own
 * path. An entry is (target row << 2) | KNOWN | OUTPUT, 0 = not cached yet.
 */
const KNOWN = 2;
/** `once` value of phrases whose occurrences go to `log` (see `scan`). */
export const LOG = 2;
const OUTPUT = 1;
const MAX_ROWS = 16384;

/** Phrases inserted per build slice, and trie nodes linked per slice (each a few ms on a slow device). */
const INSERT_SLICE = 500;
const LINK_SLICE = 3000;

/** Initial size of the transition hash, and the most entries per slot it holds before doubling (1 / HASH_LOAD). */
const HASH_MIN = 4096;
const HASH_LOAD = 4;

/** Slot of transition (s, c) in the hash table; `scanText` inlines the same formula. */
const hashOf = (s: number, c: number, mask: number) => (Math.imul(s, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & mask;

/**
 * `rowSolo` value of a row whose patterns all need a word boundary after them (see `endBounded`): `walk` passes
 * through it when a letter or digit comes next, where `emit` would have reported nothing.
 */
const END_BOUNDED = -2;
/**
 * ASCII letters and digits (charClass 1 below 128), for `walk`'s boundary look-ahead. Filled directly: charClass would
 * compile its Unicode-script regexes when the module loads (the content script's injection task).
 */
const WORD_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) WORD_ASCII[c] = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? 1 : 0;

/** Row reached by `walk`. */
let walkRow = 0;
/** `log` entries used after `walk`. */
let walkLog = 0;
const NO_ONCE = new Uint8Array(0);

/**
 * The cached-transition loop alone (few live values, so they stay in registers): from unit k in DFA row `row`,
 * follows cached transitions whose target reports nothing, or only a LOG phrase, which it appends to `log` (while
 * there is room). Returns the index of the first unit it cannot take that way (another output, an uncached
 * transition, a non-ASCII unit, or n), with `walkRow` the row before that unit and `walkLog` the log entries used.
 */
function walk(
  text: string,
  k: number,
  n: number,
  row: number,
  dfa: Uint16Array,
  colOf: Uint8Array,
  colShift: number,
  rowSolo: Int32Array,
  once: Uint8Array,
  patPhrase: Int32Array,
  patLength: Int32Array,
  log: Int32Array,
  logLength: number,
): number {
  for (; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) break;
    const e = dfa[(row << colShift) | colOf[c]!]!;
    if ((e & (KNOWN | OUTPUT)) !== KNOWN) {
      if (e === 0) break;
      const r = e >> 2;
      const p = rowSolo[r]!;
      if (p < 0) {
        // Every pattern ending here needs a word boundary after it, and a letter or digit follows: none is reported.
        if (p === END_BOUNDED && k + 1 < n) {
          const d = text.charCodeAt(k + 1);
          if (d < 128 && WORD_ASCII[d] === 1) {
            row = r;
            continue;
          }
        }
        break;
      }
      if (once[patPhrase[p]!] !== LOG || logLength + 2 > log.length) break;
      log[logLength] = patPhrase[p]!;
      log[logLength + 1] = k + 1 - patLength[p]!;
      logLength += 2;
      row = r;
      continue;
    }
    row = e >> 2;
  }
  walkRow = row;
  walkLog = logLength;
  return k;
}

export class PhraseMatcher {
  /** Per node: code of the edge into it, first child, next sibling, failure link, first own pattern, dictionary link. */
  private code!: Uint16Array;
  private first!: Int32Array;
  private next!: Int32Array;
  private fail!: Int32Array;
  private outHead!: Int32Array;
  private dict!: Int32Array;
  /** Number of children per node (saturating at 2: only "one" vs "more" matters). */
  private fanout!: Uint8Array;
  private nodes = 1;
  /** Breadth-first queue of `link` and its length. */
  private queue = new Int32Array(0);
  private queued = 0;
  /** Root transitions: code -> node (0 = none). */
  private readonly root = new Int32Array(65536);
  /** Hash of non-root transitions of nodes with more than one child: key node, key code, value child (0 = empty slot). */
  private hNode!: Int32Array;
  private hCode!: Uint16Array;
  private hVal!: Int32Array;
  private hMask = 0;
  private hCount = 0;
  /**
   * Nodes with many children (the first letters of many phrases) also get a dense row over ASCII:
   * dense[row + code] is the child (0 = none), the row's offset is in `step`. Most text is ASCII and
   * these nodes are passed through at most characters, so this saves most hash probes.
   */
  private dense!: Int32Array;
  /**
   * Per node, three adjacent entries for the scan loop: [3s] the code of its only child, NO_CHILD, or MANY;
   * [3s + 1] that child, or for MANY the dense row offset (-1 = none); [3s + 2] the first node whose patterns
   * end here (s itself or its dictionary link; 0 = none).
   */
  private step!: Int32Array;
  /** Per pattern: phrase id, length, boundary flags (bit 0 start, bit 1 end), next pattern at the same node. */
  private patPhrase!: Int32Array;
  private patLength!: Int32Array;
  private patFlags!: Uint8Array;
  private patNext!: Int32Array;
  private patterns = 0;
  /** Length of the longest pattern (units). */
  private longest = 0;
  /** Lazy ASCII DFA (see `scanText`): per node its row offset + 1 (0 = none), the rows, and each row's state. */
  private rowOf: Int32Array | undefined;
  private dfa = new Uint16Array(0);
  private rowState = new Int32Array(0);
  /**
   * Per row: the state's only pattern when its output chain is exactly one pattern without boundary checks
   * (a regex literal, mostly), else -1; such occurrences are reported straight from the scan loop.
   */
  private rowSolo = new Int32Array(0);
  /** DFA column of each ASCII code, and log2 of the row width. */
  private colOf = new Uint8Array(128);
  private colShift = 0;
  private rows = 0;
  /** Per-call reporting state of `scan(..., once)`: the caller's table, muted[phrase] === muteStamp once reported. */
  private once: Uint8Array | undefined;
  /**
   * Occurrences of phrases with once[phrase] === LOG, from the last `scan`: (phrase, start) pairs in the order
   * found, logLength entries used. Such occurrences are written here instead of being reported one call each.
   */
  log = new Int32Array(256);
  logLength = 0;
  private muted = new Int32Array(0);
  private muteStamp = 0;
  /** DFA entries whose OUTPUT bit this call cleared (every pattern of their target already reported). */
  private cleared = new Int32Array(64);
  private nCleared = 0;

  /**
   * `phrases` must already be normalised (see normalizePhrase). Empty phrases are ignored. Phrases with
   * `anywhere[id]` true match without word-boundary checks (used for regex prefilter literals).
   * `lazy`: the caller drives `buildSteps()` itself (sliced construction); otherwise built here.
   */
  constructor(
    readonly phrases: readonly string[],
    private readonly anywhere: readonly boolean[] = [],
    lazy = false,
  ) {
    if (!lazy) for (const _ of this.buildSteps()); // eslint-disable-line @typescript-eslint/no-unused-vars
  }

  /** Builds the automaton, yielding between slices of work. Must be run to completion before `scan`. */
  *buildSteps(): Generator<void, void, void> {
    const { phrases, anywhere } = this;
    let chars = 1;
    for (const p of phrases) chars += p ? p.length : 0;
    this.code = new Uint16Array(chars);
    this.first = new Int32Array(chars);
    this.next = new Int32Array(chars);
    this.fanout = new Uint8Array(chars);
    this.outHead = new Int32Array(chars).fill(-1);
    // Only the children of branching nodes go in (17k for 180k pattern characters with the shipped rules): sized for
    // about chars / 8 entries at 1/HASH_LOAD load, grown if that is too few (see hashPut).
    let size = HASH_MIN;
    while (size < chars / 2) size *= 2;
    this.hNode = new Int32Array(size);
    this.hCode = new Uint16Array(size);
    this.hVal = new Int32Array(size);
    this.hMask = size - 1;
    this.hCount = 0;
    this.patPhrase = new Int32Array(phrases.length);
    this.patLength = new Int32Array(phrases.length);
    this.patFlags = new Uint8Array(phrases.length);
    this.patNext = new Int32Array(phrases.length);
    yield;
    for (let id = 0; id < phrases.length; id += INSERT_SLICE) {
      this.insert(id, Math.min(phrases.length, id + INSERT_SLICE));
      yield;
    }
    yield* this.link();
    yield* this.buildScanTables();
  }

  // The loops of the build live in plain methods, called once per slice: V8 optimises those, while a loop inside a
  // generator keeps running unoptimised code.

  /** Inserts phrases from..to - 1. */
  private insert(from: number, to: number): void {
    const { phrases, anywhere } = this;
    for (let id = from; id < to; id++) {
      const p = phrases[id];
      if (p) this.add(p, id, anywhere[id] === true);
    }
  }

  private get(s: number, c: number): number {
    if (s === 0) return this.root[c]!;
    const f = this.fanout[s]!;
    if (f === 0) return 0;
    if (f === 1) {
      const t = this.first[s]!;
      return this.code[t] === c ? t : 0;
    }
    const mask = this.hMask;
    for (let h = hashOf(s, c, mask); ; h = (h + 1) & mask) {
      const v = this.hVal[h]!;
      if (v === 0) return 0;
      if (this.hNode[h] === s && this.hCode[h] === c) return v;
    }
  }

  private hashPut(s: number, c: number, t: number): void {
    if (++this.hCount * HASH_LOAD > this.hMask) this.growHash();
    const mask = this.hMask;
    let h = hashOf(s, c, mask);
    while (this.hVal[h] !== 0) h = (h + 1) & mask;
    this.hNode[h] = s;
    this.hCode[h] = c;
    this.hVal[h] = t;
  }

  /** Doubles the hash table (rehashing every entry). */
  private growHash(): void {
    const { hNode, hCode, hVal } = this;
    const size = 2 * hVal.length;
    this.hNode = new Int32Array(size);
    this.hCode = new Uint16Array(size);
    this.hVal = new Int32Array(size);
    const mask = (this.hMask = size - 1);
    for (let i = 0; i < hVal.length; i++) {
      const v = hVal[i]!;
      if (v === 0) continue;
      let h = hashOf(hNode[i]!, hCode[i]!, mask);
      while (this.hVal[h] !== 0) h = (h + 1) & mask;
      this.hNode[h] = hNode[i]!;
      this.hCode[h] = hCode[i]!;
      this.hVal[h] = v;
    }
  }

  private addChild(s: number, c: number): number {
    const t = this.nodes++;
    this.code[t] = c;
    this.next[t] = this.first[s]!;
    this.first[s] = t;
    if (s === 0) this.root[c] = t;
    else if (this.fanout[s] === 0) this.fanout[s] = 1;
    else {
      if (this.fanout[s] === 1) {
        this.fanout[s] = 2;
        const only = this.next[t]!;
        this.hashPut(s, this.code[only]!, only);
      }
      this.hashPut(s, c, t);
    }
    return t;
  }

  private add(p: string, phrase: number, anywhere: boolean): void {
    let s = 0;
    for (let k = 0; k < p.length; k++) {
      const c = p.charCodeAt(k);
      s = this.get(s, c) || this.addChild(s, c);
    }
    const i = this.patterns++;
    this.patPhrase[i] = phrase;
    this.patLength[i] = p.length;
    if (p.length > this.longest) this.longest = p.length;
    this.patFlags[i] = (!anywhere && charClass(p.charCodeAt(0)) === 1 ? 1 : 0) | (!anywhere && charClass(p.charCodeAt(p.length - 1)) === 1 ? 2 : 0);
    // Keep the patterns of a node in insertion order (a node ends at most a few phrases).
    this.patNext[i] = -1;
    let last = this.outHead[s]!;
    if (last === -1) this.outHead[s] = i;
    else {
      while (this.patNext[last] !== -1) last = this.patNext[last]!;
      this.patNext[last] = i;
    }
  }

  /** Tables of the scan loop: per-node `step` entries, and dense ASCII rows for nodes with many children. */
  private *buildScanTables(): Generator<void, void, void> {
    const denseRow = this.denseRows();
    yield;
    const n = this.nodes;
    const step = (this.step = new Int32Array(3 * n));
    for (let s = 0; s < n; s += LINK_SLICE) {
      this.stepEntries(denseRow, s, Math.min(n, s + LINK_SLICE));
      yield;
    }
    this.columns();
  }

  /** Dense ASCII rows of the nodes with many children; returns each node's row offset (-1 = none). */
  private denseRows(): Int32Array {
    const n = this.nodes;
    const denseRow = new Int32Array(n).fill(-1);
    let rows = 0;
    for (let s = 1; s < n; s++) {
      if (this.fanout[s] !== 2) continue;
      let children = 0;
      for (let t = this.first[s]!; t !== 0; t = this.next[t]!) children++;
      if (children >= DENSE_MIN_CHILDREN) denseRow[s] = DENSE_WIDTH * rows++;
    }
    const dense = new Int32Array(DENSE_WIDTH * rows);
    for (let s = 1; s < n; s++) {
      const row = denseRow[s]!;
      if (row < 0) continue;
      for (let t = this.first[s]!; t !== 0; t = this.next[t]!) if (this.code[t]! < DENSE_WIDTH) dense[row + this.code[t]!] = t;
    }
    this.dense = dense;
    return denseRow;
  }

  /** `step` entries of nodes from..to - 1. */
  private stepEntries(denseRow: Int32Array, from: number, to: number): void {
    const { step, fanout, code, first, outHead, dict } = this;
    for (let s = from; s < to; s++) {
      const f = fanout[s]!;
      if (f === 0) step[3 * s] = NO_CHILD;
      else if (f === 1) {
        step[3 * s] = code[first[s]!]!;
        step[3 * s + 1] = first[s]!;
      } else {
        step[3 * s] = MANY;
        step[3 * s + 1] = denseRow[s]!;
      }
      step[3 * s + 2] = outHead[s] !== -1 ? s : dict[s]!;
    }
  }

  /** DFA columns: one per ASCII code that labels some edge, in node order. */
  private columns(): void {
    const n = this.nodes;
    let cols = 1;
    for (let t = 1; t < n; t++) if (this.code[t]! < 128 && this.colOf[this.code[t]!] === 0) this.colOf[this.code[t]!] = cols++;
    while (1 << this.colShift < cols) this.colShift++;
  }

  /** Failure and dictionary links, breadth first. */
  private *link(): Generator<void, void, void> {
    const n = this.nodes;
    this.fail = new Int32Array(n);
    this.dict = new Int32Array(n); // nearest proper suffix state with an own pattern, 0 = none
    this.queue = new Int32Array(n);
    this.queued = 0;
    for (let t = this.first[0]!; t !== 0; t = this.next[t]!) this.queue[this.queued++] = t;
    for (let q = 0; q < this.queued; q += LINK_SLICE) {
      this.linkNodes(q, q + LINK_SLICE);
      yield;
    }
    this.queue = new Int32Array(0);
  }

  /** Links the children of the queued nodes from..to - 1 (those that are queued), queueing them in turn. */
  private linkNodes(from: number, to: number): void {
    const { fail, dict, queue, code, first, next, outHead } = this;
    let tail = this.queued;
    for (let q = from; q < to && q < tail; q++) {
      const s = queue[q]!;
      for (let t = first[s]!; t !== 0; t = next[t]!) {
        const c = code[t]!;
        let f = fail[s]!;
        let g = this.get(f, c);
        while (g === 0 && f !== 0) {
          f = fail[f]!;
          g = this.get(f, c);
        }
        const ft = g !== t ? g : 0;
        fail[t] = ft;
        dict[t] = outHead[ft] !== -1 && ft !== 0 ? ft : dict[ft]!;
        queue[tail++] = t;
      }
    }
    this.queued = tail;
  }

  /**
   * Calls `onMatch(phrase, start, end)` for every occurrence (normalised offsets) that passes the boundary
   * checks. When the text has a digit 1 read as `i` ("te1egram"), a second pass reads those as `l`.
   * `once[phrase] === 1`: only that phrase's first occurrence in this call is reported (over both passes), for
   * callers that need no more; a state whose patterns are all reported then stops costing anything.
   * `once[phrase] === LOG` (2): every occurrence goes to `log` instead of `onMatch` (for phrases that occur often
   * and whose positions are only sometimes needed).
   */
  scan(norm: NormalizedText, onMatch: (phrase: number, start: number, end: number) => void, once?: Uint8Array): void {
    this.logLength = 0;
    if (once) {
      if (this.muteStamp === 0x7fffffff) {
        this.muted.fill(0);
        this.muteStamp = 0;
      }
      this.muteStamp++;
      if (this.muted.length < this.phrases.length) this.muted = new Int32Array(this.phrases.length);
    }
    this.once = once;
    try {
      this.scanText(norm.text, onMatch);
      if (norm.ambiguous.size > 0) this.scanAmbiguous(norm.text, norm.ambiguous, onMatch);
    } finally {
      // Cached transitions whose OUTPUT bit was cleared for this call (see `scanText`) report again next time.
      const { dfa, cleared } = this;
      for (let j = 0; j < this.nCleared; j++) dfa[cleared[j]!]! |= OUTPUT;
      this.nCleared = 0;
      this.once = undefined;
    }
  }

  /**
   * The second pass of `scan`: the text with every ambiguous `1` read as `l`, scanned only in windows around those
   * units (a page with a few "te1egram"-like tokens used to copy and rescan the whole text). A window reaches the
   * longest pattern past its ambiguous units, then on to a unit that is not a word character of a spaced script (or
   * the text's end), so the boundary checks at its edges see what they would see in the whole text: the window
   * reports exactly the occurrences a whole second pass would report that overlap it, which include all those that
   * cover an ambiguous unit; the rest repeat the first pass, as before.
   */
  private scanAmbiguous(text: string, ambiguous: ReadonlySet<number>, onMatch: (phrase: number, start: number, end: number) => void): void {
    const n = text.length;
    const at = [...ambiguous].sort((x, y) => x - y);
    const reach = this.longest;
    const wordAt = (k: number) => charClass(text.charCodeAt(k)) === 1;
    for (let i = 0; i < at.length; ) {
      let a = Math.max(0, at[i]! - reach);
      let b = Math.min(n, at[i]! + reach + 1);
      let j = i + 1;
      for (;;) {
        while (j < at.length && at[j]! - reach <= b) b = Math.min(n, at[j++]! + reach + 1);
        const before = b;
        while (b < n && wordAt(b)) b++;
        if (b === before || j >= at.length || at[j]! - reach > b) break;
      }
      while (a > 0 && wordAt(a - 1)) a--;
      let w = '';
      let from = a;
      for (let q = i; q < j; q++) {
        w += text.slice(from, at[q]!) + 'l';
        from = at[q]! + 1;
      }
      w += text.slice(from, b);
      const logFrom = this.logLength;
      this.scanText(w, (id, s, e) => onMatch(id, s + a, e + a));
      for (let k = logFrom; k < this.logLength; k += 2) this.log[k + 1]! += a;
      i = j;
    }
  }

  /** The state after reading `c` in state `s` (goto with failure links): the automaton's slow path. */
  private transition(s: number, c: number): number {
    const { root, step, fail, hNode, hCode, hVal, hMask, dense } = this;
    for (;;) {
      if (s === 0) return root[c]!;
      const kind = step[3 * s]!;
      if (kind === c) return step[3 * s + 1]!;
      if (kind === MANY) {
        const row = step[3 * s + 1]!;
        if (row >= 0 && c < DENSE_WIDTH) {
          const t = dense[row + c]!;
          if (t !== 0) return t;
        } else {
          for (let h = hashOf(s, c, hMask); ; h = (h + 1) & hMask) {
            const v = hVal[h]!;
            if (v === 0) break;
            if (hNode[h] === s && hCode[h] === c) return v;
          }
        }
      }
      s = fail[s]!;
    }
  }

  /** The DFA row of state s, allocated on first use; -1 once MAX_ROWS rows exist. */
  private rowFor(s: number): number {
    const rowOf = (this.rowOf ??= new Int32Array(this.nodes));
    const r = rowOf[s]!;
    if (r !== 0) return r - 1;
    if (this.rows === MAX_ROWS) return -1;
    if (this.rows === this.rowState.length) {
      const size = Math.min(MAX_ROWS, Math.max(64, this.rows * 2));
      const dfa = new Uint16Array(size << this.colShift);
      dfa.set(this.dfa);
      this.dfa = dfa;
      const rowState = new Int32Array(size);
      rowState.set(this.rowState);
      this.rowState = rowState;
      const rowSolo = new Int32Array(size);
      rowSolo.set(this.rowSolo);
      this.rowSolo = rowSolo;
    }
    const row = this.rows++;
    this.rowState[row] = s;
    const node = this.step[3 * s + 2]!;
    const p = node !== 0 ? this.outHead[node]! : -1;
    this.rowSolo[row] = p >= 0 && this.dict[node] === 0 && this.patNext[p] === -1 && this.patFlags[p] === 0 ? p : this.endBounded(node) ? END_BOUNDED : -1;
    rowOf[s] = row + 1;
    return row;
  }

  /** Whether every pattern reported at `node` (its own and its dictionary suffixes') needs a word boundary after it. */
  private endBounded(node: number): boolean {
    if (node === 0) return false;
    for (; node !== 0; node = this.dict[node]!) for (let p = this.outHead[node]!; p !== -1; p = this.patNext[p]!) if ((this.patFlags[p]! & 2) === 0) return false;
    return true;
  }

  private scanText(text: string, onMatch: (phrase: number, start: number, end: number) => void): void {
    // This loop is the engine's hottest. ASCII transitions come from the lazily filled DFA table (one dependent
    // load per character once warm): dfa[(row(s) << colShift) | colOf[c]] = (row(t) << 2) | KNOWN | (OUTPUT when
    // t or a suffix of it ends a pattern). Other characters, and transitions not cached yet, take the automaton's
    // own path (`transition`), which fills the table. Runs of cached transitions without output (or with only a
    // LOG phrase) go through `walk`.
    const { step, colOf, colShift, once, patPhrase, patLength } = this;
    const n = text.length;
    let s = 0;
    let row = this.rowFor(0);
    let dfa = this.dfa;
    let rowState = this.rowState;
    let rowSolo = this.rowSolo;
    for (let k = 0; k < n; k++) {
      if (row >= 0) {
        k = walk(text, k, n, row, dfa, colOf, colShift, rowSolo, once ?? NO_ONCE, patPhrase, patLength, this.log, this.logLength);
        row = walkRow;
        this.logLength = walkLog;
        if (k >= n) break;
      }
      const c = text.charCodeAt(k);
      if (c < 128 && row >= 0) {
        const at = (row << colShift) | colOf[c]!;
        const e = dfa[at]!;
        if (e !== 0) {
          row = e >> 2;
          if ((e & OUTPUT) === 0) continue;
          const p = rowSolo[row]!;
          if (p >= 0) {
            const id = patPhrase[p]!;
            const mode = once === undefined ? 0 : once[id]!;
            if (mode === LOG) {
              this.append(id, k + 1 - patLength[p]!);
              continue;
            }
            if (mode === 0) {
              onMatch(id, k + 1 - patLength[p]!, k + 1);
              continue;
            }
          }
          s = rowState[row]!;
          if (!this.emit(text, s, k + 1, onMatch)) this.clearOutput(at);
          continue;
        }
      }
      if (row >= 0) s = rowState[row]!;
      const t = this.transition(s, c);
      if (c < 128) {
        const to = this.rowFor(t);
        dfa = this.dfa;
        rowState = this.rowState;
        rowSolo = this.rowSolo;
        if (row >= 0 && to >= 0) dfa[(row << colShift) | colOf[c]!] = (to << 2) | KNOWN | (step[3 * t + 2] !== 0 ? OUTPUT : 0);
        row = to;
      } else row = -1;
      s = t;
      if (s !== 0 && step[3 * s + 2] !== 0) this.emit(text, s, k + 1, onMatch);
    }
  }

  private append(phrase: number, start: number): void {
    let log = this.log;
    const n = this.logLength;
    if (n + 2 > log.length) {
      log = new Int32Array(log.length * 2);
      log.set(this.log);
      this.log = log;
    }
    log[n] = phrase;
    log[n + 1] = start;
    this.logLength = n + 2;
  }

  /** The cached transition at dfa[at] leads to a state with nothing left to report in this call. */
  private clearOutput(at: number): void {
    this.dfa[at]! &= ~OUTPUT;
    if (this.nCleared === this.cleared.length) {
      const c = new Int32Array(this.cleared.length * 2);
      c.set(this.cleared);
      this.cleared = c;
    }
    this.cleared[this.nCleared++] = at;
  }

  /**
   * Reports the patterns ending at `end` in state s: its own (longest) first, then those of shorter suffixes via
   * dictionary links. Returns whether any of them may still be reported in this call (see `scan`'s `once`).
   */
  private emit(text: string, s: number, end: number, onMatch: (phrase: number, start: number, end: number) => void): boolean {
    const { step, outHead, dict, patNext, patPhrase, patLength, patFlags, once, muted, muteStamp } = this;
    const n = text.length;
    let live = false;
    for (let node = step[3 * s + 2]!; node !== 0; node = dict[node]!) {
      for (let p = outHead[node]!; p !== -1; p = patNext[p]!) {
        const id = patPhrase[p]!;
        const single = once !== undefined && once[id] === 1;
        if (single && muted[id] === muteStamp) continue;
        const start = end - patLength[p]!;
        const flags = patFlags[p]!;
        if ((flags & 1 && start > 0 && charClass(text.charCodeAt(start - 1)) === 1) || (flags & 2 && end < n && charClass(text.charCodeAt(end)) === 1)) {
          live = true;
          continue;
        }
        if (single) muted[id] = muteStamp;
        else live = true;
        if (once !== undefined && once[id] === LOG) this.append(id, start);
        else onMatch(id, start, end);
      }
    }
    return live;
  }
}
