/**
 * Contract tests of the `scan` CLI (README "scan CLI"): spawns the real command.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { getShippedEngine } from '../../../lib/shipped-engine';

const TSX = join('node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'redflag-scan-'));

function scan(args: string[], stdin?: string) {
  const r = spawnSync(TSX, ['lib/cli/scan.ts', ...args], { input: stdin, encoding: 'utf8', timeout: 60_000 });
  const lines = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code: r.status, lines, stderr: r.stderr };
}

function file(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

const SCAM = 'Work abroad as a typist! High salary, free air ticket, free visa and free accommodation. No experience needed. Contact Telegram @hr_boss';

describe('scan CLI', () => {
  test('JSON Lines: one output per input, in order, with the same verdict as the shipped engine', () => {
    const inputs = [
      { id: 'first', surface: 'page', text: SCAM },
      { id: 2, surface: 'sms', text: 'See you at dinner' },
      { surface: 'chat', messages: [{ from: 'them', text: 'hi' }], label: 'extra keys are ignored' },
    ];
    const { code, lines } = scan([file('in.jsonl', inputs.map((i) => JSON.stringify(i)).join('\n') + '\n')]);
    expect(code).toBe(0);
    expect(lines.map((l) => l.id)).toEqual(['first', 2, 3]);
    const engine = getShippedEngine();
    expect(lines[0]).toEqual({ id: 'first', ...engine.scan({ surface: 'page', text: SCAM }) });
    expect(lines[1]).toMatchObject({ warn: false, level: 'none', findings: [] });
  });

  test('malformed lines give { id, error }, the others still run, exit code 1', () => {
    const content = [
      '{"id":"a","surface":"page","text":"hello"}',
      'not json',
      '{"id":"b","surface":"fax","text":"x"}',
      '[1,2]',
      '{"id":"c","surface":"sms","text":5}',
      '',
      '{"id":{"x":1},"surface":"sms","text":"x"}',
      '{"surface":"sms","text":"last"}',
    ].join('\n');
    const { code, lines, stderr } = scan([file('bad.jsonl', content)]);
    expect(code).toBe(1);
    expect(lines.map((l) => [l.id, typeof l.error === 'string'])).toEqual([
      ['a', false],
      [2, true],
      ['b', true],
      [4, true],
      ['c', true],
      [7, true],
      [8, false],
    ]);
    expect(lines[1]!.error).toMatch(/invalid JSON/);
    expect(lines[2]!.error).toMatch(/surface must be one of/);
    expect(lines[4]!.error).toMatch(/^text: /);
    expect(stderr).toMatch(/5 of 7 line\(s\) had errors/);
  });

  test('stdin with - and JSON detected from the first non-blank line', () => {
    const { code, lines } = scan(['-'], `\n\n{"id":"x","surface":"page","text":"${SCAM}"}\n{"id":"y","surface":"page","text":"ok"}\n`);
    expect(code).toBe(0);
    expect(lines.map((l) => l.id)).toEqual(['x', 'y']);
    expect(lines[0]!.warn).toBe(true);
  });

  test('a plain-text file is scanned as one page', () => {
    const p = file('page.txt', `Job offer\n\n${SCAM}\n`);
    const { code, lines } = scan([p]);
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual({ id: p, ...getShippedEngine().scan({ surface: 'page', text: `Job offer\n\n${SCAM}\n` }) });
  });

  test('usage and missing files exit 2', () => {
    expect(scan([]).code).toBe(2);
    const r = scan([join(dir, 'nope.jsonl')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no such file/);
  });
});
