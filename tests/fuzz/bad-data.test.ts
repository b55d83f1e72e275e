/**
 * Bad data fails loudly, names the item, and loses nothing:
 * - a corrupted compiled pack makes createEngine throw a PackError naming the rule (never a TypeError deep inside);
 * - a corrupted rule file gives `file: field: reason` errors for that file only, and the other rules still load;
 * - `npm run rules` with a broken rule exits non-zero and leaves the last good .generated/rule-pack.json untouched;
 * - garbage settings and managed-policy values never throw, every error names its key, valid keys are kept.
 * All mutations come from a seeded PRNG (FUZZ_SEED), so a failure is reproducible.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { createEngine, PackError } from '@/lib/engine/index';
import type { RulePack } from '@/lib/engine/pack';
import { formatError, loadRuleDir } from '@/lib/rules/load-rules';
import { parseManagedPolicy } from '@/lib/settings/managed-policy';
import { defaultSettings, parseSettings } from '@/lib/settings/settings-model';
import { shippedPack } from '@/lib/shipped-engine';
import { Rng } from './prng';

const ROOT = resolve(import.meta.dirname, '../..');
const SEED = Number(process.env.FUZZ_SEED ?? 20261121) >>> 0;
const rng = new Rng(SEED ^ 0xbadda7a);
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/**
 * Values of every wrong type that JSON (storage, managed policy, a pack file) can carry, including ones that break
 * naive code: objects whose toString is not a function, an own "__proto__" key, huge strings, bidi controls.
 */
const GARBAGE: unknown[] = [
  null, 0, -1, 1e308, true, false, '', ' ', 'x', '\u202E', 'a'.repeat(100_000), [], [null], [[]], {}, { length: 3 },
  JSON.parse('{"toString": 1, "valueOf": 1}'), JSON.parse('{"__proto__": {"polluted": true}}'), [1, 'two', { three: 3 }],
];

/** Replace, delete or retype one value at a random path inside `root` (mutates). Returns the path. */
function corrupt(root: unknown, r: Rng): string {
  let node = root as Record<string, unknown> | unknown[];
  const path: string[] = [];
  for (let depth = 0; depth < 6; depth++) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = r.pick(keys);
    const child = (node as Record<string, unknown>)[key];
    if (child && typeof child === 'object' && r.chance(0.7)) {
      path.push(key);
      node = child as Record<string, unknown>;
      continue;
    }
    path.push(key);
    if (r.chance(0.25) && !Array.isArray(node)) delete (node as Record<string, unknown>)[key];
    else (node as Record<string, unknown>)[key] = r.pick(GARBAGE);
    break;
  }
  return path.join('.');
}

describe('a corrupted compiled rule pack', () => {
  it('fails with a PackError naming the rule, or compiles and scans without throwing (120 mutations)', { timeout: 180_000 }, () => {
    let rejected = 0;
    for (let i = 0; i < 120; i++) {
      const pack = structuredClone(shippedPack) as RulePack;
      const at = corrupt({ rules: pack.rules }, rng);
      let engine;
      try {
        engine = createEngine(pack);
      } catch (e) {
        rejected++;
        expect(e, `mutation ${i} at ${at}: ${(e as Error).message}`).toBeInstanceOf(PackError);
        if (at.startsWith('rules.')) expect((e as Error).message, `mutation ${i} at ${at}`).toMatch(/rules\[\d+\]|rule pack/);
        continue;
      }
      // Accepted: the engine must still scan every surface without throwing.
      for (const surface of ['page', 'chat', 'job_post', 'url'] as const) {
        expect(() => engine.scan({ surface, text: 'Send 100 USDT deposit to unlock tasks, contact telegram @hr_jobs', url: 'http://x.top' }), `mutation ${i} at ${at}`).not.toThrow();
      }
    }
    expect(rejected).toBeGreaterThan(0);
  });

  it('names the rule and selection of an invalid regex', () => {
    const pack = structuredClone(shippedPack) as RulePack;
    const k = pack.rules.findIndex((r) => r.detection.selections.some((s) => s.regex?.length));
    const sel = pack.rules[k]!.detection.selections.find((s) => s.regex?.length)!;
    sel.regex![0] = '(unclosed';
    expect(() => createEngine(pack)).toThrow(new RegExp(`rules\\[${k}\\] \\(${pack.rules[k]!.id}\\): detection\\.${sel.name}\\.regex\\[0\\]`));
  });
});

