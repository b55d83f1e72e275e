/**
 * REFERENCE ONLY (tests): the straightforward normaliser as it was before the fast paths of
 * lib/engine/normalize-text.ts (commit c691cb3). tests/unit/engine/normalize-equivalence.test.ts checks that the
 * optimised version returns exactly the same text, offset maps and ambiguous set on random mixed inputs.
 * Do not import logic from lib/ (the Traditional-to-Simplified pairs are data: both use lib/engine/han-simplified.ts).
 */
import { simplifiedHan } from '../../../../lib/engine/han-simplified';
/**
 * Text normalisation for matching, with a map back to the original string.
 *
 * Steps, in order:
 * 1. zero-width, bidi and other invisible format characters are removed;
 * 2. each character with its combining marks is NFKC-normalised and lower-cased
 *    (full-width forms, ligatures and math alphanumerics become plain letters);
 * 3. confusable Cyrillic/Greek letters are folded to the Latin letter they imitate;
 * 4. runs of whitespace become one space;
 * 5. spaced or dotted single letters are joined: "U S D T", "t e l e g r a m", "W.h.a.t.s.A.p.p";
 * 6. digit-for-letter swaps inside words are undone ("c0ntact", "b1tcoin", "u$dt", "p@y").
 *
 * Every unit of the output remembers the original span it came from (`starts`/`ends`),
 * so a match on the normalised text maps back to UTF-16 offsets of the original.
 * Pure TypeScript: no DOM or platform API.
 */

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
/** Digit swaps are looked for in word-like tokens (letters, digits, marks, @, $) around these characters. */
const SWAPPABLE = /[0-9@$]/g;
const TOKEN_CHAR = /[\p{L}\p{N}\p{M}@$]/u;
const SWAPS: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
const IS_LETTER = /[\p{L}\p{M}]/u;

/** Growable output: UTF-16 code units plus the original span of each. */
class Out {
  codes: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  len = 0;

  constructor(capacity: number) {
    const cap = Math.max(16, capacity);
    this.codes = new Uint16Array(cap);
    this.starts = new Int32Array(cap);
    this.ends = new Int32Array(cap);
  }

  push(code: number, start: number, end: number): void {
    if (this.len === this.codes.length) this.grow();
    this.codes[this.len] = code;
    this.starts[this.len] = start;
    this.ends[this.len] = end;
    this.len++;
  }

  /** Whitespace runs become one space whose span covers the whole run. */
  pushSpace(start: number, end: number): void {
    if (this.len > 0 && this.codes[this.len - 1] === 0x20) this.ends[this.len - 1] = end;
    else this.push(0x20, start, end);
  }

  private grow(): void {
    const cap = this.codes.length * 2;
    const codes = new Uint16Array(cap);
    const starts = new Int32Array(cap);
    const ends = new Int32Array(cap);
    codes.set(this.codes);
    starts.set(this.starts);
    ends.set(this.ends);
    this.codes = codes;
    this.starts = starts;
    this.ends = ends;
  }

  text(): string {
    let s = '';
    for (let k = 0; k < this.len; k += 8192) s += String.fromCharCode(...this.codes.subarray(k, Math.min(this.len, k + 8192)));
    return s;
  }
}

const markCache = new Uint8Array(65536); // 0 unknown, 1 no, 2 yes
/** Folded form of single BMP characters ('' = invisible, ' ' = whitespace), filled lazily. */
const singleFold: (string | undefined)[] = new Array<string | undefined>(65536);
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

