/**
 * The benign corpus (tests/corpus/benign): news about scams, advice pages, ordinary chats and job ads
 * in several languages. None of it may warn. `*.txt` files are scanned as one `page`; `*.jsonl` files hold
 * one scan input per line (optional `id`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ScanInput } from '../../lib/engine/types';
import { ScanInputSchema } from '../../lib/rules/rule-schema';
import { realRules } from './load-real-rules';

const DIR = 'tests/corpus/benign';
const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => /\.(?:txt|jsonl)$/.test(f)).sort() : [];
const { engine } = realRules();

function inputsOf(file: string): { id: string; input: ScanInput }[] {
  const content = readFileSync(join(DIR, file), 'utf8');
  if (file.endsWith('.txt')) return [{ id: file, input: { surface: 'page', text: content } }];
  return content.split('\n').flatMap((line, i) => {
    if (!line.trim()) return [];
    const obj = JSON.parse(line) as { id?: unknown };
    const parsed = ScanInputSchema.safeParse(obj);
    if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]!.message}`);
    return [{ id: `${file}:${obj.id ?? i + 1}`, input: parsed.data as ScanInput }];
  });
}

describe('benign corpus', () => {
  test.runIf(files.length === 0)('has no files yet (tests/corpus/benign is empty)', () => {
    expect(files).toEqual([]);
  });

  test.each(files)('%s never warns', (file) => {
    const warnings = inputsOf(file).flatMap(({ id, input }) => {
      const v = engine.scan(input);
      if (!v.warn) return [];
      const fired = v.findings.filter((f) => f.weight > 0).map((f) => `${f.rule} (${f.evidence.map((e) => JSON.stringify(e.text)).join(', ')})`);
      return [`${id}: ${v.type} ${v.level} ${v.score}: ${fired.join('; ')}`];
    });
    expect(warnings).toEqual([]);
  });
});
