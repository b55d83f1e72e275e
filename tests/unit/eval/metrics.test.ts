import { describe, expect, it } from 'vitest';
import type { ScanInput, ScamType, Verdict } from '../../../lib/engine/types';
import { Tally } from '../../../lib/eval/metrics';
import { runEval, type Scanner } from '../../../lib/eval/run-eval';
import { formatResult } from '../../../lib/eval/format';
import type { EvalLabel, EvalRow } from '../../../lib/eval/types';

describe('Tally', () => {
  // Hand-built case: 4 impersonation rows (2 hit, 1 as crypto, 1 missed), 1 crypto row (hit),
  // 5 benign rows (1 warned as impersonation), 2 spam rows (1 warned as impersonation).
  const cases: [EvalLabel, ScamType | 'none', string?][] = [
    ['impersonation', 'impersonation', 'police'],
    ['impersonation', 'impersonation', 'bank'],
    ['impersonation', 'crypto_investment', 'bank'],
    ['impersonation', 'none', 'police'],
    ['crypto_investment', 'crypto_investment'],
    ['benign', 'none'],
    ['benign', 'none'],
    ['benign', 'impersonation'],
    ['benign', 'none'],
    ['benign', 'none'],
    ['spam', 'impersonation'],
    ['spam', 'none'],
  ];
  const t = new Tally();
  for (const [l, p, g] of cases) t.add(l, p, g);
  const s = t.summary();

  it('counts the confusion matrix', () => {
    expect(s.rows).toBe(12);
    expect(s.matrix.impersonation).toEqual({ fake_job: 0, pig_butchering: 0, crypto_investment: 1, impersonation: 2, none: 1 });
    expect(s.matrix.benign.impersonation).toBe(1);
    expect(s.matrix.benign.none).toBe(4);
    expect(s.matrix.spam).toEqual({ fake_job: 0, pig_butchering: 0, crypto_investment: 0, impersonation: 1, none: 1 });
    expect(s.labels).toEqual({ fake_job: 0, pig_butchering: 0, crypto_investment: 1, impersonation: 4, benign: 5, spam: 2 });
  });

  it('derives precision, recall and false-warning rate per type, leaving spam out of precision', () => {
    const imp = s.perType.find((m) => m.type === 'impersonation')!;
    expect(imp).toMatchObject({ support: 4, predicted: 3, truePositives: 2 });
    expect(imp.precision).toBeCloseTo(2 / 3);
    expect(imp.recall).toBeCloseTo(0.5);
    expect(imp.falseWarningRate).toBeCloseTo(0.2);
    const cry = s.perType.find((m) => m.type === 'crypto_investment')!;
    expect(cry).toMatchObject({ support: 1, predicted: 2, truePositives: 1, precision: 0.5, recall: 1, falseWarningRate: 0 });
    const job = s.perType.find((m) => m.type === 'fake_job')!;
    expect(job.precision).toBeNull();
    expect(job.recall).toBeNull();
  });

  it('reports any-type recall, benign false warnings and spam apart', () => {
    expect(s.positives).toEqual({ rows: 5, warned: 4, exactType: 3, recall: 0.8, exactRecall: 0.6 });
    expect(s.benign).toEqual({ rows: 5, warned: 1, falseWarningRate: 0.2 });
    expect(s.spam).toEqual({ rows: 2, warned: 1, warnRate: 0.5 });
  });

  it('keeps per-group counts', () => {
    const bank = s.groups.find((g) => g.group === 'bank')!;
    expect(bank).toEqual({ group: 'bank', label: 'impersonation', rows: 2, warned: 2, correct: 1 });
    const police = s.groups.find((g) => g.group === 'police')!;
    expect(police).toEqual({ group: 'police', label: 'impersonation', rows: 2, warned: 1, correct: 1 });
  });
});

