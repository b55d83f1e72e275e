/**
 * The content script's engine. The rule pack is not bundled into the content script (it would triple its size and
 * its parse time on every page): the background hands over the detection-only pack (.generated/rule-pack-content.json,
 * see lib/content-pack.ts) as one JSON string, and the engine is built here in short slices, yielding to the page
 * between them, so building never adds a long task. Same engine and verdicts as lib/shipped-engine.ts.
 */
import { engineSteps } from './engine/engine';
import type { RulePack } from './engine/pack';
import type { Engine } from './engine/types';

/** Work per slice before yielding to the page (long tasks start at 50 ms; slow devices run ~4x slower). */
export const SLICE_MS = 8;

/** Yields to the event loop: `scheduler.yield()` where available (keeps our place in the queue), else a task. */
function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs a generator to completion in slices of about `sliceMs`, yielding between slices. */
export async function runSliced<T>(steps: Generator<void, T, void>, sliceMs = SLICE_MS, pause: () => Promise<void> = yieldToPage): Promise<T> {
  for (;;) {
    const until = Date.now() + sliceMs;
    let r = steps.next();
    while (!r.done && Date.now() < until) r = steps.next();
    if (r.done) return r.value;
    await pause();
  }
}

/** Builds the engine from the pack JSON `getPack` resolves to. Rejects on a malformed pack (PackError). */
export async function loadContentEngine(getPack: () => Promise<string>, sliceMs = SLICE_MS): Promise<Engine> {
  const json = await getPack();
  const pack = JSON.parse(json) as RulePack;
  await yieldToPage();
  return runSliced(engineSteps(pack), sliceMs);
}
