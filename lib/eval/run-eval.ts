/**
 * Runs a scanner over labelled rows (streamed, one pass, constant memory apart from the K examples kept)
 * and tallies the confusion matrix, examples of misses and false warnings, skipped rows and timing.
 */
import type { ScanInput, Verdict } from '../engine/types';
import { Tally, type Predicted, type Summary } from './metrics';
import { isScamLabel, type EvalLabel, type EvalRow, type SkippedRow } from './types';

export interface Scanner {
  scan(input: ScanInput): Verdict;
}

export interface EvalOptions {
  /** Examples kept per kind (misses, wrong type, false warnings, spam warned). Default 5. */
  show?: number;
  /** Stop after this many rows. */
  limit?: number;
  /** Keep at most this many rows per label (balanced quick runs on files sorted by label). */
  perLabel?: number;
}

export interface ExampleFinding {
  rule: string;
  type: string;
  level: string;
  weight: number;
  evidence: string[];
}

export interface Example {
  id: string;
  label: EvalLabel;
  group?: string;
  predicted: Predicted;
  level: string;
  score: number;
  excerpt: string;
  findings: ExampleFinding[];
}

/** How often a rule fired (positive weight) on rows of each kind: which rules carry recall, which cause false warnings. */
export interface RuleStat {
  rule: string;
  type: string;
  /** Scam rows where it fired. */
  scam: number;
  /** Benign rows where it fired, and those of them that warned. */
  benign: number;
  benignWarned: number;
  spam: number;
}

export interface EvalResult extends Summary {
  rules: RuleStat[];
  misses: Example[];
  wrongType: Example[];
  falseWarnings: Example[];
  spamWarned: Example[];
  skipped: { count: number; first: SkippedRow[] };
  errors: { count: number; first: { id: string; message: string }[] };
  timing: { totalMs: number; rowsPerSecond: number | null; slowest: { id: string; ms: number } | null };
}

const EXCERPT = 200;
const EVIDENCE = 80;

export function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= n ? t : `${t.slice(0, n - 1)}…`;
}

/** The scanned content of an input, flattened to one line for the report. */
export function inputExcerpt(input: ScanInput, n = EXCERPT): string {
  const parts: string[] = [];
  if (input.url) parts.push(input.url);
  if (input.title) parts.push(input.title);
  if (input.text) parts.push(input.text);
  if (input.messages) parts.push(input.messages.map((m) => `${m.from}: ${m.text}`).join(' | '));
  if (!input.text && input.fields) parts.push(Object.values(input.fields).filter(Boolean).join(' | '));
  return clip(parts.join(' — '), n);
}

export function predictedOf(v: Verdict): Predicted {
  return v.warn && v.type ? v.type : 'none';
}

function example(row: EvalRow, v: Verdict): Example {
  const ex: Example = {
    id: row.id,
    label: row.label,
    predicted: predictedOf(v),
    level: v.level,
    score: v.score,
    excerpt: inputExcerpt(row.input),
    findings: v.findings.map((f) => ({
      rule: f.rule,
      type: f.type,
      level: f.level,
      weight: f.weight,
      evidence: f.evidence.slice(0, 3).map((e) => `${e.field}: ${clip(e.text, EVIDENCE)}`),
    })),
  };
  if (row.group !== undefined) ex.group = row.group;
  return ex;
}

export async function runEval(
  rows: AsyncIterable<EvalRow>,
  scanner: Scanner,
  options: EvalOptions & { skipped?: SkippedRow[]; skippedCount?: () => number } = {},
): Promise<EvalResult> {
  const show = options.show ?? 5;
  const tally = new Tally();
  const misses: Example[] = [];
  const wrongType: Example[] = [];
  const falseWarnings: Example[] = [];
  const spamWarned: Example[] = [];
  const errors: { id: string; message: string }[] = [];
  let errorCount = 0;
  const perLabel = new Map<EvalLabel, number>();
  let slowest: { id: string; ms: number } | null = null;
  const ruleStats = new Map<string, RuleStat>();
  const t0 = performance.now();

  for await (const row of rows) {
    if (options.limit !== undefined && tally.rows + errorCount >= options.limit) break;
    if (options.perLabel !== undefined) {
      const n = perLabel.get(row.label) ?? 0;
      if (n >= options.perLabel) continue;
      perLabel.set(row.label, n + 1);
    }
    const s = performance.now();
    let v: Verdict;
    try {
      v = scanner.scan(row.input);
    } catch (e) {
      errorCount++;
      if (errors.length < show) errors.push({ id: row.id, message: (e as Error).message });
      continue;
    }
    const ms = performance.now() - s;
    if (!slowest || ms > slowest.ms) slowest = { id: row.id, ms };
    const predicted = predictedOf(v);
    tally.add(row.label, predicted, row.group);
    for (const f of v.findings) {
      if (f.weight <= 0) continue;
      let st = ruleStats.get(f.rule);
      if (!st) ruleStats.set(f.rule, (st = { rule: f.rule, type: f.type, scam: 0, benign: 0, benignWarned: 0, spam: 0 }));
      if (isScamLabel(row.label)) st.scam++;
      else if (row.label === 'spam') st.spam++;
      else {
        st.benign++;
        if (predicted !== 'none') st.benignWarned++;
      }
    }
    if (isScamLabel(row.label)) {
      if (predicted === 'none') {
        if (misses.length < show) misses.push(example(row, v));
      } else if (predicted !== row.label && wrongType.length < show) {
        wrongType.push(example(row, v));
      }
    } else if (predicted !== 'none') {
      if (row.label === 'benign' && falseWarnings.length < show) falseWarnings.push(example(row, v));
      if (row.label === 'spam' && spamWarned.length < show) spamWarned.push(example(row, v));
    }
  }

  const totalMs = performance.now() - t0;
  const skippedFirst = options.skipped ?? [];
  return {
    ...tally.summary(),
    rules: [...ruleStats.values()].sort((a, b) => b.scam + b.benign - (a.scam + a.benign) || a.rule.localeCompare(b.rule)),
    misses,
    wrongType,
    falseWarnings,
    spamWarned,
    skipped: { count: options.skippedCount?.() ?? skippedFirst.length, first: skippedFirst.slice(0, show) },
    errors: { count: errorCount, first: errors },
    timing: { totalMs, rowsPerSecond: totalMs > 0 ? (tally.rows / totalMs) * 1000 : null, slowest },
  };
}
