/**
 * Seeded generators of hostile engine inputs: random Unicode across scripts (combining marks, lone surrogates,
 * bidi and zero-width controls, CJK/Thai/Khmer/Burmese without spaces), the shipped pack's own phrases and the rule
 * examples disguised the ways scammers disguise them, regex bait, huge texts (up to 5 MB), every surface, and
 * structurally malformed inputs (wrong types, nulls, odd keys) as the CLI or a broken adapter could pass them.
 *
 * Every case is a pure function of (run seed, index), so a failure is reproduced from those two numbers.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { RulePack } from '@/lib/engine/pack';
import { SURFACES, type ScanInput, type Surface } from '@/lib/engine/types';
import { Rng, caseSeed } from './prng';

export type CaseKind = 'soup' | 'phrases' | 'example' | 'malformed' | 'bait' | 'large' | 'huge';

export interface FuzzCase {
  index: number;
  kind: CaseKind;
  /** What the case is about, for reports ("huge: 5 MB combining marks"). */
  label: string;
  /** Usually a ScanInput; malformed cases are deliberately not. */
  input: ScanInput;
}

export interface Vocabulary {
  /** Every phrase of the shipped pack, as written. */
  phrases: string[];
  /** Match examples of the rule files (scan inputs). */
  examples: ScanInput[];
}

const ROOT = resolve(import.meta.dirname, '../..');

/** Phrases from the compiled pack and match examples from rules/**.yaml (the format of rules/README.md). */
export function loadVocabulary(pack: RulePack, rulesDir = join(ROOT, 'rules')): Vocabulary {
  const phrases = new Set<string>();
  for (const rule of pack.rules) for (const sel of rule.detection.selections) for (const p of sel.phrases ?? []) phrases.add(String(p));
  const examples: ScanInput[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(name)) {
        let doc: unknown;
        try {
          doc = parseYaml(readFileSync(path, 'utf8'));
        } catch {
          continue; // the rule loader reports broken files; the fuzzer only borrows examples
        }
        const match = (doc as { examples?: { match?: unknown[] } } | null)?.examples?.match;
        for (const ex of Array.isArray(match) ? match : []) {
          if (typeof ex === 'string') examples.push({ surface: 'page', text: ex });
          else if (ex && typeof ex === 'object' && SURFACES.includes((ex as ScanInput).surface)) examples.push(ex as ScanInput);
        }
      }
    }
  };
  walk(rulesDir);
  return { phrases: [...phrases].sort(), examples };
}

// ---------------------------------------------------------------------------------------------------------------
// Character pools

