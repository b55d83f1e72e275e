/**
 * `npm run eval -- PATH... [options]`: scores labelled datasets with the shipped engine.
 * PATH is a dataset folder (or one of its files) under the shared eval directory, a folder name
 * relative to it, or any JSONL file with a `label` field. `--scoreboard` runs the standard suite.
 */
import { basename } from 'node:path';
import { ADAPTERS, resolveDataset } from './adapters/index';
import { formatResult } from './format';
import { runEval, type EvalOptions, type EvalResult } from './run-eval';
import { loadScanner } from './scanner';
import { readFileSync, writeFileSync } from 'node:fs';
import { gitCommit, runSuite, scoreboardMarkdown, commandFor, replaceScoreboard } from './scoreboard';
import type { AdapterOptions, SkippedRow } from './types';

const USAGE = `Usage: npm run eval -- PATH... [options]
       npm run eval -- --scoreboard [--limit N]
       npm run eval -- --list

PATH: a dataset folder (or a file in it) under ${'$'}REDFLAG_EVAL_DIR (default ../shared/eval beside the checkout), its folder name,
      or any .jsonl file whose rows have "label" (a scam type, benign or spam) and ScanInput fields.
Options:
  --limit N        stop after N rows
  --per-label N    keep at most N rows of each label (quick balanced runs)
  --show K         print the first K misses, wrong-type hits and false warnings (default 5)
  --part NAME      dataset subset (e.g. jobs_difraud_emscad: jobs | phishing | all)
  --brand-only     PhishTank: only rows whose target brand is named
  --label L        label for a folder of .txt files (a scam type, benign or spam; a folder named seeds is benign)
  --pack FILE      score with this compiled rule pack instead of the shipped one
  --no-url         do not add lib/url findings to URL inputs
  --json           machine-readable output
  --scoreboard     run every dataset of the standard suite and print the README table
  --update-readme  with --scoreboard: write the table into README.md's "## Detection scoreboard" section`;

interface Args {
  paths: string[];
  limit?: number;
  perLabel?: number;
  show: number;
  part?: string;
  brandOnly: boolean;
  label?: string;
  pack?: string;
  noUrl: boolean;
  json: boolean;
  scoreboard: boolean;
  updateReadme: boolean;
  list: boolean;
}

