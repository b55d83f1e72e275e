/**
 * The five seed news articles (../shared/seeds/*.txt, see seeds/sources.json `seed-*`) are news ABOUT scams and
 * must never warn. Their licence is not stated, so they are read in place rather than copied into the repository;
 * the test is skipped where that directory is absent (e.g. a clean clone outside the workspace).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { realRules } from './load-real-rules';

const DIR = process.env.REDFLAG_SEEDS_DIR ?? '../shared/seeds';
const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort() : [];

describe.runIf(files.length > 0)('seed articles (news about scam compounds)', () => {
  const { engine } = realRules();
  test.each(files)('%s never warns', (file) => {
    const v = engine.scan({ surface: 'page', text: readFileSync(join(DIR, file), 'utf8') });
    const fired = v.findings.filter((f) => f.weight > 0).map((f) => `${f.rule} (${f.evidence.map((e) => e.text).join(', ')})`);
    expect(v.warn, `${file} warned: ${fired.join('; ')}`).toBe(false);
  });
});