type Range = readonly [number, number];
const SCRIPTS: Record<string, readonly Range[]> = {
  latin: [[0x61, 0x7a], [0x41, 0x5a], [0x30, 0x39]],
  latinExt: [[0xc0, 0x24f], [0x1e00, 0x1eff]],
  cyrillic: [[0x400, 0x4ff]],
  greek: [[0x370, 0x3ff]],
  cjk: [[0x4e00, 0x9fff], [0x3400, 0x4dbf]],
  kana: [[0x3040, 0x30ff]],
  hangul: [[0xac00, 0xd7a3], [0x1100, 0x11ff]],
  thai: [[0x0e01, 0x0e5b]],
  lao: [[0x0e81, 0x0edf]],
  khmer: [[0x1780, 0x17f9], [0x19e0, 0x19ff]],
  burmese: [[0x1000, 0x109f], [0xaa60, 0xaa7f]],
  arabic: [[0x600, 0x6ff], [0xfb50, 0xfdff], [0xfe70, 0xfeff]],
  hebrew: [[0x591, 0x5f4]],
  devanagari: [[0x900, 0x97f]],
  fullwidth: [[0xff01, 0xff5e], [0xff61, 0xff9f]],
  mathAlnum: [[0x1d400, 0x1d7ff]],
  emoji: [[0x1f300, 0x1faff], [0x2600, 0x27bf]],
  marks: [[0x300, 0x36f], [0x1ab0, 0x1aff], [0x20d0, 0x20ff], [0xfe20, 0xfe2f]],
  punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e], [0x2010, 0x205e], [0x3000, 0x303f]],
  controls: [[0x0, 0x1f], [0x7f, 0x9f]],
  privateUse: [[0xe000, 0xf8ff], [0xf0000, 0xf00ff]],
};
const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u034F', '\u180E', '\u2061', '\u3164', '\uFE0F'];
const BIDI = ['\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u061C'];
const SPACES = [' ', '\t', '\n', '\r\n', '\r', '\u00A0', '\u2028', '\u2029', '\u3000', '\u1680', '\u2003', '\u200A', '\u0085', '\u000B', '\u000C'];
/** Characters whose NFKC, case mapping or UTF-16 length changes in surprising ways. */
const ODD = [
  '\uFDFA', '\uFB01', '\uFB03', '\u2126', '\u01C5', '\u0130', '\u00DF', '\u1E9E', '\u0390', '\u1F80', '\u2460', '\u3392',
  '\u33FF', '\uFFFD', '\uFFFE', '\uFFFF', '\u0000', '\u2028', '\u212A', '\u017F', '\uA7AE', '\u0345', '\u1FBE', '\uFF1A',
  '\uD83D\uDC4D\uD83C\uDFFD', '\uD83C\uDDF0\uD83C\uDDED', '\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67', '\uD835\uDC14\uD835\uDC12',
];
const HOMOGLYPHS: Record<string, string[]> = {
  a: ['а', 'α', 'ɑ', 'ａ'], c: ['с', 'ϲ', 'ｃ'], e: ['е', 'ε', 'ｅ'], i: ['і', 'ι', 'ı', '1'], o: ['о', 'ο', '0', 'ｏ'],
  p: ['р', 'ρ'], s: ['ѕ', '$', '5'], t: ['т', 'τ', '7'], x: ['х', 'χ'], y: ['у', 'ү'], l: ['ӏ', '1', 'ʟ'], h: ['һ', 'н'],
  k: ['к', 'κ'], m: ['м'], b: ['в', 'β'],
};
const DIGIT_SWAPS: Record<string, string> = { o: '0', i: '1', e: '3', a: '4', s: '5', l: '1', t: '7' };
const SEPARATORS = [' ', '.', '-', '_', '*', '·', '•', '  ', '. '];

function fromRange(rng: Rng, ranges: readonly Range[]): string {
  const [lo, hi] = rng.pick(ranges);
  return String.fromCodePoint(rng.int(lo, hi));
}

function loneSurrogate(rng: Rng): string {
  return String.fromCharCode(rng.chance(0.5) ? rng.int(0xd800, 0xdbff) : rng.int(0xdc00, 0xdfff));
}

/** A run of `length` code points of one script (no spaces for the unspaced scripts). */
function scriptRun(rng: Rng, script: string, length: number): string {
  const ranges = SCRIPTS[script]!;
  let s = '';
  for (let i = 0; i < length; i++) s += fromRange(rng, ranges);
  return s;
}

function noise(rng: Rng): string {
  return rng.weighted<() => string>([
    [4, () => rng.pick(ZERO_WIDTH)],
    [4, () => rng.pick(BIDI)],
    [3, () => rng.pick(SPACES)],
    [3, () => rng.pick(ODD)],
    [2, () => loneSurrogate(rng)],
    [3, () => fromRange(rng, SCRIPTS.marks!)],
    [1, () => fromRange(rng, SCRIPTS.controls!)],
  ])();
}

/** Random Unicode soup of about `length` UTF-16 units, mixing scripts, words, marks and controls. */
export function soup(rng: Rng, length: number): string {
  const parts: string[] = [];
  let n = 0;
  const scripts = Object.keys(SCRIPTS);
  while (n < length) {
    const piece = rng.weighted<() => string>([
      [8, () => scriptRun(rng, rng.pick(scripts), rng.int(1, 12))],
      [6, () => scriptRun(rng, rng.pick(['cjk', 'thai', 'khmer', 'burmese', 'lao']), rng.int(2, 30))],
      [5, () => rng.pick(SPACES)],
      [4, () => noise(rng)],
      [2, () => String(rng.int(0, 10 ** rng.int(1, 9)))],
    ])();
    parts.push(piece);
    n += piece.length;
  }
  return parts.join('').slice(0, Math.max(length, 0));
}

