/** Builds small in-memory rule packs for engine unit tests. */
import { DEFAULT_SCORING, type PackRule, type PackSelection, type RulePack } from '../../../lib/engine/pack';
import { createEngine, type Engine } from '../../../lib/engine/index';
import { SURFACES } from '../../../lib/engine/types';

type RuleSpec = Partial<Omit<PackRule, 'detection'>> & { id: string; selections: PackSelection[]; condition?: string };

export function rule(spec: RuleSpec): PackRule {
  const { selections, condition, ...rest } = spec;
  return {
    title: `title of ${spec.id}`,
    type: 'fake_job',
    role: 'detect',
    level: 'medium',
    description: 'd',
    why: 'w',
    advice: 'a',
    references: ['ref'],
    falsePositives: ['fp'],
    weight: rest.weight ?? { low: 1, medium: 2, high: 4 }[rest.level ?? 'medium'],
    demandsAction: false,
    suppresses: [],
    surfaces: [...SURFACES],
    languages: ['en'],
    status: 'stable',
    ...rest,
    detection: condition === undefined ? { selections } : { selections, condition },
  };
}

export function pack(rules: PackRule[]): RulePack {
  return { format: 1, version: 'test', scoring: DEFAULT_SCORING, rules };
}

export function engineOf(...rules: RuleSpec[]): Engine {
  return createEngine(pack(rules.map(rule)));
}
