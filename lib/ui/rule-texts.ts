/**
 * User-facing rule texts (title, why, advice, references) looked up by rule id, straight from the shipped pack.
 * The popup needs only these, so it does not compile the matcher (that costs hundreds of ms with the full pack).
 */
import type { RuleInfo } from '@/lib/engine/types';
import { shippedPack } from '@/lib/shipped-engine';
import { urlRule } from '@/lib/url/url-rules';

let byId: Map<string, RuleInfo> | undefined;

export function shippedRuleTexts(): { rule(id: string): RuleInfo | undefined } {
  byId ??= new Map(shippedPack.rules.map((r) => [r.id, r]));
  // URL findings (merged in by the background, lib/url) have their texts in lib/url/url-rules.ts.
  return { rule: (id) => byId!.get(id) ?? urlRule(id) };
}
