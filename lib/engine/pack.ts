/**
 * The compiled rule pack: what `npm run rules` writes to .generated/rule-pack.json and `createEngine` reads.
 * Plain JSON (no functions, no RegExp objects); phrases are stored as written and normalised by the engine.
 */
import type { RegexPlan } from './regex-plan';
import type { RuleInfo, RuleLevel, ScamType, Surface } from './types';

export const PACK_FORMAT = 1;

/** Structured URL predicates; a URL satisfies the predicate when ANY listed test holds. */
export interface UrlPredicate {
  /** Host equals the suffix or ends with it; `.top` matches any host under `top`, `example.com` matches `a.example.com`. */
  hostSuffix?: string[];
  /** Last host label, without dot: `top`, `xyz`. */
  tld?: string[];
  /** Host is an IPv4/IPv6 literal. */
  ip?: boolean;
  /** Scheme without colon: `http`, `data`, `javascript`. */
  scheme?: string[];
  /** Host has a punycode (`xn--`) label. */
  punycode?: boolean;
  /** URL carries a user-info part (`https://bank.com@evil.example/`). */
  userinfo?: boolean;
}

export interface SalaryPredicate {
  /** Fires when a stated pay converts to at least this many US dollars per month. */
  minUsdMonthly: number;
}

/** Where a selection looks: `text`, `title`, `url`, `links`, `message`, or `fields.<name>`. Default: every text field and message. */
export type FieldSpec = string;

export interface PackSelection {
  name: string;
  /** Human label of a conversation stage; labelled selections that matched are listed in Finding.stages. */
  label?: string;
  /**
   * A context selection: words the pattern needs around its red flags ("job", "salary", "invest") that are not red
   * flags themselves. Its evidence is marked `context` and is not highlighted in the page.
   */
  context?: boolean;
  field?: FieldSpec;
  /** Only chat messages from this side (messages of unknown direction count for both). */
  from?: 'them' | 'me';
  /** Minimum number of distinct hits (phrases, regexes, URL/salary/missing predicates) to match; default 1. */
  min?: number;
  phrases?: string[];
  /**
   * Only in packs with `phraseRefs` (the content pack): phrases an earlier selection already listed, as phrase ids
   * (phrases are numbered in pack order of first listing); `phrases` then holds only phrases new to the pack.
   */
  phraseRefs?: number[];
  regex?: string[];
  url?: UrlPredicate;
  salary?: SalaryPredicate;
  /** Job-post fields that are absent or blank (only when the input has `fields`); each missing one is a hit. */
  missing?: string[];
}

export interface PackRule extends RuleInfo {
  weight: number;
  demandsAction: boolean;
  /** Types whose score a `suppress` rule lowers. */
  suppresses: ScamType[];
  surfaces: Surface[];
  languages: string[];
  status: 'experimental' | 'test' | 'stable' | 'deprecated';
  indicators?: string[];
  detection: { selections: PackSelection[]; condition?: string };
}

export interface ScoringConfig {
  /** Default weight per rule level when a rule gives no `weight`. */
  levelWeights: Record<RuleLevel, number>;
  /** Minimum type score for each verdict level. */
  thresholds: Record<RuleLevel, number>;
  /** Lowest verdict level that warns. */
  warnLevel: RuleLevel;
  /** Tie-break between types with equal scores, first wins. */
  typeOrder: ScamType[];
}

export interface RulePack {
  format: number;
  /** Content hash of the pack. */
  version: string;
  /** True when every phrase is already normalised (normalizePhrase), so the engine can skip that step. */
  normalizedPhrases?: boolean;
  /** True when each phrase is written out once, at its first listing, and listed again by id (`phraseRefs`). */
  phraseRefs?: boolean;
  scoring: ScoringConfig;
  rules: PackRule[];
  /**
   * Optional: the plan of every regex of every selection, in pack order (regex-plan.ts), so the engine need not analyse
   * them at start-up (the content pack has them). Ignored unless there is exactly one per regex.
   */
  regexPlans?: RegexPlan[];
}

export const DEFAULT_SCORING: ScoringConfig = {
  levelWeights: { low: 1, medium: 2, high: 4 },
  thresholds: { low: 1, medium: 2, high: 4 },
  warnLevel: 'medium',
  typeOrder: ['impersonation', 'crypto_investment', 'pig_butchering', 'fake_job'],
};
