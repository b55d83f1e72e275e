/**
 * Text normalisation for matching, with a map back to the original string.
 *
 * Steps, in order:
 * 1. zero-width, bidi and other invisible format characters are removed;
 * 2. each character with its combining marks is NFKC-normalised and lower-cased
 *    (full-width forms, ligatures and math alphanumerics become plain letters);
 * 3. confusable Cyrillic/Greek letters are folded to the Latin letter they imitate, and Traditional Chinese characters
 *    to their Simplified form (han-simplified.ts);
 * 4. runs of whitespace become one space;
 * 5. spaced or dotted single letters are joined: "U S D T", "t e l e g r a m", "W.h.a.t.s.A.p.p";
 * 6. digit-for-letter swaps inside words are undone ("c0ntact", "b1tcoin", "u$dt", "p@y").
 *
 * Every unit of the output remembers the original span it came from (`starts`/`ends`),
 * so a match on the normalised text maps back to UTF-16 offsets of the original.
 *
 * Speed (it runs over every page): steps 1-4 are one pass with per-character tables and a tight loop for ASCII
 * runs (NFKC only per cluster with marks, cached); the offset map is kept as segments, not two arrays per unit;
 * steps 5-6 only look where native regexes find a candidate. tests/unit/engine/normalize-equivalence.test.ts
 * checks all of it against the plain implementation it replaced.
 * Pure TypeScript: no DOM; TextDecoder is used when present (browsers, Node), with a fallback.
 */

import { simplifiedHan } from './han-simplified';

export interface NormalizedText {
  /** The normalised text. */
  readonly text: string;
  /** For each UTF-16 unit of `text`: start offset (inclusive) of its source in the original string. */
  readonly starts: Int32Array;
  /** For each UTF-16 unit of `text`: end offset (exclusive) of its source in the original string. */
  readonly ends: Int32Array;
  /**
   * Indexes of `text` holding an `i` that was written as the digit `1`, which may also stand for `l`
   * ("te1egram"). Phrase matching accepts `l` there too. Empty for most texts.
   */
  readonly ambiguous: ReadonlySet<number>;
}

/** Invisible characters removed before matching: zero-width, bidi controls, soft hyphen, variation selectors. */
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/;

/** Upper-case Cyrillic/Greek letters that imitate Latin capitals (checked before lower-casing: Greek Ν looks like N, ν like v). */
const UPPER_CONFUSABLES: Record<string, string> = {
  А: 'a', В: 'b', Е: 'e', К: 'k', М: 'm', Н: 'h', О: 'o', Р: 'p', С: 'c', Т: 't', У: 'y', Х: 'x', Ѕ: 's', І: 'i', Ј: 'j', Ү: 'y',
  Α: 'a', Β: 'b', Ε: 'e', Ζ: 'z', Η: 'h', Ι: 'i', Κ: 'k', Μ: 'm', Ν: 'n', Ο: 'o', Ρ: 'p', Τ: 't', Υ: 'y', Χ: 'x',
};

/** Lower-case confusables folded to the Latin letter they imitate. */
const CONFUSABLES: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  ѕ: 's', і: 'i', ї: 'i', ј: 'j', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l', ү: 'y',
  // Greek
  α: 'a', β: 'b', ε: 'e', ζ: 'z', η: 'n', ι: 'i', κ: 'k', μ: 'u', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
  ς: 's', ϲ: 'c', ϳ: 'j',
  // Latin lookalikes
  ı: 'i', ɑ: 'a', ɡ: 'g', ɩ: 'i', ʟ: 'l', ꞵ: 'b',
};

const MARK = /\p{M}/u;
const CACHE_LIMIT = 50_000;
const MAX_MARKS = 8;
const clusterCache = new Map<string, string>();

function foldCluster(cluster: string): string {
  const cached = clusterCache.get(cluster);
  if (cached !== undefined) return cached;
  let out = '';
  for (const ch of cluster.normalize('NFKC')) {
    const upper = UPPER_CONFUSABLES[ch];
    if (upper !== undefined) out += upper;
    else for (const low of ch.toLowerCase()) out += CONFUSABLES[low] ?? (low.length === 1 ? String.fromCharCode(simplifiedHan(low.charCodeAt(0))) : low);
  }
  if (clusterCache.size >= CACHE_LIMIT) clusterCache.clear();
  clusterCache.set(cluster, out);
  return out;
}