// ---------------------------------------------------------------------------------------------------------------
// Disguises: the ways scam texts evade filters (and the normaliser must see through)

export function disguise(rng: Rng, phrase: string): string {
  const chars = [...phrase];
  const way = rng.int(0, 12);
  switch (way) {
    case 0: // invisible characters between letters
      return chars.map((c) => c + (rng.chance(0.5) ? rng.pick(ZERO_WIDTH) : '')).join('');
    case 1: // Cyrillic/Greek/full-width lookalikes
      return chars.map((c) => (HOMOGLYPHS[c.toLowerCase()] && rng.chance(0.5) ? rng.pick(HOMOGLYPHS[c.toLowerCase()]!) : c)).join('');
    case 2: // full-width forms
      return chars.map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
    case 3: // math bold (astral)
      return chars
        .map((c) => (c >= 'a' && c <= 'z' ? String.fromCodePoint(0x1d41a + c.charCodeAt(0) - 97) : c >= 'A' && c <= 'Z' ? String.fromCodePoint(0x1d400 + c.charCodeAt(0) - 65) : c))
        .join('');
    case 4: // spaced or dotted letters
      return chars.join(rng.pick(SEPARATORS));
    case 5: // digit swaps
      return chars.map((c) => (rng.chance(0.6) ? (DIGIT_SWAPS[c] ?? c) : c)).join('');
    case 6: // random case
      return chars.map((c) => (rng.chance(0.5) ? c.toUpperCase() : c)).join('');
    case 7: // combining marks on letters
      return chars.map((c) => c + (rng.chance(0.4) ? fromRange(rng, SCRIPTS.marks!) : '')).join('');
    case 8: // decomposed
      return phrase.normalize(rng.chance(0.5) ? 'NFD' : 'NFKD');
    case 9: // wrapped in a bidi override
      return `${rng.pick(BIDI)}${phrase}${rng.pick(BIDI)}`;
    case 10: // broken across lines / odd spaces
      return phrase.replace(/ /g, () => rng.pick(SPACES));
    case 11: // a lone surrogate glued on either side
      return `${loneSurrogate(rng)}${phrase}${loneSurrogate(rng)}`;
    default:
      return phrase;
  }
}

function money(rng: Rng): string {
  const n = rng.pick(['800', '1,500', '3.000', '12 000', '25000', '5k', '2万', '1.5 triệu', '300']);
  return rng.pick([`$${n}/month`, `${n} USDT per day`, `月薪${n}元`, `${n} บาท ต่อเดือน`, `RM ${n} sebulan`, `${n}៛`, `US$ ${n} - ${n}`, `${n} usd a week`]);
}

function url(rng: Rng): string {
  const host = rng.weighted<() => string>([
    [3, () => `${scriptRun(rng, 'latin', rng.int(1, 20)).toLowerCase()}.${rng.pick(['top', 'xyz', 'com', 'vip', 'cc', 'kh', 'org'])}`],
    [1, () => `${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(0, 255)}`],
    [1, () => `xn--${scriptRun(rng, 'latin', 8).toLowerCase()}.com`],
    [1, () => `bank.com@${scriptRun(rng, 'latin', 6).toLowerCase()}.top`],
    [1, () => `[::${rng.int(1, 9999)}]`],
    [1, () => soup(rng, rng.int(1, 20))],
  ])();
  const path = rng.chance(0.5) ? `/${soup(rng, rng.int(0, 40))}` : '';
  return `${rng.pick(['https://', 'http://', '', 'www.', 'javascript:', 'data:text/html,', '//', 'HTTPS://', 'hxxp://'])}${host}${path}`;
}

function phraseText(rng: Rng, vocab: Vocabulary, length: number): string {
  const parts: string[] = [];
  let n = 0;
  while (n < length) {
    const piece = rng.weighted<() => string>([
      [6, () => (vocab.phrases.length ? disguise(rng, rng.pick(vocab.phrases)) : soup(rng, 8))],
      [3, () => (vocab.phrases.length ? rng.pick(vocab.phrases) : soup(rng, 8))],
      [4, () => soup(rng, rng.int(1, 40))],
      [3, () => rng.pick(SPACES)],
      [1, () => money(rng)],
      [1, () => url(rng)],
      [1, () => noise(rng)],
      [1, () => longMatch(rng)],
    ])();
    parts.push(piece);
    n += piece.length;
  }
  return parts.join('');
}

