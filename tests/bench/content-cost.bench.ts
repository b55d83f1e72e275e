/**
 * Content-script cost per page in real Chromium (CDP tracing of the renderer main thread), with the built extension
 * vs without, alternating runs on the same ordinary article page (~20 kB of text):
 * - script work of the extension on the page's main thread: compile + evaluate of the content script and every
 *   later call into it (engine build, extraction, scan), summed per page load;
 * - the longest main-thread task that contains content-script work, and long tasks (> 50 ms) with vs without.
 * Printed, never asserted. Needs the build (`npm run build`). Run: `npm run bench -- content-cost`.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { chromiumPath, extensionArgs } from '../e2e/chromium-path';
import { startSiteServer } from '../e2e/site-server';
import { pageText } from './corpus';
import { median } from './stats';

const EXT = process.env.BENCH_EXT ? resolve(process.env.BENCH_EXT) : resolve(import.meta.dirname, '../../.output/chrome-mv3');
const RUNS = Number(process.env.BENCH_CONTENT_RUNS ?? 8);
/** Time after `load` during which the content script's idle-time work is traced. */
const SETTLE_MS = 3_000;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; scriptName?: string; functionName?: string }; fileName?: string };
}

interface Run {
  /** Sum of extension script work (ms). */
  scriptMs: number;
  /** Longest main-thread task containing extension script work (ms). */
  maxTaskMs: number;
  /** Main-thread tasks over 50 ms (durations). */
  longTasks: number[];
  /** What the longest task with extension work spent its time on (trace event name: ms, outermost events). */
  maxTaskParts: string;
}

