/** Ordering of verdicts: which of two is the stronger warning. */
import type { Level, Verdict } from '@/lib/engine/types';

const RANK: Record<Level, number> = { none: 0, low: 1, medium: 2, high: 3 };

/** Positive when `a` is a stronger warning than `b` (warn, then level, then score). */
export function compareVerdicts(a: Verdict | null | undefined, b: Verdict | null | undefined): number {
  if (!a) return b ? -1 : 0;
  if (!b) return 1;
  if (a.warn !== b.warn) return a.warn ? 1 : -1;
  if (a.level !== b.level) return RANK[a.level] - RANK[b.level];
  return a.score - b.score;
}

export const EMPTY_VERDICT: Verdict = { warn: false, level: 'none', type: null, score: 0, findings: [] };
