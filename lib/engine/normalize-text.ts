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
const WHITESPACE = /\s/u;
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
/** Word-like tokens in which digit swaps are looked for. */
const TOKEN = /[\p{L}\p{N}\p{M}@$]+/gu;
const SWAPS: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
const IS_LETTER = /[\p{L}\p{M}]/u;

export function normalizeText(input: string): NormalizedText {
  // Pass 1: invisible removal, NFKC + lower case + confusables per cluster, whitespace collapse.
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const n = input.length;
  let i = 0;
  while (i < n) {
    const code = input.charCodeAt(i);
    const next = i + 1 < n ? input.charCodeAt(i + 1) : 0;
    if (code < 0x80 && next < 0x300) {
      // ASCII fast path (no combining mark follows).
      if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c || code === 0x0b) {
        pushSpace(chars, starts, ends, i, i + 1);
      } else {
        chars.push(code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : input[i]!);
        starts.push(i);
        ends.push(i + 1);
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
    if (WHITESPACE.test(ch)) {
      pushSpace(chars, starts, ends, i, end);
      i = end;
      continue;
    }
    // Gather following combining marks (and drop invisibles between them). Beyond MAX_MARKS the marks
    // are skipped: real text never stacks that many, and NFKC reordering of a huge run is quadratic.
    let cluster = ch;
    let marks = 0;
    while (end < n) {
      const m = input.codePointAt(end)!;
      const len = m > 0xffff ? 2 : 1;
      const mc = input.slice(end, end + len);
      if (MARK.test(mc)) {
        if (++marks <= MAX_MARKS) cluster += mc;
      } else if (!(INVISIBLE.test(mc) && end + len < n && MARK.test(input[end + len]!))) break;
      end += len;
    }
    const folded = foldCluster(cluster);
    for (let k = 0; k < folded.length; k++) {
      const c = folded[k]!;
      if (c === ' ' || WHITESPACE.test(c)) pushSpace(chars, starts, ends, i, end);
      else {
        chars.push(c);
        starts.push(i);
        ends.push(end);
      }
    }
    i = end;
  }
  const pass1 = chars.join('');

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
  for (const m of pass1.matchAll(TOKEN)) {
    const tok = m[0];
    if (!/[0-9@$]/.test(tok)) continue;
    findSwaps(tok, m.index, pass1, subs);
  }

  if (drop.size === 0 && subs.size === 0) {
    return { text: pass1, starts: Int32Array.from(starts), ends: Int32Array.from(ends), ambiguous: EMPTY };
  }
  const out: string[] = [];
  const s2: number[] = [];
  const e2: number[] = [];
  const ambiguous = new Set<number>();
  for (let k = 0; k < chars.length; k++) {
    if (drop.has(k)) continue;
    const sub = subs.get(k);
    if (sub !== undefined && chars[k] === '1') ambiguous.add(out.length);
    out.push(sub ?? chars[k]!);
    s2.push(starts[k]!);
    e2.push(ends[k]!);
  }
  return { text: out.join(''), starts: Int32Array.from(s2), ends: Int32Array.from(e2), ambiguous };
}

const EMPTY: ReadonlySet<number> = new Set();

function pushSpace(chars: string[], starts: number[], ends: number[], from: number, to: number): void {
  const last = chars.length - 1;
  if (last >= 0 && chars[last] === ' ') {
    ends[last] = to;
    return;
  }
  chars.push(' ');
  starts.push(from);
  ends.push(to);
}

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