/** Tokens that unbounded rule patterns match in full: evidence far longer than any display limit. */
function longMatch(rng: Rng): string {
  const n = rng.int(150, 3000);
  return rng.pick([
    () => `t.me/${'a'.repeat(n)}`,
    () => `@${'x'.repeat(n)}`,
    () => `$1500 - 1${',000'.repeat(n / 4)} per month`,
    () => `https://${'a'.repeat(n)}.top/${'b'.repeat(n)}`,
    () => `https://bank.com@${'a.'.repeat(n / 2)}xyz/login`,
    () => `bc1${'q'.repeat(n)}`,
    () => `0x${'a'.repeat(n)}`,
    () => `www.${'w'.repeat(n)}.com`,
    () => `send ${'x'.repeat(n)} usdt`,
  ])();
}

/** Strings that make careless regexes and tokenisers backtrack or loop. */
function bait(rng: Rng, length: number): string {
  const unit = rng.pick([
    'a ', 'a.', 'U S D T ', '1,000,', '9', '$', '$ ', ' ', '.', 'http://a', 'www.', 'a.b.', 'aaaa', '-', '@', '1 ', '0x',
    '\u0301', '\u200B', 'ab ', '[10:32] ', 'x:', 'Name: ', '：', '万', 'เงิน', 'ប្រាក់', '\uD800', 'te1e', 'l1l1',
  ]);
  const tail = rng.pick(['', '!', 'X', '1', '\n', '\uD800', 'usdt', ' per month', 'a']);
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length) + tail;
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs per surface

function chatLines(rng: Rng, vocab: Vocabulary, lines: number, lineLength: number): string {
  const names = ['Anna', 'me', 'You', '我', 'ខ្ញុំ', 'Mr. Chen 陈', '[10:32] Lisa', '12/03/2024, 10:32 - HR', 'http', '\u202Eadmin', ''];
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const name = rng.pick(names);
    const sep = rng.pick([': ', '：', ':', ' : ', '']);
    out.push(`${name}${sep}${phraseText(rng, vocab, rng.int(1, lineLength))}`);
  }
  return out.join(rng.pick(['\n', '\r\n', '\n\n']));
}

function inputFor(rng: Rng, surface: Surface, text: () => string): ScanInput {
  const input: ScanInput = { surface };
  switch (surface) {
    case 'job_post': {
      const fields: Record<string, string> = {};
      for (const name of ['title', 'company', 'salary', 'location', 'contact', 'description']) if (rng.chance(0.7)) fields[name] = text();
      if (rng.chance(0.2)) fields[rng.pick(['benefits', '__proto__', 'constructor', 'toString', '', ' ', '💼', 'fields.x'])] = text();
      if (rng.chance(0.3)) fields.salary = money(rng);
      input.fields = fields;
      if (rng.chance(0.3)) input.text = text();
      break;
    }
    case 'chat':
      if (rng.chance(0.5)) {
        input.messages = Array.from({ length: rng.int(1, 12) }, () => ({ from: rng.pick(['them', 'me', 'unknown'] as const), text: text() }));
      } else input.text = text();
      break;
    case 'url':
      input.url = url(rng);
      if (rng.chance(0.3)) input.text = text();
      break;
    default:
      input.text = text();
  }
  if (rng.chance(0.4)) input.title = rng.chance(0.5) ? text().slice(0, 200) : soup(rng, 30);
  if (surface !== 'url' && rng.chance(0.4)) input.url = url(rng);
  if (rng.chance(0.3)) input.links = Array.from({ length: rng.int(0, 8) }, () => url(rng));
  if (rng.chance(0.2)) input.lang = rng.pick(['en', 'km', 'zh-CN', 'th', 'my', 'vi', '', 'xx-invalid', '\u202Een']);
  return input;
}

