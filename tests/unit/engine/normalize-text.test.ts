import { describe, expect, test } from 'vitest';
import { normalizePhrase, normalizeText, originalSpan } from '../../../lib/engine/normalize-text';

describe('normalizeText', () => {
  test.each([
    ['plain lower case', 'Hello World', 'hello world'],
    ['full-width forms (NFKC)', 'ＵＳＤＴ　ＰＡＹ', 'usdt pay'],
    ['math alphanumerics (NFKC)', '𝐔𝐒𝐃𝐓', 'usdt'],
    ['Cyrillic lookalikes', 'Теlеgrаm', 'telegram'],
    ['Greek lookalikes', 'ΒΙΝΑΝCΕ', 'binance'],
    ['zero-width characters', 'Tele\u200Bgr\u200Dam\uFEFF', 'telegram'],
    ['bidi controls', '\u202Ewhats\u202Capp\u2066', 'whatsapp'],
    ['soft hyphen', 'tele\u00ADgram', 'telegram'],
    ['whitespace runs', 'free \n\t  flight', 'free flight'],
    ['spaced capitals', 'contact U S D T now', 'contact usdt now'],
    ['spaced lower case', 't e l e g r a m', 'telegram'],
    ['dotted letters', 'W.h.a.t.s.A.p.p', 'whatsapp'],
    ['spaced CJK', '加 微 信', '加微信'],
    ['two single letters stay apart', 'plan a b', 'plan a b'],
    ['mixed separators stay apart', 'e.g. a fee', 'e.g. a fee'],
    ['digit swaps inside words', 'c0ntact b1tc0in', 'contact bitcoin'],
    ['trailing zero', 'crypt0', 'crypto'],
    ['$ and @ inside words', 'u$dt p@y', 'usdt pay'],
    ['e-mail addresses keep @', 'john@gmail.com', 'john@gmail.com'],
    ['amounts with currency stay numbers', '50usdt usd1500 US$1,500 $300/day', '50usdt usd1500 us$1,500 $300/day'],
    ['short tokens stay', '4g web3 mp3 2fa', '4g web3 mp3 2fa'],
    ['composed accents', 'Cafe\u0301 lương', 'café lương'],
    ['Khmer kept', 'ប្រាក់ខែខ្ពស់', 'ប្រាក់ខែខ្ពស់'],
    ['Thai kept', 'เงินเดือนสูง', 'เงินเดือนสูง'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input).text).toBe(expected);
  });

  test('maps every normalised character back to its original span', () => {
    const input = 'Pay ＵＳＤＴ to\u200B T e l e g r a m @ c0ntact';
    const n = normalizeText(input);
    expect(n.text).toBe('pay usdt to telegram @ contact');
    const span = (word: string) => {
      const at = n.text.indexOf(word);
      const [s, e] = originalSpan(n, at, at + word.length);
      return input.slice(s, e);
    };
    expect(span('usdt')).toBe('ＵＳＤＴ');
    expect(span('telegram')).toBe('T e l e g r a m');
    expect(span('contact')).toBe('c0ntact');
    expect(n.starts.length).toBe(n.text.length);
    expect(n.ends.length).toBe(n.text.length);
  });

  test('maps across astral characters and combining marks', () => {
    const input = '😀 Cafe\u0301 𝐔𝐒𝐃𝐓';
    const n = normalizeText(input);
    const at = n.text.indexOf('usdt');
    const [s, e] = originalSpan(n, at, at + 4);
    expect(input.slice(s, e)).toBe('𝐔𝐒𝐃𝐓');
    const c = n.text.indexOf('café');
    const [cs, ce] = originalSpan(n, c, c + 4);
    expect(input.slice(cs, ce)).toBe('Cafe\u0301');
  });

  test('marks digit 1 read as i as ambiguous (it may stand for l)', () => {
    const n = normalizeText('te1egram');
    expect(n.text).toBe('teiegram');
    expect([...n.ambiguous]).toEqual([2]);
  });

  test('phrases are normalised like text', () => {
    expect(normalizePhrase('  Free  FLIGHT ')).toBe('free flight');
    expect(normalizePhrase('Ｔｅｌｅｇｒａｍ')).toBe('telegram');
  });

  test('is linear on large input', () => {
    const big = 'a b '.repeat(50_000) + 'x'.repeat(100_000);
    const n = normalizeText(big);
    expect(n.text.length).toBeGreaterThan(100_000);
  });
});

describe('normalizeText: clusters', () => {
  test('invisible characters between combining marks are dropped', () => {
    expect(normalizeText('e\u200D\u0301x').text).toBe('éx');
  });

  test('BMP combining marks above U+D800 (half marks) keep following text', () => {
    const n = normalizeText('a\uFE20bc');
    expect(n.text).toBe('a\uFE20bc');
    expect(n.starts[n.text.length - 1]).toBe(3);
  });

  test('a huge stack of marks is cut and stays linear', () => {
    const input = 'x' + '\u0301'.repeat(200_000) + ' usdt';
    const n = normalizeText(input);
    expect(n.text.endsWith(' usdt')).toBe(true);
    expect(n.text.length).toBeLessThan(20);
    const at = n.text.indexOf('usdt');
    const [s, e] = originalSpan(n, at, at + 4);
    expect(input.slice(s, e)).toBe('usdt');
  });
});

describe('normalizePhrase', () => {
  test.each(['Ｔｅｌｅｇｒａｍ', 'U S D T', 'c0ntact us', 'te1egram', 'Cafe\u0301', 'ΒΙΝΑΝCΕ', '加 微 信', ' free  FLIGHT '])('is idempotent on %j (packs store normalised phrases)', (p) => {
    const once = normalizePhrase(p);
    expect(normalizePhrase(once)).toBe(once);
  });
});

describe('normalizeText: fast paths agree with the cluster path', () => {
  test.each([
    ['CJK with full-width punctuation', '招聘！ＵＳＤＴ　高薪', '招聘!usdt 高薪'],
    ['Thai with marks', 'เงินเดือนสูง', 'เงินเดือนสูง'],
    ['invisible before a mark stays invisible', 'ก\u200B\u0E34', 'กิ'],
    ['NBSP and ideographic space', 'a\u00A0\u3000b', 'a b'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input).text).toBe(expected);
  });
});