export function normalizeText(input: string): NormalizedText {
  // Pass 1: invisible removal, NFKC + lower case + confusables per cluster, whitespace collapse.
  const n = input.length;
  const out = new Out(n + 8);
  let i = 0;
  while (i < n) {
    const code = input.charCodeAt(i);
    const next = i + 1 < n ? input.charCodeAt(i + 1) : 0;
    if (code < 0x80 && next < 0x300) {
      // ASCII fast path (no combining mark follows).
      if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) out.pushSpace(i, i + 1);
      else out.push(code >= 0x41 && code <= 0x5a ? code + 32 : code, i, i + 1);
      i++;
      continue;
    }
    // Fast path for a BMP character with no combining mark after it (most CJK, Thai consonants, ...).
    const isHigh = code >= 0xd800 && code <= 0xdbff;
    if (!isHigh && (next < 0x300 || !(isMark(next) || isInvisible(next) || (next >= 0xd800 && next <= 0xdbff)))) {
      let folded = singleFold[code];
      if (folded === undefined) {
        const c = String.fromCharCode(code);
        folded = singleFold[code] = isInvisible(code) ? '' : isSpaceCode(code) ? ' ' : foldCluster(c);
      }
      for (let k = 0; k < folded.length; k++) {
        const f = folded.charCodeAt(k);
        if (isSpaceCode(f)) out.pushSpace(i, i + 1);
        else out.push(f, i, i + 1);
      }
      i++;
      continue;
    }
    const cp = input.codePointAt(i)!;
    let end = i + (cp > 0xffff ? 2 : 1);
    const ch = input.slice(i, end);
    if (INVISIBLE.test(ch)) {
      i = end;
      continue;
    }
    if (isSpaceCode(code)) {
      out.pushSpace(i, end);
      i = end;
      continue;
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
      } else if (end + 1 < n && INVISIBLE.test(input[end]!) && isMark(input.charCodeAt(end + 1))) {
        invisibleInside = true;
        end++;
      } else break;
    }
    let cluster = input.slice(i, clusterEnd);
    if (invisibleInside) cluster = Array.from(cluster).filter((c) => !INVISIBLE.test(c)).join('');
    const folded = foldCluster(cluster);
    for (let k = 0; k < folded.length; k++) {
      const c = folded.charCodeAt(k);
      if (isSpaceCode(c)) out.pushSpace(i, end);
      else out.push(c, i, end);
    }
    i = end;
  }
  const pass1 = out.text();

  // Pass 2: find separators to drop (spaced letters) and digit swaps.
  const drop = new Set<number>();
  const subs = new Map<number, string>();
  for (const m of pass1.matchAll(SPACED_LETTERS)) {
    const sepLen = m[1]!.length;
    const stop = m.index + m[0].length;
    // letters sit at index, index+1+sepLen, ...; everything in between is separator
    for (let p = m.index + 1; p < stop; p += sepLen + 1) {
      for (let s = 0; s < sepLen; s++) drop.add(p + s);
    }
  }
  // Digit swaps: look only at tokens around a digit, @ or $ (most words have none).
  let tokenEnd = -1;
  for (const m of pass1.matchAll(SWAPPABLE)) {
    if (m.index < tokenEnd) continue;
    let a = m.index;
    while (a > 0 && TOKEN_CHAR.test(pass1[a - 1]!)) a--;
    let b = m.index + 1;
    while (b < pass1.length && TOKEN_CHAR.test(pass1[b]!)) b++;
    tokenEnd = b;
    if (b - a > 2) findSwaps(pass1.slice(a, b), a, pass1, subs);
  }

  if (drop.size === 0 && subs.size === 0) {
    return { text: pass1, starts: out.starts.subarray(0, out.len), ends: out.ends.subarray(0, out.len), ambiguous: EMPTY };
  }
  const out2 = new Out(out.len);
  const ambiguous = new Set<number>();
  for (let k = 0; k < out.len; k++) {
    if (drop.has(k)) continue;
    const sub = subs.get(k);
    if (sub !== undefined && out.codes[k] === 0x31) ambiguous.add(out2.len);
    out2.push(sub !== undefined ? sub.charCodeAt(0) : out.codes[k]!, out.starts[k]!, out.ends[k]!);
  }
  return { text: out2.text(), starts: out2.starts.subarray(0, out2.len), ends: out2.ends.subarray(0, out2.len), ambiguous };
}

const EMPTY: ReadonlySet<number> = new Set();

/**
 * Digit-for-letter swaps in one token that mixes letters with digits or @/$:
 * - a run of at most 2 swappable characters between letters is swapped ("b1tc0in", "u$dt", "p@y");
 * - a single trailing `0` after >= 3 letters becomes `o` ("crypt0");
 * - a leading run, longer runs and tokens with fewer than 2 letters are left alone
 *   ("50usdt", "usd1500", "4g", "web3"); `@` is kept in e-mail addresses.
 */
function findSwaps(tok: string, offset: number, text: string, subs: Map<number, string>): void {
  const units = [...tok];
  if (units.length !== tok.length) return; // astral characters: leave alone
  let letters = 0;
  for (const c of units) if (IS_LETTER.test(c)) letters++;
  if (letters < 2) return;
  let k = 0;
  while (k < units.length) {
    if (IS_LETTER.test(units[k]!)) {
      k++;
      continue;
    }
    const runStart = k;
    while (k < units.length && !IS_LETTER.test(units[k]!)) k++;
    const run = units.slice(runStart, k);
    const before = runStart > 0;
    const after = k < units.length;
    if (!before) continue;
    if (after) {
      if (run.length > 2 || !run.every((c) => c in SWAPS)) continue;
      if (run.includes('@') && /^\.\p{L}/u.test(text.slice(offset + tok.length, offset + tok.length + 2))) continue;
      run.forEach((c, j) => subs.set(offset + runStart + j, SWAPS[c]!));
    } else if (run.length === 1 && run[0] === '0' && runStart >= 3) {
      subs.set(offset + runStart, 'o');
    }
  }
}

/** Maps a span [start, end) of the normalised text back to [start, end) in the original string. */
export function originalSpan(norm: NormalizedText, start: number, end: number): [number, number] {
  if (end <= start || start >= norm.text.length) return [norm.starts[start] ?? 0, norm.starts[start] ?? 0];
  return [norm.starts[start]!, norm.ends[Math.min(end, norm.text.length) - 1]!];
}

/** Normalises a phrase or pattern the same way as the text, trimmed. */
export function normalizePhrase(phrase: string): string {
  return normalizeText(phrase).text.trim();
}
