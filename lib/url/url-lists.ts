/**
 * Compiled protected-organisation index and URL host lists (seeds/organisations.json, seeds/url-hosts.json).
 * Built once per analyzer; everything here is plain data + Maps/Sets, no tldts.
 */
import orgSeed from '../../seeds/organisations.json';
import hostSeed from '../../seeds/url-hosts.json';
import { skeleton } from './confusables';

export type OrgCategory =
  | 'bank' | 'brand' | 'card' | 'crypto_exchange' | 'crypto_service' | 'crypto_wallet' | 'delivery' | 'ewallet'
  | 'government' | 'job_site' | 'platform' | 'telecom' | 'toll' | 'utility';

export interface Organisation {
  id: string;
  name: string;
  category: OrgCategory;
  /** ISO 3166-1 alpha-2, or `global`. */
  country: string;
  /** Official registrable domains. */
  domains: string[];
  /** Names as pages and messages write them, incl. local scripts. */
  names: string[];
  /** ASCII labels a lookalike may imitate; absent = the labels of `domains`; [] = too generic to fuzz. */
  tokens?: string[];
  /**
   * Names that are ordinary words (ledger, blockchain, medium): only their homoglyph forms imitate the organisation
   * (ledġėr, blockchąin, 1edger), never the plain word, a misspelling or a longer word containing it.
   */
  lookalikeOnly?: string[];
  /**
   * The name is an ordinary word or a coin's name (ethereum, stellar, kraken, tether) that other sites' names contain
   * (softether, gitkraken, stellarium): a word run into it does not make an imitation.
   */
  plainWord?: boolean;
  /**
   * Short or ordinary-word names (pos, smart) that are no token of their own: they imitate the organisation only
   * joined to its country code, "vip" or a government word on a cheap TLD (posmy.vip, smart-phl.vip).
   */
  shortNames?: string[];
  /** Where the domains are documented (official site). */
  source: string;
}

export interface UrlHostLists {
  freeHostingSubdomain: string[];
  freeHostingPath: string[];
  shorteners: string[];
  suspiciousTlds: string[];
  credentialWords: string[];
  lureWords: string[];
  cryptoNouns: string[];
  cryptoActions: string[];
  /** People whose names crypto giveaway sites carry, the words joined to them, and padding words (CI02, CI03). */
  giveawayNames?: string[];
  giftWords?: string[];
  giveawayWords?: string[];
  giveawayFiller?: string[];
}

export interface BrandToken {
  token: string;
  skeleton: string;
  org: Organisation;
}

export interface UrlLists {
  orgs: readonly Organisation[];
  /** Registrable domain → organisation. */
  officialDomains: Map<string, Organisation>;
  tokens: BrandToken[];
  /** Token skeleton → tokens, for exact skeleton hits. */
  tokensBySkeleton: Map<string, BrandToken[]>;
  /** Skeleton → `lookalikeOnly` name: a word with this skeleton that is not the plain name is a homoglyph of it. */
  lookalikeBySkeleton: Map<string, BrandToken>;
  freeHostingSubdomain: Set<string>;
  freeHostingPath: Set<string>;
  shorteners: Set<string>;
  suspiciousTlds: Set<string>;
  /** Action words, longest first (so `accounts` is found before `account`). */
  credentialWords: string[];
  lureWords: string[];
  cryptoNouns: string[];
  cryptoActions: string[];
  /** cryptoNouns and cryptoActions together (a short crypto word joined to any of them counts: walletsync). */
  cryptoWords: string[];
  giveawayNames: Set<string>;
  /** Giveaway words (drop, gift, prize ...): longest first, and as a set. */
  giftWords: string[];
  giftWordSet: Set<string>;
  cryptoNounSet: Set<string>;
  /** giveawayWords plus the crypto nouns and actions: what makes a giveaway name a lure. */
  giveawayWords: Set<string>;
  /** Every word a giveaway host may be made of (names, giveaway words, filler). */
  giveawayVocabulary: Set<string>;
  /** Hostnames (exact) known to be bad; empty in the shipped build (structure for a future list). */
  knownBad: Set<string>;
}

/** Label of a registrable domain without its public suffix, derived without tldts (first label). */
function firstLabel(domain: string): string {
  return domain.split('.')[0] ?? domain;
}

export function compileUrlLists(
  orgs: readonly Organisation[] = (orgSeed as { organisations: Organisation[] }).organisations,
  hosts: UrlHostLists = hostSeed as UrlHostLists,
  knownBad: readonly string[] = [],
): UrlLists {
  const officialDomains = new Map<string, Organisation>();
  const tokens: BrandToken[] = [];
  const tokensBySkeleton = new Map<string, BrandToken[]>();
  const lookalikeBySkeleton = new Map<string, BrandToken>();
  for (const org of orgs) {
    for (const token of org.lookalikeOnly ?? []) lookalikeBySkeleton.set(skeleton(token), { token, skeleton: skeleton(token), org });
    for (const d of org.domains) officialDomains.set(d, org);
    const raw = org.tokens ?? org.domains.map(firstLabel);
    for (const token of new Set(raw.map((t) => t.replace(/-/g, '')))) {
      if (token.length < 3) continue;
      const t: BrandToken = { token, skeleton: skeleton(token), org };
      tokens.push(t);
      const list = tokensBySkeleton.get(t.skeleton);
      if (list) list.push(t);
      else tokensBySkeleton.set(t.skeleton, [t]);
    }
  }
  const giftWords = hosts.giftWords ?? [];
  const giveawayWords = new Set([...(hosts.giveawayWords ?? []), ...giftWords, ...hosts.cryptoNouns, ...hosts.cryptoActions]);
  return {
    orgs,
    officialDomains,
    tokens,
    tokensBySkeleton,
    lookalikeBySkeleton,
    freeHostingSubdomain: new Set(hosts.freeHostingSubdomain),
    freeHostingPath: new Set(hosts.freeHostingPath),
    shorteners: new Set(hosts.shorteners),
    suspiciousTlds: new Set(hosts.suspiciousTlds),
    credentialWords: longestFirst(hosts.credentialWords),
    lureWords: longestFirst(hosts.lureWords),
    cryptoNouns: longestFirst(hosts.cryptoNouns),
    cryptoActions: longestFirst(hosts.cryptoActions),
    cryptoWords: longestFirst([...new Set([...hosts.cryptoNouns, ...hosts.cryptoActions])]),
    giveawayNames: new Set(hosts.giveawayNames ?? []),
    giftWords: longestFirst(giftWords),
    giftWordSet: new Set(giftWords),
    cryptoNounSet: new Set(hosts.cryptoNouns),
    giveawayWords,
    giveawayVocabulary: new Set([...(hosts.giveawayNames ?? []), ...giveawayWords, ...(hosts.giveawayFiller ?? [])]),
    knownBad: new Set(knownBad),
  };
}

function longestFirst(words: readonly string[]): string[] {
  return [...words].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}
