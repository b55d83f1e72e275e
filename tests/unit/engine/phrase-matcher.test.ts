import { describe, expect, test } from 'vitest';
import { normalizePhrase, normalizeText } from '../../../lib/engine/normalize-text';
import { charClass, LOG, PhraseMatcher } from '../../../lib/engine/phrase-matcher';
import { Rng } from '../../fuzz/prng';

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

  test('a phrase that needs a word boundary after it is reported before exactly the ASCII characters that are not letters or digits (the warm scan loop)', () => {
    const m = new PhraseMatcher(['xq']);
    for (let c = 0; c < 128; c++) {
      const text = `xq${String.fromCharCode(c)} xq${String.fromCharCode(c)}`; // the second occurrence runs on cached transitions
      const found: number[] = [];
      m.scan({ text, starts: new Int32Array(0), ends: new Int32Array(0), ambiguous: new Set() }, (_id, s) => found.push(s));
      expect({ c, found }).toEqual({ c, found: charClass(c) === 1 ? [] : [0, 4] });
    }
  });

  test('obfuscated phrases match after normalisation', () => {
    expect(matches(['whatsapp'], 'W.h.a.t.s.A.p.p me')).toEqual(['whatsapp']);
    expect(matches(['usdt'], 'pay in Ｕ Ｓ Ｄ Ｔ')).toEqual(['usdt']);
  });
});