/** Inputs that break the type contract, as a JSON line or a buggy adapter could deliver them. */
function malformed(rng: Rng, vocab: Vocabulary): ScanInput {
  const text = () => phraseText(rng, vocab, rng.int(0, 200));
  const variants: (() => unknown)[] = [
    () => ({ surface: rng.pick<unknown>(['', 'PAGE', 'web', 'sms ', null, 42, undefined]), text: text() }),
    () => ({ text: text() }),
    () => ({ surface: 'page', text: rng.pick<unknown>([42, null, true, {}, [], ['a'], { toString: 'x' }, -0, Number.NaN]) }),
    () => ({ surface: 'chat', messages: rng.pick<unknown>([null, 'hello', 42, {}, [null], [42], [{}], [{ from: 'x', text: 42 }], [{ text: text() }], [[text()]]]) }),
    () => ({ surface: 'chat', messages: [{ from: 'them', text: text() }, null, { from: null, text: null }, { from: 'me' }], text: text() }),
    () => ({ surface: 'job_post', fields: rng.pick<unknown>([null, 'x', 42, [], [text()], { salary: 5000 }, { title: null, company: {}, contact: [text()] }]) }),
    () => ({ surface: 'page', links: rng.pick<unknown>([null, 'http://x.top', [null, 42, {}, text()], [['http://a.top']]]), text: text() }),
    () => ({ surface: 'url', url: rng.pick<unknown>([null, 42, '', ' ', 'http://', '://', '@', `http://${'a.'.repeat(500)}top`, { href: 'x' }]) }),
    () => ({ surface: 'page', title: rng.pick<unknown>([42, null, ['x'], {}]), text: text(), lang: rng.pick<unknown>([42, null, {}]) }),
    () => ({ surface: 'email', text: text(), extra: { nested: { deep: [1, 2, 3] } }, fields: { a: text() } }),
    () => rng.pick<unknown>([null, undefined, 42, 'page', [], true]),
  ];
  return rng.pick(variants)() as ScanInput;
}

function fromExample(rng: Rng, vocab: Vocabulary): ScanInput {
  if (!vocab.examples.length) return inputFor(rng, 'page', () => phraseText(rng, vocab, 200));
  const ex = structuredClone(rng.pick(vocab.examples));
  const wrap = (s: string | undefined) => {
    if (typeof s !== 'string') return s;
    const body = rng.chance(0.5) ? disguise(rng, s) : s;
    return `${rng.chance(0.5) ? soup(rng, rng.int(0, 60)) : ''}${body}${rng.chance(0.5) ? soup(rng, rng.int(0, 60)) : ''}`;
  };
  ex.text = wrap(ex.text);
  ex.title = wrap(ex.title);
  if (ex.fields) for (const k of Object.keys(ex.fields)) ex.fields[k] = wrap(ex.fields[k]);
  if (ex.messages) ex.messages = ex.messages.map((m) => ({ ...m, text: wrap(m.text) ?? '' }));
  for (const k of Object.keys(ex) as (keyof ScanInput)[]) if (ex[k] === undefined) delete ex[k];
  return ex;
}

// ---------------------------------------------------------------------------------------------------------------
// Huge inputs (1-5 MB): a fixed list, each built from its own seed

