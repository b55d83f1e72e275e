/**
 * `npm run --silent scan -- FILE` (or `-` for stdin).
 * Input: JSON Lines (one scan input plus an optional `id` per line) or a plain-text file scanned as one `page`.
 * Output: one JSON line per input, `{ id, ...verdict }`, in input order. Malformed lines give `{ id, error }`;
 * the exit code is then 1 (after every line was processed). Usage or read errors exit 2.
 * Uses lib/shipped-engine.ts: the same engine and rule pack as the extension, with lib/url's findings for the
 * input's url, links and in-text URLs merged in exactly as the extension's background merges them for a tab.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { getShippedEngine } from '../shipped-engine';
import { scanWithUrls } from '../url/index';
import { scanLines } from './scan-lines';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const file = args[0];
  if (file === undefined || args.length !== 1 || file === '-h' || file === '--help') {
    console.error('usage: npm run --silent scan -- FILE|-   (FILE: .jsonl with one scan input per line, or plain text)');
    return 2;
  }
  if (file !== '-' && (!existsSync(file) || !statSync(file).isFile())) {
    console.error(`scan: ${file}: no such file`);
    return 2;
  }
  const input = file === '-' ? process.stdin : createReadStream(file);
  input.setEncoding('utf8');
  let readError: Error | undefined;
  input.on('error', (e: Error) => (readError = e));
  const rl = createInterface({ input, crlfDelay: Infinity });
  const out = process.stdout;
  const write = (chunk: string) =>
    new Promise<void>((resolve) => {
      if (out.write(chunk)) resolve();
      else out.once('drain', resolve);
    });
  const engine = getShippedEngine();
  const scanner = { scan: (i: Parameters<typeof engine.scan>[0]) => scanWithUrls(engine, i) };
  const stats = await scanLines(scanner, rl, file, write);
  if (readError) {
    console.error(`scan: ${file}: ${readError.message}`);
    return 2;
  }
  if (stats.errors > 0) console.error(`scan: ${stats.errors} of ${stats.inputs} line(s) had errors`);
  return stats.errors > 0 ? 1 : 0;
}

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`scan: ${(e as Error).stack ?? String(e)}`);
    process.exitCode = 2;
  },
);
