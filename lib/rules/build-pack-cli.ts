/**
 * `npm run rules`: validates every rule under rules/ and writes .generated/rule-pack.json (full) and
 * .generated/rule-pack-content.json (detection data for content scripts).
 * On any error prints `file: field: reason` lines to stderr and exits 1 without writing the pack.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildPack, contentPack } from './build-pack';
import { formatError, loadRuleDir } from './load-rules';

const OUT = '.generated/rule-pack.json';
/** Detection-only pack the background hands to content scripts (lib/content-engine.ts). */
const CONTENT_OUT = '.generated/rule-pack-content.json';

const loaded = loadRuleDir('rules', { sourcesPath: 'seeds/sources.json', redosCachePath: '.generated/redos-cache.json' });
if (loaded.errors.length > 0) {
  for (const e of loaded.errors) console.error(formatError(e));
  console.error(`rules: ${loaded.errors.length} error(s); ${OUT} not written`);
  process.exit(1);
}
const pack = buildPack(loaded);
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify(pack) + '\n');
writeFileSync(CONTENT_OUT, JSON.stringify(contentPack(pack)) + '\n');
const perType = new Map<string, number>();
for (const r of pack.rules) {
  const key = r.role === 'suppress' ? 'suppress' : r.type;
  perType.set(key, (perType.get(key) ?? 0) + 1);
}
const phrases = pack.rules.reduce((n, r) => n + r.detection.selections.reduce((m, s) => m + (s.phrases?.length ?? 0), 0), 0);
console.log(
  `rules: ${pack.rules.length} rules (${[...perType].map(([k, v]) => `${k} ${v}`).join(', ')}), ${phrases} phrases, ` +
    `${loaded.regexesChecked} regexes ReDoS-checked${loaded.regexesFuzzed ? ` (${loaded.regexesFuzzed} new by fuzzing)` : ''}, version ${pack.version} -> ${OUT}`,
);
