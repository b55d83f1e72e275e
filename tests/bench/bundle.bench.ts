/**
 * Benchmark 4: size of the built content script (minified, and gzipped for reference). Target <= 150 kB.
 * Also the files the content script has the background inject later (lib/injected-script.ts): engine.js on every
 * page it scans, banner-ui.js on pages that warn; and what a scanned page loads in all (content script + engine).
 */
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
    const bytes = report(`content-scripts/${f}`, '');
    if (f.endsWith('.js')) {
      console.log(`  ${verdictLine(`${f} <= 150 kB`, bytes <= 150 * 1024)}`);
      result[f] = bytes;
    }
  }
  for (const f of ON_DEMAND) if (existsSync(resolve(OUT, f))) result[f] = report(f, ' (injected on demand)');
  if (result['content.js'] !== undefined && result['engine.js'] !== undefined) {
    console.log(`bundle: a scanned page loads content.js + engine.js = ${((result['content.js'] + result['engine.js']) / 1024).toFixed(1)} kB (the first in the injection task, the second once the page is idle)`);
  }
  return result;
}

/** Files injected when the content script asks for them (not part of content.js). */
const ON_DEMAND = ['engine.js', 'banner-ui.js'];

/** Prints a built file's size, minified and gzipped; returns its bytes. */
function report(file: string, note: string): number {
  const path = resolve(OUT, file);
  const bytes = statSync(path).size;
  const gz = gzipSync(readFileSync(path)).length;
  console.log(`bundle: ${file}  ${(bytes / 1024).toFixed(1)} kB minified, ${(gz / 1024).toFixed(1)} kB gzip${note}`);
  return bytes;
}
