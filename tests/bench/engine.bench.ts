/**
 * Benchmark 1: the engine with the shipped rule set on 200 kB of page text, as a ratio to one
 * NFKC + lowercase pass over the same text, measured in the same run. Target <= 3x.
 * Two texts: the fixture pages (a few scam demos repeated: many hits, few distinct automaton states) and varied text
 * (the benign corpus: news, advisories, job ads and chats in ten languages, each piece once: many distinct states).
 * The verdict needs both.
 */
import { loadavg } from 'node:os';
import { normalizeText } from '@/lib/engine/normalize-text';
import { getShippedEngine } from '@/lib/shipped-engine';
import { pageText, variedText } from './corpus';
import { fmt, median, time, verdictLine } from './stats';

export default function engineBench(): Record<string, number> {
  const engine = getShippedEngine();
  console.log(`engine: ${engine.rules.length} rules, pack ${engine.version}`);
  const pages = measure('fixture pages', pageText(200_000));
  const varied = measure('varied text', variedText(200_000));
  console.log(`  ${verdictLine('engine ratio (both texts)', pages.ratio <= 3 && varied.ratio <= 3)}`);
  return { engineMs: pages.engineMs, baselineMs: pages.baselineMs, ratio: pages.ratio, variedEngineMs: varied.engineMs, variedBaselineMs: varied.baselineMs, variedRatio: varied.ratio };

  function measure(label: string, text: string): { engineMs: number; baselineMs: number; ratio: number } {
    const input = { surface: 'page' as const, title: 'Benchmark page', url: 'https://bench.example/page', text };
    let sink = 0;
    const runs = 25;
    // Interleave the measurements so all see the same machine state.
    const base: number[] = [];
    const scan: number[] = [];
    const norm: number[] = [];
    for (let i = 0; i < runs; i++) {
      base.push(...time(() => (sink += text.normalize('NFKC').toLowerCase().length), 1, i === 0 ? 3 : 0));
      scan.push(...time(() => (sink += engine.scan(input).findings.length), 1, i === 0 ? 3 : 0));
      norm.push(...time(() => (sink += normalizeText(text).text.length), 1, i === 0 ? 3 : 0));
    }
    const b = median(base);
    const s = median(scan);
    const v = engine.scan(input);
    console.log(`  ${label}: ${text.length.toLocaleString('en')} chars`);
    console.log(`    NFKC + lowercase pass   median ${fmt(b)} (${runs} runs)`);
    console.log(`    engine.scan (page)      median ${fmt(s)} (${runs} runs; verdict ${v.level}, ${v.findings.length} findings${v.truncated ? ', TRUNCATED' : ''})`);
    console.log(`      of which normalizeText median ${fmt(median(norm))} (the engine's own normalisation with offset map, for the breakdown)`);
    console.log(`    ratio                   ${(s / b).toFixed(2)}x   target <= 3x`);
    // On a shared machine the longer scan is preempted more often than the 1-2 ms baseline, which inflates the median
    // ratio: the fastest runs and the load average say how much (informational; the verdict stays on the medians).
    const lowest = (xs: number[]) => Math.min(...xs);
    console.log(`      fastest runs: NFKC + lowercase ${fmt(lowest(base))}, scan ${fmt(lowest(scan))}, ratio ${(lowest(scan) / lowest(base)).toFixed(2)}x; load average ${loadavg()[0]!.toFixed(1)}`);
    if (sink < 0) console.log(sink);
    return { engineMs: s, baselineMs: b, ratio: s / b };
  }
}
