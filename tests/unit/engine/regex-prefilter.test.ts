import { describe, expect, it, test } from 'vitest';
import { classRun, innerLiterals, leadingDigits, offsetLiterals, rangeLiterals, requiredLiterals, startsAtBoundary } from '../../../lib/engine/regex-prefilter';
import { normalizeText } from '../../../lib/engine/normalize-text';
import { shippedPack } from '@/lib/shipped-engine';
import { fixtureTexts } from '../../bench/corpus';

/** Every regex source of the shipped rules. */
function shippedSources(): string[] {
  return shippedPack.rules.flatMap((rule) => rule.detection.selections.flatMap((sel) => sel.regex ?? []));
}

/**
 * Calls `check` with every match (giu) of every shipped rule regex for which `pick` returns a value, on each of the
 * (normalised) texts; returns how many matches were checked.
 */
function checkShippedMatches<T>(texts: string[], pick: (source: string) => T | null, check: (m: RegExpMatchArray & { index: number }, value: T, source: string, text: string) => void): number {
  let checked = 0;
  for (const source of shippedSources()) {
    const value = pick(source);
    if (value === null) continue;
    const re = new RegExp(source, 'giu');
    for (const text of texts) {
      for (const m of text.matchAll(re)) {
        checked++;
        check(m as RegExpMatchArray & { index: number }, value, source, text);
      }
    }
  }
  return checked;
}

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

describe('innerLiterals', () => {
  test.each([
    ['\\b(?:you|u)\\s(?:just\\s)?(?:won|been awarded)\\b', ['won', 'been awarded']],
    ['\\b[2-9]\\d\\s?triệu\\s?/\\s?tháng', ['triệu']],
    ['[£$€]\\s?\\d{1,6}\\s?Fine\\b', ['fine']],
    ['\\d+(?:usd|eur)?\\s(?:per|a)\\s(?:month|week)', ['month', 'week']], // optional group skipped, longest shortest wins
    ['\\d+(?=usd)\\d', null], // lookahead content is not consumed: not used
    ['\\d(?:ab|\\d)x', null], // an alternative without a literal
    ['a|b\\d', null], // top-level alternatives
    ['\\bT[1-9A-Z]{33}\\b', null],
  ])('%s -> %j', (src, expected) => {
    expect(innerLiterals(src)).toEqual(expected);
  });

  test('every match of every shipped rule regex contains one of its inner literals', () => {
    const texts = [...fixtureTexts(), 'you won $500 cash prize', 'u have won a prize', '25 triệu/tháng', '£100 fine', 'rp 500.000 per hari', '5 triệu / ngày', 'mail me: a@gmail.com', '30k per month', '20-35 tuổi'];
    const checked = checkShippedMatches(
      texts.map((raw) => normalizeText(raw).text),
      (src) => (requiredLiterals(src) ? null : innerLiterals(src)),
      (m, lits, src) => expect(lits.some((l) => m[0].includes(l)), `${src} on ${m[0]}`).toBe(true),
    );
    expect(checked).toBeGreaterThan(10);
  });
});

describe('innerLiterals: escapes are never literal text', () => {
  it.each([
    ['\\d{1,3}%\\s?\\u1021\\u102c', '%\u1021\u102c'],
    ['\\d{2}\\u{1F600} gift', '\u{1F600} gift'],
    ['\\d\\x41 coin', 'A coin'],
    ['(\\w)\\1 wallet', 'zz wallet'],
  ])('%s', (source, sample) => {
    const lits = innerLiterals(source);
    // Whatever literal is chosen, a text the regex matches contains it ("1021" from "\u1021" would never occur).
    const text = `12${sample}`.toLowerCase();
    expect(new RegExp(source, 'u').test(`12${sample}`)).toBe(true);
    if (lits) expect(lits.some((l) => text.includes(l))).toBe(true);
  });
});

describe('offsetLiterals: literals a fixed number of units after the match start', () => {
  test.each([
    ['[a-z0-9_]@(?:gmail|yahoo)\\.com', { offset: 1, literals: ['@'] }],
    ['\\b0(?:70|87)\\d{3}', { offset: 1, literals: ['70', '87'] }],
    ['[a-z)\\]_-]\\.apk\\b', { offset: 1, literals: ['.apk'] }],
    ['\\b\\d\\s[a-z]usdt', { offset: 3, literals: ['usdt'] }],
    ['(?<!x)\\w\\bpay', { offset: 1, literals: ['pay'] }],
    ['[a-z]+@gmail', null], // quantified atom: the literal moves
    ['[a-z]?@gmail', null],
    ['[^a-z]@gmail', null], // a negated class may match an astral character (two units)
    ['.@gmail', null],
    ['\\p{L}@gmail', null],
    ['[😀a]@gmail', null],
    ['(?:a|bc)@gmail', null], // a group may have any width
    ['x@gmail|y', null],
  ])('%s -> %j', (src, expected) => {
    expect(offsetLiterals(src)).toEqual(expected);
  });

  test('every match of the shipped regexes with an offset literal has it at that offset', () => {
    const texts = fixtureTexts().map((t) => normalizeText(t).text);
    texts.push('mail a_@gmail.com now, x.apk, 0701234567 and 098 12 345 6789', 'user9@yahoo.com; app-v2.apk 0901234567');
    const checked = checkShippedMatches(
      texts,
      (source) => (requiredLiterals(source) ? null : offsetLiterals(source)),
      (m, o, source, text) => expect(o.literals.some((l) => text.startsWith(l, m.index + o.offset)), `${source} at ${m.index}`).toBe(true),
    );
    expect(checked).toBeGreaterThan(2);
  });
});

