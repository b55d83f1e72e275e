import { describe, expect, test } from 'vitest';
import { normalizePhrase, normalizeText } from '../../../lib/engine/normalize-text';
import { PhraseMatcher } from '../../../lib/engine/phrase-matcher';

function matches(phrases: string[], text: string): string[] {
  const m = new PhraseMatcher(phrases.map(normalizePhrase));
  const found: string[] = [];
  m.scan(normalizeText(text), (id) => {
    found.push(phrases[id]!);
  });
  return found;
}

describe('PhraseMatcher', () => {
  test('English phrases need word boundaries', () => {
    expect(matches(['task'], 'I love multitasking')).toEqual([]);
    expect(matches(['task'], 'tasks')).toEqual([]);
    expect(matches(['task'], 'Complete the task, then withdraw')).toEqual(['task']);
    expect(matches(['free flight'], 'FREE   flight!')).toEqual(['free flight']);
  });

  test.each([
    ['zh', ['包吃包住', '高薪'], '招聘打字员高薪包吃包住', ['高薪', '包吃包住']],
    ['th', ['เงินเดือนสูง'], 'รับสมัครพนักงานเงินเดือนสูงมาก', ['เงินเดือนสูง']],
    ['km', ['ប្រាក់ខែខ្ពស់'], 'ការងារប្រាក់ខែខ្ពស់នៅក្រុងព្រះសីហនុ', ['ប្រាក់ខែខ្ពស់']],
    ['my', ['လစာကောင်း'], 'အလုပ်လစာကောင်းသည်', ['လစာကောင်း']],
    ['ja', ['高収入'], '海外で高収入の仕事', ['高収入']],
  ])('%s phrases match inside unspaced text', (_lang, phrases, text, expected) => {
    expect(matches(phrases, text).sort()).toEqual([...expected].sort());
  });

  test('a Latin phrase next to Chinese text still matches', () => {
    expect(matches(['telegram'], '加我telegram聊')).toEqual(['telegram']);
  });

  test('overlapping phrases all match (one pass)', () => {
    expect(matches(['he', 'she', 'his', 'hers'], 'ushers').sort()).toEqual([]); // word boundaries
    expect(matches(['包住', '包吃包住', '吃包'], '包吃包住').sort()).toEqual(['包住', '包吃包住', '吃包'].sort());
  });

  test('digit 1 may stand for l, but only where the text had a 1', () => {
    expect(matches(['telegram'], 'add me on te1egram')).toEqual(['telegram']);
    expect(matches(['bitcoin'], 'b1tcoin')).toEqual(['bitcoin']);
    expect(matches(['telegram'], 'teiegram')).toEqual([]);
  });

  test('obfuscated phrases match after normalisation', () => {
    expect(matches(['whatsapp'], 'W.h.a.t.s.A.p.p me')).toEqual(['whatsapp']);
    expect(matches(['usdt'], 'pay in Ｕ Ｓ Ｄ Ｔ')).toEqual(['usdt']);
  });
});
