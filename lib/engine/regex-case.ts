/**
 * Rule regexes are written for the `giu` flags and only ever run on NORMALISED text, which is lower case
 * (see normalize-text.ts). V8 runs `\b` under `iu` an order of magnitude slower than under `u` alone,
 * so the engine compiles, where it can, a case-sensitive source that matches exactly the same on such text:
 *
 * - an ASCII capital outside a class becomes its lower-case letter; a class gains the lower-case
 *   letter of each ASCII capital it holds (negated classes too: on lower-case text, `[^A-Z]` under `i`
 *   rejects the letters a-z);
 * - `\b`, `\B`, `\w`, `\W` keep their meaning: under `iu` the word characters also include the Kelvin sign
 *   and long s, which NFKC turns into k and s, so they never occur in normalised text;
 * - lower-case letters with diacritics of the Latin blocks match only themselves (their other case form is
 *   a capital, absent from lower-case text); characters without case match only themselves.
 *
 * - the property escapes \p{L}, \p{M} and \p{N} (and \P) name sets closed under case folding, so they stay.
 *
 * Anything else (Greek or Cyrillic letters, whose case classes have more members, property escapes such
 * as \p{Lu} that `i` widens, back-references, \u/\x/\c escapes) keeps the original `iu` source:
 * `caseSensitiveSource` returns null. Pure TypeScript.
 */

/** Latin letters with diacritics whose case class is exactly {lower, upper}; long s, sharp s and ẛ excluded. */
function latinPair(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  const latin = (c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff);
  if (!latin || c === 0xdf || c === 0x17f || c === 0x1e9b || c === 0x1e9e || c === 0x130 || c === 0x131) return false;
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  return [...lower].length === 1 && [...upper].length === 1 && upper.toLowerCase() === lower && lower.toUpperCase() === upper;
}

const caselessCache = new Map<string, boolean>();
function caseless(ch: string): boolean {
  let v = caselessCache.get(ch);
  if (v === undefined) caselessCache.set(ch, (v = ch.toLowerCase() === ch && ch.toUpperCase() === ch));
  return v;
}

/**
 * How one literal character (outside a class) is written case-sensitively, or null when unsure:
 * ASCII capitals and Latin capitals with diacritics become lower case; caseless characters and
 * lower-case Latin letters stay.
 */
function literalChar(ch: string): string | null {
  const c = ch.codePointAt(0)!;
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : ch;
  if (caseless(ch)) return ch;
  if (latinPair(ch)) return ch.toLowerCase();
  return null;
}

/** Escapes kept as they are: character-class escapes, assertions, controls (with the character they stand for in a class). */
const KEPT_ESCAPES = new Map<string, number | null>([
  ['b', 8], ['B', null], ['d', null], ['D', null], ['s', null], ['S', null], ['w', null], ['W', null],
  ['n', 10], ['r', 13], ['t', 9], ['f', 12], ['v', 11], ['0', 0],
]);

/**
 * The escape at `k` (source[k] === '\\') when it is kept as written: a kept escape or escaped ASCII punctuation.
 * `char` is the one character it stands for (for a range bound), null for a class escape.
 */
function keptEscape(source: string, k: number): { text: string; char: number | null; length?: number } | null {
  const e = source[k + 1];
  if (e === undefined) return null;
  if (KEPT_ESCAPES.has(e)) {
    if (e === '0' && /[0-9]/.test(source[k + 2] ?? '')) return null;
    return { text: `\\${e}`, char: KEPT_ESCAPES.get(e)! };
  }
  if (e.charCodeAt(0) < 0x80 && !/[A-Za-z0-9]/.test(e)) return { text: `\\${e}`, char: e.charCodeAt(0) };
  if (e === 'p' || e === 'P') {
    // \p{L}, \p{M}, \p{N} (and their long names, \p{Nd}) are closed under case folding: `i` adds nothing to them
    const m = /^\{(L|Letter|M|Mark|N|Number|Nd|Decimal_Number)\}/.exec(source.slice(k + 2));
    if (m) return { text: `\\${e}${m[0]}`, char: null, length: 2 + m[0].length };
  }
  return null; // \1 \k other \p \P \u \x \c and anything unusual
}

