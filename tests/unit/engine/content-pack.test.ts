/**
 * The content script's engine: built from the detection-only pack in slices, it must give exactly the verdicts of
 * the shipped engine, and the slicing must really split the work.
 */
import { describe, expect, it, vi } from 'vitest';
import { runSliced } from '@/lib/content-engine';
import { compareIds, createEngine, engineSteps, PackError, scoreFindings, type Finding, type RulePack } from '@/lib/engine/index';
import { contentPack } from '@/lib/rules/build-pack';
import { getShippedEngine, shippedPack } from '@/lib/shipped-engine';
import { fixtureTexts } from '../../bench/corpus';

const lite = contentPack(shippedPack);

describe('content pack', () => {
  it('keeps detection, titles and advice, drops the long texts', () => {
    const { regexPlans, ...rest } = lite;
    expect(JSON.stringify(rest).length).toBeLessThan(JSON.stringify(shippedPack).length * 0.8);
    // Plus the regex plans (regex-plan.ts), one per regex in pack order, so pages skip the regex analysis.
    const regexes = lite.rules.flatMap((r) => r.detection.selections.flatMap((s) => s.regex ?? []));
    expect(regexPlans?.map((p) => p.n)).toEqual(regexes.map((r) => r.length));
    expect(regexPlans!.filter((p) => p.sticky).length).toBeGreaterThan(100);
    expect(lite.version).toBe(shippedPack.version);
    // Phrases listed again are ids (phraseRefs) into the phrases in order of first listing.
    expect(lite.phraseRefs).toBe(true);
    const table: string[] = [];
    let refs = 0;
    for (const [i, r] of lite.rules.entries()) {
      const full = shippedPack.rules[i]!;
      expect(r.detection.condition).toEqual(full.detection.condition);
      for (const [j, s] of r.detection.selections.entries()) {
        const { phrases, phraseRefs, ...other } = s;
        const { phrases: fullPhrases, ...fullOther } = full.detection.selections[j]!;
        expect(other).toEqual(fullOther);
        table.push(...(phrases ?? []));
        refs += phraseRefs?.length ?? 0;
        const listed = [...(phrases ?? []), ...(phraseRefs ?? []).map((id) => table[id]!)];
        expect(listed.sort()).toEqual([...(fullPhrases ?? [])].sort());
      }
      expect([r.id, r.title, r.advice, r.weight, r.surfaces]).toEqual([full.id, full.title, full.advice, full.weight, full.surfaces]);
      expect([r.why, r.description, r.i18n, r.references.length, r.falsePositives.length]).toEqual(['', '', undefined, 0, 0]);
    }
    expect(refs).toBeGreaterThan(1000);
  });

  it('gives the shipped engine\'s verdicts, built in slices', async () => {
    let pauses = 0;
    const engine = await runSliced(engineSteps(JSON.parse(JSON.stringify(lite)) as RulePack), 0, async () => void pauses++);
    expect(pauses).toBeGreaterThan(10);
    const full = getShippedEngine();
    const texts = fixtureTexts();
    expect(texts.length).toBeGreaterThan(3);
    let warned = 0;
    for (const text of texts) {
      for (const surface of ['page', 'chat', 'job_post'] as const) {
        const v = engine.scan({ surface, text, title: text.slice(0, 80), url: 'http://example.test/' });
        expect(v).toEqual(full.scan({ surface, text, title: text.slice(0, 80), url: 'http://example.test/' }));
        if (v.warn) warned++;
      }
    }
    expect(warned).toBeGreaterThan(0);
    expect(engine.rule('fj-pay-to-get-job')?.advice ?? engine.rules.find((r) => r.advice)?.advice).toBeTruthy();
  });

  it('ignores regex plans that do not fit the pack (the engine plans each regex itself)', () => {
    const full = getShippedEngine();
    const shifted = { ...lite, regexPlans: lite.regexPlans!.slice(1) };
    const misfit = { ...lite, regexPlans: lite.regexPlans!.map((p) => ({ ...p, n: p.n + 1, literals: ['zzzz'], sticky: 1 as const })) };
    for (const pack of [shifted, misfit]) {
      const engine = createEngine(pack);
      for (const text of fixtureTexts()) expect(engine.scan({ surface: 'page', text })).toEqual(full.scan({ surface: 'page', text }));
    }
  });

  it('sliced building reports a malformed pack like createEngine', async () => {
    const bad = structuredClone(lite);
    bad.rules[3]!.detection.selections[0]!.regex = ['('];
    expect(() => createEngine(bad)).toThrow(PackError);
    await expect(runSliced(engineSteps(bad), 0, async () => {})).rejects.toThrow(/rules\[3\]/);
    const badRef = structuredClone(lite);
    badRef.rules[0]!.detection.selections[0]!.phraseRefs = [1e6];
    expect(() => createEngine(badRef)).toThrow(/rules\[0\].*phraseRefs/);
  });
});

describe('scoreFindings', () => {
  it('orders equal weights and levels by rule id without the ICU collator', () => {
    const spy = vi.spyOn(String.prototype, 'localeCompare');
    try {
      const v = scoreFindings([f('fj-b', 'fake_job', 2), f('fj-a-2', 'fake_job', 2), f('fj-a', 'fake_job', 2)]);
      expect(v.findings.map((x) => x.rule)).toEqual(['fj-a', 'fj-a-2', 'fj-b']);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
    expect([compareIds('a', 'b'), compareIds('b', 'a'), compareIds('x', 'x')]).toEqual([-1, 1, 0]);
  });

  const f = (rule: string, type: Finding['type'], weight: number, level: Finding['level'] = 'medium'): Finding => ({ rule, type, level, message: rule, weight, evidence: [] });

  it('sums weights per type, picks the highest type and levels it with the thresholds', () => {
    const v = scoreFindings([f('a', 'fake_job', 1, 'low'), f('b', 'impersonation', 2), f('c', 'fake_job', 2)]);
    expect(v).toMatchObject({ warn: true, level: 'medium', type: 'fake_job', score: 3 });
    // The verdict's type first (its top reason matches the headline), then by weight.
    expect(v.findings.map((x) => x.rule)).toEqual(['c', 'a', 'b']);
  });

  it('among equal weights and levels, the finding with more evidence comes first', () => {
    const ev = (n: number) => Array.from({ length: n }, (_, i) => ({ text: 'x', start: i, end: i + 1, field: 'text' }));
    const v = scoreFindings([{ ...f('a', 'fake_job', 4, 'high'), evidence: ev(1) }, { ...f('b', 'fake_job', 4, 'high'), evidence: ev(3) }]);
    expect(v.findings.map((x) => x.rule)).toEqual(['b', 'a']);
  });

  it('ties go to typeOrder; below warnLevel does not warn; given scores win over sums', () => {
    expect(scoreFindings([f('a', 'fake_job', 2), f('b', 'impersonation', 2)]).type).toBe('impersonation');
    expect(scoreFindings([f('a', 'fake_job', 1, 'low')])).toMatchObject({ warn: false, level: 'low', type: 'fake_job' });
    expect(scoreFindings([f('a', 'fake_job', 4, 'high')], undefined, { scores: { fake_job: 0 }, truncated: true })).toEqual({
      warn: false,
      level: 'none',
      type: null,
      score: 0,
      findings: [f('a', 'fake_job', 4, 'high')],
      truncated: true,
    });
  });
});
