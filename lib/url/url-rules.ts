/**
 * User-facing metadata (RuleInfo) of the rules lib/url produces, from seeds/url-rules.json. The popup and the
 * background look URL findings up here, the way they look engine findings up with `engine.rule(id)`.
 */
import seed from '../../seeds/url-rules.json';
import type { RuleInfo, ScanInput } from '../engine/types';

export interface UrlRuleFile extends RuleInfo {
  indicators: string[];
  examples: { match: (string | ScanInput)[]; noMatch: (string | ScanInput)[] };
}

const FILES = (seed as unknown as { rules: UrlRuleFile[] }).rules;

/** RuleInfo of every URL rule (examples and indicators stripped). */
export const URL_RULES: readonly RuleInfo[] = FILES.map(({ examples: _e, indicators: _i, ...info }) => info);

const BY_ID = new Map(URL_RULES.map((r) => [r.id, r]));

/** RuleInfo of a URL rule, or undefined for any other id. */
export function urlRule(id: string): RuleInfo | undefined {
  return BY_ID.get(id);
}

/** The rule files with their examples (tests). */
export function urlRuleFiles(): readonly UrlRuleFile[] {
  return FILES;
}
