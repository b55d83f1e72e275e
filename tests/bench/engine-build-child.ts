/**
 * Child process of engine-build.bench.ts: in a fresh process (cold code, cold regex cache), parses the content pack
 * JSON and builds the content script's engine from it step by step (`engineSteps`, as lib/content-engine.ts does),
 * then repeats that `warm` times. Prints one JSON line of timings (ms).
 *
 *   npx tsx tests/bench/engine-build-child.ts [PACK_FILE] [WARM_RUNS]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { engineSteps } from '@/lib/engine/engine';

const file = resolve(process.argv[2] ?? resolve(import.meta.dirname, '../../.generated/rule-pack-content.json'));
const warm = Number(process.argv[3] ?? 10);
const json = readFileSync(file, 'utf8');

/** Wall-clock ms per phase, and the process CPU time of the build (less inflated by other processes on a shared machine). */
function buildOnce(): { parse: number; build: number; cpu: number; steps: number; maxStep: number } {
  const t0 = performance.now();
  const pack = JSON.parse(json) as Parameters<typeof engineSteps>[0];
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const steps = engineSteps(pack);
  let n = 0;
  let maxStep = 0;
  for (;;) {
    const s = performance.now();
    const r = steps.next();
    maxStep = Math.max(maxStep, performance.now() - s);
    n++;
    if (r.done) break;
  }
  const cpu = process.cpuUsage(c1);
  return { parse: t1 - t0, build: performance.now() - t1, cpu: (cpu.user + cpu.system) / 1000, steps: n, maxStep };
}

const first = buildOnce();
const runs = Array.from({ length: warm }, buildOnce);
console.log(JSON.stringify({ bytes: Buffer.byteLength(json), first, runs }));