const MB = 1 << 20;
export const HUGE_CASES: { label: string; make: (rng: Rng, vocab: Vocabulary) => ScanInput }[] = [
  { label: '5 MB page of mixed scripts and disguised phrases', make: (rng, v) => ({ surface: 'page', text: phraseText(rng, v, 5 * MB), title: 'x' }) },
  { label: '1 MB single word with a phrase inside', make: (rng, v) => ({ surface: 'page', text: `${'a'.repeat(MB / 2)}${v.phrases[0] ?? 'usdt'}${'b'.repeat(MB / 2)} ${v.phrases[1] ?? 'telegram'}` }) },
  { label: '5 MB of combining marks on one letter', make: () => ({ surface: 'page', text: `u${'\u0301\u0308\u0335'.repeat((5 * MB) / 3)} sdt` }) },
  { label: '5 MB of zero-width and bidi controls around phrases', make: (rng, v) => ({ surface: 'sms', text: Array.from({ length: 5 * 1024 }, () => `${rng.pick(ZERO_WIDTH).repeat(900)}${rng.pick(BIDI).repeat(100)}${rng.pick(v.phrases.length ? v.phrases : ['x'])}`).join('') }) },
  { label: '5 MB chat of 100,000 lines', make: (rng, v) => ({ surface: 'chat', text: chatLines(rng, v, 100_000, 50).padEnd(5 * MB, ' ') }) },
  { label: '2 MB of spaced letters', make: () => ({ surface: 'page', text: 'U S D T '.repeat(MB / 4) }) },
  { label: '3 MB of digit groups (salary bait)', make: () => ({ surface: 'job_post', fields: { salary: `$${'1,000'.repeat((3 * MB) / 5)} per month`, title: 'Typist' } }) },
  { label: '2 MB URL', make: () => ({ surface: 'url', url: `http://${'a.'.repeat(MB)}top/`, text: `www.${'x'.repeat(MB)}.com` }) },
  { label: 'job post with six 1 MB fields', make: (rng, v) => ({ surface: 'job_post', fields: Object.fromEntries(['title', 'company', 'salary', 'location', 'contact', 'description'].map((k) => [k, phraseText(rng, v, MB)])) }) },
  { label: '5 MB of CJK/Thai/Khmer/Burmese without spaces, phrases inside', make: (rng, v) => ({ surface: 'page', text: Array.from({ length: 2500 }, () => scriptRun(rng, rng.pick(['cjk', 'thai', 'khmer', 'burmese']), 1000) + rng.pick(v.phrases.length ? v.phrases : ['x'])).join('').slice(0, 5 * MB) }) },
  { label: '2 MB of lone surrogates and astral characters', make: (rng) => ({ surface: 'email', text: Array.from({ length: MB }, () => (rng.chance(0.5) ? loneSurrogate(rng) : String.fromCodePoint(rng.int(0x1d400, 0x1d7ff)))).join('') }) },
  { label: '200 messages of 25 KB each', make: (rng, v) => ({ surface: 'chat', messages: Array.from({ length: 200 }, (_, i) => ({ from: i % 2 ? 'them' : 'me', text: phraseText(rng, v, 25_000) })) }) },
];

// ---------------------------------------------------------------------------------------------------------------

/** Builds case `index` of the run `runSeed`. Cases `count - HUGE_CASES.length ..` are the huge ones. */
export function generateCase(runSeed: number, index: number, count: number, vocab: Vocabulary): FuzzCase {
  const rng = new Rng(caseSeed(runSeed, index));
  const hugeStart = count - HUGE_CASES.length;
  if (index >= hugeStart) {
    const huge = HUGE_CASES[index - hugeStart]!;
    return { index, kind: 'huge', label: `huge: ${huge.label}`, input: huge.make(rng, vocab) };
  }
  const kind = rng.weighted<CaseKind>([
    [30, 'phrases'],
    [20, 'soup'],
    [25, 'example'],
    [10, 'malformed'],
    [11, 'bait'],
    [4, 'large'],
  ]);
  const surface = rng.pick(SURFACES);
  switch (kind) {
    case 'soup':
      return { index, kind, label: `soup/${surface}`, input: inputFor(rng, surface, () => soup(rng, rng.int(0, 400))) };
    case 'phrases': {
      const text = () => (surface === 'chat' && rng.chance(0.5) ? chatLines(rng, vocab, rng.int(1, 20), 80) : phraseText(rng, vocab, rng.int(1, 600)));
      return { index, kind, label: `phrases/${surface}`, input: inputFor(rng, surface, text) };
    }
    case 'example':
      return { index, kind, label: 'example', input: fromExample(rng, vocab) };
    case 'malformed':
      return { index, kind, label: 'malformed', input: malformed(rng, vocab) };
    case 'bait':
      return { index, kind, label: `bait/${surface}`, input: inputFor(rng, surface, () => bait(rng, rng.int(100, 20_000))) };
    case 'large':
      return { index, kind, label: `large/${surface}`, input: inputFor(rng, surface, () => phraseText(rng, vocab, rng.int(20_000, 110_000))) };
    default:
      throw new Error(`unknown case kind ${kind as string}`);
  }
}
