import { describe, expect, test } from 'vitest';
import { compileCondition, ConditionError, parseCondition } from '../../../lib/engine/condition';

const names = ['a', 'b', 'c', 'stage_1', 'stage_2', 'stage_3'];

function run(src: string | undefined, trueSet: string[]): boolean {
  const c = compileCondition(src, names);
  return c.evaluate((i) => trueSet.includes(names[i]!));
}

describe('condition parser', () => {
  test.each([
    ['a', ['a'], true],
    ['a', ['b'], false],
    ['a and b', ['a'], false],
    ['a and b', ['a', 'b'], true],
    ['a or b', ['b'], true],
    ['not a', [], true],
    ['not a', ['a'], false],
    ['a and not b', ['a', 'b'], false],
    ['a or b and c', ['a'], true], // and binds tighter
    ['(a or b) and c', ['a'], false],
    ['(a or b) and c', ['b', 'c'], true],
    ['not (a or b)', ['c'], true],
    ['2 of (a, b, c)', ['a', 'c'], true],
    ['2 of (a, b, c)', ['c'], false],
    ['all of (a, b)', ['a', 'b'], true],
    ['all of (a, b)', ['a'], false],
    ['any of (a, b)', ['b'], true],
    ['2 of stage_*', ['stage_1', 'stage_3'], true],
    ['2 of stage_*', ['stage_1', 'a'], false],
    ['all of stage_*', ['stage_1', 'stage_2', 'stage_3'], true],
    ['1 of them', ['c'], true],
    ['a and (2 of stage_*) and not b', ['a', 'stage_1', 'stage_2'], true],
  ])('%s with %j -> %s', (src, t, expected) => {
    expect(run(src, t)).toBe(expected);
  });

  test('without a condition, any selection fires the rule', () => {
    expect(run(undefined, [])).toBe(false);
    expect(run(undefined, ['c'])).toBe(true);
  });

  test.each([
    ['a and', /at end of condition/],
    ['a and zz', /unknown selection 'zz'/],
    ['(a or b', /expected '\)'/],
    ['a b', /unexpected token/],
    ['4 of (a, b)', /between 1 and 2/],
    ['2 of nomatch_*', /matches no selection/],
    ['a & b', /unexpected character '&'/],
    ['3 a', /expected 'of'/],
  ])('rejects %j', (src, reason) => {
    expect(() => compileCondition(src, names)).toThrow(ConditionError);
    expect(() => compileCondition(src, names)).toThrow(reason);
  });

  test('an empty condition string is an error for the parser', () => {
    expect(() => parseCondition('  ', names)).toThrow(/empty condition/);
  });

  test('reports selections used only under not', () => {
    const c = compileCondition('a and not (b or c) and not not stage_1', names);
    expect([...c.negated].map((i) => names[i]).sort()).toEqual(['b', 'c']);
  });

  test('evaluates lazily', () => {
    const c = compileCondition('a or b', names);
    const asked: number[] = [];
    c.evaluate((i) => (asked.push(i), true));
    expect(asked).toEqual([0]);
  });
});
