/**
 * tldts (~100 kB) and lib/url's analyzer must stay out of the content script: the background, popup and CLI use them.
 * Walks the static imports from entrypoints/content.tsx (relative and `@/` paths) and checks none reaches them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveFile(spec: string, from: string): string | undefined {
  const base = spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : spec.startsWith('.') ? resolve(dirname(from), spec) : undefined;
  if (!base) return undefined;
  for (const cand of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(cand) && !cand.endsWith('/')) {
      try {
        readFileSync(cand);
        return cand;
      } catch {
        /* a directory */
      }
    }
  }
  return undefined;
}

function graph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const f = stack.pop()!;
    if (files.has(f)) continue;
    files.add(f);
    const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3]!;
      if (/^import\s+type\s/.test(m[0].trim())) continue;
      const file = resolveFile(spec, f);
      if (file) stack.push(file);
      else if (!spec.startsWith('.') && !spec.startsWith('@/')) packages.add(spec.split('/')[0]!.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  }
  return { files, packages };
}

describe('content script import graph', () => {
  const entry = ['entrypoints/content.tsx', 'entrypoints/content.ts', 'entrypoints/content/index.tsx'].map((p) => join(ROOT, p)).find(existsSync);
  it.runIf(entry)('does not import tldts, fuse.js, fastest-levenshtein or lib/url (except the tldts-free rule texts)', () => {
    const { files, packages } = graph(entry!);
    expect(files.size).toBeGreaterThan(1);
    expect([...packages].filter((p) => ['tldts', 'fuse.js', 'fastest-levenshtein'].includes(p))).toEqual([]);
    // lib/url/url-rules.ts is rule metadata only (seeds/url-rules.json, no tldts): the banner may name a URL rule.
    // lib/url/merge-verdicts.ts is engine scoring only (no tldts): the page merges the background's URL findings.
    const allowed = new Set([join(ROOT, 'lib/url/url-rules.ts'), join(ROOT, 'lib/url/merge-verdicts.ts')]);
    expect([...files].filter((f) => f.includes(`${join(ROOT, 'lib/url')}/`) && !allowed.has(f))).toEqual([]);
  });

  // Other content scripts (entrypoints/<name>.content.ts, e.g. the document_start address announcer) stay tiny too.
  const others = readdirSync(join(ROOT, 'entrypoints')).filter((f) => /\.content\.tsx?$/.test(f));
  it.each(others)('%s imports no tldts, fuse.js, fastest-levenshtein, lib/url or engine', (file) => {
    const { files, packages } = graph(join(ROOT, 'entrypoints', file));
    expect([...packages].filter((p) => ['tldts', 'fuse.js', 'fastest-levenshtein'].includes(p))).toEqual([]);
    expect([...files].filter((f) => f.includes(`${join(ROOT, 'lib/url')}/`) || f.includes(`${join(ROOT, 'lib/engine')}/`))).toEqual([]);
  });

  it('the walker sees lib/url → tldts (so the check above can fail)', () => {
    const { packages } = graph(join(ROOT, 'lib/url/index.ts'));
    expect(packages.has('tldts')).toBe(true);
  });
});
