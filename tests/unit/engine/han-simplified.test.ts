import { describe, expect, test } from 'vitest';
import { simplifiedHan, simplifyHanSource } from '../../../lib/engine/han-simplified';
import { normalizePhrase, normalizeText, originalSpan } from '../../../lib/engine/normalize-text';
import { PhraseMatcher } from '../../../lib/engine/phrase-matcher';

describe('Traditional Chinese folds to Simplified (a matching key)', () => {
  test('Taiwan, Hong Kong and mainland spellings normalise to the same text, unit for unit', () => {
    const traditional = '保證獲利！加入LINE投資群組，老師每天免費報明牌，穩賺不賠。裡面為你';
    const simplified = '保证获利！加入line投资群组，老师每天免费报明牌，稳赚不赔。里面为你';
    const n = normalizeText(traditional);
    expect(n.text).toBe(normalizeText(simplified).text);
    expect(n.text.length).toBe(traditional.length);
    // evidence still points at the page's own characters
    const at = n.text.indexOf('稳赚');
    expect(traditional.slice(...originalSpan(n, at, at + 2))).toBe('穩賺');
  });

  test('a phrase written in Simplified matches a Traditional page, and the reverse', () => {
    const m = new PhraseMatcher(['稳赚不赔', '高薪'].map(normalizePhrase));
    const found: number[] = [];
    m.scan(normalizeText('海外高薪，穩賺不賠'), (id) => found.push(id));
    expect(found.sort()).toEqual([0, 1]);
    expect(normalizePhrase('穩賺不賠')).toBe('稳赚不赔');
  });

  test('characters outside the table, and other scripts, are left alone', () => {
    for (const c of ['a', 'é', 'ก', '钱', '日', 'の', '한']) expect(simplifiedHan(c.charCodeAt(0))).toBe(c.charCodeAt(0));
    expect(String.fromCharCode(simplifiedHan('錢'.charCodeAt(0)))).toBe('钱');
    expect(normalizeText('東京の會社').text).toBe('东京の会社');
  });

  test('rule regexes fold the same way, except range endpoints', () => {
    expect(simplifyHanSource('(?:洗[錢钱]|保證)\\d')).toBe('(?:洗[钱钱]|保证)\\d');
    expect(new RegExp(simplifyHanSource('穩賺|保證'), 'u').test(normalizeText('穩賺').text)).toBe(true);
    expect(simplifyHanSource('[錢-鐵]')).toBe('[錢-鐵]');
  });
});