describe('PhraseMatcher against a brute-force search', () => {
  /** Every occurrence, by indexOf at every position, with the same boundary rule (word characters of spaced scripts). */
  function bruteForce(phrases: string[], anywhere: boolean[], text: string): string[] {
    const word = (c: number) => charClass(c) === 1;
    const out: string[] = [];
    phrases.forEach((p, id) => {
      for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) {
        const end = at + p.length;
        if (!anywhere[id] && word(p.charCodeAt(0)) && at > 0 && word(text.charCodeAt(at - 1))) continue;
        if (!anywhere[id] && word(p.charCodeAt(p.length - 1)) && end < text.length && word(text.charCodeAt(end))) continue;
        out.push(`${id}@${at}-${end}`);
      }
    });
    return out.sort();
  }

  test('random phrase sets (many children per node: dense rows; few: hash) find exactly the brute-force matches', () => {
    const rng = new Rng(2024);
    const alphabet = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'n', 'o', 's', 't', ' ', '$', '高', '薪', 'ก', 'é', '1'];
    const word = (len: number) => Array.from({ length: len }, () => rng.pick(alphabet)).join('');
    for (let round = 0; round < 40; round++) {
      const phrases = [...new Set(Array.from({ length: rng.int(1, 120) }, () => word(rng.int(1, 6)).trim()).filter(Boolean))];
      const anywhere = phrases.map(() => rng.chance(0.2));
      const m = new PhraseMatcher(phrases, anywhere);
      for (let t = 0; t < 10; t++) {
        const text = word(rng.int(0, 300));
        const found: string[] = [];
        m.scan({ text, starts: new Int32Array(0), ends: new Int32Array(0), ambiguous: new Set() }, (id, s, e) => found.push(`${id}@${s}-${e}`));
        expect(found.sort(), `round ${round}: ${JSON.stringify(text)}`).toEqual(bruteForce(phrases, anywhere, text));
      }
    }
  });

  const plain = (text: string) => ({ text, starts: new Int32Array(0), ends: new Int32Array(0), ambiguous: new Set<number>() });
  /** The brute-force matches with only the first (leftmost) occurrence kept for phrases marked `once`. */
  function firstOnly(all: string[], once: Uint8Array): string[] {
    const parse = (m: string) => m.match(/^(\d+)@\d+-(\d+)$/)!.slice(1).map(Number) as [number, number];
    const first = new Map<number, number>();
    for (const m of all) {
      const [id, end] = parse(m);
      if (once[id] === 1) first.set(id, Math.min(first.get(id) ?? Infinity, end));
    }
    return all.filter((m) => {
      const [id, end] = parse(m);
      return once[id] !== 1 || first.get(id) === end;
    });
  }

  test('`once` phrases report only their first occurrence, LOG phrases every occurrence in `log` (not `onMatch`), and the next scan reports everything again (same matcher, cached transitions)', () => {
    const rng = new Rng(77);
    const alphabet = ['a', 'b', 'c', 'n', 'o', 's', ' ', '$', '高', 'é', '1'];
    const word = (len: number) => Array.from({ length: len }, () => rng.pick(alphabet)).join('');
    for (let round = 0; round < 30; round++) {
      const phrases = [...new Set(Array.from({ length: rng.int(1, 60) }, () => word(rng.int(1, 4)).trim()).filter(Boolean))];
      const anywhere = phrases.map(() => rng.chance(0.3));
      const m = new PhraseMatcher(phrases, anywhere);
      const texts = Array.from({ length: 4 }, () => word(rng.int(0, 400)));
      for (let t = 0; t < 12; t++) {
        const text = texts[t % texts.length]!;
        const useOnce = t % 3 !== 2;
        const once = new Uint8Array(phrases.length).map(() => (rng.chance(0.5) ? 1 : rng.chance(0.4) ? LOG : 0));
        const found: string[] = [];
        m.scan(plain(text), (id, s, e) => found.push(`${id}@${s}-${e}`), useOnce ? once : undefined);
        const all = bruteForce(phrases, anywhere, text);
        const logged = (id: number) => useOnce && once[id] === LOG;
        const idOf = (x: string) => Number(x.slice(0, x.indexOf('@')));
        expect(found.sort(), `round ${round}.${t}: ${JSON.stringify(text)}`).toEqual((useOnce ? firstOnly(all, once) : all).filter((x) => !logged(idOf(x))).sort());
        const log: string[] = [];
        for (let j = 0; j < m.logLength; j += 2) log.push(`${m.log[j]!}@${m.log[j + 1]!}-${m.log[j + 1]! + phrases[m.log[j]!]!.length}`);
        // in text order (by end), every occurrence of the LOG phrases
        const ends = log.map((x) => Number(x.split('-')[1]));
        expect(ends, `log order, round ${round}.${t}`).toEqual([...ends].sort((x, y) => x - y));
        expect(log.sort(), `log, round ${round}.${t}: ${JSON.stringify(text)}`).toEqual(all.filter((x) => logged(idOf(x))));
      }
    }
  });

  test('`once` spans both passes of a text with a digit 1 read as l', () => {
    const m = new PhraseMatcher(['telegram', 'teiegram'].map(normalizePhrase));
    const found: string[] = [];
    m.scan(normalizeText('te1egram and telegram, te1egram'), (id, s, e) => found.push(`${id}@${s}-${e}`), new Uint8Array([1, 1]));
    expect(found).toEqual(['1@0-8', '0@13-21']);
  });

  test('more states than the cached-transition table holds: matches stay exact past the cap', () => {
    const rng = new Rng(5);
    const letters = 'abcdefghijklmnopqrstuvwxyz'.split('');
    const phrases = [...new Set(Array.from({ length: 4000 }, () => Array.from({ length: rng.int(6, 10) }, () => rng.pick(letters)).join('')))];
    const anywhere = phrases.map(() => true);
    const m = new PhraseMatcher(phrases, anywhere);
    // Every phrase once, plus noise: more distinct states are visited (about 30,000) than the table's 16,384 rows.
    const text = phrases.map((p) => (rng.chance(0.5) ? p : p.slice(0, 4) + rng.pick(letters) + p.slice(4))).join(rng.chance(0.5) ? ' ' : '');
    for (let pass = 0; pass < 2; pass++) {
      const found: string[] = [];
      m.scan(plain(text), (id, s, e) => found.push(`${id}@${s}-${e}`));
      expect(found.sort()).toEqual(bruteForce(phrases, anywhere, text));
    }
  });

  test('a text with digit-1 units read as l: the windowed second pass reports exactly what a whole second pass would (onMatch and log)', () => {
    const rng = new Rng(31);
    const alphabet = ['a', 'e', 'i', 'l', 'n', 't', ' ', ' ', ' ', '.', '1', '高', 'ก'];
    const word = (len: number) => Array.from({ length: len }, () => rng.pick(alphabet)).join('');
    for (let round = 0; round < 30; round++) {
      // multi-word phrases (up to 12 units) so that windows must reach past the word around an ambiguous unit
      const phrases = [...new Set(Array.from({ length: rng.int(1, 80) }, () => word(rng.int(1, 12)).trim()).filter(Boolean))];
      const anywhere = phrases.map(() => rng.chance(0.3));
      const m = new PhraseMatcher(phrases, anywhere);
      for (let t = 0; t < 6; t++) {
        // long texts made of the phrases and noise; some l of the planted phrases written as i (an ambiguous unit)
        const chars: string[] = [];
        const ambiguous = new Set<number>();
        while (chars.length < rng.int(50, 3000)) {
          const piece = rng.chance(0.4) ? rng.pick(phrases) : word(rng.int(1, 8));
          const ls = [...piece].flatMap((c, k) => (c === 'l' ? [k] : []));
          const base = chars.length;
          chars.push(...piece);
          if (ls.length > 0 && rng.chance(0.3)) {
            const k = base + rng.pick(ls);
            chars[k] = 'i';
            ambiguous.add(k);
          }
        }
        const text = chars.join('');
        const alt = chars.map((c, k) => (ambiguous.has(k) ? 'l' : c)).join('');
        const logPhrase = new Uint8Array(phrases.length).map(() => (rng.chance(0.3) ? LOG : 0));
        const found = new Set<string>();
        m.scan({ text, starts: new Int32Array(0), ends: new Int32Array(0), ambiguous }, (id, s, e) => found.add(`${id}@${s}-${e}`), logPhrase);
        const logged = new Set<string>();
        for (let j = 0; j < m.logLength; j += 2) logged.add(`${m.log[j]!}@${m.log[j + 1]!}-${m.log[j + 1]! + phrases[m.log[j]!]!.length}`);
        const want = [...new Set([...bruteForce(phrases, anywhere, text), ...bruteForce(phrases, anywhere, alt)])];
        const isLog = (x: string) => logPhrase[Number(x.slice(0, x.indexOf('@')))] === LOG;
        expect([...found].sort(), `round ${round}.${t}`).toEqual(want.filter((x) => !isLog(x)).sort());
        expect([...logged].sort(), `log, round ${round}.${t}`).toEqual(want.filter(isLog).sort());
      }
    }
  });
});
