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

/** Index just past the group that opens at `i` (src[i] === '('), or -1. */
function groupEnd(src: string, i: number): number {
  let depth = 0;
  let inClass = false;
  for (let k = i; k < src.length; k++) {
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
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return k + 1;
  }
  return -1;
}

/** Splits at top-level `|` (outside groups and classes). */
function splitAlternatives(src: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let k = 0; k < src.length; k++) {
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
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(src.slice(start, k));
      start = k + 1;
    }
    if (depth < 0) return null;
  }
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