function parseCount(flag: string, v: string | undefined): number {
  const n = Number(v);
  if (v === undefined || !Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a whole number, got ${JSON.stringify(v)}`);
  return n;
}

export function parseArgs(argv: readonly string[]): Args {
  const a: Args = { paths: [], show: 5, brandOnly: false, noUrl: false, json: false, scoreboard: false, updateReadme: false, list: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    const next = () => argv[++i];
    switch (x) {
      case '--limit':
        a.limit = parseCount(x, next());
        break;
      case '--per-label':
        a.perLabel = parseCount(x, next());
        break;
      case '--show':
        a.show = parseCount(x, next());
        break;
      case '--part': {
        const v = next();
        if (!v) throw new Error('--part needs a name');
        a.part = v;
        break;
      }
      case '--label': {
        const v = next();
        if (!v) throw new Error('--label needs a label');
        a.label = v;
        break;
      }
      case '--pack': {
        const v = next();
        if (!v) throw new Error('--pack needs a file');
        a.pack = v;
        break;
      }
      case '--brand-only':
        a.brandOnly = true;
        break;
      case '--no-url':
        a.noUrl = true;
        break;
      case '--json':
        a.json = true;
        break;
      case '--scoreboard':
        a.scoreboard = true;
        break;
      case '--update-readme':
        a.updateReadme = true;
        break;
      case '--list':
        a.list = true;
        break;
      case '-h':
      case '--help':
        throw new UsageRequest();
      default:
        if (x.startsWith('--')) throw new Error(`unknown option ${x}`);
        a.paths.push(x);
    }
  }
  if (!a.scoreboard && !a.list && a.paths.length === 0) throw new Error('give a dataset PATH (or --scoreboard / --list)');
  if (a.updateReadme && !a.scoreboard) throw new Error('--update-readme only works with --scoreboard');
  return a;
}

class UsageRequest extends Error {}

async function main(argv: readonly string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageRequest) {
      console.log(USAGE);
      return 0;
    }
    console.error(`eval: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }

  if (args.list) {
    for (const a of ADAPTERS) {
      console.log(`${a.name}: ${a.description}`);
      for (const p of a.parts ?? []) console.log(`    --part ${p.name}: ${p.description}`);
    }
    return 0;
  }

  // Resolve every dataset before loading the engine so a typo fails fast.
  const datasets = args.paths.map((p) => ({ arg: p, ...resolveDataset(p) }));
  const scanner = await loadScanner({ ...(args.pack ? { pack: args.pack } : {}), noUrl: args.noUrl });

  if (args.scoreboard) {
    const rows = await runSuite(scanner, {
      ...(args.limit !== undefined ? { limit: args.limit } : {}),
      onDone: (r) => {
        const msg = r.result
          ? `${r.result.rows} rows in ${(r.result.timing.totalMs / 1000).toFixed(1)} s`
          : `skipped (${r.missing})`;
        console.error(`eval: ${commandFor(r.entry)}: ${msg}`);
      },
    });
    const meta = { date: new Date().toISOString().slice(0, 10), commit: gitCommit() };
    const table = scoreboardMarkdown(rows, meta);
    if (args.json) console.log(JSON.stringify({ ...meta, engine: scanner.version, runs: rows }, null, 2));
    else console.log(table);
    if (args.updateReadme) {
      // Re-read right before writing: other people edit the rest of the README.
      const readme = readFileSync('README.md', 'utf8');
      writeFileSync('README.md', replaceScoreboard(readme, table));
      console.error('eval: README.md scoreboard updated');
    }
    return 0;
  }

  const results: { dataset: string; path: string; result: EvalResult }[] = [];
  for (const d of datasets) {
    const skipped: SkippedRow[] = [];
    let skippedCount = 0;
    const aopts: AdapterOptions = {
      onSkip: (s) => {
        skippedCount++;
        if (skipped.length < Math.max(args.show, 5)) skipped.push(s);
      },
    };
    if (args.part) aopts.part = args.part;
    if (args.brandOnly) aopts.brandOnly = true;
    if (args.label) aopts.label = args.label;
    const eopts: EvalOptions & { skipped: SkippedRow[]; skippedCount: () => number } = {
      show: args.show,
      skipped,
      skippedCount: () => skippedCount,
    };
    if (args.limit !== undefined) eopts.limit = args.limit;
    if (args.perLabel !== undefined) eopts.perLabel = args.perLabel;
    const result = await runEval(d.adapter.rows(d.path, aopts), scanner, eopts);
    const name = d.adapter.name === 'jsonl' ? basename(d.path) : d.adapter.name;
    results.push({ dataset: name, path: d.path, result });
    if (!args.json) {
      const notes = [...scanner.notes];
      if (args.part) notes.push(`part ${args.part}`);
      else if (d.adapter.parts?.length) notes.push(`part ${d.adapter.parts[0]!.name} (default; --part ${d.adapter.parts.map((p) => p.name).join('|')})`);
      if (args.brandOnly) notes.push('only rows with a named target brand');
      const ctx = { dataset: name, path: d.path, notes, ...(scanner.version ? { engineVersion: scanner.version } : {}), ...(scanner.ruleCount !== undefined ? { ruleCount: scanner.ruleCount } : {}) };
      console.log(formatResult(result, ctx));
      if (datasets.length > 1) console.log('\n' + '='.repeat(80) + '\n');
    }
  }
  if (args.json) {
    const payload = { engine: scanner.version, ...(results.length === 1 ? results[0]! : { runs: results }) };
    console.log(JSON.stringify(payload, null, 2));
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`eval: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  },
);
