/**
 * Runs one fuzz case through the engine, checks the invariants, and saves failures as regression fixtures
 * (tests/fixtures/fuzz-regressions/*.json) that tests/fuzz/regressions.test.ts replays on every run.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Engine, ScanInput, ScanOptions, Verdict } from '@/lib/engine/types';
import { checkVerdict, type CheckOptions } from './check';

export const REGRESSIONS_DIR = resolve(import.meta.dirname, '../fixtures/fuzz-regressions');

/**
 * Not a speed target: a scan that takes this long is hung (catastrophic backtracking or a quadratic loop). The
 * engine's own budget contract (`truncated`) is what bounds a scan; this only turns a hang into a failure.
 */
export const HANG_GUARD_MS = 20_000;

export interface RunResult {
  verdict?: Verdict;
  violations: string[];
  ms: number;
}

export function runCase(engine: Engine, input: ScanInput, options: ScanOptions | undefined, check: CheckOptions): RunResult {
  const t0 = performance.now();
  let verdict: Verdict;
  try {
    verdict = engine.scan(input, options);
  } catch (error) {
    const e = error as Error;
    return { violations: [`scan threw ${e?.name}: ${e?.message} ${(e?.stack ?? '').split('\n').slice(1, 3).join(' ').trim()}`], ms: performance.now() - t0 };
  }
  const ms = performance.now() - t0;
  const violations = checkVerdict(engine, input, verdict, check);
  if (ms > HANG_GUARD_MS) violations.push(`scan took ${Math.round(ms)} ms (hang guard ${HANG_GUARD_MS} ms)`);
  return { verdict, violations, ms };
}

export interface RegressionFixture {
  /** Why it was saved (the first violations). */
  violations: string[];
  label: string;
  /** Regenerate with generateCase(runSeed, index, count) when `input` is absent (too large to store). */
  runSeed?: number;
  index?: number;
  count?: number;
  options?: ScanOptions;
  input?: ScanInput;
}

/** Inputs up to this many JSON characters are stored verbatim; larger ones by seed and index. */
const MAX_STORED_JSON = 64 * 1024;

export function saveRegression(fixture: Omit<RegressionFixture, 'input'>, input: ScanInput): string {
  mkdirSync(REGRESSIONS_DIR, { recursive: true });
  let json: string | undefined;
  try {
    json = JSON.stringify(input);
  } catch {
    json = undefined;
  }
  const stored: RegressionFixture = { ...fixture };
  // JSON cannot carry `undefined` or lone surrogates faithfully everywhere; keep the seed so the exact case can be rebuilt.
  if (json !== undefined && json.length <= MAX_STORED_JSON) stored.input = JSON.parse(json) as ScanInput;
  const name = `fuzz-${fixture.runSeed ?? 'x'}-${fixture.index ?? Date.now()}.json`;
  writeFileSync(join(REGRESSIONS_DIR, name), `${JSON.stringify(stored, null, 1)}\n`);
  return name;
}

export function loadRegressions(): { name: string; fixture: RegressionFixture }[] {
  let names: string[] = [];
  try {
    names = readdirSync(REGRESSIONS_DIR).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
  return names.map((name) => ({ name, fixture: JSON.parse(readFileSync(join(REGRESSIONS_DIR, name), 'utf8')) as RegressionFixture }));
}

/** Simple order statistics for the timing summary. */
export function summarise(times: number[]): { n: number; p50: number; p99: number; max: number } {
  if (!times.length) return { n: 0, p50: 0, p99: 0, max: 0 };
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const round = (x: number) => Math.round(x * 100) / 100;
  return { n: sorted.length, p50: round(at(0.5)), p99: round(at(0.99)), max: round(sorted[sorted.length - 1]!) };
}
