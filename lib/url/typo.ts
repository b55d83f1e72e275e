/**
 * Which edit-distance near-misses count as typosquats. Plain Levenshtein with a fixed tolerance flags ordinary
 * words (finance/binance, doujin/douyin, kodak/kotak), so a near-miss counts only when it has the shape
 * typosquatters use, and the allowance grows with the brand token's length (short names get none):
 *   - >= 5 letters: two adjacent letters swapped (binnace) or a letter doubled (kraaken, coinbasse);
 *   - >= 7 letters: a letter dropped inside the word, not the first or last (coinbse; `mail` is not gmail,
 *     `googl` not google);
 *   - >= 7 letters: one letter inside the word (not the first or last) replaced by a key next to it on a QWERTY
 *     keyboard (metanask, binsnce, coinbsse) or by a letter that sounds the same, c/k or s/z (lokalbitcoins);
 * Vowel swaps and freely inserted letters are left out: they are how unrelated names differ (metamusk, opensera).
 *   - >= 11 letters: any two edits that keep the first letter, and the last one unless the length changes by at
 *     most one letter (myetherwellat, myetherwalets, myetherwalletr), or the last letter dropped (localbitcoin);
 * Both strings are confusable skeletons (see confusables.ts), so homoglyphs never count as edits.
 */
import { distance } from 'fastest-levenshtein';

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const NEIGHBOURS = new Map<string, Set<string>>();
for (let r = 0; r < ROWS.length; r++) {
  for (let c = 0; c < ROWS[r]!.length; c++) {
    const set = new Set<string>();
    for (let dr = -1; dr <= 1; dr++) {
      for (const dc of dr === 0 ? [-1, 1] : dr < 0 ? [0, 1] : [-1, 0]) {
        const ch = ROWS[r + dr]?.[c + dc];
        if (ch) set.add(ch);
      }
    }
    NEIGHBOURS.set(ROWS[r]![c]!, set);
  }
}

function neighbourKeys(a: string, b: string): boolean {
  return NEIGHBOURS.get(a)?.has(b) ?? false;
}

/** Letters that sound alike and replace each other in typosquats (dnstwist "homophones"): lokalbitcoins. */
const SOUND_ALIKE = new Set(['ck', 'kc', 'sz', 'zs']);

function soundAlike(a: string, b: string): boolean {
  return SOUND_ALIKE.has(a + b);
}

function firstDiff(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Minimum token length for each kind of near-miss. */
export const TYPO_MIN = { swapDoubleDrop: 5, drop: 7, replace: 7, twoEdits: 11 } as const;

/**
 * Returns the edit distance when `candidate` is a typosquat of `token` (both skeletons), else 0.
 * Equal strings return 0 too (that is an exact or homoglyph match, handled elsewhere).
 */
export function typoDistance(candidate: string, token: string): number {
  const n = token.length;
  const m = candidate.length;
  if (n < TYPO_MIN.swapDoubleDrop || Math.abs(n - m) > 2 || candidate === token) return 0;
  if (m === n) {
    const i = firstDiff(candidate, token);
    // adjacent swap
    if (
      i < n - 1 && candidate[i] === token[i + 1] && candidate[i + 1] === token[i] &&
      candidate.slice(i + 2) === token.slice(i + 2)
    ) {
      return 2;
    }
    // one replaced letter inside the word
    if (n >= TYPO_MIN.replace && i > 0 && i < n - 1 && candidate.slice(i + 1) === token.slice(i + 1)) {
      if (neighbourKeys(candidate[i]!, token[i]!) || soundAlike(candidate[i]!, token[i]!)) return 1;
      // any other letter: only long names (the two-edit rule below), as one edit is within its allowance
    }
  } else if (m === n - 1) {
    const i = firstDiff(candidate, token);
    if (n >= TYPO_MIN.drop && i > 0 && i < n - 1 && candidate.slice(i) === token.slice(i + 1)) return 1; // dropped inner letter
    if (n >= TYPO_MIN.twoEdits && i === n - 1) return 1; // a long name without its last letter (localbitcoin)
  } else if (m === n + 1) {
    const i = firstDiff(candidate, token);
    if (candidate.slice(i + 1) === token.slice(i)) {
      const added = candidate[i]!;
      if (added === candidate[i - 1] || added === candidate[i + 1]) return 1; // doubled letter
    }
  }
  if (n >= TYPO_MIN.twoEdits && candidate[0] === token[0] && (candidate[m - 1] === token[n - 1] || Math.abs(m - n) <= 1)) {
    const d = distance(candidate, token);
    if (d <= 2) return d;
  }
  return 0;
}
