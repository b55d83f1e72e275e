/**
 * The fast paths of normalizeText (ASCII/BMP table path, native string building, spaced-letter search only at
 * candidate positions, one walk for digit swaps, run copies for edits) against the straightforward reference
 * implementation it replaced: same text, same offset maps, same ambiguous set, on random mixed inputs.
 */
import { describe, expect, test } from 'vitest';
import { normalizeText, originalSpan } from '../../../lib/engine/normalize-text';
import { normalizeText as referenceNormalize, originalSpan as referenceSpan } from './reference/normalize-text-reference';
import { Rng } from '../../fuzz/prng';

/** Pieces that exercise every branch: ASCII, separators, digits and swaps, marks, invisibles, confusables, NFKC expansions, astral, lone surrogates. */
const PIECES = [
  'a', 'B', 'z', 'Q', 'x', 'I', 'l', 'k', 's', ' ', ' ', ' ', '  ', '\n', '\t', '\r\n', '.', '·', '•', '*', '_', '-', '--', '. ',
  '0', '1', '3', '4', '5', '7', '9', '@', '$', '%', ',', '/', ':', '§', '\u0000', '\u001c',
  'U S D T', 't e l e g r a m', 'W.h.a.t.s.A.p.p', 'te1egram', 'c0ntact', 'b1tc0in', 'u$dt', 'p@y', 'crypt0', 'me@mail.com', 'a.b', 'x - y - z',
  'USD 1,500', '$3,000/month', 'web3', '4g', '50usdt', 'Telegram', 'WhatsApp', 'e.g. a fee', 'plan a b',
  '\u0301', '\u0308', '\u0E34', '\uFE20', '\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030A',
  '\u200B', '\u200D', '\uFEFF', '\u00AD', '\u202E', '\u2066', '\uFE0F', '\u180E', '\u3164',
  '\u00A0', '\u3000', '\u2028', '\u2003', '\u0085', '\u1680', '\u202F',
  'а', 'е', 'о', 'р', 'с', 'А', 'В', 'Н', 'Ν', 'ν', 'Ι', 'ς', 'σ', 'ı', 'ɑ', 'ӏ', 'ß', 'ẞ', 'İ', 'ǅ', 'K', 'ſ', 'µ',
  'Ｔ', 'ｅ', '！', '１', 'ﬁ', 'ﷺ', '㏂', '½', '\uFE49', '①', '™', 'ℌ',
  '招聘', '加', '微', '信', '高薪', 'เงินเดือน', 'ก', 'ប្រាក់ខែ', 'ကျပ်', 'triệu', 'Café', 'Cafe\u0301', 'đồng',
  '😂', '🎂', '𝐔𝐒𝐃𝐓', '𝐚', '\u{1D167}', '\u{1F3FB}', '\uD800', '\uDC00', '\uDBFF', '\uDFFF',
];

function randomText(rng: Rng, pieces: number): string {
  let s = '';
  for (let k = 0; k < pieces; k++) s += rng.chance(0.35) ? rng.pick(['a', 'e', 'o', 't', 'n', ' ', 'r', 's']) : rng.pick(PIECES);
  return s;
}

const LETTERS = ['a', 'B', 'z', 'I', 'а', 'Ν', 'ß', '加', '信', 'ก', '𝐔', '😂', '1', '0', '@', 'é', 'e\u0301', '\uD800'];
const SEPARATORS = [' ', '.', '·', '•', '*', '_', '-', '  ', '. ', '-_', ' .', '\u00A0', ',', '\u200B'];

/** Runs of single letters and separators (the spaced/dotted-letter joining), mixed into other text. */
function spacedText(rng: Rng): string {
  let s = '';
  for (let run = rng.int(1, 4); run > 0; run--) {
    s += rng.pick(['', ' ', 'x', 'ab ', '1', '. ', '\n', 'é']);
    const sep = rng.pick(SEPARATORS);
    for (let k = rng.int(1, 6); k > 0; k--) s += rng.pick(LETTERS) + (rng.chance(0.85) ? sep : rng.pick(SEPARATORS));
    s += rng.pick(LETTERS);
  }
  return s;
}