const page = (): string => {
  const paras = pageText(20_000).split('\n').filter(Boolean);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Local news</title></head><body><main>
${paras.map((p) => `<p>${esc(p)}</p>`).join('\n')}<p><a href="https://example.org/more">More</a></p></main></body></html>`;
};

const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.run', 'TimerFire', 'FireIdleCallback', 'EventDispatch']);
const isExtensionEvent = (e: TraceEvent) => {
  const url = e.args?.data?.url ?? e.args?.data?.scriptName ?? e.args?.fileName ?? '';
  return url.startsWith('chrome-extension://');
};

async function traced(context: BrowserContext, url: string): Promise<Run> {
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => void events.push(...(d.value as unknown as TraceEvent[])));
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,disabled-by-default-devtools.timeline,toplevel', transferMode: 'ReportEvents' });
  await p.goto(url, { waitUntil: 'load' });
  await p.waitForTimeout(SETTLE_MS);
  await cdp.send('Tracing.end');
  await done;
  await p.close();

  const mainTids = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = (e: TraceEvent) => mainTids.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && typeof e.dur === 'number';
  // Outermost tasks only ('RunTask' and 'ThreadControllerImpl::RunTask' nest).
  const tasks: TraceEvent[] = [];
  for (const t of events.filter((e) => onMain(e) && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')).sort((x, y) => x.ts - y.ts || y.dur! - x.dur!)) {
    const last = tasks[tasks.length - 1];
    if (!last || t.ts >= last.ts + last.dur!) tasks.push(t);
  }
  const ext = events.filter((e) => onMain(e) && SCRIPT_EVENTS.has(e.name) && isExtensionEvent(e));
  // Outermost extension events only (a FunctionCall inside an EvaluateScript is not counted twice).
  ext.sort((a, b) => a.ts - b.ts);
  let scriptUs = 0;
  let coveredUntil = -1;
  for (const e of ext) {
    const end = e.ts + e.dur!;
    if (e.ts >= coveredUntil) {
      scriptUs += e.dur!;
      coveredUntil = end;
    } else if (end > coveredUntil) {
      scriptUs += end - coveredUntil;
      coveredUntil = end;
    }
  }
  let maxTask = 0;
  let longest: TraceEvent | undefined;
  for (const t of tasks) {
    const end = t.ts + t.dur!;
    if (ext.some((e) => e.ts >= t.ts && e.ts < end) && t.dur! > maxTask) {
      maxTask = t.dur!;
      longest = t;
    }
  }
  return { scriptMs: scriptUs / 1000, maxTaskMs: maxTask / 1000, longTasks: tasks.filter((t) => t.dur! > 50_000).map((t) => t.dur! / 1000), maxTaskParts: longest ? taskParts(events.filter(onMain), longest) : '' };
}

/** The outermost events inside a task (beyond the task wrappers), summed by name: where its time went. */
function taskParts(mainEvents: TraceEvent[], task: TraceEvent): string {
  const end = task.ts + task.dur!;
  const inner = mainEvents.filter((e) => e.ts >= task.ts && e.ts + e.dur! <= end && e !== task && e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const sums = new Map<string, number>();
  let coveredUntil = -1;
  for (const e of inner) {
    if (e.ts < coveredUntil) continue;
    coveredUntil = e.ts + e.dur!;
    const fn = e.args?.data?.functionName;
    const key = `${e.name}${fn ? ` ${fn}` : ''}${isExtensionEvent(e) ? ' (ext)' : ''}`;
    sums.set(key, (sums.get(key) ?? 0) + e.dur!);
  }
  return [...sums].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, us]) => `${k} ${(us / 1000).toFixed(1)}`).join(', ');
}

export default async function contentCostBench(): Promise<Record<string, number>> {
  if (!existsSync(resolve(EXT, 'manifest.json'))) {
    console.log(`content-cost: no build at ${EXT}; run \`npm run build\` first`);
    return {};
  }
  const bundle = resolve(EXT, 'content-scripts/content.js');
  const dir = mkdtempSync(join(tmpdir(), 'redflag-content-cost-'));
  writeFileSync(join(dir, 'article.html'), page());
  const server = await startSiteServer(0, dir);
  const url = `${server.origin}/article.html`;
  const withExt = await chromium.launchPersistentContext('', { executablePath: chromiumPath(), headless: true, args: extensionArgs(EXT) });
  const without = await chromium.launchPersistentContext('', { executablePath: chromiumPath(), headless: true, args: extensionArgs(EXT).slice(2) });
  try {
    if (withExt.serviceWorkers().length === 0) await withExt.waitForEvent('serviceworker', { timeout: 15_000 });
    await traced(withExt, url); // warm the disk cache once
    await traced(without, url);
    const a: Run[] = [];
    const b: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      a.push(await traced(withExt, url));
      b.push(await traced(without, url));
    }
    const script = median(a.map((r) => r.scriptMs));
    const maxTask = Math.max(...a.map((r) => r.maxTaskMs));
    const longA = a.flatMap((r) => r.longTasks);
    const longB = b.flatMap((r) => r.longTasks);
    console.log(`content-cost: content-scripts/content.js ${(statSync(bundle).size / 1024).toFixed(1)} kB; article page, ${RUNS} alternating runs, ${SETTLE_MS} ms traced after load`);
    console.log(`  extension script work on the page's main thread per load: median ${script.toFixed(1)} ms (min ${Math.min(...a.map((r) => r.scriptMs)).toFixed(1)}, max ${Math.max(...a.map((r) => r.scriptMs)).toFixed(1)})`);
    console.log(`  longest task containing content-script work: median ${median(a.map((r) => r.maxTaskMs)).toFixed(1)} ms, max ${maxTask.toFixed(1)} ms (target: none > 50 ms)`);
    const worst = a.reduce((x, y) => (y.maxTaskMs > x.maxTaskMs ? y : x));
    console.log(`  the longest of them (${worst.maxTaskMs.toFixed(1)} ms) spent (ms): ${worst.maxTaskParts}`);
    console.log(`  tasks > 50 ms: with extension ${longA.length} in ${RUNS} loads${longA.length ? ` (${longA.map((d) => d.toFixed(0)).join(', ')} ms)` : ''}; without ${longB.length}`);
    return { scriptMs: script, maxTaskMs: maxTask, longTasksWith: longA.length, longTasksWithout: longB.length };
  } finally {
    await withExt.close();
    await without.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
