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
    else for (const low of ch.toLowerCase()) out += CONFUSABLES[low] ?? low;
  }
  if (clusterCache.size >= CACHE_LIMIT) clusterCache.clear();
  clusterCache.set(cluster, out);
  return out;
}

/** Separated single letters: a letter, a separator, then >= 2 more letters each after the SAME separator. */
const SPACED_LETTERS = /(?<![\p{L}\p{N}\p{M}])\p{L}([ .·•*_\-]{1,2})\p{L}(?:\1\p{L})+(?![\p{L}\p{N}\p{M}])/gu;
/** Digit swaps are looked for in word-like tokens (letters, digits, marks, @, $) around 0-9, @ and $. */
const TOKEN_CHAR = /[\p{L}\p{N}\p{M}@$]/u;
const SWAPS: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
const IS_LETTER = /[\p{L}\p{M}]/u;

/** Growable output: UTF-16 code units plus the original span of each. */
class Out {
  codes: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  len = 0;
  /** Whether a surrogate code unit was written (the fast string conversion needs well-formed UTF-16). */
  surrogates = false;

  constructor(capacity: number) {
    const cap = Math.max(16, capacity);
    this.codes = new Uint16Array(cap);
    this.starts = new Int32Array(cap);
    this.ends = new Int32Array(cap);
  }

