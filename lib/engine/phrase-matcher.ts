/**
 * One Aho-Corasick automaton over every phrase of every rule: a single pass over a normalised text
 * finds all phrase occurrences. Word boundaries are enforced only at phrase edges written in scripts
 * that separate words with spaces; Chinese, Japanese, Thai, Lao, Khmer and Burmese match anywhere.
 */
import type { NormalizedText } from './normalize-text';

/** 0 = not a word character, 1 = word character of a spaced script, 2 = word character of an unspaced script. */
type CharClass = 0 | 1 | 2;
const classCache = new Uint8Array(65536); // 0 = unknown, else class + 1
const WORD = /[\p{L}\p{N}\p{M}]/u;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u3000-\u303f\u30fc]/u;

export function charClass(code: number): CharClass {
  const cached = classCache[code]!;
  if (cached) return (cached - 1) as CharClass;
  let cls: CharClass = 0;
  if (code >= 0xd800 && code <= 0xdfff) cls = 0;
  else {
    const ch = String.fromCharCode(code);
    if (UNSPACED.test(ch)) cls = 2;
    else if (WORD.test(ch)) cls = 1;
  }
  classCache[code] = cls + 1;
  return cls;
}

interface Pattern {
  /** Index of the phrase this pattern stands for. */
  phrase: number;
  length: number;
  /** Offsets inside the pattern where the text must hold an ambiguous `1` (variant l -> i). */
  ambiguousAt: number[];
  boundaryStart: boolean;
  boundaryEnd: boolean;
}

export class PhraseMatcher {
  private readonly next: Map<number, number>[] = [new Map()];
  private fail: Int32Array = new Int32Array(1);
  private readonly out: number[][] = [[]];
  private readonly patterns: Pattern[] = [];

  /** `phrases` must already be normalised (see normalizePhrase). Empty phrases are ignored. */
  constructor(readonly phrases: readonly string[]) {
    phrases.forEach((p, id) => {
      if (!p) return;
      this.add(p, id, []);
      // "te1egram" is normalised to "teiegram": accept i for l where the text had a digit 1.
      const ls: number[] = [];
      for (let k = 0; k < p.length; k++) if (p[k] === 'l') ls.push(k);
      if (ls.length > 0 && ls.length <= 3) {
        for (let mask = 1; mask < 1 << ls.length; mask++) {
          const at = ls.filter((_, b) => mask & (1 << b));
          let v = p;
          for (const k of at) v = v.slice(0, k) + 'i' + v.slice(k + 1);
          this.add(v, id, at);
        }
      }
    });
    this.build();
  }

  private add(p: string, phrase: number, ambiguousAt: number[]): void {
    let s = 0;
    for (let k = 0; k < p.length; k++) {
      const c = p.charCodeAt(k);
      let t = this.next[s]!.get(c);
      if (t === undefined) {
        t = this.next.length;
        this.next.push(new Map());
        this.out.push([]);
        this.next[s]!.set(c, t);
      }
      s = t;
    }
    this.out[s]!.push(this.patterns.length);
    this.patterns.push({
      phrase,
      length: p.length,
      ambiguousAt,
      boundaryStart: charClass(p.charCodeAt(0)) === 1,
      boundaryEnd: charClass(p.charCodeAt(p.length - 1)) === 1,
    });
  }

  private build(): void {
    const fail = new Int32Array(this.next.length);
    const queue: number[] = [];
    for (const t of this.next[0]!.values()) queue.push(t);
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!;
      for (const [c, t] of this.next[s]!) {
        let f = fail[s]!;
        while (f !== 0 && !this.next[f]!.has(c)) f = fail[f]!;
        const g = this.next[f]!.get(c);
        fail[t] = g !== undefined && g !== t ? g : 0;
        const inherited = this.out[fail[t]!]!;
        if (inherited.length) this.out[t] = this.out[t]!.concat(inherited);
        queue.push(t);
      }
    }
    this.fail = fail;
  }

  /**
   * Calls `onMatch(phrase, start, end)` for every occurrence (normalised offsets) that passes the
   * boundary and ambiguity checks. Returns early when `onMatch` returns false.
   */
  scan(norm: NormalizedText, onMatch: (phrase: number, start: number, end: number) => boolean | void): void {
    const text = norm.text;
    const next = this.next;
    const fail = this.fail;
    let s = 0;
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      let t = next[s]!.get(c);
      while (t === undefined && s !== 0) {
        s = fail[s]!;
        t = next[s]!.get(c);
      }
      s = t ?? 0;
      const outs = this.out[s]!;
      for (let o = 0; o < outs.length; o++) {
        const pat = this.patterns[outs[o]!]!;
        const end = k + 1;
        const start = end - pat.length;
        if (pat.boundaryStart && start > 0 && charClass(text.charCodeAt(start - 1)) === 1) continue;
        if (pat.boundaryEnd && end < text.length && charClass(text.charCodeAt(end)) === 1) continue;
        if (pat.ambiguousAt.length && !pat.ambiguousAt.every((a) => norm.ambiguous.has(start + a))) continue;
        if (onMatch(pat.phrase, start, end) === false) return;
      }
    }
  }
}
