/**
 * ReDoS: the build-time check of rule regexes (lib/rules/redos.ts, recheck) is complete and catches polynomial
 * backtracking as well as exponential, and the pack that ships contains only regexes recheck rates linear.
 * The code's own regexes (the ones that run on page text outside the rule pack) are audited in redos-code.test.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadRuleDir } from '@/lib/rules/load-rules';
import { RedosChecker } from '@/lib/rules/redos';
import { shippedPack } from '@/lib/shipped-engine';

const ROOT = resolve(import.meta.dirname, '../..');
const CACHE = join(ROOT, '.generated/redos-cache.json');

/** Every `regex` of every selection in rules/**.yaml, collected independently of the loader. */
function ruleRegexes(dir = join(ROOT, 'rules')): { file: string; source: string }[] {
  const out: { file: string; source: string }[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...ruleRegexes(path));
    else if (/\.ya?ml$/.test(name) && name !== 'scoring.yaml') {
      const doc = parseYaml(readFileSync(path, 'utf8')) as { detection?: Record<string, { regex?: string | string[] }> } | null;
      for (const [key, sel] of Object.entries(doc?.detection ?? {})) {
        if (key === 'condition' || !sel || typeof sel !== 'object' || sel.regex === undefined) continue;
        for (const source of Array.isArray(sel.regex) ? sel.regex : [sel.regex]) out.push({ file: path, source });
      }
    }
  }
  return out;
}

describe('ReDoS check of the rule pack', () => {
  it('the loader runs every regex of every rule file through the check', { timeout: 300_000 }, () => {
    const regexes = ruleRegexes();
    const loaded = loadRuleDir(join(ROOT, 'rules'), { sourcesPath: join(ROOT, 'seeds/sources.json'), redosCachePath: CACHE });
    expect(regexes.length).toBeGreaterThan(0);
    expect(loaded.regexesChecked).toBe(regexes.length);
  });

  it('every regex in the shipped pack is rated linear by recheck', { timeout: 300_000 }, () => {
    const checker = new RedosChecker(CACHE);
    const sources = shippedPack.rules.flatMap((r) => r.detection.selections.flatMap((s) => (s.regex ?? []).map((src) => ({ rule: r.id, sel: s.name, src }))));
    const unsafe = sources.map((x) => ({ ...x, result: checker.check(x.src, 'giu') })).filter((x) => !x.result.safe);
    checker.save();
    console.log(`[redos] ${sources.length} regexes in the shipped pack checked, ${unsafe.length} unsafe`);
    expect(unsafe.map((x) => `${x.rule}.${x.sel}: /${x.src}/ ${x.result.reason}`)).toEqual([]);
  });

  // The fixture test in tests/unit/rules-loader covers exponential blow-up ((a+)+b); these are the polynomial
  // shapes that rule authors actually write, and that also freeze a tab on a long enough page.
  it.each([
    ['\\s*\\d+\\s*x', 'whitespace around digits, then a literal'],
    ['[a-z]+\\.[a-z]+\\.x', 'dotted words'],
    ['\\bsend\\b.*\\bget\\b.*x', 'two unbounded gaps'],
  ])('rejects the polynomial pattern /%s/ (%s)', { timeout: 60_000 }, (source) => {
    const result = new RedosChecker().check(source, 'giu');
    expect(result.safe).toBe(false);
    expect(result.reason).toMatch(/polynomial/);
  });

  it.each([['(?:\\$|usd)\\s?\\d+'], ['\\b(?:send|pay)\\b[^.\\n]{0,25}\\b(?:usdt|btc)\\b']])('accepts the linear pattern /%s/', { timeout: 60_000 }, (source) => {
    expect(new RedosChecker().check(source, 'giu')).toEqual({ safe: true });
  });
});