describe('a corrupted rule file', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []));

  it('gives file: field: reason errors for that file only; every other rule still loads (40 mutations)', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'redflag-badrules-'));
    temps.push(dir);
    cpSync(join(ROOT, 'rules'), join(dir, 'rules'), { recursive: true });
    const sources = join(ROOT, 'seeds/sources.json');
    const cache = join(ROOT, '.generated/redos-cache.json');
    const good = loadRuleDir(join(dir, 'rules'), { sourcesPath: sources, redosCachePath: cache });
    expect(good.errors.map(formatError)).toEqual([]);
    const all = files(join(dir, 'rules')).filter((f) => !f.endsWith('scoring.yaml'));
    let failed = 0;
    for (let i = 0; i < 40; i++) {
      const victim = rng.pick(all);
      const original = readFileSync(victim, 'utf8');
      const doc = parseYaml(original) as Record<string, unknown>;
      const at = rng.chance(0.15) ? 'raw' : corrupt(doc, rng);
      const text = at === 'raw' ? original.slice(0, rng.int(0, original.length)) + rng.pick(['\n  - [', ': :', '\t\u0000', '{']) : stringifyYaml(doc);
      writeFileSync(victim, text);
      try {
        const loaded = loadRuleDir(join(dir, 'rules'), { sourcesPath: sources, redosCachePath: cache });
        const name = relative(process.cwd(), victim);
        for (const e of loaded.errors) {
          expect(e.file, `mutation ${i} (${at}) of ${name}`).toBe(name);
          expect(e.reason.length, formatError(e)).toBeGreaterThan(0);
        }
        if (loaded.errors.length) failed++;
        // Nothing else is lost: every other rule still loads.
        const others = good.rules.filter((r) => resolve(r.file) !== resolve(victim)).map((r) => r.rule.id);
        expect(loaded.rules.map((r) => r.rule.id)).toEqual(expect.arrayContaining(others));
      } finally {
        writeFileSync(victim, original);
      }
    }
    expect(failed).toBeGreaterThan(10);
  });

  it('`npm run rules` exits non-zero, prints the error, and keeps the last good pack', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'redflag-lastgood-'));
    temps.push(dir);
    cpSync(join(ROOT, 'rules'), join(dir, 'rules'), { recursive: true });
    mkdirSync(join(dir, 'seeds'));
    cpSync(join(ROOT, 'seeds/sources.json'), join(dir, 'seeds/sources.json'));
    mkdirSync(join(dir, '.generated'));
    const lastGood = `${JSON.stringify(shippedPack)}\n`;
    writeFileSync(join(dir, '.generated/rule-pack.json'), lastGood);
    cpSync(join(ROOT, '.generated/redos-cache.json'), join(dir, '.generated/redos-cache.json'));
    const victim = files(join(dir, 'rules')).find((f) => !f.endsWith('scoring.yaml'))!;
    const doc = parseYaml(readFileSync(victim, 'utf8')) as Record<string, unknown>;
    doc.level = 'catastrophic';
    writeFileSync(victim, stringifyYaml(doc));

    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'lib/rules/build-pack-cli.ts')], { cwd: dir, encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(`${relative(dir, victim)}: level:`);
    expect(readFileSync(join(dir, '.generated/rule-pack.json'), 'utf8')).toBe(lastGood);
  });
});

describe('garbage settings and managed policy', () => {
  const valid = { country: 'KH', language: 'km', sensitivity: 'high', types: { fake_job: false }, siteModes: { 'example.com': 'badge' }, trusted: {}, guardian: null };

  it('parseSettings never throws, names each bad key, and keeps every valid one (500 mutations)', () => {
    for (let i = 0; i < 500; i++) {
      const raw: Record<string, unknown> = structuredClone(valid);
      const key = rng.pick(Object.keys(raw));
      raw[key] = rng.pick(GARBAGE);
      const { settings, errors } = parseSettings(raw);
      for (const e of errors) expect(e, `mutation ${i}: ${key}`).toMatch(new RegExp(`^${key}\\b`));
      // Every other key keeps its valid value.
      if (key !== 'country') expect(settings.country).toBe('KH');
      if (key !== 'language') expect(settings.language).toBe('km');
      if (key !== 'sensitivity') expect(settings.sensitivity).toBe('high');
      if (key !== 'types') expect(settings.types.fake_job).toBe(false);
      if (key !== 'siteModes') expect(settings.siteModes['example.com']).toBe('badge');
    }
    for (const g of GARBAGE) expect(() => parseSettings(g)).not.toThrow();
    expect(parseSettings('not an object').settings).toEqual(defaultSettings());
  });

  it('parseManagedPolicy never throws, names each bad key, and applies the valid ones (500 mutations)', () => {
    const policy = { country: 'TH', sensitivity: 'high', disabledTypes: ['fake_job'], lockedSettings: ['trust'], reportEndpoint: { url: 'https://safety.example.org/report', name: 'Safety' } };
    for (let i = 0; i < 500; i++) {
      const raw: Record<string, unknown> = structuredClone(policy);
      const key = rng.pick(Object.keys(raw));
      raw[key] = rng.pick(GARBAGE);
      const { policy: parsed, errors } = parseManagedPolicy(raw);
      for (const e of errors) expect(e, `mutation ${i}: ${key}`).toMatch(new RegExp(`^${key}\\b`));
      if (key !== 'country') expect(parsed.country).toBe('TH');
      if (key !== 'reportEndpoint') expect(parsed.reportEndpoint?.url).toBe('https://safety.example.org/report');
      // A bad endpoint is never half-applied: either a valid https URL or none.
      if (parsed.reportEndpoint) expect(parsed.reportEndpoint.url).toMatch(/^https:\/\//);
    }
    for (const g of GARBAGE) expect(() => parseManagedPolicy(g)).not.toThrow();
  });
});
