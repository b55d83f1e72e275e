/**
 * The detection-only rule pack that content scripts build their engine from (lib/content-engine.ts), as the JSON
 * string the background sends them. Background only: importing it into a content script would bundle the pack.
 */
import pack from '../.generated/rule-pack-content.json';
import type { RulePack, ScoringConfig } from './engine/pack';

let json: string | undefined;

export function contentPackJson(): string {
  return (json ??= JSON.stringify(pack));
}

/** Scoring of the shipped pack (for merging URL findings into tab verdicts). */
export const contentPackScoring: ScoringConfig = (pack as unknown as RulePack).scoring;