/**
 * A source that, compiled with `u` (no `i`), matches lower-case normalised text exactly as `source` does
 * with `iu`; null when that cannot be shown for this source.
 */
export function caseSensitiveSource(source: string): string | null {
  let out = '';
  let k = 0;
  const n = source.length;
  while (k < n) {
    const c = source[k]!;
    if (c === '\\') {
      const esc = keptEscape(source, k);
      if (!esc) return null;
      out += esc.text;
      k += esc.length ?? 2;
      continue;
    }
    if (c === '[') {
      const cls = classSource(source, k);
      if (!cls) return null;
      out += cls.text;
      k = cls.end;
      continue;
    }
    if (c === '(' && source.startsWith('(?<', k) && source[k + 3] !== '=' && source[k + 3] !== '!') {
      // named group: its name is copied as written
      const close = source.indexOf('>', k);
      if (close < 0) return null;
      out += source.slice(k, close + 1);
      k = close + 1;
      continue;
    }
    if (c === '{') {
      // quantifier braces: digits and commas only
      const close = source.indexOf('}', k);
      if (close < 0 || !/^\{\d*(?:,\d*)?\}$/.test(source.slice(k, close + 1))) return null;
      out += source.slice(k, close + 1);
      k = close + 1;
      continue;
    }
    const cp = source.codePointAt(k)!;
    const ch = String.fromCodePoint(cp);
    const lit = literalChar(ch);
    if (lit === null) return null;
    out += lit;
    k += ch.length;
  }
  return out;
}

/** Largest non-ASCII range checked character by character. */
const MAX_RANGE = 4096;

/** A character class starting at `start` (source[start] === '['), with lower-case letters added for its capitals. */
function classSource(source: string, start: number): { text: string; end: number } | null {
  let k = start + 1;
  let text = '[';
  if (source[k] === '^') {
    text += '^';
    k++;
  }
  const added = new Set<string>();
  let prev: number | null = null; // code point of the previous single character (range start candidate)
  while (k < source.length && source[k] !== ']') {
    const c = source[k]!;
    if (c === '\\') {
      const esc = keptEscape(source, k);
      if (!esc) return null;
      text += esc.text;
      // an escaped character can start a range; class escapes cannot
      prev = esc.char;
      k += esc.length ?? 2;
      continue;
    }
    if (c === '[') return null; // a literal [ inside a class is legal but unusual: leave it to `iu`
    if (c === '-' && prev !== null && source[k + 1] !== undefined && source[k + 1] !== ']') {
      // range prev-hi
      let hi: number;
      let len: number;
      if (source[k + 1] === '\\') {
        const e = source[k + 2];
        if (e === undefined || /[A-Za-z0-9]/.test(e) || e.charCodeAt(0) >= 0x80) return null;
        hi = e.charCodeAt(0);
        len = 3;
      } else {
        hi = source.codePointAt(k + 1)!;
        len = 1 + String.fromCodePoint(hi).length;
      }
      if (hi < prev) return null;
      text += source.slice(k, k + len);
      if (hi >= 0x80 && hi - prev > MAX_RANGE) return null;
      for (let x = prev + 1; x <= hi; x++) {
        if (!classChar(String.fromCodePoint(x), added)) return null;
      }
      prev = null;
      k += len;
      continue;
    }
    const cp = source.codePointAt(k)!;
    const ch = String.fromCodePoint(cp);
    if (!classChar(ch, added)) return null;
    text += ch;
    prev = cp;
    k += ch.length;
  }
  if (k >= source.length) return null;
  for (const a of added) text += a;
  return { text: text + ']', end: k + 1 };
}

/** Checks one character of a class; records the lower-case letter to add for a capital. */
function classChar(ch: string, added: Set<string>): boolean {
  const c = ch.codePointAt(0)!;
  if (c < 0x80) {
    if (c >= 0x41 && c <= 0x5a) added.add(String.fromCharCode(c + 32));
    return true;
  }
  if (caseless(ch)) return true;
  if (latinPair(ch)) {
    const lower = ch.toLowerCase();
    if (lower !== ch) added.add(lower);
    return true;
  }
  return false;
}
