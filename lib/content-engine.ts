/**
 * The content script's engine (bundled into engine.js, which the background injects when the content script asks for it:
 * lib/content-engine-loader.ts). The rule pack is not bundled into the content script (it would triple its size and
 * its parse time on every page): the background hands over the detection-only pack (.generated/rule-pack-content.json,
 * see lib/content-pack.ts) as one JSON string, and the engine is built here in short slices, yielding to the page
 * between them, so building never adds a long task. Same engine and verdicts as lib/shipped-engine.ts.
 *
 * A freshly built engine is cold: its first scan pays for V8 compiling the rule regexes it reaches and for the
 * engine's own code running unoptimised. On a 20 kB article that first scan was one 75-130 ms task in Chromium.
 * `warmUpSteps` pays those costs in short slices first (small scans of the page's own text, results discarded), so
 * the real first scan runs warm (9-15 ms for the same 20 kB). Scoring orders findings with a plain code-unit comparison
 * (compareIds), so no ICU collator starts on the first page with two findings (it cost 5-25 ms with localeCompare).
 */
import { engineSteps } from './engine/engine';
import type { RulePack } from './engine/pack';
import type { Engine, ScanInput } from './engine/types';
import { WARM_UP_CHARS } from './content-engine-loader';

/** Work per slice before yielding to the page (long tasks start at 50 ms; slow devices run ~4x slower). */
export const SLICE_MS = 5;


type TaskGlobal = {
  scheduler?: { postTask?: (cb: () => void, o?: { priority?: string }) => Promise<void> };
  requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number;
};

/**
 * Yields to the page between two slices of start-up work: a background-priority task where the browser has one
 * (Chrome: it runs after the page's own tasks and input), else an idle callback, else a plain task. The caller
 * waits for the first idle period itself; after that, slices run back to back without waiting ~50 ms per idle period.
 */
export function yieldToPage(): Promise<void> {
  const g = globalThis as TaskGlobal;
  if (typeof g.scheduler?.postTask === 'function') return g.scheduler.postTask(() => {}, { priority: 'background' });
  if (typeof g.requestIdleCallback === 'function') return new Promise((resolve) => g.requestIdleCallback!(() => resolve(), { timeout: 1000 }));
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const now = () => (typeof performance === 'object' ? performance.now() : Date.now());

/** Runs a generator to completion in slices of about `sliceMs`, yielding between slices. */
export async function runSliced<T>(steps: Generator<void, T, void>, sliceMs = SLICE_MS, pause: () => Promise<void> = yieldToPage): Promise<T> {
  for (;;) {
    const until = now() + sliceMs;
    let r = steps.next();
    while (!r.done && now() < until) r = steps.next();
    if (r.done) return r.value;
    await pause();
  }
}

/**
 * Warm-up of a freshly built engine, one small step per `next()`: scans of growing pieces of `sample` (the page's
 * own text) whose verdicts are dropped. The pieces reach the regexes the real scan will run
 * (a regex runs only where its literals occur) and get the engine's hot loops compiled. Nothing here changes a
 * verdict; it only moves one-off costs out of the first real scan.
 */
export function* warmUpSteps(engine: Engine, sample: string | ScanInput): Generator<void, void, void> {
  // Scanned like the real input (URL, title, links), so the real scan finds the engine's code compiled for its shape.
  const input: ScanInput = typeof sample === 'string' ? { surface: 'page', text: sample } : sample;
  engine.scan({ ...input, text: 'warm up' });
  yield;
  let at = 0;
  let size = 200;
  const text = (input.text ?? '').slice(0, WARM_UP_CHARS);
  while (at < text.length) {
    const started = now();
    engine.scan({ ...input, text: text.slice(at, at + size) });
    at += size;
    // Grow the pieces while they stay cheap: the engine is warm once a piece costs little per character.
    const took = now() - started;
    if (took < 3) size = Math.min(size * 2, 4_000);
    else if (took > 8) size = Math.max(200, size >> 1);
    yield;
  }
}

export interface LoadOptions {
  sliceMs?: number;
  pause?: () => Promise<void>;
  /**
   * Text (or an input like the real one, its text the sample) to warm the engine up with: the page's own, read only
   * when needed. Without it there is no warm-up.
   */
  sample?: () => string | ScanInput;
}

/** Builds the engine from the pack JSON `getPack` resolves to. Rejects on a malformed pack (PackError). */
export async function loadContentEngine(getPack: () => Promise<string>, options: LoadOptions = {}): Promise<{ engine: Engine; pack: RulePack }> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const pause = options.pause ?? yieldToPage;
  const json = await getPack();
  await pause();
  const pack = JSON.parse(json) as RulePack;
  await pause();
  const engine = await runSliced(engineSteps(pack), sliceMs, pause);
  if (options.sample) {
    await pause();
    await runSliced(warmUpSteps(engine, options.sample()), sliceMs, pause);
  }
  return { engine, pack };
}