/** Separated single letters: a letter, a separator, then >= 2 more letters each after the SAME separator. */
const SPACED_LETTERS = /(?<![\p{L}\p{N}\p{M}])\p{L}([ .·•*_\-]{1,2})\p{L}(?:\1\p{L})+(?![\p{L}\p{N}\p{M}])/gu;
/** Digit swaps are looked for in word-like tokens (letters, digits, marks, @, $) around 0-9, @ and $. */
const TOKEN_CHAR = /[\p{L}\p{N}\p{M}@$]/u;
const SWAPS: Record<string, string | undefined> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
const IS_LETTER = /[\p{L}\p{M}]/u;

/**
 * Growable output: UTF-16 code units, and the original span of each as SEGMENTS: unit k of segment j
 * (segOut[j] <= k < segOut[j + 1]) comes from [k + segDelta[j], k + segDelta[j] + segWidth[j]) of the input.
 * Text whose characters each give one unit (plain text, single spaces) is one segment however long it is.
 */
class Out {
  codes: Uint16Array;
  len = 0;
  /** Whether a surrogate code unit was written (the fast string conversion needs well-formed UTF-16). */
  surrogates = false;
  segOut = new Int32Array(8);
  segDelta = new Int32Array(8);
  segWidth = new Int32Array(8);
  nseg = 0;

  /** `buffer`: where the units are written while it is large enough (the caller reuses it between calls). */
  constructor(capacity: number, buffer?: Uint16Array) {
    this.codes = buffer && buffer.length >= capacity ? buffer : new Uint16Array(Math.max(16, capacity));
  }

  push(code: number, start: number, end: number): void {
    if (this.len === this.codes.length) this.grow(1);
    if ((code & 0xf800) === 0xd800) this.surrogates = true;
    this.codes[this.len] = code;
    const j = this.nseg - 1;
    if (j < 0 || this.segDelta[j] !== start - this.len || this.segWidth[j] !== end - start) this.addSegment(this.len, start - this.len, end - start);
    this.len++;
  }

  /** Whitespace runs become one space whose span covers the whole run. */
  pushSpace(start: number, end: number): void {
    if (this.len > 0 && this.codes[this.len - 1] === 0x20) this.extendLast(end);
    else this.push(0x20, start, end);
  }

  /** The last unit's span now ends at `end`. */
  extendLast(end: number): void {
    const k = this.len - 1;
    const j = this.nseg - 1;
    const width = end - (k + this.segDelta[j]!);
    if (this.segOut[j] === k) this.segWidth[j] = width;
    else this.addSegment(k, this.segDelta[j]!, width);
  }

  addSegment(at: number, delta: number, width: number): void {
    if (this.nseg === this.segOut.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.segOut = grow(this.segOut);
      this.segDelta = grow(this.segDelta);
      this.segWidth = grow(this.segWidth);
    }
    this.segOut[this.nseg] = at;
    this.segDelta[this.nseg] = delta;
    this.segWidth[this.nseg] = width;
    this.nseg++;
  }

  /** The delta with which a width-1 unit extends the last segment, or NO_RUN. */
  extensible(): number {
    const j = this.nseg - 1;
    return j >= 0 && this.segWidth[j] === 1 ? this.segDelta[j]! : NO_RUN;
  }

  /** Makes room for `extra` more units. */
  grow(extra: number): void {
    let cap = this.codes.length * 2;
    while (cap < this.len + extra) cap *= 2;
    const codes = new Uint16Array(cap);
    codes.set(this.codes.subarray(0, this.len));
    this.codes = codes;
  }

  text(): string {
    return unitsToString(this.codes.subarray(0, this.len), this.surrogates);
  }
}

/**
 * The result of normalizeText. The offset maps are kept as segments; `starts`/`ends` are built on first use,
 * while `originalSpan` looks single units up directly.
 */
class Normalized implements NormalizedText {
  private startsCache: Int32Array | undefined;
  private endsCache: Int32Array | undefined;

  constructor(
    readonly text: string,
    readonly ambiguous: ReadonlySet<number>,
    private readonly segOut: Int32Array,
    private readonly segDelta: Int32Array,
    private readonly segWidth: Int32Array,
    private readonly nseg: number,
  ) {}

