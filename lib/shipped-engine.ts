/**
 * The engine with the shipped rule pack (.generated/rule-pack.json, built by `npm run rules`), for the CLI, eval, tests
 * and the popup's rule texts. The content script does not import it (that would bundle the whole pack): it builds the
 * same engine from the detection-only pack the background sends (lib/content-engine.ts, lib/content-pack.ts; same
 * version, same verdicts, checked by tests/unit/engine/content-pack.test.ts). The engine is compiled on first use.
 */
import packJson from '../.generated/rule-pack.json';
import { createEngine } from './engine/index';
import type { RulePack } from './engine/pack';
import type { Engine } from './engine/types';

let engine: Engine | undefined;

export const shippedPack = packJson as unknown as RulePack;

/** The shared engine, created lazily from the shipped pack. */
export function getShippedEngine(): Engine {
  return (engine ??= createEngine(shippedPack));
}
