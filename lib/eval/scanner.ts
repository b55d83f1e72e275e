/**
 * Builds the scanner the harness measures: the shipped engine (or an engine built from `--pack FILE`),
 * combined with lib/url's lookalike analysis for URL-bearing inputs when that module is present.
 * Modules are imported by computed path so the harness builds and runs while they are being written.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Engine, Finding, ScanInput, Verdict } from '../engine/types';
import type { Scanner } from './run-eval';

const LIB = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface LoadedScanner extends Scanner {
  version?: string;
  ruleCount?: number;
  notes: string[];
}

function isEngine(x: unknown): x is Engine {
  return typeof x === 'object' && x !== null && typeof (x as Engine).scan === 'function';
}

async function importLib(rel: string): Promise<Record<string, unknown> | undefined> {
  const file = join(LIB, rel);
  if (!existsSync(file)) return undefined;
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}

async function engineFromModule(mod: Record<string, unknown>): Promise<Engine | undefined> {
  for (const v of Object.values(mod)) if (isEngine(v)) return v;
  for (const [k, v] of Object.entries(mod)) {
    if (typeof v === 'function' && /engine/i.test(k) && (v as () => unknown).length === 0) {
      const e = await (v as () => unknown)();
      if (isEngine(e)) return e;
    }
  }
  return undefined;
}

export async function loadEngine(packPath?: string): Promise<Engine> {
  if (packPath) {
    const mod = await importLib('engine/index.ts');
    const create = mod?.createEngine;
    if (typeof create !== 'function') throw new Error('lib/engine/index.ts with createEngine(pack) is not available');
    let pack: unknown;
    try {
      pack = JSON.parse(await readFile(packPath, 'utf8'));
    } catch (e) {
      throw new Error(`${packPath}: cannot read rule pack (${(e as Error).message})`);
    }
    const engine = (create as (p: unknown) => unknown)(pack);
    if (!isEngine(engine)) throw new Error('createEngine did not return an engine');
    return engine;
  }
  const mod = await importLib('shipped-engine.ts');
  if (!mod) throw new Error('lib/shipped-engine.ts does not exist yet: build the engine first (or pass --pack FILE)');
  const engine = await engineFromModule(mod);
  if (!engine) throw new Error('lib/shipped-engine.ts exports no engine (expected an Engine or a zero-argument function returning one)');
  return engine;
}

type UrlFindings = (input: ScanInput) => Finding[] | Verdict;
type MergeVerdicts = (v: Verdict, extra: Finding[] | Verdict) => Verdict;

/** Looks through lib/url/*.ts for the `urlFindings` and `mergeVerdicts` exports (index.ts first). */
async function findUrlExports(): Promise<{ urlFindings: UrlFindings; mergeVerdicts: MergeVerdicts } | undefined> {
  const dir = join(LIB, 'url');
  if (!existsSync(dir)) return undefined;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.includes('.test.'))
    .sort((a, b) => (a === 'index.ts' ? -1 : b === 'index.ts' ? 1 : a.localeCompare(b)));
  let urlFindings: UrlFindings | undefined;
  let mergeVerdicts: MergeVerdicts | undefined;
  for (const f of files) {
    const mod = await importLib(join('url', f));
    if (typeof mod?.urlFindings === 'function') urlFindings ??= mod.urlFindings as UrlFindings;
    if (typeof mod?.mergeVerdicts === 'function') mergeVerdicts ??= mod.mergeVerdicts as MergeVerdicts;
    if (urlFindings && mergeVerdicts) return { urlFindings, mergeVerdicts };
  }
  return undefined;
}

/** Combines the engine with lib/url (urlFindings + mergeVerdicts: the page URL, links and URLs in the text). */
export async function loadScanner(options: { pack?: string; noUrl?: boolean } = {}): Promise<LoadedScanner> {
  const engine = await loadEngine(options.pack);
  const notes: string[] = [];
  let urlFindings: UrlFindings | undefined;
  let merge: MergeVerdicts | undefined;
  if (!options.noUrl) {
    const found = await findUrlExports();
    if (found) {
      urlFindings = found.urlFindings;
      merge = found.mergeVerdicts;
      notes.push('scored by the engine + lib/url urlFindings/mergeVerdicts (page URL, links, URLs in text)');
    } else {
      notes.push('lib/url urlFindings/mergeVerdicts not available: URL inputs scored by the engine only');
    }
  }
  return {
    version: engine.version,
    ruleCount: engine.rules.length,
    notes,
    scan(input: ScanInput): Verdict {
      const v = engine.scan(input);
      // urlFindings also reads URLs written in the text (SMS, chat), so every input goes through it.
      if (!urlFindings || !merge) return v;
      return merge(v, urlFindings(input));
    },
  };
}