  get starts(): Int32Array {
    if (!this.startsCache) this.build();
    return this.startsCache!;
  }

  get ends(): Int32Array {
    if (!this.endsCache) this.build();
    return this.endsCache!;
  }

  private build(): void {
    const len = this.text.length;
    const starts = new Int32Array(len);
    const ends = new Int32Array(len);
    for (let j = 0; j < this.nseg; j++) {
      const to = j + 1 < this.nseg ? this.segOut[j + 1]! : len;
      const delta = this.segDelta[j]!;
      const width = this.segWidth[j]!;
      for (let k = this.segOut[j]!; k < to; k++) {
        starts[k] = k + delta;
        ends[k] = k + delta + width;
      }
    }
    this.startsCache = starts;
    this.endsCache = ends;
  }

  /** Segment of unit k (0 <= k < text.length). */
  private segment(k: number): number {
    let lo = 0;
    let hi = this.nseg - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.segOut[mid]! <= k) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** starts[k], or undefined outside the text. */
  startAt(k: number): number | undefined {
    if (!(k >= 0 && k < this.text.length)) return undefined;
    return k + this.segDelta[this.segment(k)]!;
  }

  /** ends[k], or undefined outside the text. */
  endAt(k: number): number | undefined {
    if (!(k >= 0 && k < this.text.length)) return undefined;
    const j = this.segment(k);
    return k + this.segDelta[j]! + this.segWidth[j]!;
  }
}

/**
 * UTF-16LE decoding turns a code-unit array into a string in native code (several times faster than
 * String.fromCharCode in chunks). It would replace unpaired surrogates with U+FFFD, so it is only used on
 * well-formed units, and only on a little-endian platform (Uint16Array uses the platform's byte order).
 */
const DECODER: TextDecoder | undefined =
  typeof TextDecoder === 'function' && new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? new TextDecoder('utf-16le', { ignoreBOM: true }) : undefined;

function wellFormed(units: Uint16Array): boolean {
  for (let k = 0; k < units.length; k++) {
    const c = units[k]!;
    if ((c & 0xf800) !== 0xd800) continue;
    if (c >= 0xdc00 || k + 1 >= units.length || (units[k + 1]! & 0xfc00) !== 0xdc00) return false;
    k++;
  }
  return true;
}

function unitsToString(units: Uint16Array, surrogates: boolean): string {
  if (DECODER && units.length > 32 && (!surrogates || wellFormed(units))) return DECODER.decode(units);
  let s = '';
  for (let k = 0; k < units.length; k += 8192) s += String.fromCharCode.apply(null, units.subarray(k, Math.min(units.length, k + 8192)) as unknown as number[]);
  return s;
}

const markCache = new Uint8Array(65536); // 0 unknown, 1 no, 2 yes
function isMark(code: number): boolean {
  if (code < 0x300) return false;
  if (code >= 0xd800 && code <= 0xdfff) return false; // astral marks are handled by the slow path below
  let v = markCache[code]!;
  if (v === 0) markCache[code] = v = MARK.test(String.fromCharCode(code)) ? 2 : 1;
  return v === 2;
}

const invisibleCache = new Uint8Array(65536); // 0 unknown, 1 no, 2 yes
function isInvisible(code: number): boolean {
  let v = invisibleCache[code]!;
  if (v === 0) invisibleCache[code] = v = INVISIBLE.test(String.fromCharCode(code)) ? 2 : 1;
  return v === 2;
}

