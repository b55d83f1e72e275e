/**
 * Rule regexes run only where one of their required literals occurs (sticky tries at each occurrence, in order),
 * and without the `i` flag where that is exact. The evidence must still be the first match of the original
 * `giu` regex over the whole normalised text, whatever the text.
 */
import { describe, expect, test } from 'vitest';
import { normalizeText, originalSpan } from '@/lib/engine/normalize-text';
import { Rng } from '../../fuzz/prng';
import { engineOf } from './make-pack';

const SOURCES = [
  '\\b(?:send|pay|top up)\\s\\$?\\d{2,5}\\s?usdt\\b', // literals at the start, several, and an inner literal (usdt) that gates it
  '(?<!not )\\bearn\\s(?:up to\\s)?\\$\\d', // lookbehind before the literal
  'usdt\\s?\\d', // literal without boundary
  '\\$\\s?\\d{3,}', // one-symbol literal
  '(?:缴纳|支付|交)[^。]{0,8}手续费', // caseless CJK literals
  'kiếm\\s\\d', // literal with a cased non-ASCII letter: whole-text search
  '\\bT[1-9A-HJ-NP-Za-km-z]{8}\\b', // no literal: runs everywhere
  '(?:[1-9]\\d{0,2})\\s?(?:triệu|tr)\\s?(?:\\/|mỗi|một)\\s?(?:ngày)', // inner literal with cased non-ASCII letters (no \`i\` flag needed)
  '[a-z0-9_]@(?:gmail|yahoo)\\.(?:com|net)\\b', // literal one unit after the start
  '\\b[a-z][\\d_]\\s?(?:usdt|pay)\\b', // literal two units after the start, with an optional unit between
  '\\bT[1-9A-HJ-NP-Za-km-z]{12}\\b', // no literal, but a run of 12 class units first looked for
  '[a-f0-9]{12,}\\.apk', // a run the literal path does not need
  "\\b(?:i|we)\\s(?:will|.ll)\\s(?:send|pay)\\s\\d", // literal 5 to 7 units after the start (rangeLiterals)
  '.\\s?@gmail', // 1 to 3 units before the literal, `.` may be an astral character: never tried inside a pair
  '\\b(?:\\$|usd|a1)\\s?\\d', // starts with \b: tried only at word boundaries (before `$` one needs a word character before it)
  '\\bpay\\s\\d|\\$\\d{2}', // only one alternative starts with \b: every occurrence is tried
  '\\b[1-9]\\d?\\s?(?:-|to)\\s?[1-9]\\d{1,2}\\s?(?:minutes|mins)\\b', // literal after a prefix that must start with a digit 1-9
];
const WORDS = ['pay 300 usdt', 'send $50usdt', 'earn $300', 'not earn $50', 'earn up to $9', 'send', 'pay', 'top up', 'Send', 'PAY', '$', '50', '300', '1500', 'usdt', 'USDT', 'earn', 'not', 'up to', 'kiếm', 'Kiếm', '缴纳', '支付', '交', '手续费', '。', 'Tx9ab3cdEF', 't12345678', 'te1egram', 'x', ' ', ' ', '\n', '.', 'a', '2', '15', 'triệu', 'TRIỆU', 'tr', 'mỗi', 'MỘT', '/', 'ngày', 'NGÀY', '2 triệu/ngày', '15TRIỆU MỖI NGÀY', '3 tr một ngày', 'a@gmail.com', 'x_@yahoo.net', '@gmail.com', 'B@GMAIL.COM', 'é@yahoo.com', '@', 'gmail', 'a1', 'b_', 'Z9usdt', 'q_ pay', 'Tx9ab3cdEFgh23', 'T123456789abcd', 'tABCDEFGHJKLM', 'tabcdefghjkm', 'tabcdefghjk', 'tabcde', 'fghjkmn', 'deadbeef0123', 'abcdef', '.apk', '0123456789', 'a1b2c3d4e5f6.apk', 'Deadbeefcafe00.APK', 'abc.apk', 'I', 'we', 'will', "'ll", "I'll", 'We will', 'i will send 5', "we'll pay 9", '😀', '😀@gmail', '😀 @gmail', 'é@gmail', '20-60 minutes', '5 to 30 mins', '0-15 minutes', 'minutes', 'mins', 'to', '-', '9', '07'];

function randomText(rng: Rng): string {
  let t = '';
  for (let k = rng.int(0, 40); k > 0; k--) t += rng.pick(WORDS) + (rng.chance(0.6) ? ' ' : '');
  return t;
}

describe('regex search at literal occurrences', () => {
  test.each(SOURCES)('evidence of %s is the first match of the giu regex', (src) => {
    const engine = engineOf({ id: 'r', selections: [{ name: 's', regex: [src] }] });
    const re = new RegExp(src, 'giu');
    const rng = new Rng(src.length * 7919);
    let found = 0;
    for (let k = 0; k < 600; k++) {
      const text = randomText(rng);
      const norm = normalizeText(text);
      re.lastIndex = 0;
      const m = re.exec(norm.text);
      const verdict = engine.scan({ surface: 'page', text });
      const ev = verdict.findings[0]?.evidence[0];
      if (!m) {
        expect(verdict.findings, JSON.stringify(text)).toEqual([]);
        continue;
      }
      found++;
      const [s, e] = originalSpan(norm, m.index, m.index + m[0].length);
      expect(ev && [ev.start, ev.end], JSON.stringify(text)).toEqual([s, e]);
    }
    expect(found).toBeGreaterThan(5); // the texts really contain matches
  });

  test('a prefix of varying length is never tried inside a surrogate pair (a search from 0 never starts there)', () => {
    // At the low half, (?<!a) sees the lone high half and `.` could take the low half alone (V8 steps a unicode regex
    // back to the start of the pair; the engine does not rely on that).
    const engine = engineOf({ id: 'r', selections: [{ name: 's', regex: ['(?<!a).@gmail'] }] });
    expect(engine.scan({ surface: 'page', text: 'mail a😀@gmail now' }).findings).toEqual([]);
    const ev = engine.scan({ surface: 'page', text: 'mail b😀@gmail now' }).findings[0]!.evidence[0]!;
    expect(ev.text).toBe('😀@gmail');
  });

  test('the same first match when a literal occurs hundreds of times (occurrences grouped per literal)', () => {
    const engine = engineOf({ id: 'r', selections: [{ name: 's', regex: ['\\b(?:send|pay)\\s\\d+\\s?usdt'] }] });
    const text = 'send it, pay me. '.repeat(300) + 'pay 7 usd, send 40 usdt now, pay 50 usdt later';
    const ev = engine.scan({ surface: 'page', text }).findings[0]!.evidence[0]!;
    expect(ev.text).toBe('send 40 usdt');
    expect(ev.start).toBe(text.indexOf('send 40'));
  });

  test('a later occurrence matches when the first ones do not', () => {
    const engine = engineOf({ id: 'r', selections: [{ name: 's', regex: ['\\bsend\\s\\d+\\s?usdt'] }] });
    const text = 'send it. send me. resend 5 usdt. send 40 usdt now, send 50 usdt later';
    const ev = engine.scan({ surface: 'page', text }).findings[0]!.evidence[0]!;
    expect(ev.text).toBe('send 40 usdt');
    expect(ev.start).toBe(text.indexOf('send 40'));
  });
});
