/**
 * The engine skips a regex on texts without one of its required literals (lib/engine/regex-prefilter.ts).
 * Check on every real rule regex and every example text that this never drops a match.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { normalizeText } from '../../lib/engine/normalize-text';
import { requiredLiterals } from '../../lib/engine/regex-prefilter';
import { exampleInput, realRules } from './load-real-rules';

test('regex prefilter literals never hide a match in rule examples or the benign corpus', () => {
  const { loaded } = realRules();
  const texts: string[] = [];
  for (const { rule } of loaded.rules) {
    for (const ex of [...rule.examples.match, ...rule.examples.noMatch]) {
      const input = exampleInput(ex);
      texts.push(...[input.text, input.title, input.url, ...Object.values(input.fields ?? {}), ...(input.messages ?? []).map((m) => m.text)].filter((t): t is string => typeof t === 'string'));
    }
  }
  const dir = 'tests/corpus/benign';
  if (existsSync(dir)) for (const f of readdirSync(dir)) texts.push(readFileSync(`${dir}/${f}`, 'utf8'));
  const norms = texts.map((t) => normalizeText(t).text);
  const regexes = loaded.rules.flatMap(({ rule }) =>
    Object.entries(rule.detection).flatMap(([, sel]) => (typeof sel === 'object' && sel.regex ? (Array.isArray(sel.regex) ? sel.regex : [sel.regex]) : [])),
  );
  const misses: string[] = [];
  let filtered = 0;
  for (const src of regexes) {
    const lits = requiredLiterals(src);
    if (!lits) continue;
    filtered++;
    const re = new RegExp(src, 'iu');
    for (const t of norms) if (re.test(t) && !lits.some((l) => t.includes(l))) misses.push(`${src} on ${JSON.stringify(t.slice(0, 80))}`);
  }
  expect(misses).toEqual([]);
  expect(filtered).toBeGreaterThan(0);
});