function isSpaceCode(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/**
 * Whether a character after a BMP character sends that character to the cluster path: a combining mark,
 * an invisible character (it may sit between a character and its marks) or a high surrogate (an astral mark).
 * Characters below U+0300 never do. 0 unknown, 1 no, 2 yes.
 */
const joinsCache = new Uint8Array(65536).fill(1, 0, 0x300);
function joins(code: number): boolean {
  let v = joinsCache[code]!;
  if (v === 0) joinsCache[code] = v = isMark(code) || isInvisible(code) || (code >= 0xd800 && code <= 0xdbff) ? 2 : 1;
  return v === 2;
}

/** Folded form of single BMP characters, for characters with no mark after them. See `foldSingle`. */
const FOLD_DROP = -1;
const FOLD_SPACE = -2;
const FOLD_MULTI = -3;
/** 0 unknown, FOLD_* or (the one folded code unit + 1). */
const singleCode = new Int32Array(65536);
/** Folded strings of characters whose fold is not one unit (FOLD_MULTI). */
const singleFold = new Map<number, string>();
function foldSingle(code: number): number {
  const c = String.fromCharCode(code);
  const folded = isInvisible(code) ? '' : isSpaceCode(code) ? ' ' : foldCluster(c);
  if (folded.length === 0) return (singleCode[code] = FOLD_DROP);
  if (folded.length === 1) return (singleCode[code] = isSpaceCode(folded.charCodeAt(0)) ? FOLD_SPACE : folded.charCodeAt(0) + 1);
  singleFold.set(code, folded);
  return (singleCode[code] = FOLD_MULTI);
}

/** foldCluster of clusters of two or three UTF-16 units, keyed by the units (u0 * 2^32 + u1 * 2^16 + u2, or 0). */
const shortClusters = new Map<number, string>();

/** A character followed by its combining marks (slow path: NFKC per cluster). Returns the index after the cluster. */
function pushCluster(input: string, i: number, out: Out): number {
  const n = input.length;
  const code = input.charCodeAt(i);
  const cp = input.codePointAt(i)!;
  let end = i + (cp > 0xffff ? 2 : 1);
  if (cp <= 0xffff && isInvisible(code)) return end; // (INVISIBLE holds BMP characters only)
  if (isSpaceCode(code)) {
    out.pushSpace(i, end);
    return end;
  }
  // Gather following combining marks (and drop invisibles between them). Beyond MAX_MARKS the marks
  // are skipped: real text never stacks that many, and NFKC reordering of a huge run is quadratic.
  let clusterEnd = end;
  let marks = 0;
  let invisibleInside = false;
  while (end < n) {
    const m = input.charCodeAt(end);
    const high = m >= 0xd800 && m <= 0xdbff;
    if (isMark(m) || (high && MARK.test(input.slice(end, end + 2)))) {
      end += high ? 2 : 1;
      if (++marks <= MAX_MARKS) clusterEnd = end;
    } else if (end + 1 < n && isInvisible(m) && isMark(input.charCodeAt(end + 1))) {
      invisibleInside = true;
      end++;
    } else break;
  }
  let folded: string;
  const units = clusterEnd - i;
  if (!invisibleInside && (units === 2 || units === 3)) {
    // Two or three units (a letter and one or two marks: most Thai, Khmer, Devanagari, Burmese syllables), looked up by
    // their code units as one number, without slicing the cluster out first.
    const key = code * 0x100000000 + input.charCodeAt(i + 1) * 0x10000 + (units === 3 ? input.charCodeAt(i + 2) : 0);
    let f = shortClusters.get(key);
    if (f === undefined) {
      f = foldCluster(input.slice(i, clusterEnd));
      if (shortClusters.size >= CACHE_LIMIT) shortClusters.clear();
      shortClusters.set(key, f);
    }
    folded = f;
  } else {
    let cluster = input.slice(i, clusterEnd);
    if (invisibleInside) cluster = Array.from(cluster).filter((c) => !INVISIBLE.test(c)).join('');
    folded = foldCluster(cluster);
  }
  for (let k = 0; k < folded.length; k++) {
    const c = folded.charCodeAt(k);
    if (isSpaceCode(c)) out.pushSpace(i, end);
    else out.push(c, i, end);
  }
  return end;
}

/** Word characters around a spaced-letters match (lookbehind of SPACED_LETTERS), letters, token characters: per BMP unit. */
const wordCache = new Uint8Array(65536); // bit 0 known, bit 1 [\p{L}\p{N}\p{M}], bit 2 \p{L}, bit 3 TOKEN_CHAR, bit 4 IS_LETTER
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const LETTER = /\p{L}/u;
function unitClass(code: number): number {
  let v = wordCache[code]!;
  if (v === 0) {
    const s = String.fromCharCode(code);
    v = 1 | (WORD_CHAR.test(s) ? 2 : 0) | (LETTER.test(s) ? 4 : 0) | (TOKEN_CHAR.test(s) ? 8 : 0) | (IS_LETTER.test(s) ? 16 : 0);
    wordCache[code] = v;
  }
  return v;
}

/** Separators of SPACED_LETTERS: space . · • * _ - */
function isSeparator(c: number): boolean {
  return c === 0x20 || c === 0x2e || c === 0x2d || c === 0x5f || c === 0x2a || c === 0xb7 || c === 0x2022;
}

/** SPACED_LETTERS as a sticky regex: tried only where a match can start (see `normalizeText`). */
const SPACED_LETTERS_AT = new RegExp(SPACED_LETTERS.source, 'uy');

/** No segment to extend (see `fold`): never equal to i - k. */
const NO_RUN = -0x7fffffff;

/** ASCII in `fold`'s loop: the folded unit (ASCII_FOLD), plus ASCII_SPACE for whitespace. */
const ASCII_SPACE = 0x100;
const ASCII_UNIT = new Uint16Array(128);

/** ASCII folded: lower case; whitespace becomes 0x20 (a space is pushed or extends the last one). */
const ASCII_FOLD = new Uint16Array(128);
for (let c = 0; c < 128; c++) ASCII_FOLD[c] = c === 0x20 || (c >= 0x09 && c <= 0x0d) ? 0x20 : c >= 0x41 && c <= 0x5a ? c + 32 : c;
for (let c = 0; c < 128; c++) ASCII_UNIT[c] = ASCII_FOLD[c]! | (ASCII_FOLD[c] === 0x20 ? ASCII_SPACE : 0);
// ASCII single characters are filled up front: space, or the lower-cased code (what `foldSingle` gives them, without
// the NFKC call, whose first use sets up ICU's normaliser: milliseconds of the content script's injection task).
for (let c = 0; c < 0x80; c++) singleCode[c] = ASCII_FOLD[c] === 0x20 ? FOLD_SPACE : ASCII_FOLD[c]! + 1;

/**
 * Pass 1: invisible removal, NFKC + lower case + confusables per cluster, whitespace collapse.
 * The loop keeps the output state in locals; the rare paths (growth, expansions, clusters) go through `out`
 * and the locals are read back.
 */
function fold(input: string): Out {
  const n = input.length;
  const out = new Out(n + 8, scratch);
  let codes = out.codes;
  let cap = codes.length;
  let len = 0;
  let surrogates = false;
  // A unit k from input unit k + delta extends the last segment (width 1, that delta): no map entry.
  // NO_RUN when the last segment cannot be extended (none yet, or wider units).
  let delta = NO_RUN;
  let i = 0;
  let next = n > 0 ? input.charCodeAt(0) : 0;
  while (i < n) {
    if (next < 0x80) {
      // ASCII run: at most one unit per character, so room is made once.
      if (cap - len < n - i) {
        out.len = len;
        out.grow(n - i);
        codes = out.codes;
        cap = codes.length;
      }
      let c = next;
      for (;;) {
        let prev = len > 0 && codes[len - 1] === 0x20 ? ASCII_SPACE : 0;
        if ((ASCII_UNIT[c]! & prev) === 0) {
          // One unit per character, all in one map segment, until a non-ASCII character or whitespace after a space.
          if (i - len !== delta) {
            out.addSegment(len, i - len, 1);
            delta = i - len;
          }
          for (;;) {
            const t = ASCII_UNIT[c]!;
            if ((t & prev) !== 0) break;
            codes[len++] = t & 0xff;
            prev = t & ASCII_SPACE;
            if (++i >= n) break;
            c = input.charCodeAt(i);
            if (c >= 0x80) break;
          }
          if (i >= n || c >= 0x80) break;
        }
        // whitespace after a space: the space now covers input unit i too
        out.len = len;
        out.extendLast(i + 1);
        delta = NO_RUN;
        if (++i >= n) break;
        c = input.charCodeAt(i);
        if (c >= 0x80) break;
      }
      if (i < n && c >= 0x300 && joins(c)) {
        // A mark (or invisible) follows: the character before it goes to the general path, which gathers the
        // cluster. Whitespace there gives the same unit either way; any other character's unit is taken back.
        const p = input.charCodeAt(i - 1);
        if (!isSpaceCode(p)) {
          len--;
          if (out.segOut[out.nseg - 1] === len) out.nseg--;
          delta = out.extensible();
          i--;
          c = p;
        }
      }
      next = c;
      if (i >= n) break;
    }
    const code = next;
    next = i + 1 < n ? input.charCodeAt(i + 1) : 0;
    // Fast path: a BMP character with no combining mark (or invisible, or astral character) after it.
    if ((next < 0x300 || !joins(next)) && (code < 0xd800 || code > 0xdbff)) {
      let v = singleCode[code]!;
      if (v === 0) v = foldSingle(code);
      if (v > 0 || (v === FOLD_SPACE && (len === 0 || codes[len - 1] !== 0x20))) {
        // one unit from input unit i
        if (len === cap) {
          out.len = len;
          out.grow(1);
          codes = out.codes;
          cap = codes.length;
        }
        const f = v > 0 ? v - 1 : 0x20;
        if ((f & 0xf800) === 0xd800) surrogates = true;
        codes[len] = f;
        if (i - len !== delta) {
          out.addSegment(len, i - len, 1);
          delta = i - len;
        }
        len++;
      } else if (v === FOLD_SPACE) {
        out.len = len;
        out.extendLast(i + 1);
        delta = NO_RUN;
      } else if (v === FOLD_MULTI) {
        out.len = len;
        out.surrogates = surrogates;
        const folded = singleFold.get(code)!;
        for (let k = 0; k < folded.length; k++) {
          const f = folded.charCodeAt(k);
          if (isSpaceCode(f)) out.pushSpace(i, i + 1);
          else out.push(f, i, i + 1);
        }
        ({ codes, len, surrogates } = out);
        cap = codes.length;
        delta = out.extensible();
      }
      i++;
      continue;
    }
    out.len = len;
    out.surrogates = surrogates;
    i = pushCluster(input, i, out);
    ({ codes, len, surrogates } = out);
    cap = codes.length;
    delta = out.extensible();
    next = i < n ? input.charCodeAt(i) : 0;
  }
  out.len = len;
  out.surrogates = surrogates;
  // Keep the (possibly grown) unit buffer for the next call; page-sized ones only.
  if (out.codes !== scratch && out.codes.length <= MAX_SCRATCH) scratch = out.codes;
  return out;
}

/**
 * Unit buffer reused by `fold` from call to call: pass 1's units only live until they are turned into a string,
 * and normalizeText is synchronous, so one buffer serves every call (no 2 bytes per character garbage each time).
 */
let scratch: Uint16Array = new Uint16Array(1024);
const MAX_SCRATCH = 1 << 20;

export function normalizeText(input: string): NormalizedText {
  if (!warmedUp) warmUp();
  const out = fold(input);
  const pass1 = out.text();
  const len = pass1.length;

  // Pass 2: find separators to drop (spaced letters) and digit swaps. Both are looked for only where native
  // regexes point: a spaced-letters match holds a letter between two separator characters, and digit swaps
  // need a digit, @ or $.
  const drops: number[] = []; // separators of spaced letters, ascending (runs never overlap)
  const subs = new Map<number, string>();
  let spacedEnd = 0;
  let next = 0; // candidates below this were tried
  SEP_LETTER_SEP.lastIndex = 0;
  for (let m = SEP_LETTER_SEP.exec(pass1); m; m = SEP_LETTER_SEP.exec(pass1)) {
    // A match's second letter sits between two separator characters (at t + 1), and its first letter ends one or two
    // separator characters before that (1 or 2 units long): starts t - 3 .. t - 1, in ascending order overall.
    const t = m.index;
    for (let p = Math.max(next, t - 3, spacedEnd); p < t; p++) {
      if (p < spacedEnd || !spacedStart(pass1, p)) continue;
      SPACED_LETTERS_AT.lastIndex = p;
      const run = SPACED_LETTERS_AT.exec(pass1);
      if (!run) continue;
      const sepLen = run[1]!.length;
      const stop = p + run[0].length;
      // letters sit at p, p+1+sepLen, ...; everything in between is separator
      for (let q = p + 1; q < stop; q += sepLen + 1) for (let k = 0; k < sepLen; k++) drops.push(q + k);
      spacedEnd = stop;
    }
    if (t > next) next = t;
    // triples overlap ("a b c d"); inside a joined run no start is tried again, so the search skips it
    SEP_LETTER_SEP.lastIndex = Math.max(t + 1, spacedEnd + 1);
  }
  let tokenEnd = -1;
  SWAPPABLE.lastIndex = 0;
  while (SWAPPABLE.test(pass1)) {
    const k = SWAPPABLE.lastIndex - 1;
    if (k < tokenEnd || (unitClass(pass1.charCodeAt(k - 1)) & 16) === 0) continue;
    // the token around it; findSwaps needs two letters (or marks) in it
    let letters = 0;
    let a = k;
    while (a > 0) {
      const cls = unitClass(pass1.charCodeAt(a - 1));
      if ((cls & 8) === 0) break;
      letters += (cls >> 4) & 1;
      a--;
    }
    let b = k + 1;
    while (b < len) {
      const cls = unitClass(pass1.charCodeAt(b));
      if ((cls & 8) === 0) break;
      letters += (cls >> 4) & 1;
      b++;
    }
    tokenEnd = b;
    if (b - a > 2 && letters >= 2) findSwaps(pass1, a, b, subs);
  }
  if (drops.length === 0 && subs.size === 0) return new Normalized(pass1, EMPTY, out.segOut, out.segDelta, out.segWidth, out.nseg);

  // Apply the edits in order (a dropped separator wins over a swap at the same unit): text copied in slices, joined
  // once; a dropped unit shifts the segments after it.
  const ambiguous = new Set<number>();
  const swaps = subs.size > 0 ? [...subs.keys()].sort((x, y) => x - y) : [];
  const parts: string[] = [];
  let length = 0; // of the text so far
  let from = 0; // first unit not yet copied
  for (let i = 0, j = 0; i < drops.length || j < swaps.length; ) {
    const dropNext = j >= swaps.length || (i < drops.length && drops[i]! <= swaps[j]!);
    const k = dropNext ? drops[i++]! : swaps[j++]!;
    if (dropNext && j < swaps.length && swaps[j] === k) j++;
    if (k > from) {
      parts.push(pass1.slice(from, k));
      length += k - from;
    }
    from = k + 1;
    if (dropNext) continue;
    const sub = subs.get(k)!;
    if (pass1.charCodeAt(k) === 0x31) ambiguous.add(length);
    parts.push(sub);
    length += sub.length;
  }
  parts.push(pass1.slice(from));
  const text = parts.join('');
  const mapped = new Out(0);
  let d = 0; // drops before the current piece
  for (let j = 0; j < out.nseg; j++) {
    const to = j + 1 < out.nseg ? out.segOut[j + 1]! : len;
    let p = out.segOut[j]!;
    while (p < to) {
      while (d < drops.length && drops[d]! < p) d++;
      const q = d < drops.length && drops[d]! < to ? drops[d]! : to;
      if (q > p) mapped.addSegment(p - d, out.segDelta[j]! + d, out.segWidth[j]!);
      p = q < to ? q + 1 : to;
    }
  }
  return new Normalized(text, ambiguous, mapped.segOut, mapped.segDelta, mapped.segWidth, mapped.nseg);
}

/**
 * A letter between two separator characters: a-z (text is lower case here) or any non-ASCII unit, with the low
 * half of an astral pair; looking back from there, one or two separators and a letter after no ASCII letter or digit
 * (the start of a spaced-letters match). A superset: each hit is checked, then the regex decides. The look-back
 * comes last, so it only runs where the cheap part matched (English " a " no longer reaches JavaScript).
 */
const SEP_LETTER_SEP = /[ .·•*_-][a-z\u0080-\uffff][\udc00-\udfff]?[ .·•*_-](?<=(?<![a-z0-9])[a-z\u0080-\uffff][\udc00-\udfff]?[ .·•*_-]{1,2}[a-z\u0080-\uffff][\udc00-\udfff]?[ .·•*_-])/g;
/**
 * The first unit of a run of digits and symbols that may stand for letters, when a-z or a non-ASCII unit comes
 * before it (the caller checks for a letter or mark). Only such runs are ever swapped (`findSwaps`: a run of
 * swappable units between letters, or a trailing 0 after letters), and the token around one is searched whole.
 */
const SWAPPABLE = /[0-9@$](?<=[a-z\u0080-\uffff][0-9@$])/g;

/** Cheap necessary conditions for a spaced-letters match at p: a letter that follows no word character, then a separator. */
function spacedStart(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  let after: number;
  if (c >= 0xd800 && c <= 0xdbff) {
    const low = text.charCodeAt(p + 1);
    if (!(low >= 0xdc00 && low <= 0xdfff)) return false;
    after = p + 2; // astral: the regex decides whether it is a letter
  } else {
    if ((unitClass(c) & 4) === 0) return false;
    after = p + 1;
  }
  if (!isSeparator(text.charCodeAt(after))) return false;
  if (p > 0) {
    const b = text.charCodeAt(p - 1);
    if (!(b >= 0xdc00 && b <= 0xdfff) && (unitClass(b) & 2) !== 0) return false;
  }
  return true;
}

const EMPTY: ReadonlySet<number> = new Set();

/**
 * Every branch of normalizeText runs once before its first real use, so the optimising compiler sees type feedback
 * for all of them: otherwise a rare branch (a spaced-letter match, a digit swap, a cluster) met in a long text throws
 * the optimised code away in the middle of the loop. Done on the first call, not at module load: a content script
 * loads this module while the page is still loading and first normalises after `load` (engine build).
 */
let warmedUp = false;
function warmUp(): void {
  warmedUp = true;
  for (let k = 0; k < 3; k++) {
    normalizeText('Ｃｏｎｔａｃｔ  \n us on T e l e g r a m, W.h.a.t.s.A.p.p or te1egram: c0ntact u$dt p@y.com ﬁ… 😂 𝐔 Café\u0301 ก\u200B\u0E34 \u00A0x');
  }
}

/**
 * Digit-for-letter swaps in one token that mixes letters with digits or @/$:
 * - a run of at most 2 swappable characters between letters is swapped ("b1tc0in", "u$dt", "p@y");
 * - a single trailing `0` after >= 3 letters becomes `o` ("crypt0");
 * - a leading run, longer runs and tokens with fewer than 2 letters are left alone
 *   ("50usdt", "usd1500", "4g", "web3"); `@` is kept in e-mail addresses.
 */
function findSwaps(text: string, a: number, b: number, subs: Map<number, string>): void {
  // Astral characters: leave the token alone. (The caller checked that it has >= 2 letters.)
  for (let k = a; k + 1 < b; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(k + 1) & 0xfc00) === 0xdc00) return;
  }
  let k = a;
  while (k < b) {
    if ((unitClass(text.charCodeAt(k)) & 16) !== 0) {
      k++;
      continue;
    }
    const runStart = k;
    while (k < b && (unitClass(text.charCodeAt(k)) & 16) === 0) k++;
    if (runStart === a) continue; // a leading run
    if (k < b) {
      if (k - runStart > 2) continue;
      let at = false;
      let swappable = true;
      for (let j = runStart; j < k; j++) {
        const ch = text[j]!;
        if (SWAPS[ch] === undefined) swappable = false;
        if (ch === '@') at = true;
      }
      if (!swappable) continue;
      if (at && /^\.\p{L}/u.test(text.slice(b, b + 2))) continue;
      for (let j = runStart; j < k; j++) subs.set(j, SWAPS[text[j]!]!);
    } else if (k - runStart === 1 && text.charCodeAt(runStart) === 0x30 && runStart - a >= 3) {
      subs.set(runStart, 'o');
    }
  }
}

/** Maps a span [start, end) of the normalised text back to [start, end) in the original string. */
export function originalSpan(norm: NormalizedText, start: number, end: number): [number, number] {
  if (norm instanceof Normalized) {
    if (end <= start || start >= norm.text.length) return [norm.startAt(start) ?? 0, norm.startAt(start) ?? 0];
    return [norm.startAt(start)!, norm.endAt(Math.min(end, norm.text.length) - 1)!];
  }
  if (end <= start || start >= norm.text.length) return [norm.starts[start] ?? 0, norm.starts[start] ?? 0];
  return [norm.starts[start]!, norm.ends[Math.min(end, norm.text.length) - 1]!];
}

/** Normalises a phrase or pattern the same way as the text, trimmed. */
export function normalizePhrase(phrase: string): string {
  return normalizeText(phrase).text.trim();
}
