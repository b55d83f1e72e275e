import { describe, expect, it } from 'vitest';
import { README_END, README_START, replaceScoreboard, scoreboardMarkdown, type SuiteRow } from '../../../lib/eval/scoreboard';
import { Tally } from '../../../lib/eval/metrics';
import type { EvalResult } from '../../../lib/eval/run-eval';

const README = '# Redflag\n\n## scan CLI\n\ntext\n\n## Detection scoreboard\n\nHand-written intro.\n\n## Benchmarks\n\nbench text\n';

describe('replaceScoreboard', () => {
  it('appends the generated block at the end of the section, keeping every other line', () => {
    const out = replaceScoreboard(README, '| t |');
    expect(out).toContain(`## Detection scoreboard\n\nHand-written intro.\n\n${README_START}\n| t |\n${README_END}\n\n## Benchmarks`);
    expect(out).toContain('Hand-written intro.');
    expect(out).toContain('## Benchmarks\n\nbench text\n');
    expect(out.startsWith('# Redflag\n\n## scan CLI\n\ntext\n\n')).toBe(true);
  });

  it('replaces only the block on the next run', () => {
    const once = replaceScoreboard(README, '| old |');
    const twice = replaceScoreboard(once, '| new |');
    expect(twice).not.toContain('| old |');
    expect(twice).toContain('| new |');
    expect(twice.split(README_START)).toHaveLength(2);
    expect(twice.replace('| new |', '| old |')).toBe(once);
  });

  it('works when the section is the last one', () => {
    expect(replaceScoreboard('# x\n\n## Detection scoreboard\n\nintro\n', '| t |')).toBe(`# x\n\n## Detection scoreboard\n\nintro\n\n${README_START}\n| t |\n${README_END}\n`);
  });

  it('refuses a README without the section', () => {
    expect(() => replaceScoreboard('# x\n', '| t |')).toThrow(/no "## Detection scoreboard"/);
  });
});

describe('scoreboardMarkdown', () => {
  it('prints recall, exact-type recall and false warnings with counts', () => {
    const t = new Tally();
    for (let i = 0; i < 3; i++) t.add('impersonation', 'impersonation');
    t.add('impersonation', 'none');
    for (let i = 0; i < 199; i++) t.add('benign', 'none');
    t.add('benign', 'crypto_investment');
    const result = { ...t.summary() } as EvalResult;
    const rows: SuiteRow[] = [{ entry: { dataset: 'sms_x', target: 'recall ≥ 75%' }, result }, { entry: { dataset: 'absent' }, missing: 'dataset not present' }];
    const md = scoreboardMarkdown(rows, { date: '2026-11-22', commit: 'abc1234' });
    const lines = md.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('| sms_x | 204 | 75.0% of 4 | 75.0% | 0.50% of 200 | recall ≥ 75% | 2026-11-22 | abc1234 | `npm run eval -- sms_x` |');
  });

  it('adds one sub-row per group when asked', () => {
    const t = new Tally();
    t.add('impersonation', 'impersonation', '1 police');
    t.add('impersonation', 'none', '1 police');
    t.add('benign', 'none', '0 normal');
    const result = { ...t.summary() } as EvalResult;
    const md = scoreboardMarkdown([{ entry: { dataset: 'zh', byGroup: true }, result }], { date: 'd', commit: 'c' });
    expect(md.split('\n').slice(3)).toEqual(['| ↳ 0 normal | 1 | — | — | 0.00% of 1 |  |  |  |  |', '| ↳ 1 police | 2 | 50.0% of 2 | 50.0% | — |  |  |  |  |']);
  });
});
