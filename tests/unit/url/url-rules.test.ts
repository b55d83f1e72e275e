import { describe, expect, it } from 'vitest';
import sources from '../../../seeds/sources.json';
import { analyzeUrl, URL_RULE_IDS } from '../../../lib/url/analyze-url';
import { urlFindings } from '../../../lib/url/url-findings';
import { urlRule, urlRuleFiles, URL_RULES } from '../../../lib/url/url-rules';
import type { ScanInput } from '../../../lib/engine/types';

const files = urlRuleFiles();
const sourceIds = new Set((sources as { id: string }[]).map((s) => s.id));
const firedBy = (ex: string | ScanInput, rule: string): boolean =>
  typeof ex === 'string'
    ? analyzeUrl(ex, { context: 'message' }).signals.some((s) => s.rule === rule)
    : urlFindings(ex).some((f) => f.rule === rule);

describe('seeds/url-rules.json', () => {
  it('is sorted by id, unique, and covers every rule the analyzer and urlFindings emit', () => {
    const ids = files.map((f) => f.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set([...URL_RULE_IDS, 'url-brand-claim-credentials']));
  });

  it.each(files.map((f) => [f.id, f] as const))('%s: complete RuleInfo with known references', (_id, f) => {
    for (const k of ['title', 'description', 'why', 'advice'] as const) expect(f[k].trim(), k).not.toBe('');
    expect(['impersonation', 'crypto_investment']).toContain(f.type);
    expect(['low', 'medium', 'high']).toContain(f.level);
    expect(f.role).toBe('detect');
    expect(f.references.length).toBeGreaterThan(0);
    for (const r of f.references) expect(sourceIds.has(r), `${r} in seeds/sources.json`).toBe(true);
    expect(f.falsePositives.length).toBeGreaterThan(0);
    expect(urlRule(f.id)?.title).toBe(f.title);
    expect(URL_RULES.find((r) => r.id === f.id)).not.toHaveProperty('examples');
    if (f.id !== 'url-known-bad') {
      expect(f.examples.match.length, 'match examples').toBeGreaterThanOrEqual(2);
      expect(f.examples.noMatch.length, 'noMatch examples').toBeGreaterThanOrEqual(2);
    }
  });

  const cases = files.flatMap((f) => [
    ...f.examples.match.map((ex) => [f.id, 'fires on', ex, true] as const),
    ...f.examples.noMatch.map((ex) => [f.id, 'stays silent on', ex, false] as const),
  ]);
  it.each(cases)('%s %s %j', (rule, _verb, ex, expected) => {
    expect(firedBy(ex, rule)).toBe(expected);
  });
});
