/** Loads the real rules/ directory once for the rule tests (same options as `npm run rules`). */
import { buildPack } from '../../lib/rules/build-pack';
import { loadRuleDir, type LoadResult } from '../../lib/rules/load-rules';
import type { Example } from '../../lib/rules/rule-schema';
import { createEngine, type Engine, type ScanInput } from '../../lib/engine/index';

let cached: { loaded: LoadResult; engine: Engine } | undefined;

export function realRules(): { loaded: LoadResult; engine: Engine } {
  if (!cached) {
    const loaded = loadRuleDir('rules', { sourcesPath: 'seeds/sources.json', redosCachePath: '.generated/redos-cache.json' });
    cached = { loaded, engine: createEngine(buildPack(loaded)) };
  }
  return cached;
}

export function exampleInput(example: Example): ScanInput {
  return typeof example === 'string' ? { surface: 'page', text: example } : (example as ScanInput);
}
