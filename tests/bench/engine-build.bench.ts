/**
 * Benchmark: building the content script's engine from the content rule pack (.generated/rule-pack-content.json),
 * which every page pays (lib/content-engine.ts: JSON.parse, then `engineSteps` in ~5 ms slices). A page builds it
 * once in a fresh script context, so the cold first build matters most: each sample is a fresh Node process
 * (engine-build-child.ts) that builds once cold, then a few more times warm. Printed, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fmt, median } from './stats';

const ROOT = resolve(import.meta.dirname, '../..');
const PROCESSES = 5;
const WARM = 10;

type Run = { parse: number; build: number; cpu: number; steps: number; maxStep: number };

export default function engineBuildBench(): Record<string, number> {
  const pack = resolve(ROOT, '.generated/rule-pack-content.json');
  const samples: { bytes: number; first: Run; runs: Run[] }[] = [];
  for (let i = 0; i < PROCESSES; i++) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'engine-build-child.ts'), pack, String(WARM)], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`engine-build child failed: ${r.stderr}`);
    samples.push(JSON.parse(r.stdout.trim().split('\n').pop()!));
  }
  const firsts = samples.map((s) => s.first);
  const warm = samples.flatMap((s) => s.runs);
  const first = median(firsts.map((r) => r.build));
  const warmBuild = median(warm.map((r) => r.build));
  console.log(`engine-build: content pack ${(samples[0]!.bytes / 1024).toFixed(1)} kB, ${firsts[0]!.steps} steps`);
  const line = (runs: Run[]) =>
    `median ${fmt(median(runs.map((r) => r.build)))} (min ${fmt(Math.min(...runs.map((r) => r.build)))}; process CPU time median ${fmt(median(runs.map((r) => r.cpu)))}); JSON.parse median ${fmt(median(runs.map((r) => r.parse)))}`;
  console.log(`  first build (fresh process)  ${line(firsts)}, ${PROCESSES} processes`);
  console.log(`  warm builds                  ${line(warm)}, ${warm.length} builds`);
  console.log(`  longest step                 first builds median ${fmt(median(firsts.map((r) => r.maxStep)))}, warm builds median ${fmt(median(warm.map((r) => r.maxStep)))}`);
  console.log(`  load average ${loadavg()[0]!.toFixed(1)}`);
  return { firstBuildMs: first, warmBuildMs: warmBuild };
}