function same(input: string): void {
  const got = normalizeText(input);
  const want = referenceNormalize(input);
  expect(got.text).toBe(want.text);
  // originalSpan looks units up without building the full maps: check it first, on every span edge case.
  const L = want.text.length;
  for (const [s, e] of [[0, L], [0, 1], [L - 1, L], [L, L + 1], [-1, 2], [2, 1], [Math.floor(L / 3), Math.floor(L / 2) + 1], [1, L + 5]] as const) {
    expect(originalSpan(got, s, e), `span ${s}-${e}`).toEqual(referenceSpan(want, s, e));
  }
  for (let k = 0; k < L; k += 1 + (k % 7)) expect(originalSpan(got, k, k + 1 + (k % 5))).toEqual(referenceSpan(want, k, k + 1 + (k % 5)));
  expect(Array.from(got.starts)).toEqual(Array.from(want.starts));
  expect(Array.from(got.ends)).toEqual(Array.from(want.ends));
  expect([...got.ambiguous]).toEqual([...want.ambiguous]);
}

describe('normalizeText fast paths == reference implementation', () => {
  test('random mixed inputs (fixed seeds)', () => {
    for (let seed = 1; seed <= 1500; seed++) {
      const rng = new Rng(seed);
      const input = randomText(rng, rng.int(0, 60));
      try {
        same(input);
      } catch (e) {
        throw new Error(`seed ${seed}, input ${JSON.stringify(input)}: ${(e as Error).message}`);
      }
    }
  });

  test('random spaced and dotted letters (fixed seeds)', () => {
    for (let seed = 1; seed <= 1500; seed++) {
      const input = spacedText(new Rng(seed));
      try {
        same(input);
      } catch (e) {
        throw new Error(`seed ${seed}, input ${JSON.stringify(input)}: ${(e as Error).message}`);
      }
    }
  });

  test('ASCII runs, whitespace runs and simple non-ASCII, with now and then a character for the cluster path', () => {
    // Long ASCII runs take the run loop; marks, invisibles and astral characters the cluster path.
    const simple = ['Hello', 'WORLD', ' ', '  ', '\n\n', '\t', ' \r\n ', '\u00A0', '\u3000', '\u2003 ', 'Ｕ', 'ｓｄｔ', '招聘', 'а', 'Н', 'ς', 'ß', 'İ', '½', 'ﬁ', '…', '·', '•', 'U S D T', 'a.b.c', 'c0ntact', 'te1egram', '$5', 'x'];
    for (let seed = 1; seed <= 800; seed++) {
      const rng = new Rng(seed * 31);
      let input = '';
      for (let k = rng.int(0, 40); k > 0; k--) input += rng.pick(simple);
      // one in four gets a character that sends it back to the loop
      if (seed % 4 === 0) input = input.slice(0, seed % 7) + rng.pick(['\u0301', '\u200B', '😂', '\u00AD', '\uD800']) + input.slice(seed % 7);
      try {
        same(input);
      } catch (e) {
        throw new Error(`seed ${seed}, input ${JSON.stringify(input)}: ${(e as Error).message}`);
      }
    }
  });

  test('long inputs cross the output growth and string-building chunk sizes', () => {
    const rng = new Rng(4242);
    same(randomText(rng, 6000));
    // NFKC expansions make the output longer than the input (growth path).
    same('ﷺ'.repeat(3000) + ' U S D T ' + '㏂'.repeat(2000));
    same('x'.repeat(20_000) + 'te1egram' + ' a b c '.repeat(3000));
  });

  test('pure ASCII and pure BMP inputs', () => {
    const rng = new Rng(7);
    for (let k = 0; k < 300; k++) {
      let ascii = '';
      const len = rng.int(0, 80);
      for (let j = 0; j < len; j++) ascii += String.fromCharCode(rng.int(0, 127));
      same(ascii);
      let bmp = '';
      for (let j = 0; j < len; j++) bmp += String.fromCharCode(rng.int(0x80, 0xffff));
      same(bmp);
    }
  });

  test('the ASCII run loop at its edges: whitespace runs, marks and invisibles right after a run, surrogates, control characters', () => {
    // The run loop copies ASCII (single whitespace included) unit for unit and stops at non-ASCII or whitespace
    // after a space; a character before a combining mark is taken back and handed to the cluster path.
    const runs = ['word', 'Word.', 'a', 'Z', '9', '$', '@', ' ', '   ', '\n', '\t\t', ' \n ', '\r\n\r\n', '\u0000', '\u001c', '\u007f', 'c0', '1', 'a b c', 'x.y.z'];
    const breaks = ['\u0301', '\u0301\u0302', '\u200B', '\u200B\u0301', '\u00AD', '\uFEFF\u0308', '😂', '\uD800', '\uDC00', '\u{1D167}', '\u00A0', '\u3000', 'é', '加', 'ﬁ', '\u0E34', 'ก\u0E34'];
    const rng = new Rng(99);
    for (let k = 0; k < 2000; k++) {
      let input = '';
      for (let j = rng.int(1, 8); j > 0; j--) input += rng.pick(runs) + (rng.chance(0.6) ? rng.pick(breaks) : '');
      try {
        same(input);
      } catch (e) {
        throw new Error(`case ${k}, input ${JSON.stringify(input)}: ${(e as Error).message}`);
      }
    }
    // digit swaps at run and token edges: CJK tokens with digits, astral characters in a token, @ before a dotted name, trailing 0
    for (const input of ['先后有30余名受害人', '缴纳20%个人', '有3个', 'ab1😂cd', 'x1y 𝐚1b', 'me@mail.com p@y', 'crypt0 cr0 abc00', '1abc', 'ab12c ab123c', 'a$b ab@', 'ａ１ｂ', 'É1é', 'e\u03011x']) same(input);
    for (const input of ['a\u0301', ' \u0301', '\n\u0301', '  \u0301x', 'ab  \u200B\u0301', '\u0000\u0301', 'x'.repeat(100) + '\u0301', 'a    b', ' \t\n\r x', 'a \uD83D\uDE02 b', '\u0301']) same(input);
  });

  test('a result stays valid after later calls (the unit buffer is reused between calls)', () => {
    const a = 'Ｔｅｌｅｇｒａｍ  U S D T c0ntact '.repeat(500);
    const first = normalizeText(a);
    const text = first.text;
    normalizeText('completely different ﷺ text '.repeat(800)); // longer: the buffer grows
    normalizeText('x');
    expect(first.text).toBe(text);
    expect(first.text).toBe(referenceNormalize(a).text);
    expect(Array.from(first.starts)).toEqual(Array.from(referenceNormalize(a).starts));
  });

  test('unpaired surrogates survive string building unchanged', () => {
    const n = normalizeText('ab\uD800cd\uDC00 😂 \uDBFF');
    expect(n.text).toBe('ab\uD800cd\uDC00 😂 \uDBFF');
    expect(n.text.length).toBe(n.starts.length);
  });

  test('offsets map normalised matches back to the original words', () => {
    const input = 'Ｃｏｎｔａｃｔ  us on\u200B T e l e g r a m or W.h.a.t.s.A.p.p: c0ntact 😂 Café\u0301 now';
    const n = normalizeText(input);
    for (const [word, original] of [['contact', 'Ｃｏｎｔａｃｔ'], ['telegram', 'T e l e g r a m'], ['whatsapp', 'W.h.a.t.s.A.p.p'], ['contact', 'c0ntact'], ['now', 'now']] as const) {
      const at = n.text.indexOf(word, word === 'contact' && original === 'c0ntact' ? n.text.indexOf(':') : 0);
      expect(at).toBeGreaterThanOrEqual(0);
      const [s, e] = originalSpan(n, at, at + word.length);
      expect(input.slice(s, e)).toBe(original);
    }
  });
});
