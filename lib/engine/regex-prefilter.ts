/**
 * Literal prefilter for rule regexes: from a regex source, find literals of which at least one must occur in
 * any text the regex matches (e.g. `\b(?:send|pay)\s\d` needs "send" or "pay"). The engine adds these literals to
 * its phrase automaton and runs a regex only on texts where one was seen. Conservative: when unsure, no literals
 * (the regex always runs). Sources are matched case-insensitively on lower-case text, so literals are lower-cased.
 */

const META = new Set(['\\', '[', ']', '(', ')', '.', '?', '*', '+', '{', '}', '|', '^', '$']);
const QUANT = new Set(['?', '*', '{']);
/** Escapes that stand for one literal character. */
const LITERAL_ESCAPE = /^[$./\-+?*()[\]{}|^\\:#@%&!,'"=<>~`;_ ]$/;

/**
 * Walks a regex source from `from`, skipping escapes and the inside of character classes, and calls `visit` with each
 * structural character and the group depth before it (`(` opens, `)` closes). `visit` returns true to stop; the walk
 * returns that index, or -1 when it reached the end.
 */
function walk(src: string, from: number, visit: (c: string, k: number, depth: number) => boolean): number {
  let depth = 0;
  let inClass = false;
  for (let k = from; k < src.length; k++) {
    const c = src[k]!;
    if (c === '\\') {
      k++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (visit(c, k, depth)) return k;
    if (c === '(') depth++;
    else if (c === ')') depth--;
  }
  return -1;
}

/** Index just past the group that opens at `i` (src[i] === '('), or -1. */
function groupEnd(src: string, i: number): number {
  const close = walk(src, i, (c, _k, depth) => c === ')' && depth === 1);
  return close < 0 ? -1 : close + 1;
}

/** Splits at top-level `|` (outside groups and classes); null when a `)` closes a group never opened. */
function splitAlternatives(src: string): string[] | null {
  const parts: string[] = [];
  let start = 0;
  const bad = walk(src, 0, (c, k, depth) => {
    if (c === ')' && depth === 0) return true;
    if (c === '|' && depth === 0) {
      parts.push(src.slice(start, k));
      start = k + 1;
    }
    return false;
  });
  if (bad >= 0) return null;
  parts.push(src.slice(start));
  return parts;
}

/** The literal text at the start of `src` (stops at the first metacharacter; drops a char made optional). */
function leadingLiteral(src: string): string {
  let lit = '';
  let k = 0;
  while (k < src.length) {
    const c = src[k]!;
    let ch: string;
    let len = 1;
    if (c === '\\') {
      const e = src[k + 1] ?? '';
      if (!LITERAL_ESCAPE.test(e)) break;
      ch = e;
      len = 2;
    } else if (META.has(c)) break;
    else ch = c;
    const after = src[k + len];
    if (after !== undefined && (QUANT.has(after) || after === '+')) {
      // `x?`, `x*`, `x{0,…}` make x optional; `x+`/`x{2}` keep one x but nothing after it is literal.
      if (after === '+' || (after === '{' && !/^\{0\s*[,}]/.test(src.slice(k + len)))) lit += ch;
      break;
    }
    lit += ch;
    k += len;
  }
  return lit;
}

/** A literal worth filtering on: two or more characters, or one symbol/non-Latin character ("$", "元"). */
function usable(lit: string): boolean {
  const t = lit.trim();
  return t.length >= 2 || (t.length === 1 && !/[a-z0-9]/i.test(t));
}

/** Literals for one alternative; null when none can be required. */
function branchLiterals(src: string): string[] | null {
  let s = src;
  // Skip zero-width prefixes: anchors, word boundaries, lookbehinds.
  for (;;) {
    if (s.startsWith('^')) s = s.slice(1);
    else if (s.startsWith('\\b')) s = s.slice(2);
    else if (s.startsWith('(?<!') || s.startsWith('(?<=')) {
      const end = groupEnd(s, 0);
      if (end < 0) return null;
      s = s.slice(end);
    } else break;
  }
  if (s.startsWith('(?:') || (s.startsWith('(') && !s.startsWith('(?'))) {
    const end = groupEnd(s, 0);
    if (end < 0) return null;
    const next = s[end];
    if (next !== undefined && (QUANT.has(next) && !(next === '{' && !/^\{0\s*[,}]/.test(s.slice(end))))) return null;
    const inner = s.slice(s.startsWith('(?:') ? 3 : 1, end - 1);
    const alts = splitAlternatives(inner);
    if (!alts) return null;
    const out: string[] = [];
    for (const alt of alts) {
      const lits = branchLiterals(alt);
      if (!lits) return null;
      out.push(...lits);
    }
    return out;
  }
  const lit = leadingLiteral(s);
  return usable(lit) ? [lit] : null;
}

/** Whether every top-level alternative of `source` starts with `\b`: a match can only start at a word boundary. */
export function startsAtBoundary(source: string): boolean {
  const alts = splitAlternatives(source);
  return alts !== null && alts.every((alt) => alt.startsWith('\\b'));
}

/**
 * The digits a match must start with, when every top-level alternative (after an optional `\b`) starts with `\d` or a
 * class of digits only (`[1-9]`, `[0-9]`): e.g. "123456789". Null otherwise. With the `u` flag these never match a
 * non-ASCII character, so the set is exact.
 */
export function leadingDigits(source: string): string | null {
  const alts = splitAlternatives(source);
  if (!alts) return null;
  const digits = new Set<string>();
  for (let alt of alts) {
    if (alt.startsWith('\\b')) alt = alt.slice(2);
    if (alt.startsWith('\\d')) {
      for (const d of '0123456789') digits.add(d);
      continue;
    }
    const m = /^\[((?:\d-\d|\d)+)\]/.exec(alt);
    if (!m) return null;
    for (const r of m[1]!.matchAll(/(\d)(?:-(\d))?/g)) {
      const lo = Number(r[1]);
      const hi = r[2] === undefined ? lo : Number(r[2]);
      if (hi < lo) return null;
      for (let d = lo; d <= hi; d++) digits.add(String(d));
    }
  }
  return digits.size > 0 ? [...digits].sort().join('') : null;
}

/** Literals of which one must occur for `source` to match, or null when no such set is known. */
export function requiredLiterals(source: string): string[] | null {
  const alts = splitAlternatives(source);
  if (!alts) return null;
  const out = new Set<string>();
  for (const alt of alts) {
    const lits = branchLiterals(alt);
    if (!lits) return null;
    for (const l of lits) {
      const low = l.toLowerCase();
      if (!usable(low)) return null;
      out.add(low);
    }
  }
  return out.size > 0 ? [...out] : null;
}

/**
 * Index just past the escape that starts at `i` (src[i] === '\\'): `\u1021`, `\u{1F600}`, `\x41`, `\cA`, `\p{L}`,
 * `\k<name>`, back-references `\12`, else one escaped character. The characters of an escape are never literal text.
 */
function escapeEnd(src: string, i: number): number {
  const rest = src.slice(i + 1, i + 16);
  const m = /^(?:u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|[pP]\{[^}]*\}|k<[^>]*>|[1-9]\d*|0)/.exec(rest);
  return i + 1 + (m ? m[0].length : 1);
}

/** Index just past the class that opens at `i` (src[i] === '['), or -1. */
function classEnd(src: string, i: number): number {
  for (let k = i + 1; k < src.length; k++) {
    if (src[k] === '\\') k++;
    else if (src[k] === ']') return k + 1;
  }
  return -1;
}

/** Whether the atom ending at `end` must occur at least once (no `?`, `*` or `{0,…}` after it). */
function mandatory(src: string, end: number): boolean {
  const q = src[end];
  return !(q === '?' || q === '*' || (q === '{' && /^\{0\s*[,}]/.test(src.slice(end))));
}

/** Index after the quantifier (and its lazy `?`) that follows an atom ending at `k`, or `k`. */
function skipQuantifier(src: string, k: number): number {
  const q = src[k];
  let e = k;
  if (q === '?' || q === '*' || q === '+') e = k + 1;
  else if (q === '{') {
    const close = src.indexOf('}', k);
    if (close > 0 && /^\{\d*(?:,\d*)?\}$/.test(src.slice(k, close + 1))) e = close + 1;
  }
  return e > k && src[e] === '?' ? e + 1 : e;
}

/**
 * Literals of which one must occur SOMEWHERE in any match (not necessarily at its start), for sources whose
 * `requiredLiterals` is null, e.g. `\b(?:you|u)\s(?:won|been awarded)` needs "won" or "been awarded". Looks at the
 * groups of the top-level sequence that must match (not optional, not lookarounds) whose every alternative starts
 * with a literal; picks the set whose shortest literal is longest. Null when the source has top-level alternatives
 * or no such group. Lower-cased, like `requiredLiterals`.
 */
export function innerLiterals(source: string): string[] | null {
  const alts = splitAlternatives(source);
  if (!alts || alts.length !== 1) return null;
  let best: string[] | null = null;
  let bestScore = 0;
  const consider = (lits: string[]) => {
    if (lits.length === 0 || !lits.every(usable)) return;
    const score = Math.min(...lits.map((l) => l.trim().length));
    if (score > bestScore) {
      best = [...new Set(lits)];
      bestScore = score;
    }
  };
  let k = 0;
  let inRun = false; // inside a run of plain characters already considered from its start
  while (k < source.length) {
    const c = source[k]!;
    if (c === '\\') {
      k = skipQuantifier(source, escapeEnd(source, k));
      inRun = false;
      continue;
    }
    if (c === '[') {
      const end = classEnd(source, k);
      if (end < 0) return best;
      k = skipQuantifier(source, end);
      inRun = false;
      continue;
    }
    if (c === '(') {
      inRun = false;
      const end = groupEnd(source, k);
      if (end < 0) return best;
      const look = /^\(\?<?[=!]/.test(source.slice(k, k + 4));
      if (!look && mandatory(source, end)) {
        const innerStart = source.startsWith('(?:', k) ? k + 3 : source.startsWith('(?<', k) ? source.indexOf('>', k) + 1 : k + 1;
        const parts = splitAlternatives(source.slice(innerStart, end - 1));
        const lits: string[] = [];
        for (const part of parts ?? []) {
          const l = parts && branchLiterals(part);
          if (!l) {
            lits.length = 0;
            break;
          }
          lits.push(...l.map((x) => x.toLowerCase()));
        }
        consider(lits);
      }
      k = skipQuantifier(source, end);
      continue;
    }
    // a run of plain characters: the part before any quantified character must occur (its suffixes are never better)
    if (!inRun) consider([leadingLiteral(source.slice(k)).toLowerCase()]);
    const next = skipQuantifier(source, k + 1);
    inRun = next === k + 1 && !META.has(c);
    k = next;
  }
  return best;
}

/**
 * The fixed case of `rangeLiterals`: literals of which one must occur exactly `offset` UTF-16 units after the start of
 * any match (`[a-z0-9_]@(?:gmail|...)` needs "@" one unit in), at most MAX_OFFSET. Null otherwise.
 */
export function offsetLiterals(source: string): { offset: number; literals: string[] } | null {
  const r = rangeLiterals(source);
  return r && r.min === r.max && r.min <= MAX_OFFSET ? { offset: r.min, literals: r.literals } : null;
}

const MAX_OFFSET = 8;

/** Largest `max` of `rangeLiterals`, and largest max - min (the starts tried per literal occurrence, minus one). */
const MAX_RANGE_END = 16;
const MAX_RANGE_SPREAD = 8;

/**
 * For sources without leading literals: literals of which one must occur between `min` and `max` UTF-16 units after
 * the start of any match, e.g. `[a-z0-9_]@(?:gmail|...)` needs "@" 1 unit in, `\b(?:i|we)\s(?:will|.ll)\s(?:send|mail)`
 * needs "send" or "mail" 6 to 8 units in. The prefix is a sequence of zero-width parts (anchors, `\b`, lookarounds)
 * and atoms of bounded length (see `atomSpan`). Null when the source has another shape, or when the range is too
 * wide to be worth trying. Lower-cased, like `requiredLiterals`.
 */
export function rangeLiterals(source: string): { min: number; max: number; literals: string[] } | null {
  const alts = splitAlternatives(source);
  if (!alts || alts.length !== 1) return null;
  let s = source;
  let min = 0;
  let max = 0;
  for (let step = 0; step <= MAX_RANGE_END; step++) {
    const rest = skipZeroWidth(s);
    if (rest === null) return null;
    s = rest;
    if (step > 0) {
      const lits = requiredLiterals(s);
      if (lits) return max <= MAX_RANGE_END && max - min <= MAX_RANGE_SPREAD ? { min, max, literals: lits } : null;
    }
    const atom = atomSpan(s);
    if (!atom || max + atom.max > MAX_RANGE_END) return null;
    min += atom.min;
    max += atom.max;
    s = s.slice(atom.end);
  }
  return null;
}

/**
 * The atom at the start of `s` with the fewest and most UTF-16 units it can match, and the index after it (and its
 * `?`): a one-unit atom (`oneUnitAtom`); `.` or a negated class (one code point: 1 or 2 units); a group (not a
 * lookaround) whose every alternative is a sequence of such atoms and zero-width parts. Null for anything else,
 * including quantifiers other than `?`.
 */
function atomSpan(s: string): { end: number; min: number; max: number } | null {
  let end = oneUnitAtom(s);
  let min = 1;
  let max = 1;
  if (end <= 0) {
    if (s[0] === '.') {
      end = 1;
      max = 2;
    } else if (s.startsWith('[^')) {
      end = classEnd(s, 0);
      if (end < 0) return null;
      max = 2;
    } else if (s[0] === '(' && !/^\(\?<?[=!]/.test(s) && (s[1] !== '?' || s[2] === ':')) {
      end = groupEnd(s, 0);
      if (end < 0) return null;
      const parts = splitAlternatives(s.slice(s[1] === '?' ? 3 : 1, end - 1));
      if (!parts) return null;
      min = Infinity;
      max = 0;
      for (const part of parts) {
        let lo = 0;
        let hi = 0;
        let rest = part;
        for (;;) {
          const r = skipZeroWidth(rest);
          if (r === null) return null;
          rest = r;
          if (rest === '') break;
          const a = atomSpan(rest);
          if (!a) return null;
          lo += a.min;
          hi += a.max;
          rest = rest.slice(a.end);
        }
        min = Math.min(min, lo);
        max = Math.max(max, hi);
      }
    } else return null;
  }
  const q = s[end];
  if (q === '?') return { end: s[end + 1] === '?' ? end + 2 : end + 1, min: 0, max };
  if (q === '*' || q === '+' || q === '{') return null;
  return { end, min, max };
}

/** `s` without its leading anchors, word boundaries and lookarounds; null when a group does not close. */
function skipZeroWidth(s: string): string | null {
  for (;;) {
    if (s.startsWith('^')) s = s.slice(1);
    else if (s.startsWith('\\b') || s.startsWith('\\B')) s = s.slice(2);
    else if (/^\(\?<?[=!]/.test(s)) {
      const end = groupEnd(s, 0);
      if (end < 0) return null;
      s = s.slice(end);
    } else return s;
  }
}

/** Length of the atom at the start of `s` when it always matches exactly one UTF-16 unit, else 0. */
function oneUnitAtom(s: string): number {
  const c = s[0];
  if (c === undefined) return 0;
  if (c === '\\') return /^\\[dws]$/.test(s.slice(0, 2)) || LITERAL_ESCAPE.test(s[1] ?? '') ? 2 : 0;
  if (c === '[') {
    if (s[1] === '^') return 0;
    const end = classEnd(s, 0);
    if (end < 0) return 0;
    const body = s.slice(1, end - 1);
    for (let k = 0; k < body.length; k++) {
      const b = body.charCodeAt(k);
      if (b >= 0xd800 && b <= 0xdfff) return 0; // astral characters are two units
      if (body[k] === '\\') {
        const e = body[k + 1] ?? '';
        if (!/^[dws]$/.test(e) && !LITERAL_ESCAPE.test(e)) return 0;
        k++;
      }
    }
    return end;
  }
  if (META.has(c)) return 0;
  const code = c.charCodeAt(0);
  return code >= 0xd800 && code <= 0xdfff ? 0 : 1;
}

/** Shortest run worth a `classRun` check (shorter runs of letters or digits are everywhere). */
const MIN_RUN = 12;

/**
 * A run every match must contain: an atom of the top-level sequence that matches one unit (a class of BMP
 * characters, `\d` or `\w`) repeated at least `length` times, e.g. `\bt[1-9a-z]{33}\b` needs 33 such units in a row.
 * The longest such run (at least MIN_RUN), or null. `atom` is its source, for a membership test.
 */
export function classRun(source: string): { atom: string; length: number } | null {
  const alts = splitAlternatives(source);
  if (!alts || alts.length !== 1) return null;
  let best: { atom: string; length: number } | null = null;
  let k = 0;
  while (k < source.length) {
    const c = source[k]!;
    let end: number;
    if (c === '(') {
      end = groupEnd(source, k);
      if (end < 0) return best;
    } else if (c === '[' || c === '\\') {
      end = c === '[' ? classEnd(source, k) : escapeEnd(source, k);
      if (end < 0) return best;
      const atom = source.slice(k, end);
      const q = /^\{(\d+)(?:,\d*)?\}/.exec(source.slice(end));
      if (q && (c === '[' ? oneUnitAtom(atom) === atom.length : /^\\[dw]$/.test(atom))) {
        const length = Number(q[1]);
        if (length >= MIN_RUN && (!best || length > best.length)) best = { atom, length };
      }
    } else end = k + 1;
    k = skipQuantifier(source, end);
  }
  return best;
}
