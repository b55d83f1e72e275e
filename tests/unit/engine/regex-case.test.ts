/**
 * caseSensitiveSource: rule regexes compiled without the slow `i` flag must match normalised (lower-case) text
 * exactly as the original `giu` regex does; sources where that is not certain are left alone (null).
 */
import { describe, expect, test } from 'vitest';
import { normalizeText } from '@/lib/engine/normalize-text';
import { caseSensitiveSource } from '@/lib/engine/regex-case';
import { shippedPack } from '@/lib/shipped-engine';
import { fixtureTexts } from '../../bench/corpus';
import { Rng } from '../../fuzz/prng';

/** Every match (index and text) of a global regex. */
function allMatches(re: RegExp, text: string): [number, string][] {
  const out: [number, string][] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push([m.index, m[0]]);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

describe('caseSensitiveSource', () => {
  test.each([
    ['\\bUSDT\\b', '\\busdt\\b'],
    ['\\bT[1-9A-HJ-NP-Za-km-z]{33}\\b', '\\bt[1-9A-HJ-NP-Za-km-zabcdefghjklmnpqrstuvwxyz]{33}\\b'],
    ['[^A-C\\d]x', '[^A-C\\dabc]x'],
    ['Kiếm\\s(?:Được)?', 'kiếm\\s(?:được)?'],
    ['(?<!not )\\b(?:send|pay)\\s\\$?\\d{1,5}', '(?<!not )\\b(?:send|pay)\\s\\$?\\d{1,5}'],
    ['(?<Amount>\\d+)\\s?USD', '(?<Amount>\\d+)\\s?usd'],
    ['加微信|[，,。]', '加微信|[，,。]'],
    ['[\\b\\-A]', '[\\b\\-Aa]'],
    ['(?:Bị|SE) Khoa(?!\\p{L})', '(?:bị|se) khoa(?!\\p{L})'],
    ['[\\p{L}\\p{N}]X\\P{M}', '[\\p{L}\\p{N}]x\\P{M}'],
  ])('%s -> %s', (src, expected) => {
    expect(caseSensitiveSource(src)).toBe(expected);
  });

  test.each([
    ['back-reference', '(a)\\1'],
    ['property escape that `i` widens', '\\p{Lu}x'],
    ['script property', '\\p{Script=Greek}'],
    ['\\u escape', '[\\u4e00-\\u9fa5]'],
    ['Greek letter (case class of three)', 'σ'],
    ['Cyrillic letter', 'в'],
    ['Kelvin sign', '\u212A'],
    ['dotted capital I', 'İ'],
    ['unterminated class', '[abc'],
  ])('leaves %s to the `iu` regex', (_name, src) => {
    expect(caseSensitiveSource(src)).toBeNull();
  });

  test('rewritten sources still compile', () => {
    for (const src of ['[A-Z]{2,}', 'a{2}B{1,}', '(?:x|Y)+?', '[-A]', '[A-]', '[]a', '[^]']) {
      const out = caseSensitiveSource(src);
      expect(out, src).not.toBeNull();
      expect(() => new RegExp(out!, 'gu')).not.toThrow();
    }
  });

  test('every shipped rule regex matches normalised text exactly as its `giu` original (all matches)', () => {
    const pairs: { src: string; original: RegExp; rewritten: RegExp }[] = [];
    for (const rule of shippedPack.rules) {
      for (const sel of rule.detection.selections) {
        for (const src of sel.regex ?? []) {
          const lower = caseSensitiveSource(src);
          if (lower !== null) pairs.push({ src, original: new RegExp(src, 'giu'), rewritten: new RegExp(lower, 'gu') });
        }
      }
    }
    expect(pairs.length).toBeGreaterThan(50);
    // Texts: the fixture pages, plus random mixtures of the pack's phrases, upper case, digits and symbols.
    const phrases = shippedPack.rules.flatMap((r) => r.detection.selections.flatMap((s) => s.phrases ?? []));
    const pieces = ['USD', 'Usdt', '$', '€', '£', ' ', '  ', '\n', '.', ',', '-', '/', '%', '0x', 'T', 'K', '\u212A', 'ſ', 'Σ', 'ς', 'İ', 'Ǆ', 'ẞ', 'ß', 'Ế', '1,500', '30', '2024', 'per month', 'Per Day', '@', 'WhatsApp', 'Telegram', 'http://', '.com'];
    const rng = new Rng(99);
    const texts = fixtureTexts();
    for (let k = 0; k < 400; k++) {
      let t = '';
      for (let j = rng.int(1, 25); j > 0; j--) {
        const p = rng.chance(0.5) ? rng.pick(phrases) : rng.pick(pieces);
        t += (rng.chance(0.3) ? p.toUpperCase() : p) + rng.pick([' ', '', ' ', '\n', ': ']);
      }
      texts.push(t);
    }
    let compared = 0;
    for (const raw of texts) {
      const text = normalizeText(raw).text;
      for (const { src, original, rewritten } of pairs) {
        const want = allMatches(original, text);
        compared += want.length;
        expect(allMatches(rewritten, text), `${src} on ${JSON.stringify(text.slice(0, 80))}`).toEqual(want);
      }
    }
    expect(compared).toBeGreaterThan(100); // the check really saw matches
  });
});
