/** Tiny timing helpers for the benchmarks (printed figures, never asserted). */

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** Run `fn` `runs` times after `warmup` runs; the duration of each timed run in ms. */
export function time(fn: () => void, runs: number, warmup = 3): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

export const fmt = (ms: number, digits = 2) => `${ms.toFixed(digits)} ms`;

export function verdictLine(label: string, ok: boolean): string {
  return `${label}: ${ok ? 'MEETS target' : 'MISSES target'}`;
}
