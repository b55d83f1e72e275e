/**
 * A protected organisation's short name joined to a country code, "vip" or a government word on a cheap TLD
 * (INDICATORS X09, IM08, IM14): SMS-phishing kits that impersonate telcos, banks, posts and agencies name their
 * throw-away domains this way (ais-th, jpjmy, posmy, smart-phl, gob-serpost). Short names (3-4 letters: AIS, JPJ,
 * CIMB) are too short to fuzz or find inside other words, so they count only in this shape; a national
 * organisation's name may also be misspelled here with look-alike letters (i/l/1, m/n: cimb → clnb), one letter
 * added to a 4-letter name (cinbcmy) or one edit of a longer one (myaybank), because the country code and the cheap
 * ending already say "impersonation". Ordinary words kept as `shortNames` (pos, smart) need a country code.
 *
 * Pure data + strings (no tldts); the caller decides when to look (cheap TLD, not official, no stronger hit).
 */
import { distance } from 'fastest-levenshtein';
import { skeleton } from './confusables';
import type { Organisation } from './url-lists';

/** ISO 3166-1 alpha-3 codes of the countries our organisations belong to (alpha-2 → alpha-3). */
const ALPHA3: Record<string, string> = {
  AE: 'are', AT: 'aut', AU: 'aus', BD: 'bgd', BN: 'brn', BR: 'bra', CN: 'chn', DE: 'deu', EC: 'ecu', ES: 'esp',
  FR: 'fra', GB: 'gbr', HK: 'hkg', ID: 'idn', IN: 'ind', IT: 'ita', JP: 'jpn', KH: 'khm', KR: 'kor', LA: 'lao',
  MM: 'mmr', MY: 'mys', NP: 'npl', PE: 'per', PH: 'phl', PK: 'pak', PL: 'pol', SA: 'sau', SG: 'sgp', TH: 'tha',
  TW: 'twn', US: 'usa', VN: 'vnm',
};
/** Countries of our users (issue 6) plus the rest of ASEAN: the codes a global brand's short name may carry. */
const USER_COUNTRIES = ['AU', 'BD', 'BN', 'CN', 'GB', 'ID', 'IN', 'JP', 'KH', 'KR', 'LA', 'MM', 'MY', 'NP', 'PH', 'PK', 'SG', 'TH', 'US', 'VN'];
/** Words that are not a country but pad these names the same way: "vip" (the points/VIP lure), government words. */
const EXTRA_AFFIXES = ['vip', 'gov', 'gob', 'govt'];
/** Minimum length of a name that may be misspelled (one edit) in this shape. */
const MIN_TYPO = 4;

function countryCodes(country: string): string[] {
  const a2 = country === 'GB' ? 'uk' : country.toLowerCase();
  const a3 = ALPHA3[country];
  return a3 ? [a2, a3] : [a2];
}

/** Letters read alike in a short SMS link (i/l/1, m/n) folded together, on top of the confusable skeleton. */
export function looseSkeleton(word: string): string {
  return skeleton(word).replace(/[i1]/g, 'l').replace(/m/g, 'n');
}

interface AffixName {
  name: string;
  loose: string;
  org: Organisation;
  /** An ordinary word (`shortNames`: pos, smart) counts only beside a country code, not "vip" or "gov" alone. */
  needsCountry: boolean;
}

interface CountryGroup {
  affixes: string[];
  /** name → entry, for exact hits. */
  names: Map<string, AffixName>;
  /** Names that may be misspelled (national organisations, 4+ letters). */
  typo: AffixName[];
}

export interface CountryAffixHit {
  org: Organisation;
  /** The name as written in the host (after the affixes are removed). */
  word: string;
  /** The affixes removed (country codes, vip, gov ...). */
  affixes: string[];
  kind: 'exact' | 'typo';
}

export interface CountryAffixIndex {
  match(label: string): CountryAffixHit | undefined;
}

/**
 * Index of each organisation's names (tokens of 3+ letters and `shortNames`) by the affixes that may pad them: the
 * organisation's own country codes (alpha-2 and alpha-3) for national organisations, our users' countries for
 * global ones, and "vip"/government words for all.
 */