describe('rangeLiterals: literals a bounded number of units after the match start', () => {
  test.each([
    ["\\b(?:i|we)\\s(?:will|.ll)\\s(?:send|mail)", { min: 6, max: 8, literals: ['send', 'mail'] }],
    ['(?:a|bc)@gmail', { min: 1, max: 2, literals: ['@gmail'] }],
    ['.@x', { min: 1, max: 2, literals: ['@x'] }], // `.` is one code point: 1 or 2 units
    ['[^a]?xyz', { min: 0, max: 2, literals: ['xyz'] }],
    ['(?<=x)\\b(?:a(?:b|cd))\\bqq', { min: 2, max: 3, literals: ['qq'] }],
    ['a+bc', null], // unbounded
    ['(?:ab|c)*zz', null],
    ['(?<n>ab)zz', null], // named groups are not read
    ['\\p{L}@gmail', null],
    ['[😀a]@gmail', null],
    ['.{0,20}@gmail', null],
    ['(?:abcdefghij|k)(?:abcdefghij|k)zz', null], // more than 8 starts to try per occurrence
    ['x@gmail|y', null],
  ])('%s -> %j', (src, expected) => {
    expect(rangeLiterals(src)).toEqual(expected);
  });

  test('every match of the shipped regexes with a range literal has it within the range', () => {
    const texts = fixtureTexts().map((t) => normalizeText(t).text);
    texts.push(
      "we'll send you a check, i will mail you the card, we will courier you a laptop, i shall send you the gift cards",
      '20 - 35 years old, 18-25 tuổi, 5 usd a day, 9 usdt per day, 20 to 30 minutes a day, 10-15 mins each day',
      '50k/ngày, 2 tr / ngày, 45k per month, 60k a buwan, 30 triệu/tháng, we made $500, i earned 90',
    );
    const checked = checkShippedMatches(
      texts,
      (source) => (requiredLiterals(source) || offsetLiterals(source) ? null : rangeLiterals(source)),
      (m, r, source, text) => {
        let found = false;
        for (let d = r.min; d <= r.max; d++) if (r.literals.some((l) => text.startsWith(l, m.index + d))) found = true;
        expect(found, `${source} at ${m.index}`).toBe(true);
      },
    );
    expect(checked).toBeGreaterThan(8);
  });
});

describe('startsAtBoundary: every match starts with \\b', () => {
  test.each([
    ['\\bpay\\s\\d', true],
    ['\\b(?:i|we)\\s(?:will|.ll)', true],
    ['\\bpay|\\bsend', true],
    ['\\bpay\\s\\d|\\$\\d{2}', false], // the second alternative may start anywhere
    ['(?:\\bpay|send)', false], // the group's second alternative has no boundary (conservative: groups are not opened)
    ['\\\\b', false], // an escaped backslash, then b
    ['\\Bpay', false],
    ['pay\\b', false],
  ])('%s -> %s', (src, expected) => {
    expect(startsAtBoundary(src)).toBe(expected);
  });

  test('every match of the shipped regexes that start with \\b starts at a word boundary', () => {
    const texts = fixtureTexts().map((t) => normalizeText(t).text);
    const word = (s: string, k: number) => k >= 0 && k < s.length && /[A-Za-z0-9_]/.test(s[k]!);
    const checked = checkShippedMatches(
      texts,
      (source) => (startsAtBoundary(source) ? true : null),
      (m, _v, source, text) => expect(word(text, m.index - 1) !== word(text, m.index), `${source} at ${m.index}`).toBe(true),
    );
    expect(checked).toBeGreaterThan(8);
  });
});

describe('leadingDigits: the digits every match starts with', () => {
  test.each([
    ['\\b[1-9]\\d?\\s?(?:-|to)\\s?\\d', '123456789'],
    ['\\d{1,2}\\s?%', '0123456789'],
    ['[1-3]x|[7-8]y', '12378'],
    ['[1-3]x|\\d+y', '0123456789'],
    ['[1-3]x|ay', null], // one alternative starts with a letter
    ['[a1]x', null], // a class with a letter
    ['[^1]x', null],
    ['(?:1|2)x', null], // groups are not opened (conservative)
  ])('%s -> %s', (src, expected) => {
    expect(leadingDigits(src)).toBe(expected);
  });

  test('every match of the shipped regexes with leading digits starts with one of them', () => {
    const texts = fixtureTexts().map((t) => normalizeText(t).text);
    texts.push('20-60 min/day, 5 to 30 minutes a day, 1-2 hours, 3 - 45 mins each day, 15% daily, 9 usdt');
    const checked = checkShippedMatches(texts, leadingDigits, (m, digits, source) => expect(digits, `${source} at ${m.index}`).toContain(m[0][0]));
    expect(checked).toBeGreaterThan(3);
  });
});

describe('classRun: a run of one-unit atoms every match contains', () => {
  test.each([
    ['\\bT[1-9A-HJ-NP-Za-km-z]{33}\\b', { atom: '[1-9A-HJ-NP-Za-km-z]', length: 33 }],
    ['\\b0x[a-f0-9]{40}\\b', { atom: '[a-f0-9]', length: 40 }],
    ['\\d{12,16}x', { atom: '\\d', length: 12 }],
    ['\\w{5}', null], // too short to be worth it
    ['(?:[a-z]{20})?x', null], // inside an optional group
    ['[a-z]{20}|x', null], // one alternative
    ['[^a-z]{20}', null], // negated: may match astral characters
    ['.{20}', null],
    ['\\p{L}{20}', null],
  ])('%s -> %j', (src, expected) => {
    expect(classRun(src)).toEqual(expected);
  });
});
