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
  boundaryStart: boolean;
  boundaryEnd: boolean;
}

/**
 * Trie + failure links. Most trie nodes have a single child, so a node keeps one (code, child) pair inline and
 * only switches to a Map when it gets a second child: this keeps building fast for thousands of phrases.
 */
export class PhraseMatcher {
  private readonly codes: number[] = [-1];
  private readonly child: number[] = [0];
  private readonly maps: (Map<number, number> | undefined)[] = [undefined];
  private fail: Int32Array = new Int32Array(1);
  private readonly out: number[][] = [[]];
  private readonly patterns: Pattern[] = [];

  /**
   * `phrases` must already be normalised (see normalizePhrase). Empty phrases are ignored. Phrases with
   * `anywhere[id]` true match without word-boundary checks (used for regex prefilter literals).
   */
  constructor(
    readonly phrases: readonly string[],
    anywhere: readonly boolean[] = [],
  ) {
    phrases.forEach((p, id) => {
      if (p) this.add(p, id, anywhere[id] === true);
    });
    this.build();
  }

  private get(s: number, c: number): number | undefined {
    const m = this.maps[s];
    if (m) return m.get(c);
    return this.codes[s] === c ? this.child[s] : undefined;
  }

  private set(s: number, c: number, t: number): void {
    const m = this.maps[s];
    if (m) m.set(c, t);
    else if (this.codes[s] === -1) {
      this.codes[s] = c;
      this.child[s] = t;
    } else this.maps[s] = new Map([[this.codes[s]!, this.child[s]!], [c, t]]);
  }

  private children(s: number): [number, number][] {
    const m = this.maps[s];
    if (m) return [...m];
    return this.codes[s] === -1 ? [] : [[this.codes[s]!, this.child[s]!]];
  }

  private add(p: string, phrase: number, anywhere: boolean): void {
    let s = 0;
    for (let k = 0; k < p.length; k++) {
      const c = p.charCodeAt(k);
      let t = this.get(s, c);
      if (t === undefined) {
        t = this.codes.length;
        this.codes.push(-1);
        this.child.push(0);
        this.maps.push(undefined);
        this.out.push([]);
        this.set(s, c, t);
      }
      s = t;
    }
    this.out[s]!.push(this.patterns.length);
    this.patterns.push({
      phrase,
      length: p.length,
      boundaryStart: !anywhere && charClass(p.charCodeAt(0)) === 1,
      boundaryEnd: !anywhere && charClass(p.charCodeAt(p.length - 1)) === 1,
    });
  }

  private build(): void {
    const fail = new Int32Array(this.codes.length);
    const queue: number[] = this.children(0).map(([, t]) => t);
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!;
      for (const [c, t] of this.children(s)) {
        let f = fail[s]!;
        let g = this.get(f, c);
        while (g === undefined && f !== 0) {
          f = fail[f]!;
          g = this.get(f, c);
        }
        fail[t] = g !== undefined && g !== t ? g : 0;
        const inherited = this.out[fail[t]!]!;
        if (inherited.length) this.out[t] = this.out[t]!.concat(inherited);
        queue.push(t);
      }
    }
    this.fail = fail;
  }

  /**
   * Calls `onMatch(phrase, start, end)` for every occurrence (normalised offsets) that passes the boundary
   * checks. When the text has a digit 1 read as `i` ("te1egram"), a second pass reads those as `l`.
   */
  scan(norm: NormalizedText, onMatch: (phrase: number, start: number, end: number) => void): void {
    this.scanText(norm.text, onMatch);
    if (norm.ambiguous.size > 0) {
      const chars = norm.text.split('');
      for (const k of norm.ambiguous) chars[k] = 'l';
      this.scanText(chars.join(''), onMatch);
    }
  }

  private scanText(text: string, onMatch: (phrase: number, start: number, end: number) => void): void {
    const fail = this.fail;
    let s = 0;
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      let t = this.get(s, c);
      while (t === undefined && s !== 0) {
        s = fail[s]!;
        t = this.get(s, c);
      }
      s = t ?? 0;
      const outs = this.out[s]!;
      for (let o = 0; o < outs.length; o++) {
        const pat = this.patterns[outs[o]!]!;
        const end = k + 1;
        const start = end - pat.length;
        if (pat.boundaryStart && start > 0 && charClass(text.charCodeAt(start - 1)) === 1) continue;
        if (pat.boundaryEnd && end < text.length && charClass(text.charCodeAt(end)) === 1) continue;
        onMatch(pat.phrase, start, end);
      }
    }
  }
}
