/**
 * The engine with the shipped rule pack (.generated/rule-pack.json, built by `npm run rules`).
 * The extension (content script, popup) and the scan CLI all use this module, so they run exactly
 * the same engine and pack. The engine is compiled on first use.
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
