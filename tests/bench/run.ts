/**
 * `npm run bench [-- name...]`: prints Redflag's performance figures (never asserts them).
 * Benchmarks: engine (200 kB page vs NFKC pass), engine-build (building the content script's engine from its pack),
 * chat (new message at 50 vs 5,000 messages), bundle (content script size), pageload (real Chromium, with vs without
 * the extension).
 * Other `tests/bench/*.bench.ts` files with a default export run too (after these).
 */
import { cpus, platform, release, totalmem } from 'node:os';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

const ORDER = ['engine', 'engine-build', 'chat', 'bundle', 'pageload'];

const wanted = process.argv.slice(2);
const dir = import.meta.dirname;
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.slice(0, -'.bench.ts'.length))
  .sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b))
  .filter((n) => wanted.length === 0 || wanted.includes(n));

const cpu = cpus();
console.log(`machine: ${cpu[0]?.model ?? 'unknown CPU'} x${cpu.length}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${platform()} ${release()}, Node ${process.version}`);
console.log(`date: ${new Date().toISOString()}\n`);

let failed = false;
for (const name of names) {
  try {
    const mod = (await import(resolve(dir, `${name}.bench.ts`))) as { default?: () => unknown };
    if (typeof mod.default !== 'function') continue;
    await mod.default();
  } catch (err) {
    failed = true;
    console.log(`${name}: ERROR ${err instanceof Error ? err.message : String(err)}`);
  }
  console.log('');
}
if (failed) process.exitCode = 1;
