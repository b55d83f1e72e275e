/**
 * The engine is not part of the content script either (like the banner, lib/ui/banner-loader.ts): the content script
 * is compiled and run in one task on every page the moment it is injected, and the engine was 54 kB of its 124 kB
 * (`npm run bench -- content-cost` measures that task). The content script asks the background for `engine.js`
 * (entrypoints/engine.ts) once the page has loaded and the browser is idle, when it is about to build its engine;
 * that file hands the engine's start-up and verdict merging over on the isolated world's global
 * (lib/injected-script.ts). Only types of the engine are imported here, so nothing of it is bundled into the caller.
 */
import type { loadContentEngine } from './content-engine';
import { createInjectedLoader, provideInWorld } from './injected-script';
import type { mergeVerdicts } from './url/merge-verdicts';

/** The built engine file (WXT unlisted script entrypoints/engine.ts). */
export const ENGINE_FILE = '/engine.js';

/** Text of the page used to warm the engine up (at most this much is scanned before the real scan). */
export const WARM_UP_CHARS = 20_000;

const KEY = '__redflagEngine';

export interface ContentEngineModule {
  loadContentEngine: typeof loadContentEngine;
  mergeVerdicts: typeof mergeVerdicts;
}

/** engine.js, when injected: hand the engine over to the content script. */
export function provideContentEngine(module: ContentEngineModule, world: object = globalThis): void {
  provideInWorld(KEY, module, world);
}

/** Content script: the engine module, asking `inject` (the background) to load it the first time. */
export function createContentEngineLoader(inject: () => Promise<unknown>, world: object = globalThis): () => Promise<ContentEngineModule> {
  return createInjectedLoader<ContentEngineModule>(KEY, (m) => typeof m.loadContentEngine === 'function' && typeof m.mergeVerdicts === 'function', 'engine', inject, world);
}
