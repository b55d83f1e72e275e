/**
 * Compiles validated rule files into the rule pack the engine loads (.generated/rule-pack.json):
 * user-facing RuleInfo fields + detection, phrases flattened over languages, no examples,
 * deprecated rules dropped, a content hash as version.
 */
import { createHash } from 'node:crypto';
import { simplifyHanSource } from '../engine/han-simplified';
import { normalizePhrase } from '../engine/normalize-text';
import { planRegex } from '../engine/regex-plan';
import { DEFAULT_SCORING, PACK_FORMAT, type PackRule, type PackSelection, type RulePack, type ScoringConfig } from '../engine/pack';
import type { RuleLevel, ScamType, Surface } from '../engine/types';
import type { LoadResult } from './load-rules';
import type { RuleFile } from './rule-schema';

export function compileRule(rule: RuleFile): PackRule {
  const { condition, ...selections } = rule.detection;
  const compiled: PackSelection[] = Object.entries(selections).map(([name, s]) => {
    const out: PackSelection = { name };
    if (s.label !== undefined) out.label = s.label;
    if (s.context === true) out.context = true;
    if (s.field !== undefined) out.field = s.field;
    if (s.from !== undefined) out.from = s.from;
    if (s.min !== undefined) out.min = s.min;
    if (s.phrases) {
      // Stored normalised (the pack says so), which spares the engine that work at start-up.
      const list = Object.values(s.phrases).flatMap((l) => l.map((p) => normalizePhrase(typeof p === 'string' ? p : p.p)));
      out.phrases = [...new Set(list)].filter(Boolean);
    }
    // Regexes run on normalised text, where Traditional Chinese is folded to Simplified (han-simplified.ts): so are they.
    if (s.regex !== undefined) out.regex = (Array.isArray(s.regex) ? s.regex : [s.regex]).map(simplifyHanSource);
    if (s.url) out.url = s.url;
    if (s.salary) out.salary = s.salary;
    if (s.missing) out.missing = s.missing;
    return out;
  });
  const pack: PackRule = {
    id: rule.id,
    title: rule.title,
    type: rule.type as ScamType,
    role: rule.role,
    level: rule.level as RuleLevel,
    description: rule.description.trim(),
    why: rule.why.trim(),
    advice: rule.advice.trim(),
    references: rule.references,
    falsePositives: Array.isArray(rule.falsePositives) ? rule.falsePositives : [rule.falsePositives],
    weight: rule.weight ?? NaN,
    demandsAction: rule.demandsAction,
    suppresses: (rule.role === 'suppress' ? (rule.suppresses ?? []) : []) as ScamType[],
    surfaces: rule.surfaces as Surface[],
    languages: rule.languages,
    status: rule.status,
    detection: condition === undefined ? { selections: compiled } : { selections: compiled, condition },
  };
  if (rule.indicators) pack.indicators = rule.indicators;
  if (rule.i18n) pack.i18n = rule.i18n;
  return pack;
}

export function buildPack(loaded: Pick<LoadResult, 'rules' | 'scoring'>): RulePack {
  const scoring: ScoringConfig = { ...DEFAULT_SCORING, ...(loaded.scoring as Partial<ScoringConfig> | undefined) };
  const rules = loaded.rules
    .filter((r) => r.rule.status !== 'deprecated')
    .map((r) => {
      const rule = compileRule(r.rule);
      if (Number.isNaN(rule.weight)) rule.weight = scoring.levelWeights[rule.level];
      return rule;
    })
    .sort((a, b) => a.id.localeCompare(b.id));
  const body = { format: PACK_FORMAT, normalizedPhrases: true, scoring, rules };
  const version = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16);
  return { format: PACK_FORMAT, version, normalizedPhrases: true, scoring, rules };
}

/**
 * A phrase that an earlier selection already listed becomes its id (`phraseRefs`, numbered in order of first listing
 * as the engine numbers them): the pack is smaller and the engine needs no phrase lookup at start-up.
 */
function referencePhrases(detection: PackRule['detection'], phraseIds: Map<string, number>): PackRule['detection'] {
  const selections = detection.selections.map((s) => {
    if (!s.phrases) return s;
    const phrases: string[] = [];
    const refs: number[] = [];
    for (const p of s.phrases) {
      if (!p) continue;
      const id = phraseIds.get(p);
      if (id !== undefined) refs.push(id);
      else {
        phraseIds.set(p, phraseIds.size);
        phrases.push(p);
      }
    }
    const out: PackSelection = { ...s, phrases };
    if (refs.length > 0) out.phraseRefs = refs;
    return out;
  });
  return { ...detection, selections };
}

/**
 * The content script's pack: detection data plus the texts the in-page banner shows (title, advice). The long texts
 * (description, why, references, false positives, translations) stay in the full pack, which the popup and
 * background read. Same version as the full pack: the engine built from it gives the same verdicts.
 */
export function contentPack(pack: RulePack): RulePack {
  const phraseIds = new Map<string, number>();
  return {
    ...pack,
    rules: pack.rules.map((r) => ({
      id: r.id,
      title: r.title,
      type: r.type,
      role: r.role,
      level: r.level,
      description: '',
      why: '',
      advice: r.advice,
      references: [],
      falsePositives: [],
      weight: r.weight,
      demandsAction: r.demandsAction,
      suppresses: r.suppresses,
      surfaces: r.surfaces,
      languages: [],
      status: r.status,
      detection: pack.normalizedPhrases === true ? referencePhrases(r.detection, phraseIds) : r.detection,
    })),
    phraseRefs: pack.normalizedPhrases === true,
    // Every page builds its engine from this pack: the regex analysis is done here once instead.
    regexPlans: pack.rules.flatMap((r) => r.detection.selections.flatMap((s) => (s.regex ?? []).map((source) => planRegex(source)))),
  };
}