/** A scanner that warns as impersonation when the text contains "verify", finds a low signal on "maybe". */
const scanner: Scanner = {
  scan(input: ScanInput): Verdict {
    const text = input.text ?? '';
    if (text.includes('explode')) throw new Error('engine exploded');
    const at = text.indexOf('verify');
    if (at >= 0) {
      return {
        warn: true,
        level: 'medium',
        type: 'impersonation',
        score: 2,
        findings: [{ rule: 'verify-request', type: 'impersonation', level: 'medium', message: 'Asks to verify', weight: 2, evidence: [{ text: 'verify', start: at, end: at + 6, field: 'text' }] }],
      };
    }
    const m = text.indexOf('maybe');
    if (m >= 0) {
      return {
        warn: false,
        level: 'low',
        type: 'impersonation',
        score: 1,
        findings: [{ rule: 'weak-hint', type: 'impersonation', level: 'low', message: 'Weak', weight: 1, evidence: [{ text: 'maybe', start: m, end: m + 5, field: 'text' }] }],
      };
    }
    return { warn: false, level: 'none', type: null, score: 0, findings: [] };
  },
};

async function* rowsOf(list: [EvalLabel, string][]): AsyncGenerator<EvalRow> {
  let i = 0;
  for (const [label, text] of list) yield { id: `r${++i}`, label, input: { surface: 'sms', text } };
}

const ROWS: [EvalLabel, string][] = [
  ['impersonation', 'please verify your account'],
  ['impersonation', 'maybe click this'],
  ['benign', 'see you later'],
  ['benign', 'I will verify the numbers tomorrow'],
  ['spam', 'verify to win a prize'],
  ['impersonation', 'this will explode'],
  ['benign', 'ok'],
];

describe('runEval', () => {
  it('tallies verdicts and keeps misses and false warnings with the evidence that fired', async () => {
    const r = await runEval(rowsOf(ROWS), scanner, { show: 5 });
    expect(r.rows).toBe(6);
    expect(r.errors).toEqual({ count: 1, first: [{ id: 'r6', message: 'engine exploded' }] });
    expect(r.matrix.impersonation.impersonation).toBe(1);
    expect(r.matrix.impersonation.none).toBe(1);
    expect(r.misses.map((m) => m.id)).toEqual(['r2']);
    expect(r.misses[0]!.findings).toEqual([{ rule: 'weak-hint', type: 'impersonation', level: 'low', weight: 1, evidence: ['text: maybe'] }]);
    expect(r.falseWarnings.map((m) => m.id)).toEqual(['r4']);
    expect(r.falseWarnings[0]!.findings[0]!.rule).toBe('verify-request');
    expect(r.spamWarned.map((m) => m.id)).toEqual(['r5']);
    expect(r.benign.falseWarningRate).toBeCloseTo(1 / 3);
    expect(r.rules).toEqual([
      { rule: 'verify-request', type: 'impersonation', scam: 1, benign: 1, benignWarned: 1, spam: 1 },
      { rule: 'weak-hint', type: 'impersonation', scam: 1, benign: 0, benignWarned: 0, spam: 0 },
    ]);

    const text = formatResult(r, { dataset: 'hand', path: '-' });
    expect(text).toContain('false-warning rate 33.33%');
    expect(text).toContain('fired: verify-request (impersonation, medium, +2): "text: verify"');
    expect(text).toContain('r2  label=impersonation  predicted=none  level=low score=1');
    expect(text).toMatch(/verify-request\s+impersonation\s+1\s+1\s+1\s+1/);
  });

  it('honours --limit, --per-label and --show', async () => {
    const limited = await runEval(rowsOf(ROWS), scanner, { limit: 3 });
    expect(limited.rows).toBe(3);
    const per = await runEval(rowsOf(ROWS), scanner, { perLabel: 1 });
    expect(per.labels).toMatchObject({ impersonation: 1, benign: 1, spam: 1 });
    const none = await runEval(rowsOf(ROWS), scanner, { show: 0 });
    expect(none.misses).toEqual([]);
    expect(none.falseWarnings).toEqual([]);
    expect(none.benign.warned).toBe(1);
  });
});
