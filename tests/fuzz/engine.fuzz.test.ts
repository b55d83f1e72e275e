/**
 * Engine fuzzing: FUZZ_COUNT (default 10,000) seeded inputs through the real engine and the shipped rule pack.
 * Every verdict must be well-formed, every evidence span must lie inside its original field with
 * `text === original.slice(start, end)`, huge fields must be reported as `truncated`, and a zero time budget must
 * cut a big scan short. Failures are written to tests/fixtures/fuzz-regressions/ and replayed by regressions.test.ts.
 *
 * Reproduce a run: FUZZ_SEED=<seed> FUZZ_COUNT=<n> npx vitest run tests/fuzz
 */
import { describe, expect, it } from 'vitest';
import { getShippedEngine, shippedPack } from '@/lib/shipped-engine';
import type { ScanInput } from '@/lib/engine/types';
import type { CheckOptions } from './check';
import { generateCase, HUGE_CASES, loadVocabulary, type CaseKind } from './generate';
import { runCase, saveRegression, summarise } from './harness';

const RUN_SEED = Number(process.env.FUZZ_SEED ?? 20261121) >>> 0;
const COUNT = Math.max(Number(process.env.FUZZ_COUNT ?? 10_000), HUGE_CASES.length + 1);
const BATCH = 1_000;
/** The content script's budget (entrypoints/content.tsx) */
const CONTENT_BUDGET_MS = 100;
/** Stop saving fixtures after this many, so one systematic bug does not flood the directory. */
const MAX_SAVED = 12;

const engine = getShippedEngine();
const vocab = loadVocabulary(shippedPack);
const check: CheckOptions = { warnLevel: shippedPack.scoring?.warnLevel ?? 'medium' };

const times = new Map<CaseKind | 'budget0', number[]>();
const failures: { index: number; label: string; violations: string[] }[] = [];
const signatures = new Set<string>();
let saved = 0;
let scanned = 0;
let warned = 0;
let evidenceChecked = 0;

function record(kind: CaseKind | 'budget0', ms: number) {
  let list = times.get(kind);
  if (!list) times.set(kind, (list = []));
  list.push(ms);
}

function fail(index: number, label: string, input: ScanInput, violations: string[], options?: { budgetMs?: number }) {
  failures.push({ index, label, violations });
  // One fixture per kind of violation (numbers stripped), so a systematic bug saves one case, not thousands.
  const signature = violations.map((v) => v.replace(/\d+/g, '#').replace(/".*?"/g, '"…"')).join('|').slice(0, 300);
  if (saved >= MAX_SAVED || signatures.has(signature) || process.env.FUZZ_SAVE === '0') return;
  signatures.add(signature);
  saved++;
  saveRegression({ violations: violations.slice(0, 5), label, runSeed: RUN_SEED, index, count: COUNT, ...(options ? { options } : {}) }, input);
}

describe(`engine fuzz (seed ${RUN_SEED}, ${COUNT} inputs)`, () => {
  it('has a vocabulary from the shipped pack to disguise', () => {
    expect(vocab.phrases.length).toBeGreaterThan(20);
    expect(vocab.examples.length).toBeGreaterThan(10);
  });

  const regular = COUNT - HUGE_CASES.length;
  for (let from = 0; from < regular; from += BATCH) {
    const to = Math.min(regular, from + BATCH);
    it(`cases ${from}..${to - 1}`, { timeout: 300_000 }, () => {
      const before = failures.length;
      for (let i = from; i < to; i++) {
        const c = generateCase(RUN_SEED, i, COUNT, vocab);
        const snapshot = c.kind === 'large' ? undefined : JSON.stringify(c.input);
        const r = runCase(engine, c.input, undefined, check);
        scanned++;
        record(c.kind, r.ms);
        if (r.verdict?.warn) warned++;
        evidenceChecked += r.verdict?.findings?.reduce((n, f) => n + (f.evidence?.length ?? 0), 0) ?? 0;
        const violations = [...r.violations];
        // The engine never mutates its input.
        if (snapshot !== undefined && JSON.stringify(c.input) !== snapshot) violations.push('scan mutated its input');
        // Same input, same verdict (every 7th case, to keep the run short).
        if (r.verdict && !r.verdict.truncated && i % 7 === 0) {
          const again = engine.scan(c.input);
          if (JSON.stringify(again) !== JSON.stringify(r.verdict)) violations.push('scan is not deterministic');
        }
        // A zero budget must cut a big scan short, and the cut verdict must still be valid.
        // (Only where many rules read the big text: page, sms and email. The budget is checked between rules.)
        if (c.kind === 'large' && ['page', 'sms', 'email'].includes(c.input.surface) && typeof c.input.text === 'string' && c.input.text.length >= 100_000) {
          const b = runCase(engine, c.input, { budgetMs: 0 }, check);
          record('budget0', b.ms);
          if (b.verdict && b.verdict.truncated !== true) b.violations.push('budgetMs: 0 on a 100k-character text did not set truncated');
          if (b.violations.length) fail(i, `${c.label} (budget 0)`, c.input, b.violations, { budgetMs: 0 });
        }
        if (violations.length) fail(i, c.label, c.input, violations);
      }
      const mine = failures.slice(before);
      expect(mine.map((f) => `#${f.index} ${f.label}: ${f.violations.slice(0, 3).join('; ')}`).slice(0, 10), `${mine.length} failing cases`).toEqual([]);
    });
  }

  it(`${HUGE_CASES.length} huge inputs (1-5 MB) with the content script's budget`, { timeout: 600_000 }, () => {
    const before = failures.length;
    for (let i = regular; i < COUNT; i++) {
      const c = generateCase(RUN_SEED, i, COUNT, vocab);
      const r = runCase(engine, c.input, { budgetMs: CONTENT_BUDGET_MS }, check);
      scanned++;
      record('huge', r.ms);
      evidenceChecked += r.verdict?.findings?.reduce((n, f) => n + (f.evidence?.length ?? 0), 0) ?? 0;
      if (r.violations.length) fail(i, c.label, c.input, r.violations, { budgetMs: CONTENT_BUDGET_MS });
    }
    const mine = failures.slice(before);
    expect(mine.map((f) => `#${f.index} ${f.label}: ${f.violations.slice(0, 3).join('; ')}`), `${mine.length} failing huge cases`).toEqual([]);
  });

  it('summary', () => {
    const rows = [...times.entries()].map(([kind, list]) => ({ kind, ...summarise(list) }));
    console.log(
      `[fuzz] seed ${RUN_SEED}: ${scanned} inputs scanned, ${warned} warned, ${evidenceChecked} evidence spans checked, ${failures.length} failing\n` +
        rows.map((r) => `[fuzz]   ${r.kind.padEnd(10)} n=${r.n} p50=${r.p50} ms p99=${r.p99} ms max=${r.max} ms`).join('\n'),
    );
    expect(scanned).toBe(COUNT);
    // The generator must actually reach the rules, or the evidence checks above prove nothing.
    expect(warned).toBeGreaterThan(COUNT / 20);
    expect(evidenceChecked).toBeGreaterThan(COUNT);
  });
});
