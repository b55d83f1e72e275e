/**
 * What the engine derives from one rule regex before compiling it: the source it compiles (lower-cased where that is
 * certain, regex-case.ts) and the prefilter (regex-prefilter.ts: literals one of which must occur, whether the regex is
 * tried only at them, inner gate literals, a required run). Plain JSON: `npm run rules` stores the plans in the content
 * pack (`RulePack.regexPlans`), so a page's engine build skips this analysis; without them the engine plans here.
 */
import { caseSensitiveSource } from './regex-case';
import { classRun, innerLiterals, leadingDigits, rangeLiterals, requiredLiterals, startsAtBoundary } from './regex-prefilter';

export interface RegexPlan {
  /** Length of the source it was made for (a cheap guard against a plan that belongs to another regex). */
  n: number;
  /** Source to compile when it differs from the rule's (lower-cased, compiled without `i`). */
  src?: string;
  /** 1 when compiled with `u` only (lower-cased source), else `iu`. */
  lower?: 1;
  /** Literals of which one must occur (null/absent: the regex always runs), in the order the engine numbers them. */
  literals?: string[];
  /** 1 when the regex is tried sticky at the literals' occurrences only. */
  sticky?: 1;
  /** For range literals: fewest units between a match start and its literal, and how many more there may be. */
  offset?: number;
  spread?: number;
  /** Inner literals of a sticky regex when one of them is not among `literals`: they gate it (numbered after those). */
  gate?: string[];
  /** 1 when every match of a sticky regex starts with `\b`: positions that are no word boundary are not tried. */
  boundary?: 1;
  /** The digits every match starts with (a sticky regex whose literal comes later): other positions are not tried. */
  digits?: string;
  /** A run every match contains (non-sticky regexes). */
  run?: { atom: string; length: number };
}

/**
 * Whether occurrences of `lit` in normalised text are all the places where a case-insensitive regex can match it:
 * every character is ASCII (normalised text is lower case, and the only other case forms of ASCII letters under
 * Unicode folding, the Kelvin sign and long s, never survive NFKC) or has no case at all.
 */
function positionSafe(lit: string): boolean {
  for (const ch of lit) if (ch.charCodeAt(0) >= 0x80 && (ch.toLowerCase() !== ch || ch.toUpperCase() !== ch)) return false;
  return true;
}

/** The plan of a regex source that compiles with flags `giu` (the caller checks that first). */
export function planRegex(source: string): RegexPlan {
  const plan: RegexPlan = { n: source.length };
  // Same matches on normalised (lower-case) text without the slow `i` flag, where that is certain.
  const lower = caseSensitiveSource(source);
  if (lower !== null) {
    try {
      new RegExp(lower, 'gu');
      if (lower !== source) plan.src = lower;
      plan.lower = 1;
    } catch {
      // keep the original
    }
  }
  // The regex only runs on texts where one of its required literals was seen by the phrase pass,
  // and (when position-safe) only where one occurs.
  const lits = requiredLiterals(source);
  if (lits) plan.literals = lits;
  // Without the `i` flag a match holds each literal exactly as written (lower case, see regex-case.ts).
  const safe = (lit: string) => plan.lower === 1 || positionSafe(lit);
  if (lits && lits.every(safe)) plan.sticky = 1;
  const ranged = lits ? null : rangeLiterals(source);
  if (ranged && ranged.literals.every(safe)) {
    // Every match starts min to max units before one of these literals: tried at each, in order.
    plan.literals = ranged.literals;
    plan.sticky = 1;
    plan.offset = ranged.min;
    plan.spread = ranged.max - ranged.min;
  } else if (!lits) {
    // No literal at the start: one that must occur somewhere still tells when the regex need not run.
    const inner = innerLiterals(source);
    if (inner && inner.every(safe)) plan.literals = inner;
  }
  if (plan.sticky) {
    // A literal that must occur further in (`mendapat` after `no`, `billion` after `$`) also gates it.
    const inner = innerLiterals(source);
    const starts = new Set(plan.literals);
    if (inner && inner.every(safe) && inner.some((l) => !starts.has(l))) plan.gate = inner;
    if (startsAtBoundary(source)) plan.boundary = 1;
    if (plan.offset !== undefined) {
      const digits = leadingDigits(source);
      if (digits) plan.digits = digits;
    }
  } else {
    // A regex searched over the whole text first looks for a long enough run of the units it needs.
    const run = classRun(source);
    if (run) plan.run = run;
  }
  return plan;
}