export function createCountryAffixIndex(orgs: readonly Organisation[], tokensOf: (org: Organisation) => string[]): CountryAffixIndex {
  const groups = new Map<string, CountryGroup>();
  const globalAffixes = [...new Set(USER_COUNTRIES.flatMap(countryCodes))];
  for (const org of orgs) {
    const key = org.country;
    let g = groups.get(key);
    if (!g) {
      const codes = key === 'global' ? globalAffixes : countryCodes(key);
      g = { affixes: [...codes, ...EXTRA_AFFIXES].sort((a, b) => b.length - a.length), names: new Map(), typo: [] };
      groups.set(key, g);
    }
    const tokens = tokensOf(org);
    for (const name of new Set([...tokens, ...(org.shortNames ?? [])])) {
      if (name.length < 3 || g.names.has(name)) continue;
      const entry = { name, loose: looseSkeleton(name), org, needsCountry: !tokens.includes(name) };
      g.names.set(name, entry);
      if (key !== 'global' && name.length >= MIN_TYPO && !org.plainWord) g.typo.push(entry);
    }
  }

  /** Every core left after removing up to two affixes from each end, with the affixes removed (at least one). */
  function cores(s: string, affixes: readonly string[]): { core: string; removed: string[] }[] {
    const out: { core: string; removed: string[] }[] = [];
    const strip = (rest: string, removed: string[], fromStart: number, fromEnd: number): void => {
      if (removed.length && rest.length >= 3) out.push({ core: rest, removed });
      if (fromStart < 2) for (const a of affixes) if (rest.startsWith(a) && rest.length - a.length >= 3) strip(rest.slice(a.length), [...removed, a], fromStart + 1, fromEnd);
      if (fromEnd < 2) for (const a of affixes) if (rest.endsWith(a) && rest.length - a.length >= 3) strip(rest.slice(0, -a.length), [...removed, a], 2, fromEnd + 1);
    };
    strip(s, [], 0, 0);
    return out;
  }

  function match(label: string): CountryAffixHit | undefined {
    const s = label.replace(/-/g, '');
    if (!/^[a-z0-9]{5,40}$/.test(s)) return undefined;
    let typoHit: CountryAffixHit | undefined;
    for (const g of groups.values()) {
      for (const { core, removed } of cores(s, g.affixes)) {
        const hasCountry = removed.some((a) => !EXTRA_AFFIXES.includes(a));
        const exact = g.names.get(core);
        if (exact && (hasCountry || !exact.needsCountry)) return { org: exact.org, word: core, affixes: removed, kind: 'exact' };
        if (typoHit || core.length < MIN_TYPO) continue;
        const loose = looseSkeleton(core);
        for (const e of g.typo) {
          if (Math.abs(e.loose.length - loose.length) > 1 || (e.needsCountry && !hasCountry)) continue;
          // Names of 4 letters: only look-alike letters and one letter added (cinbc for CIMB), not a changed
          // letter, which turns them into other words (post for POSB); longer names: one edit.
          const near = loose === e.loose || (e.loose.length <= MIN_TYPO ? loose.length === e.loose.length + 1 && (loose.startsWith(e.loose) || loose.endsWith(e.loose)) : distance(loose, e.loose) <= 1);
          if (near) {
            typoHit = { org: e.org, word: core, affixes: removed, kind: 'typo' };
            break;
          }
        }
      }
    }
    return typoHit;
  }

  return { match };
}

/** Lure words of the points/VIP and parcel smishing kits (IM08; loyalty-points smishing, ACMA 2024, FTC 2025). */
const HOST_LURES = ['points', 'point', 'postal', 'post', 'pos', 'rewards', 'reward', 'vip'];
const USER_CODES = [...new Set([...USER_COUNTRIES.flatMap(countryCodes), 'gov', 'gob', 'govt'])];
const HOST_VOCABULARY = [...HOST_LURES, ...USER_CODES].sort((a, b) => b.length - a.length);

/** `word` split wholly into words of `vocabulary` (longest first, at most 6), or undefined. */
function splitInto(word: string, depth = 0): string[] | undefined {
  if (!word) return [];
  if (depth >= 6) return undefined;
  for (const w of HOST_VOCABULARY) {
    if (!word.startsWith(w)) continue;
    const rest = splitInto(word.slice(w.length), depth + 1);
    if (rest) return [w, ...rest];
  }
  return undefined;
}

/**
 * A registrable label made only of a points/VIP or postal lure word and a country code or government word
 * (vipth, post-bn, points-my-gov): no name of its own, just "your points / your parcel, in your country". On a
 * cheap TLD this is how loyalty-points and parcel smishing kits name their domains. Returns the words, or undefined.
 */
export function lureCountryLabel(label: string): { lure: string; code: string } | undefined {
  const s = label.replace(/-/g, '');
  if (!/^[a-z]{4,30}$/.test(s)) return undefined;
  const words = splitInto(s);
  if (!words) return undefined;
  const lure = words.find((w) => HOST_LURES.includes(w));
  const code = words.find((w) => !HOST_LURES.includes(w));
  return lure && code ? { lure, code } : undefined;
}
