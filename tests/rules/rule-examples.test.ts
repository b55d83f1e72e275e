/**
 * Every rule's examples run as tests: each `match` example must fire the rule, each `noMatch` must not.
 * No hand-written test per rule; add examples to the YAML instead.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatError } from '../../lib/rules/load-rules';
import { exampleInput, realRules } from './load-real-rules';

const { loaded, engine } = realRules();

describe('rules/ directory', () => {
  test('every rule file is valid (schema, ids, references, regexes, conditions, ReDoS)', () => {
    expect(loaded.errors.map(formatError)).toEqual([]);
  });

  test('every rule reference exists in seeds/sources.json', () => {
    const ids = new Set((JSON.parse(readFileSync('seeds/sources.json', 'utf8')) as { id: string }[]).map((s) => s.id));
    const missing = loaded.rules.flatMap(({ rule }) => rule.references.filter((r) => !ids.has(r)).map((r) => `${rule.id}: ${r}`));
    expect(missing).toEqual([]);
    for (const { rule } of loaded.rules) expect(rule.references.length, rule.id).toBeGreaterThan(0);
  });
});

const cases = loaded.rules.flatMap(({ rule }) => [
  ...rule.examples.match.map((ex, i) => ({ id: rule.id, kind: 'match' as const, i, ex })),
  ...rule.examples.noMatch.map((ex, i) => ({ id: rule.id, kind: 'noMatch' as const, i, ex })),
]);

describe.runIf(cases.length > 0)('rule examples', () => {
  test.each(cases)('$id $kind[$i]', ({ id, kind, ex }) => {
    const verdict = engine.scan(exampleInput(ex));
    const fired = verdict.findings.map((f) => f.rule);
    if (kind === 'match') expect(fired, `expected ${id} to fire`).toContain(id);
    else expect(fired, `expected ${id} not to fire`).not.toContain(id);
  });
});
