/** Benchmark 4: size of the built content script (minified, and gzipped for reference). Target <= 150 kB. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { verdictLine } from './stats';

const OUT = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export default function bundleBench(): Record<string, number> {
  const dir = resolve(OUT, 'content-scripts');
  if (!existsSync(dir)) {
    console.log(`bundle: no build at ${OUT}; run \`npm run build\` first`);
    return {};
  }
  const result: Record<string, number> = {};
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.js') || x.endsWith('.css')).sort()) {
    const path = resolve(dir, f);
    const bytes = statSync(path).size;
    const gz = gzipSync(readFileSync(path)).length;
    console.log(`bundle: content-scripts/${f}  ${(bytes / 1024).toFixed(1)} kB minified, ${(gz / 1024).toFixed(1)} kB gzip`);
    if (f.endsWith('.js')) {
      console.log(`  ${verdictLine(`${f} <= 150 kB`, bytes <= 150 * 1024)}`);
      result[f] = bytes;
    }
  }
  return result;
}
