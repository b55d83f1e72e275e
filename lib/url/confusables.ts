/**
 * Confusable skeletons in the spirit of Unicode TR39 (https://www.unicode.org/reports/tr39/#def-skeleton),
 * reduced to what matters for hostnames: letters from Cyrillic, Greek and Armenian that render like Latin
 * letters, full-width forms (folded by NFKC), Latin letters with diacritics (folded by stripping marks),
 * and the digit and letter-pair swaps typosquatters use (0→o, 1→l, rn→m, vv→w).
 * Two strings with the same skeleton look alike; `skeleton('pаypal')` (Cyrillic а) === `skeleton('paypal')`.
 * The table is compact on purpose: it covers lower-case forms, because hostnames are case-folded.
 */
const TABLE: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', һ: 'h', і: 'i', ї: 'i', ј: 'j', к: 'k', ӏ: 'l', м: 'm', н: 'h', о: 'o', п: 'n',
  р: 'p', с: 'c', ѕ: 's', т: 't', у: 'y', ү: 'y', х: 'x', ԁ: 'd', ԛ: 'q', ԝ: 'w', ɡ: 'g', ь: 'b', г: 'r',
  // Greek
  α: 'a', β: 'b', γ: 'y', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w',
  ϲ: 'c', ϳ: 'j', ς: 'c',
  // Armenian
  ա: 'w', հ: 'h', ո: 'n', ս: 'u', օ: 'o', ց: 'g', զ: 'q', ե: 'e',
  // Latin lookalikes outside ASCII that NFKC keeps
  ɑ: 'a', ı: 'i', ȷ: 'j', ɩ: 'i', ʟ: 'l', ɴ: 'n', ʀ: 'r', ꜱ: 's', ᴄ: 'c', ᴏ: 'o', ᴠ: 'v', ᴡ: 'w', ᴢ: 'z', ß: 'ss',
  ø: 'o', đ: 'd', ħ: 'h', ł: 'l', ŀ: 'l', ƅ: 'b',
  // TR39 confusables: hooked, barred and small-capital Latin letters (ĸraĸen, ɱyetherwallet, ȴedger, uþhold)
  ĸ: 'k', ƙ: 'k', ᴋ: 'k', ɱ: 'm', ᴍ: 'm', ɪ: 'i', ɨ: 'i', ȴ: 'l', ƚ: 'l', ɫ: 'l', ɭ: 'l', ꝇ: 'l', þ: 'p', ŋ: 'n',
  ɦ: 'h', ʜ: 'h', ɓ: 'b', ʙ: 'b', ɗ: 'd', ᴅ: 'd', ƈ: 'c', ɠ: 'g', ɢ: 'g', ʋ: 'v', ƴ: 'y', ʏ: 'y', ȥ: 'z', ʂ: 's',
  ᴜ: 'u', ᴛ: 't', ᴘ: 'p', ᴀ: 'a', ᴇ: 'e', ⱸ: 'e',
  // digits that stand in for letters
  '0': 'o', '1': 'l',
};

const MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
const PAIRS: [RegExp, string][] = [
  [/rn/g, 'm'],
  [/vv/g, 'w'],
];

/** True when the string is plain ASCII letters, digits, dots and hyphens (the fast path). */
const ASCII_HOSTISH = /^[a-z0-9.-]*$/;

/** TR39-style skeleton of a (host) string: lower-cased, marks removed, confusables mapped to Latin. */
export function skeleton(input: string): string {
  let s = input.toLowerCase();
  if (!ASCII_HOSTISH.test(s)) {
    s = s.normalize('NFKC').toLowerCase().normalize('NFD').replace(MARKS, '');
  }
  let out = '';
  for (const ch of s) out += TABLE[ch] ?? ch;
  for (const [re, to] of PAIRS) out = out.replace(re, to);
  return out;
}

/** Scripts that have letters in the table above; a host mixing one of them with Latin letters is deceptive. */
const NON_LATIN_LOOKALIKE = /[\u0370-\u03ff\u0400-\u04ff\u0500-\u052f\u0530-\u058f]/u;
const LATIN = /[a-z]/;

/** True when a label mixes Latin letters with Cyrillic/Greek/Armenian letters (TR39 mixed-script). */
export function isMixedScript(label: string): boolean {
  return LATIN.test(label) && NON_LATIN_LOOKALIKE.test(label);
}

/** True when every letter of the label is a non-Latin letter that maps to Latin (a whole-script confusable, `аррӏе`). */
export function isWholeScriptConfusable(label: string): boolean {
  if (!NON_LATIN_LOOKALIKE.test(label)) return false;
  for (const ch of label.normalize('NFKC').toLowerCase()) {
    if (/[0-9-]/.test(ch)) continue;
    if (!(ch in TABLE)) return false;
  }
  return true;
}
