import { describe, expect, test } from 'vitest';
import { requiredLiterals } from '../../../lib/engine/regex-prefilter';

describe('requiredLiterals', () => {
  test.each([
    ['\\busdt\\b', ['usdt']],
    ['(?<!not )\\b(?:send|pay|top up)\\s\\d', ['send', 'pay', 'top up']],
    ['\\bearn(?:ing)?\\b', ['earn']],
    ['colou?r', ['colo']],
    ['abc+d', ['abc']],
    ['ab{2}c', ['abb'.slice(0, 2)]],
    ['\\$\\s?\\d', ['$']],
    ['(?:缴纳|支付|交)[^。]{0,8}手续费', ['缴纳', '支付', '交']],
    ['t\\.me/\\w', ['t.me/']],
    ['foo\\d|bar', ['foo', 'bar']],
    ['(?:a|b)(?:c)', null], // single Latin letters are too common to help
    ['\\d+ ?usd', null],
    ['(?:x|y)?abc', null], // optional first group
    ['(?=abc)abc', null],
    ['[a-z]{3}', null],
    ['foo|\\d', null], // one branch without a literal
    ['(?<name>abc)', null],
  ])('%s -> %j', (src, expected) => {
    expect(requiredLiterals(src)).toEqual(expected);
  });

  test('every literal found is really required: the regex never matches a text without one', () => {
    const cases: [string, string[]][] = [
      ['\\b(?:send|pay)\\s\\d{1,5}\\s?usdt', ['send 100 usdt', 'please pay 5usdt now', 'sending 10 usdt', 'pa y 5 usdt']],
      ['colou?r\\b', ['color', 'colour', 'colr']],
      ['ab{2,}c', ['abbc', 'abbbbc', 'abc']],
    ];
    for (const [src, texts] of cases) {
      const lits = requiredLiterals(src)!;
      const re = new RegExp(src, 'iu');
      for (const t of texts) if (re.test(t)) expect(lits.some((l) => t.includes(l)), `${src} on ${t}`).toBe(true);
    }
  });
});