  push(code: number, start: number, end: number): void {
    if (this.len === this.codes.length) this.grow(1);
    if ((code & 0xf800) === 0xd800) this.surrogates = true;
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

  /** Makes room for `extra` more units. */
  grow(extra: number): void {
    let cap = this.codes.length * 2;
    while (cap < this.len + extra) cap *= 2;
    const codes = new Uint16Array(cap);
    const starts = new Int32Array(cap);
    const ends = new Int32Array(cap);
    codes.set(this.codes.subarray(0, this.len));
    starts.set(this.starts.subarray(0, this.len));
    ends.set(this.ends.subarray(0, this.len));
    this.codes = codes;
    this.starts = starts;
    this.ends = ends;
  }

  text(): string {
    return unitsToString(this.codes.subarray(0, this.len), this.surrogates);
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
// ASCII is filled up front: space, or the lower-cased code.
for (let c = 0; c < 0x80; c++) foldSingle(c);

/** A character followed by its combining marks (slow path: NFKC per cluster). Returns the index after the cluster. */
function pushCluster(input: string, i: number, out: Out): number {
  const n = input.length;
  const code = input.charCodeAt(i);
  const cp = input.codePointAt(i)!;
  let end = i + (cp > 0xffff ? 2 : 1);
  const ch = input.slice(i, end);
  if (INVISIBLE.test(ch)) return end;
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
  return end;
}

/** Word characters around a spaced-letters match (lookbehind of SPACED_LETTERS), letters, token characters: per BMP unit. */
const wordCache = new Uint8Array(65536); // bit 0 known, bit 1 [\p{L}\p{N}\p{M}], bit 2 \p{L}, bit 3 TOKEN_CHAR
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const LETTER = /\p{L}/u;
function unitClass(code: number): number {
  let v = wordCache[code]!;
  if (v === 0) {
    const s = String.fromCharCode(code);
    v = 1 | (WORD_CHAR.test(s) ? 2 : 0) | (LETTER.test(s) ? 4 : 0) | (TOKEN_CHAR.test(s) ? 8 : 0);
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

export function normalizeText(input: string): NormalizedText {
  // Pass 1: invisible removal, NFKC + lower case + confusables per cluster, whitespace collapse.
  const n = input.length;
  const out = new Out(n + 8);
  let codes = out.codes;
  let starts = out.starts;
  let ends = out.ends;
  let len = 0;
  let cap = codes.length;
  let surrogates = false;
  let i = 0;
  while (i < n) {
    const code = input.charCodeAt(i);
    const next = i + 1 < n ? input.charCodeAt(i + 1) : 0;
    // Fast path: a BMP character with no combining mark (or invisible, or astral character) after it.
    if ((next < 0x300 || !joins(next)) && (code < 0xd800 || code > 0xdbff)) {
      let v = singleCode[code]!;
      if (v === 0) v = foldSingle(code);
      if (v > 0) {
        if (len === cap) {
          out.len = len;
          out.grow(1);
          ({ codes, starts, ends } = out);
          cap = codes.length;
        }
        const f = v - 1;
        if ((f & 0xf800) === 0xd800) surrogates = true;
        codes[len] = f;
        starts[len] = i;
        ends[len] = i + 1;
        len++;
      } else if (v === FOLD_SPACE) {
        if (len > 0 && codes[len - 1] === 0x20) ends[len - 1] = i + 1;
        else {
          if (len === cap) {
            out.len = len;
            out.grow(1);
            ({ codes, starts, ends } = out);
            cap = codes.length;
          }
          codes[len] = 0x20;
          starts[len] = i;
          ends[len] = i + 1;
          len++;
        }
      } else if (v === FOLD_MULTI) {
        const folded = singleFold.get(code)!;
        out.len = len;
        out.surrogates = surrogates;
        for (let k = 0; k < folded.length; k++) {
          const f = folded.charCodeAt(k);
          if (isSpaceCode(f)) out.pushSpace(i, i + 1);
          else out.push(f, i, i + 1);
        }
        ({ codes, starts, ends, len, surrogates } = out);
        cap = codes.length;
      }
      i++;
      continue;
    }
    out.len = len;
    out.surrogates = surrogates;
    i = pushCluster(input, i, out);
    ({ codes, starts, ends, len, surrogates } = out);
    cap = codes.length;
  }
  out.len = len;
  out.surrogates = surrogates;
  const pass1 = out.text();

  // Pass 2: find separators to drop (spaced letters) and digit swaps, in one walk over the units.
  // A spaced-letters match starts at a letter that follows no word character and is followed by a
  // separator; the sticky regex is tried only there (match by match, as matchAll would). Digit swaps
  // are looked for only in tokens around a digit, @ or $ (most words have none).
  let edits: Uint8Array | undefined; // 1 drop, 2 substitute
  const subs = new Map<number, string>();
  let edited = 0;
  let spacedEnd = 0;
  let tokenEnd = -1;
  for (let k = 0; k < len; k++) {
    const c = codes[k]!;
    if (k > spacedEnd && isSeparator(c)) {
      let p = k - 1;
      const lc = codes[p]!;
      let candidate = true;
      if (lc >= 0xdc00 && lc <= 0xdfff) {
        // an astral letter, if the low surrogate is paired
        if (p > 0 && codes[p - 1]! >= 0xd800 && codes[p - 1]! <= 0xdbff) p--;
        else candidate = false;
      } else if ((unitClass(lc) & 4) === 0) candidate = false;
      if (candidate && p > 0) {
        const b = codes[p - 1]!;
        if (!(b >= 0xdc00 && b <= 0xdfff) && (unitClass(b) & 2) !== 0) candidate = false;
      }
      if (candidate && p >= spacedEnd) {
        SPACED_LETTERS_AT.lastIndex = p;
        const m = SPACED_LETTERS_AT.exec(pass1);
        if (m) {
          const sepLen = m[1]!.length;
          const stop = p + m[0].length;
          edits ??= new Uint8Array(len);
          // letters sit at index, index+1+sepLen, ...; everything in between is separator
          for (let q = p + 1; q < stop; q += sepLen + 1) {
            for (let s = 0; s < sepLen; s++) {
              if (edits[q + s] === 0) edited++;
              edits[q + s] = 1;
            }
          }
          spacedEnd = stop;
        }
      }
    }
    if (((c >= 0x30 && c <= 0x39) || c === 0x40 || c === 0x24) && k >= tokenEnd) {
      let a = k;
      while (a > 0 && (unitClass(codes[a - 1]!) & 8) !== 0) a--;
      let b = k + 1;
      while (b < len && (unitClass(codes[b]!) & 8) !== 0) b++;
      tokenEnd = b;
      if (b - a > 2) findSwaps(pass1.slice(a, b), a, pass1, subs);
    }
  }
  if (subs.size > 0) {
    edits ??= new Uint8Array(len);
    for (const k of subs.keys()) {
      if (edits[k] === 0) {
        edited++;
        edits[k] = 2;
      }
    }
  }

  if (edits === undefined || edited === 0) {
    return { text: pass1, starts: starts.subarray(0, len), ends: ends.subarray(0, len), ambiguous: EMPTY };
  }
  const codes2 = new Uint16Array(len);
  const starts2 = new Int32Array(len);
  const ends2 = new Int32Array(len);
  const ambiguous = new Set<number>();
  let len2 = 0;
  let from = 0; // first unit not yet copied
  for (let k = 0; k < len; k++) {
    const e = edits[k]!;
    if (e === 0) continue;
    if (k > from) {
      codes2.set(codes.subarray(from, k), len2);
      starts2.set(starts.subarray(from, k), len2);
      ends2.set(ends.subarray(from, k), len2);
      len2 += k - from;
    }
    from = k + 1;
    if (e === 1) continue;
    if (codes[k] === 0x31) ambiguous.add(len2);
    codes2[len2] = subs.get(k)!.charCodeAt(0);
    starts2[len2] = starts[k]!;
    ends2[len2] = ends[k]!;
    len2++;
  }
  if (len > from) {
    codes2.set(codes.subarray(from, len), len2);
    starts2.set(starts.subarray(from, len), len2);
    ends2.set(ends.subarray(from, len), len2);
    len2 += len - from;
  }
  const text = unitsToString(codes2.subarray(0, len2), surrogates);
  return { text, starts: starts2.subarray(0, len2), ends: ends2.subarray(0, len2), ambiguous };
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
