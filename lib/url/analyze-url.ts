/**
 * Lookalike and deceptive-URL analysis (INDICATORS.md X09, CI07, IM14). Runs where tldts is affordable
 * (background, popup, CLI, tests), never in the content script.
 *
 * Precedence, eth-phishing-detect style; every answer names the list or rule that decided it:
 *   1. official: the registrable domain is one of a protected organisation's official domains (or the host is a
 *      subdomain of one) and the host is not a free-hosting/user-content host → lookalike signals are suppressed;
 *   2. known-bad: the host is on the known-bad list (none shipped; the structure is here for a future list);
 *   3. lookalike: a protected brand is imitated (homoglyph, typosquat, brand + action word, brand in a subdomain,
 *      on a free host or in the path);
 *   4. suspicious: generic traits only (free hosting, shortener, IP host, cheap TLD, action words);
 *   5. pass.
 */
import { parse } from 'tldts';
import type { RuleLevel } from '../engine/types';
import { isMixedScript, isWholeScriptConfusable, skeleton } from './confusables';
import { createCountryAffixIndex, lureCountryLabel } from './country-affix';
import { toUnicodeHost } from './punycode';
import { typoDistance } from './typo';
import { compileUrlLists, type BrandToken, type Organisation, type UrlHostLists, type UrlLists } from './url-lists';

/** Every rule id analyzeUrl can emit (metadata in seeds/url-rules.json). */
export const URL_RULE_IDS = [
  'url-known-bad',
  'url-lookalike-domain',
  'url-brand-in-subdomain',
  'url-brand-in-path',
  'url-brand-name-domain',
  'url-mixed-script',
  'url-ip-host',
  'url-free-hosting',
  'url-shortener',
  'url-suspicious-tld',
  'url-deceptive-words',
  'url-crypto-lure',
  'url-compromised-site',
  'url-domain-in-subdomain',
  'url-recipient-email',
] as const;
export type UrlRuleId = (typeof URL_RULE_IDS)[number];

export interface UrlSignal {
  rule: UrlRuleId;
  level: RuleLevel;
  /** Plain-language detail for the explanation ("paypa1.com imitates paypal.com with look-alike characters."). */
  detail: string;
  /** The organisation imitated, when the signal is about a brand. */
  brand?: BrandRef;
  /** The part of the URL that matched (a label, word, path segment or list entry). */
  matched?: string;
}

export interface BrandRef {
  id: string;
  name: string;
  domains: string[];
}

export type UrlVerdictKind = 'official' | 'known_bad' | 'lookalike' | 'suspicious' | 'pass' | 'invalid';

export interface UrlAnalysis {
  url: string;
  verdict: UrlVerdictKind;
  /**
   * What decided: `official-domain` or `known-bad-list` (a list), a rule id (`url-lookalike-domain`, ...), or
   * `no-signal`, `unparseable`, `not-a-web-address`, `private-host`, `no-registrable-domain`.
   */
  reason: string;
  brand?: BrandRef;
  matched?: string;
  /** Lower-case ASCII hostname and its Unicode form (IDN decoded). */
  host?: string;
  unicodeHost?: string;
  registrableDomain?: string | null;
  publicSuffix?: string | null;
  signals: UrlSignal[];
}

export interface UrlAnalyzerOptions {
  orgs?: readonly Organisation[];
  hosts?: UrlHostLists;
  /** Exact hostnames or registrable domains known to be bad (none shipped). */
  knownBad?: readonly string[];
}

/**
 * Where the URL was met. `page`: the address of a page the user is browsing, or a link on it; free hosting and
 * shorteners are everyday there, so generic traits stay weak. `message`: a link someone sent (SMS, chat, email,
 * job post, or a bare URL given to check); an unsolicited link to a free host, a shortener or a login path is a
 * documented smishing trait (X09), so those traits count more.
 */
export type UrlContext = 'page' | 'message';

export interface AnalyzeOptions {
  context?: UrlContext;
  /**
   * The link comes with a message's own words (an SMS, chat or e-mail text, which the rule engine reads), not as a bare
   * link to check. A shortener is then one sign among them: genuine operator, shop and clinic SMS use shortened links,
   * so it stays weak and never warns alone.
   */
  withText?: boolean;
}

export interface UrlAnalyzer {
  analyze(url: string, options?: AnalyzeOptions): UrlAnalysis;
  readonly lists: UrlLists;
}

type HitKind = 'exact' | 'homoglyph' | 'typo' | 'embedded';

interface BrandHit {
  token: BrandToken;
  kind: HitKind;
  distance: number;
  /** The word of the URL that matched, as written (Unicode). */
  word: string;
  /** For `embedded`: what is left of the word around the brand token. */
  rest?: string;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** Longer URLs are cut: nothing past this point changes the verdict, and it bounds the work per URL. */
export const MAX_URL_CHARS = 4096;
const PRIVATE_IPV4 = /^(?:10\.|127\.|0\.|169\.254\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.)/;
/** Path words that mark a credential or payment step. */
const PATH_ACTION =
  /(?:log-?in|log-?on|sign-?in|signon|verif|secure|account|update|upgrade|webmail|webscr|websrc|auth|password|passwd|confirm|unlock|billing|payment|wallet|recover|validate|suspend|refund|claim|customer_center|identity|activat|checkpoint)/;
const PATH_ACTION_ALL = new RegExp(PATH_ACTION.source, 'g');
/** Query parameters and path segments that carry a forwarded URL (plain, percent-encoded or base64 `aHR0c…`). */
const FORWARD_PARAM = /[?&](?:url|u|q|target|redirect|redirect_uri|redir|dest|destination|link|goto|next|to|r)=([^&#]+)/i;
const BASE64_URL = /(?:^|\/)(aHR0c[A-Za-z0-9_-]{8,}={0,2})(?:[/?#]|$)/;
/** Minimum length of a brand token that may be found inside a longer word. */
const MIN_EMBED = 5;
/** Words that pad a brand in a hyphenated phishing label (paypal-us, my-metamask, binance-official). */
const FILLER =
  /^(?:my|www|http|https|official|online|web|app|site|portal|center|centre|service|services|help|team|global|\d+|us|uk|au|sg|my|id|th|vn|ph|kh|in|cn|hk|jp|kr|np|bd|pk|eu|de|fr|ca)$/;
/**
 * "co" as a hyphen part after a brand copies a country address (amazon-co-jp for amazon.co.jp, also with a zero:
 * c0). Not com/net/org: brands own such names themselves (office365-net.us, yahoo-net.jp are in the Tranco top 50k).
 */
const DOMAIN_PART = /^co$/;
const isFiller = (p: string) => FILLER.test(p) || DOMAIN_PART.test(skeleton(p));
/** What phishing domains add to a delivery, toll or tax brand (royalmail-fees, usps-redelivery, hmrc-refund). */
const BRAND_CONTEXT = ['fee', 'pay', 'shipping', 'track', 'parcel', 'package', 'deliver', 'schedul', 'refund', 'tax', 'toll', 'bill', 'invoice', 'customs', 'dostaw', 'entrega', 'livraison', 'zustell'];
/**
 * Path folders of content-management systems; a message link into them (not to an upload) points at a hacked site.
 * The file-name parts are bounded ({0,200}): unbounded `[^?#]*` made this quadratic on a long page-controlled path
 * (tests/fuzz/redos-code.test.ts).
 */
const CMS_PATH =
  /\/(?:wp-content|wp-includes|wp-admin|cgi-bin|administrator\/includes|\.well-known\/(?:pki-validation|acme-challenge)\/[^?#]{0,200}\.(?:php|html?))(?:[/?#]|$)(?!uploads\/[^?#]{0,200}\.(?:jpe?g|png|gif|webp|pdf|mp[34]|docx?|xlsx?)(?:[?#]|$))/i;
/** Phishing-kit path traits: a per-victim hex folder (md5/sha) or PayPal's legacy `webscr` command path. */
/**
 * The page a message link opens is a server script or static page whose file name is a login/verify step
 * (Login.php, signin.htm, webmail.php, myaccount_done.htm): phishing kits are uploaded as such files (APWG).
 */
const SCRIPT_STEP = /\/[^/?#]{0,60}(?:log-?in|log-?on|sign-?in|signon|verif|secure|account|update|webmail|password|confirm|unlock|billing|payment|validate|activat|reactivat|recover)[^/?#]{0,60}\.(?:php\d?|aspx?|jsp|cgi|html?)(?:[?#]|$)/i;
const KIT_PATH = /\/[0-9a-f]{16,}(?:[/?#]|$)|\/(?:webscr|websrc)(?:[/?#]|$)|customer-idpp|ebayisapi/i;
/** Government-looking labels outside a government suffix (gov-uk, uk-gov, irs-gov, gov.sg-, ...). */
const GOV_CC = 'uk|sg|au|my|ph|in|vn|kh|bd|pk|np|cn|id|th|kr|jp';
const FAKE_GOV = new RegExp(
  `(?:^|[.-])(?:gov[.-]?(?:${GOV_CC})|(?:${GOV_CC})-gov|(?:uk|sg|au|ph|vn|kh|bd|pk|np|th|kr|jp)gov|go[.-](?:th|id|kr|jp)|(?:irs|hmrc|ssa|dvla|ato|iras|lhdn|cpf|uscis|usps)[.-]?gov)(?:$|[.-])`,
);
/** An IPv4 address written with dots or dashes inside a host name's subdomain labels. */
const IP_IN_NAME = /(?:^|[.-])(?:25[0-5]|2[0-4]\d|1?\d{1,2})[.-](?:25[0-5]|2[0-4]\d|1?\d{1,2})[.-](?:25[0-5]|2[0-4]\d|1?\d{1,2})[.-](?:25[0-5]|2[0-4]\d|1?\d{1,2})(?=[.-])/;
/** A whole domain name written in front of the real one: bestbuy.com.winner.net, oldschool.com-ez.ru. */
const DOMAIN_PREFIX = /[a-z0-9]\.(?:com|net|org|gov|edu)(?:\.[a-z]{2})?[.-][a-z0-9]/;
/** Blog platforms: a blog's home page shared in a message is everyday; a page on it still counts. */
const BLOG_HOSTS = new Set(['blogspot.com', 'wordpress.com', 'tumblr.com']);
/** Minimum crypto brand name length for "any word attached" to count. */
const CRYPTO_EMBED_MIN = 6;
/** Lure words that only mean something next to a crypto brand (metamask-connect, binance-wallet). */
const CRYPTO_LURES = new Set(['connect', 'wallet', 'airdrop', 'withdraw']);

const RANK: Record<HitKind, number> = { exact: 0, homoglyph: 1, typo: 2, embedded: 5 };
const rankOf = (h: BrandHit) => RANK[h.kind] + (h.kind === 'typo' ? h.distance : 0);

function better(a: BrandHit | undefined, b: BrandHit | undefined): BrandHit | undefined {
  if (!a) return b;
  if (!b) return a;
  return rankOf(b) < rankOf(a) ? b : a;
}

function brandOf(org: Organisation): BrandRef {
  return { id: org.id, name: org.name, domains: org.domains };
}

function tldOf(suffix: string): string {
  return suffix.slice(suffix.lastIndexOf('.') + 1);
}

export function createUrlAnalyzer(options: UrlAnalyzerOptions = {}): UrlAnalyzer {
  const lists = compileUrlLists(options.orgs, options.hosts, options.knownBad);
  /** One credential word, possibly inflected (cancel, cancelled, payees): a whole hyphen part. */
  const credentialPart = new RegExp(`^(?:(?:${lists.credentialWords.join('|')})(?:s|d|ed|ing)?|(?:${JARGON})s?)+$`);
  const byLength = new Map<number, BrandToken[]>();
  for (const t of lists.tokens) {
    const list = byLength.get(t.skeleton.length);
    if (list) list.push(t);
    else byLength.set(t.skeleton.length, [t]);
  }
  const tokensByOrg = new Map<Organisation, string[]>();
  for (const t of lists.tokens) tokensByOrg.set(t.org, [...(tokensByOrg.get(t.org) ?? []), t.token]);
  const countryAffix = createCountryAffixIndex(lists.orgs, (org) => tokensByOrg.get(org) ?? []);
  const embeddable = lists.tokens.filter((t) => t.skeleton.length >= MIN_EMBED).sort((a, b) => b.skeleton.length - a.skeleton.length);
  const pathDomains = [...lists.officialDomains.keys()].filter((d) => d.length >= 6);
  /** Brand names as they appear in phishing-kit paths (/lloyds/, /SMBC/, /paypal/): tokens plus ASCII names. */
  const pathNames = new Map<string, Organisation>();
  for (const t of lists.tokens) if (t.token.length >= 4) pathNames.set(t.token, t.org);
  for (const org of lists.orgs) {
    if (org.tokens && org.tokens.length === 0) continue;
    for (const n of org.names) {
      const k = n.toLowerCase().replace(/[^a-z0-9]/g, '');
      if (k.length >= 4 && /^[\x20-\x7e]+$/.test(n) && !pathNames.has(k)) pathNames.set(k, org);
    }
  }

  /** Best brand hit for one word (a label, a hyphen part, or a label with hyphens removed). */
  function matchWord(word: string, allowEmbedded: boolean): BrandHit | undefined {
    if (word.length < 3) return undefined;
    const skel = skeleton(word);
    const exact = lists.tokensBySkeleton.get(skel);
    if (exact?.[0]) {
      const same = exact.find((x) => x.token === word);
      return { token: same ?? exact[0], kind: same ? 'exact' : 'homoglyph', distance: 0, word };
    }
    const look = lists.lookalikeBySkeleton.get(skel);
    if (look && look.token !== word) return { token: look, kind: 'homoglyph', distance: 0, word };
    let best: BrandHit | undefined;
    for (let l = skel.length - 2; l <= skel.length + 2; l++) {
      for (const t of byLength.get(l) ?? []) {
        const d = typoDistance(skel, t.skeleton);
        if (d > 0 && (!best || d < best.distance)) best = { token: t, kind: 'typo', distance: d, word };
      }
    }
    if (best || !allowEmbedded || skel.length <= MIN_EMBED) return best;
    for (const t of embeddable) {
      if (t.skeleton.length >= skel.length) continue;
      const at = skel.indexOf(t.skeleton);
      if (at >= 0) return { token: t, kind: 'embedded', distance: 0, word, rest: skel.slice(0, at) + skel.slice(at + t.skeleton.length) };
    }
    return undefined;
  }

  /** Best hit over a label's words: the label without hyphens, and each hyphen-separated part. */
  function matchLabel(label: string): BrandHit | undefined {
    const whole = label.replace(/-/g, '');
    let best = whole.length >= 5 || !label.includes('-') ? matchWord(whole, true) : undefined;
    if (label.includes('-')) for (const w of label.split('-')) if (w) best = better(best, matchWord(w, true));
    return best;
  }

  /**
   * A misspelling of a national organisation's name on another country's ending is another country's own name
   * (agibank.com.br is a Brazilian bank, not Vietnam's Agribank): typosquats of a national bank or agency target
   * its own users, on generic endings or its own country's. Exact names and homoglyphs still count everywhere.
   */
  function foreignTypo(hit: BrandHit | undefined, tld: string): BrandHit | undefined {
    if (!hit || hit.kind !== 'typo' || hit.token.org.country === 'global' || tld.length !== 2) return hit;
    const cc = hit.token.org.country === 'GB' ? 'uk' : hit.token.org.country.toLowerCase();
    return tld === cc ? hit : undefined;
  }

  /** A brand hit in the registrable label once capital I's of the address as written are read as l's. */
  function capitalIHit(withScheme: string, host: string, suffix: string): BrandHit | undefined {
    const written = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]{0,200}@)?([^/?#:]{1,253})/i.exec(withScheme)?.[1];
    if (!written || !written.includes('I') || written.toLowerCase() !== host) return undefined;
    const labels = written.split('.');
    const word = labels[labels.length - suffix.split('.').length - 1];
    if (!word || !word.includes('I')) return undefined;
    const hit = matchLabel(word.replace(/I/g, 'l').toLowerCase());
    return hit && (hit.kind === 'exact' || hit.kind === 'typo') ? { ...hit, kind: 'homoglyph', word } : undefined;
  }

  /** Distinct action words in a string (longest first, without counting `account` inside `accounts`). */
  function actionWords(s: string, words: readonly string[]): string[] {
    const found: string[] = [];
    let rest = s;
    for (const w of words) {
      if (rest.includes(w)) {
        found.push(w);
        rest = rest.split(w).join('|');
      }
    }
    return found;
  }

  /**
   * A brand joined to other words (by hyphens or run together) only imitates the brand when what is added is an
   * action word or filler: paypal-login, metamaskgiveaway, binance-us; not apple-dns or star-telegram.
   */
  function embeddedDeceives(hit: BrandHit, label: string, suspiciousTld: boolean): boolean {
    const parts = label.split('-');
    const crypto = hit.token.org.category.startsWith('crypto');
    // Crypto exchanges, wallets and DeFi/NFT projects are imitated with any word hyphenated to the name
    // (binance-smart, kraken-we, shop-trezor, uniswap-event); their names (6+ letters) are distinctive enough that
    // unrelated sites rarely do that (a project's own service domains, polygon-rpc.com, are listed as official).
    if (crypto && hit.kind !== 'embedded' && parts.length > 1 && hit.token.skeleton.length >= CRYPTO_EMBED_MIN) return true;
    const lures = crypto ? lists.lureWords.concat(lists.cryptoActions, lists.cryptoNouns) : lists.lureWords.filter((w) => !CRYPTO_LURES.has(w));
    const deceptive = (p: string) => actionWords(p, lists.credentialWords).length + actionWords(p, lures).length > 0;
    if (hit.kind !== 'embedded' && parts.includes(hit.word)) {
      if (suspiciousTld) return true; // celcom-myp.vip, jtexpress-myw.top: smishing kits vary the filler
      const others = parts.filter((p) => p !== hit.word && p);
      return others.length > 0 && others.every((p) => isFiller(p) || deceptive(p) || BRAND_CONTEXT.some((w) => p.includes(w)));
    }
    const rest = hit.rest ?? '';
    if (deceptive(rest)) return true;
    // A crypto name with a version tag or "my/official/online" glued on (v3uniswap, myledger, officialmetamask): the
    // drainer kits' "new version" and "official" lures. Not "app": exchanges run <name>app.com themselves.
    if (crypto && hit.token.skeleton.length >= CRYPTO_EMBED_MIN && /^(?:v\d|my|official|online|web3?|www|\d{1,4})$/.test(rest)) return true;
    // An invented crypto name (coinbase, metamask, uniswap, 6+ letters) with any word or number run into it
    // (coinbasecanada, dropkraken, receiveuniswap, bittrex2019): such names do not occur inside other words, unlike
    // names that are ordinary words or coin names (`plainWord`: softether, gitkraken, stellarium). Not a word
    // derived from the name (metamasks, uniswapper, krakening), "app" or "api" (exchanges run those themselves), and
    // one or two letters only beside names of 8+ letters (azerion, openseal are other names).
    const name = hit.token.skeleton;
    const derived = skeleton(hit.word).startsWith(name) && (rest === 's' || rest === 'es' || /^(?:er|ers|ing|ed)$/.test(rest.startsWith(name.slice(-1)) ? rest.slice(1) : rest));
    if (crypto && !hit.token.org.plainWord && name.length >= CRYPTO_EMBED_MIN && !derived && !/^(?:apps?|api)$/.test(rest)) {
      if (rest.length >= 3 || /^\d+$/.test(rest) || name.length >= 8) return true;
    }
    // myroyalmail-fee, mypaypal-secure: filler glued to the brand, and only action or context words beside it.
    const token = hit.token.token;
    const brandPart = parts.length > 1 ? parts.find((p) => p !== token && p.includes(token) && FILLER.test(p.replace(token, ''))) : undefined;
    if (brandPart) {
      const others = parts.filter((p) => p !== brandPart && p);
      if (others.every((p) => isFiller(p) || deceptive(p) || BRAND_CONTEXT.some((w) => p.includes(w)))) return true;
    }
    // On a cheap TLD a few letters stuck to the brand are the smishing kits' variation (globejf, maxisl), also in one
    // hyphen part beside short or filler parts (ph-globejf, singtelsg-sy).
    if (!suspiciousTld) return false;
    if (rest.length <= 3 || /^(?:my|www|https?|official|online|app|\d+)$/.test(rest)) return true;
    const at = parts.findIndex((p) => skeleton(p).includes(name));
    return at >= 0 && skeleton(parts[at]!).length - name.length <= 3 && parts.every((p, i) => i === at || p.length <= 3 || isFiller(p));
  }

  /**
   * A crypto giveaway host (CI02, CI03): a name from giveawayNames (musk, elon, tesla, vitalik ...) as a word of the
   * host, supported by a giveaway or crypto word (muskdrop, elon-btc, spacexgive), a second name (elon-musk-tesla),
   * digits (tesla3, 4musk) or a cheap TLD (elon.vip); or, without a name, a crypto noun joined to a gift word
   * (btc-drop, ethgift, eth-giveaway). Host words must split wholly into known words (teslarati, muskoka, dropbox do
   * not), and filler alone (tesla-club, spacex-news) is not support.
   */
  function giveawayLure(ownPart: string, suspiciousTld: boolean): { name: string; support: string } | undefined {
    const hasName = [...lists.giveawayNames].some((n) => ownPart.includes(n));
    if (!hasName && !lists.giftWords.some((g) => ownPart.includes(g))) return undefined;
    const names = new Set<string>();
    let support: string | undefined = suspiciousTld ? 'a cheap web address ending' : undefined;
    let gift: string | undefined;
    let noun: string | undefined;
    for (const part of ownPart.split(/[.-]+/)) {
      const digits = /\d/.test(part);
      for (const piece of part.split(/\d+/)) {
        const words = piece ? splitWords(piece, lists.giveawayVocabulary, 0) : undefined;
        if (!words) continue;
        const found = words.filter((w) => lists.giveawayNames.has(w));
        for (const w of found) names.add(w);
        if (found.length && digits) support ??= 'numbers';
        const lure = words.find((w) => lists.giveawayWords.has(w));
        if (lure) support ??= `"${lure}"`;
        gift ??= words.find((w) => lists.giftWordSet.has(w));
        noun ??= words.find((w) => lists.cryptoNounSet.has(w));
      }
    }
    const [name, second] = names;
    if (second) support ??= `"${second}"`;
    if (name && support) return { name, support };
    return gift && noun ? { name: noun, support: `"${gift}"` } : undefined;
  }

  function hostingOf(host: string): { entry: string; kind: 'subdomain' | 'path'; userPart: string } | undefined {
    if (lists.freeHostingPath.has(host)) return { entry: host, kind: 'path', userPart: '' };
    for (let i = host.indexOf('.'); i >= 0; i = host.indexOf('.', i + 1)) {
      const suffix = host.slice(i + 1);
      if (lists.freeHostingSubdomain.has(suffix)) {
        const userPart = host.slice(0, i);
        return userPart === 'www' ? undefined : { entry: suffix, kind: 'subdomain', userPart };
      }
    }
    return undefined;
  }

  function shortenerOf(host: string): string | undefined {
    if (lists.shorteners.has(host)) return host;
    for (let i = host.indexOf('.'); i >= 0; i = host.indexOf('.', i + 1)) {
      const suffix = host.slice(i + 1);
      if (suffix.includes('.') && lists.shorteners.has(suffix)) return suffix;
    }
    return undefined;
  }

  function brandInPath(rest: string, signals: UrlSignal[], context: boolean): void {
    if (!rest || rest === '/') return;
    const path = safeDecode(rest).toLowerCase();
    const action = PATH_ACTION.test(path);
    for (const d of pathDomains) {
      const at = path.indexOf(d);
      if (at >= 0 && !/[a-z0-9-]/.test(path[at - 1] ?? '') && (context || action || /[a-z0-9]/.test(path[at + d.length + 1] ?? ''))) {
        const org = lists.officialDomains.get(d)!;
        signals.push({ rule: 'url-brand-in-path', level: 'medium', detail: `The link's path mentions ${d}, but the site is a different one.`, brand: brandOf(org), matched: d });
        return;
      }
    }
    if (!(context || action)) return;
    for (const seg of path.split(/[/?#&=._~+%]+/)) {
      if (seg.length < 4 || seg.length > 40) continue;
      const org = pathNames.get(seg.replace(/-/g, ''));
      if (org) {
        signals.push({ rule: 'url-brand-in-path', level: 'medium', detail: `The link's path names ${org.name}, but the site is not ${org.name}'s.`, brand: brandOf(org), matched: seg });
        return;
      }
    }
  }

  function analyze(url: string, options: AnalyzeOptions = {}, depth = 0): UrlAnalysis {
    const context = options.context ?? 'page';
    const raw = (typeof url === 'string' ? url : '').trim().slice(0, MAX_URL_CHARS);
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1]?.toLowerCase();
    if (scheme && !SCHEME.test(raw) && !/^\d+$/.test(raw.slice(scheme.length + 1).split(/[/?#]/)[0] ?? '')) {
      // mailto:, tel:, javascript:, data: … are not web addresses (a `host:port` without scheme still is).
      return { url, verdict: 'pass', reason: 'not-a-web-address', signals: [] };
    }
    if (scheme && SCHEME.test(raw) && scheme !== 'http' && scheme !== 'https') {
      return { url, verdict: 'pass', reason: 'not-a-web-address', signals: [] };
    }
    const withScheme = SCHEME.test(raw) ? raw : raw.startsWith('//') ? 'http:' + raw : 'http://' + raw;
    const p = parse(withScheme);
    const host = (p.hostname ?? '').toLowerCase().replace(/\.$/, '');
    if (!host || /[\s/\\]/.test(host)) return { url, verdict: 'invalid', reason: 'unparseable', signals: [] };
    const path = pathOf(withScheme);
    const signals: UrlSignal[] = [];
    const base = { url, host, unicodeHost: host, registrableDomain: p.domain, publicSuffix: p.publicSuffix };

    if (p.isIp) {
      if (PRIVATE_IPV4.test(host) || host === '::1' || /^f[cde]/.test(host)) return { ...base, verdict: 'pass', reason: 'private-host', signals };
      signals.push({ rule: 'url-ip-host', level: 'medium', detail: 'The link goes to a bare IP address instead of a named website.', matched: host });
      brandInPath(path, signals, true);
      followForward(raw, signals, { ...options, context }, depth);
      return finish(base, signals);
    }
    if (!p.domain || !p.publicSuffix) return { ...base, verdict: 'pass', reason: 'no-registrable-domain', signals };
    const unicodeHost = toUnicodeHost(host);
    const full = { ...base, unicodeHost };

    const hosting = hostingOf(host);
    const official = lists.officialDomains.get(p.domain);

    if (official && !hosting) {
      // An official site's redirector (google.com/url?q=, meet.google.com/linkredirect?dest=) sends the reader to
      // whatever address it carries: in a message link the destination's signals count, the redirector's name does not
      // vouch for it. (Links on a page are left as they were: search pages carry such links by the hundred.)
      if (context === 'message') followForward(raw, signals, { ...options, context }, depth);
      if (signals.length) return finish(full, signals);
      return { ...full, verdict: 'official', reason: 'official-domain', brand: brandOf(official), matched: p.domain, signals };
    }
    if (lists.knownBad.has(host) || lists.knownBad.has(p.domain)) {
      signals.push({ rule: 'url-known-bad', level: 'high', detail: 'This site is on the list of known scam sites.', matched: host });
      return { ...full, verdict: 'known_bad', reason: 'known-bad-list', matched: host, signals };
    }

    const suffix = p.publicSuffix;
    const tld = tldOf(suffix);
    const shortener = shortenerOf(host);
    const platformApex = hosting ? false : !!shortener && shortener === host;
    const suspiciousTld = (lists.suspiciousTlds.has(tld) || lists.suspiciousTlds.has(suffix)) && !platformApex && !(hosting && lists.suspiciousTlds.has(tldOf(hosting.entry)));
    const label = toUnicodeHost(p.domainWithoutSuffix ?? '');
    const subLabels = p.subdomain ? toUnicodeHost(p.subdomain).split('.').filter((l) => l && l !== 'www') : [];
    const ownPart = hosting ? hosting.userPart : host.slice(0, host.length - suffix.length - 1);
    const credWords = actionWords(ownPart, lists.credentialWords);
    const lureWords = actionWords(ownPart, lists.lureWords);

    // 1. The registrable label imitates a brand (not when the registrable domain is a hosting platform's or a brand's).
    if (!hosting && !official) {
      const hit = foreignTypo(matchLabel(label), tld);
      if (hit) {
        const org = hit.token.org;
        const wholeLabel = hit.kind !== 'embedded' && hit.word === label.replace(/-/g, '');
        // An official domain with a country ending glued on (stellar.org.ma, metamask.io.vn) copies the whole address;
        // name.com.xx is how global brands name their country sites (google.com.ar), so .com is left out.
        const domain = p.domain;
        const copied = hit.kind === 'exact' ? org.domains.find((d) => !d.endsWith('.com') && domain.startsWith(d + '.')) : undefined;
        if (copied) {
          signals.push({ rule: 'url-lookalike-domain', level: 'high', detail: `${domain} is ${org.name}'s address ${copied} with another ending added.`, brand: brandOf(org), matched: domain });
        } else if (hit.kind === 'exact' && wholeLabel && !label.includes('-')) {
          // The brand's exact name on another ending: countries' own sites (amazon.de) are usual; elsewhere it is a
          // note, a warning only with a cheap TLD or action words (metamask.xyz).
          if (tld.length > 2) {
            signals.push({
              rule: 'url-brand-name-domain',
              level: 'low',
              detail: `${p.domain} carries the name "${hit.token.token}", but it is not one of ${org.name}'s official sites (${org.domains[0]}).`,
              brand: brandOf(org),
              matched: hit.word,
            });
          }
        } else if ((hit.kind === 'homoglyph' || wholeLabel) ? true : embeddedDeceives(hit, label, suspiciousTld)) {
          signals.push({ rule: 'url-lookalike-domain', level: 'high', detail: lookalikeDetail(hit, p.domain), brand: brandOf(org), matched: hit.word });
        }
      }
      if (!signals.length && label.startsWith('xn--') === false && isMixedScript(label)) {
        signals.push({ rule: 'url-mixed-script', level: 'medium', detail: `The address mixes letters from different alphabets (${unicodeHost}).`, matched: label });
      }
    }
    // A capital I written for a lower-case l (googIe, PayPaI): hosts are case-insensitive, so the address really is
    // "googie", but the reader sees the brand (a documented homoglyph, Unicode TR39 confusables I → l).
    if (!signals.some((s) => s.rule === 'url-lookalike-domain') && !hosting && !official) {
      const capitalI = capitalIHit(withScheme, host, suffix);
      if (capitalI) {
        signals.push({ rule: 'url-lookalike-domain', level: 'high', detail: `${p.domain} is written "${capitalI.word}", which reads as ${capitalI.token.org.domains[0]} (a capital I for a lower-case l).`, brand: brandOf(capitalI.token.org), matched: capitalI.word });
      }
    }
    // A short name joined to a country code, "vip" or a government word on a cheap TLD (aisth.vip, jpjmy.vip,
    // smart-phl.vip, cinbc-my for CIMB): how SMS-phishing kits name throw-away telco, bank, post and agency domains.
    if (suspiciousTld && !hosting && !official && !signals.some((s) => s.rule === 'url-lookalike-domain')) {
      const affixHit = countryAffix.match(label);
      if (affixHit) {
        const org = affixHit.org;
        const how = affixHit.kind === 'exact' ? `the name "${affixHit.word}"` : `"${affixHit.word}", a misspelling of ${org.name}'s name,`;
        signals.push({
          rule: 'url-lookalike-domain',
          level: 'medium',
          detail: `${p.domain} joins ${how} to "${affixHit.affixes.join('", "')}" on a cheap web address ending, but ${org.name}'s official site is ${org.domains[0]}.`,
          brand: brandOf(org),
          matched: affixHit.word,
        });
      }
    }
    // IM14: government-looking labels (gov-uk, irs-gov, gov.sg-...) on a domain outside every government suffix.
    if (!signals.length && !/(?:^|\.)(?:gov|go|gob|gouv|govt|mil)(?:\.|$)/.test(suffix) && FAKE_GOV.test(ownPart)) {
      signals.push({ rule: 'url-lookalike-domain', level: 'high', detail: `${p.domain} looks like a government address, but it is not on a government domain.`, matched: FAKE_GOV.exec(ownPart)?.[0] });
    }
    // 2. A brand in the subdomain of an unrelated domain, or in the user part of a free host.
    if (!signals.some((s) => s.rule === 'url-lookalike-domain')) {
      let sHit: BrandHit | undefined;
      for (const l of subLabels) sHit = better(sHit, matchLabel(l));
      if (hosting?.kind === 'subdomain' && !subLabels.length) sHit = better(sHit, matchLabel(label));
      if (sHit && (sHit.kind !== 'embedded' || hosting || credWords.length + lureWords.length > 0)) {
        const org = sHit.token.org;
        const mimicsDomain = org.domains.some((d) => containsDomain(host, d) || containsDomain(host, d.replace(/\./g, '-')));
        // A brand's exact name as a whole label of someone else's domain in a link someone sent (facebook.example.eu,
        // netflix.pl.example.com) is the classic APWG pattern; on a page's own links it stays a note.
        // Community sites name subdomains after products (apple.stackexchange.com), so only a brand label in front of
        // a country code, a longer chain, or a registrable name with digits/hyphens or on a country ending counts.
        const wholeLabelInMessage =
          context === 'message' && sHit.kind === 'exact' && subLabels.some((l) => l.split('-').includes(sHit.word)) && (tld.length === 2 || subLabels.length >= 2 || /[-\d]/.test(label));
        const strong = mimicsDomain || !!hosting || sHit.kind !== 'exact' || suspiciousTld || credWords.length + lureWords.length > 0;
        signals.push({
          rule: 'url-brand-in-subdomain',
          level: strong ? 'high' : wholeLabelInMessage ? 'medium' : 'low',
          detail: `The address starts with "${sHit.word}" (like ${org.name}), but the site is really ${hosting ? hosting.entry : p.domain}.`,
          brand: brandOf(org),
          matched: sHit.word,
        });
      }
    }
    if (isMixedScript(unicodeHost.replace(/\./g, '')) && !signals.some((s) => s.brand || s.rule === 'url-mixed-script')) {
      const whole = subLabels.concat(label).some((l) => isWholeScriptConfusable(l));
      signals.push({ rule: 'url-mixed-script', level: whole ? 'low' : 'medium', detail: `The address mixes letters from different alphabets (${unicodeHost}).`, matched: unicodeHost });
    }
    // 3. Generic traits.
    const msg = context === 'message';
    if (!signals.some((s) => s.brand && s.level !== 'low') && !hosting && DOMAIN_PREFIX.test(ownPart)) {
      signals.push({
        rule: 'url-domain-in-subdomain',
        level: msg ? 'medium' : 'low',
        detail: `The address starts with another website's name (${DOMAIN_PREFIX.exec(ownPart)?.[0] ?? ''}…), but the site is really ${p.domain}.`,
        matched: ownPart,
      });
    }
    const emptyPath = !path || path === '/';
    if (hosting && !(hosting.kind === 'path' && emptyPath)) {
      const blog = BLOG_HOSTS.has(hosting.entry) && emptyPath;
      signals.push({ rule: 'url-free-hosting', level: msg && !blog ? 'medium' : 'low', detail: `The page is on ${hosting.entry}, where anyone can publish a page for free.`, matched: hosting.entry });
    }
    if (shortener && !(platformApex && emptyPath)) {
      signals.push({ rule: 'url-shortener', level: msg && !options.withText ? 'medium' : 'low', detail: `The link is shortened (${shortener}), which hides where it really goes.`, matched: shortener });
    }
    // A server's address written into its name (151-236-54-165.static.example.net, 35.247.201.255.bc.…): the link
    // goes to a bare machine, as with an IP host (APWG: IP-based phishing URLs).
    const ipInName = IP_IN_NAME.exec(host.slice(0, host.length - p.domain.length))?.[0];
    if (ipInName) {
      signals.push({ rule: 'url-ip-host', level: msg ? 'medium' : 'low', detail: `The link goes to a server named after its IP address (${ipInName.replace(/^[.-]/, '')}) instead of a named website.`, matched: host });
    }
    if (suspiciousTld) {
      signals.push({ rule: 'url-suspicious-tld', level: 'low', detail: `The address ends in .${tld}, an ending often used by short-lived scam sites.`, matched: tld });
    }
    const giveaway = signals.some((s) => s.brand && s.level !== 'low') ? undefined : giveawayLure(ownPart, suspiciousTld);
    if (giveaway) {
      signals.push({
        rule: 'url-crypto-lure',
        level: 'medium',
        detail: `The address joins "${giveaway.name}" to ${giveaway.support}, as fake crypto giveaways ("send crypto, get double back") do.`,
        matched: giveaway.name,
      });
    }
    if (!signals.some((s) => s.brand && s.level !== 'low')) {
      const nouns = wordsIn(ownPart + '.' + suffix, lists.cryptoNouns, lists.cryptoWords);
      const acts = wordsIn(ownPart + '.' + suffix, lists.cryptoActions, lists.cryptoWords);
      // "airdrop" only exists in crypto (CI05 fake airdrops); two crypto nouns plus a login/lure word that is not
      // one of them (wallet-token-member is not; eth-wallet-restore is) describe a wallet-drainer step.
      const airdrop = acts.some((w) => w.startsWith('airdrop'));
      const otherLure = credWords.length > 0 || lureWords.some((w) => !nouns.includes(w));
      if (!giveaway && ((nouns.length && acts.length) || (suspiciousTld && nouns.length + acts.length >= 2) || airdrop || (nouns.length >= 2 && otherLure))) {
        signals.push({
          rule: 'url-crypto-lure',
          level: 'medium',
          detail: `The address uses crypto words ("${[...nouns, ...acts].slice(0, 3).join('", "')}") the way wallet-draining and fake airdrop sites do.`,
          matched: [...nouns, ...acts].join(','),
        });
      }
    }
    // A name made only of a points/VIP or postal lure and a country code (vipth, post-bn) on a cheap TLD: the
    // loyalty-points and parcel smishing kits' throw-away names (IM08).
    const lureCountry = suspiciousTld && !hosting && !signals.some((s) => s.brand && s.level !== 'low') ? lureCountryLabel(label) : undefined;
    if (lureCountry) {
      signals.push({
        rule: 'url-deceptive-words',
        level: 'medium',
        detail: `The address is only "${lureCountry.lure}" and a country code ("${lureCountry.code}") on a cheap ending, as fake loyalty-points and parcel text messages use.`,
        matched: `${lureCountry.lure},${lureCountry.code}`,
      });
    }
    const pathWords = msg && path.length > 1 ? [...new Set(safeDecode(path).toLowerCase().match(PATH_ACTION_ALL) ?? [])] : [];
    if (credWords.length + lureWords.length + pathWords.length > 0 && !lureCountry && !signals.some((s) => s.rule === 'url-lookalike-domain')) {
      const words = [...new Set([...credWords, ...lureWords, ...pathWords])];
      signals.push({
        rule: 'url-deceptive-words',
        level:
          msg &&
          ((credWords.length >= 2 && ownPart.includes('-')) ||
            credWords.length + pathWords.length >= 3 ||
            (credWords.length && pathWords.length) ||
            SCRIPT_STEP.test(path) ||
            (credWords.length > 0 && jargonOnly(hosting ? hosting.userPart : label, credentialPart, lists.credentialWords)) ||
            (pathWords.length >= 2 && KIT_PATH.test(path)))
            ? 'medium'
            : 'low',
        detail: `The address contains words like "${words.slice(0, 3).join('", "')}" that fake login and payment pages use.`,
        matched: words.join(','),
      });
    }
    const recipient = msg ? recipientEmail(path) : undefined;
    if (recipient) {
      signals.push({
        rule: 'url-recipient-email',
        level: recipient.where === 'query' ? 'low' : 'medium',
        detail: `The link carries an email address${recipient.encoded ? ' in hidden (encoded) form' : ''}, as personalised phishing links do to fill in the victim's login.`,
        matched: recipient.email,
      });
    }
    const cmsPath = CMS_PATH.test(path);
    if (msg && cmsPath) {
      signals.push({ rule: 'url-compromised-site', level: 'medium', detail: 'The link points into the program folders of a website (such as wp-content), where fake pages are planted on hacked sites.', matched: CMS_PATH.exec(path)?.[0] });
    }
    // A message link into a page file (.php, .html, ...) of an unrelated site whose folders name a brand (/lloyds/,
    // /absa.scp/sc.php) is a planted kit; a brand word in an ordinary article path needs a login word to count.
    const pageFile = msg && /\.(?:php\d?|aspx?|jsp|cgi|html?)(?:[?#]|$)/i.test(path);
    if (!signals.some((s) => s.brand && s.level !== 'low')) brandInPath(path, signals, !!hosting || suspiciousTld || credWords.length > 0 || cmsPath || pageFile);
    followForward(raw, signals, { ...options, context }, depth);
    return finish(full, signals);
  }

  /** A link that forwards to another URL (redirect parameter, base64 segment): the destination's signals count. */
  function followForward(raw: string, signals: UrlSignal[], options: AnalyzeOptions, depth: number): void {
    if (depth > 0) return;
    const inner = forwardedUrl(raw);
    if (!inner) return;
    const a = analyze(inner, options, depth + 1);
    if (a.verdict === 'official' || !a.host) return;
    for (const s of a.signals) {
      if (signals.some((x) => x.rule === s.rule)) continue;
      signals.push({ ...s, detail: `The link forwards to ${a.host}. ${s.detail}` });
    }
  }

  return { analyze, lists };
}

/** `word` as a run of known words (longest first, at most 5), or undefined when some part is not a known word. */
function splitWords(word: string, vocabulary: ReadonlySet<string>, depth: number): string[] | undefined {
  if (!word) return [];
  if (depth >= 5) return undefined;
  for (let i = Math.min(word.length, 16); i > 0; i--) {
    const head = word.slice(0, i);
    if (!vocabulary.has(head)) continue;
    const rest = splitWords(word.slice(i), vocabulary, depth + 1);
    if (rest) return [head, ...rest];
  }
  return undefined;
}

function lookalikeDetail(hit: BrandHit, domain: string): string {
  const org = hit.token.org;
  const official = org.domains[0];
  switch (hit.kind) {
    case 'exact':
      return `${domain} joins the name ${org.name} to other words, but ${org.name}'s official site is ${official}.`;
    case 'homoglyph':
      return `${domain} imitates ${official} with look-alike characters ("${hit.word}").`;
    case 'typo':
      return `${domain} imitates ${official} with a misspelling ("${hit.word}").`;
    case 'embedded':
      return `${domain} adds words to the name ${org.name}, but ${org.name}'s official site is ${official}.`;
  }
}

/** Words that account-security phishing domains string together (cancel-request-app, new-hs-device, review-my-newtransaction). */
const JARGON =
  'request|access|app|device|new|online|review|protect|protection|customer|service|support|help|center|centre|portal|user|check|process|removal|beneficiary|info|my|id|web|secure|secured|alert|dev|mobile|www|missed|failed|failure|pending|plan|team|desk|re|schedule|scheduled|application|error|warning|unverified|\\d+';

/**
 * A hyphenated label made only of account-security jargon and at least one credential word, with no name of its
 * own (cancel-request-app, decline-app-access-request): the APWG-documented shape of bank "new device" kits.
 */
function jargonOnly(label: string, credential: RegExp, credentialWords: readonly string[]): boolean {
  const parts = label.split('-').filter(Boolean);
  if (parts.length < 2 || !parts.some((p) => credentialWords.some((w) => p.includes(w)))) return false;
  return parts.every((p) => credential.test(p));
}

/** True when `host` contains `domain` as whole labels at a label start (metamask.io-login.ru, trezor.com.se). */
function containsDomain(host: string, domain: string): boolean {
  for (let at = host.indexOf(domain); at >= 0; at = host.indexOf(domain, at + 1)) {
    if (at === 0 || host[at - 1] === '.' || host[at - 1] === '-') return true;
  }
  return false;
}

/**
 * Words of `list` found in a host: words of up to 4 letters (nft, eth, dapp) only as a whole part (between dots,
 * hyphens and digits) or joined to a longer word of `joinable` (ethtokens, walletsync), longer words anywhere.
 */
export function wordsIn(host: string, list: readonly string[], joinable: readonly string[] = list): string[] {
  const parts = host.split(/[.\-\d]+/).filter(Boolean);
  const found: string[] = [];
  let taken = '';
  const long = joinable.filter((w) => w.length > 4);
  const isWord = (rest: string) => long.some((w) => rest === w);
  for (const w of list) {
    const hit =
      w.length <= 4
        ? parts.some((p) => p === w || (p.startsWith(w) && isWord(p.slice(w.length))) || (p.endsWith(w) && isWord(p.slice(0, -w.length))))
        : host.includes(w);
    if (hit && !taken.includes(w)) {
      found.push(w);
      taken += '|' + w;
    }
  }
  return found;
}

const EMAIL = /^[\w.+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})+$/i;
const BASE64_TOKEN = /[A-Za-z0-9+_-]{16,120}={0,2}/g;

/**
 * An email address a link carries: written in its fragment (#victim@example.com) or query, or base64-encoded in
 * its path, query or fragment. Credential-phishing kits read it to pre-fill the victim's login (personalised
 * links); `query` is weaker because newsletters and unsubscribe links also carry the reader's address there.
 */
export function recipientEmail(path: string): { email: string; where: 'fragment' | 'path' | 'query'; encoded: boolean } | undefined {
  if (!path || path === '/') return undefined;
  const hashAt = path.indexOf('#');
  const fragment = hashAt >= 0 ? safeDecode(path.slice(hashAt + 1)) : '';
  const beforeHash = hashAt >= 0 ? path.slice(0, hashAt) : path;
  const qAt = beforeHash.indexOf('?');
  const query = qAt >= 0 ? safeDecode(beforeHash.slice(qAt + 1)) : '';
  const pathPart = qAt >= 0 ? beforeHash.slice(0, qAt) : beforeHash;
  const plainFragment = emailIn(fragment);
  if (plainFragment) return { email: plainFragment, where: 'fragment', encoded: false };
  const parts: ['fragment' | 'path' | 'query', string][] = [['fragment', fragment], ['path', pathPart], ['query', query]];
  for (const [where, text] of parts) {
    let n = 0;
    for (const m of text.matchAll(BASE64_TOKEN)) {
      if (++n > 6) break;
      const decoded = decodeBase64(m[0]);
      if (decoded && EMAIL.test(decoded)) return { email: decoded, where: where === 'query' ? 'query' : where, encoded: true };
    }
  }
  const plainQuery = emailIn(query);
  return plainQuery ? { email: plainQuery, where: 'query', encoded: false } : undefined;
}

/** The first email address written in `text` (found around each '@' by scanning, no backtracking regex). */
function emailIn(text: string): string | undefined {
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let a = at;
    while (a > 0 && at - a < 64 && /[\w.+-]/.test(text[a - 1]!)) a--;
    let b = at + 1;
    while (b < text.length && b - at < 120 && /[a-z0-9.-]/i.test(text[b]!)) b++;
    const candidate = text.slice(a, b).replace(/\.$/, '');
    if (a < at && EMAIL.test(candidate)) return candidate;
  }
  return undefined;
}

function decodeBase64(s: string): string | undefined {
  try {
    const t = s.replace(/={1,3}$/, '').replace(/-/g, '+').replace(/_/g, '/');
    const text = atob(t.padEnd(Math.ceil(t.length / 4) * 4, '='));
    return /^[\x20-\x7e]+$/.test(text) ? text.trim() : undefined;
  } catch {
    return undefined;
  }
}

/** The URL a link forwards to, when it carries one in a redirect parameter or a base64 path segment. */
export function forwardedUrl(raw: string): string | undefined {
  // Links copied out of HTML keep their escaped ampersands (linkredirect?authuser=0&amp;dest=...).
  const param = FORWARD_PARAM.exec(raw.includes('&amp;') ? raw.replace(/&amp;/g, '&') : raw)?.[1];
  if (param) {
    const v = safeDecode(safeDecode(param));
    if (/^https?:\/\/[^/\s]+/i.test(v)) return v;
    const b = decodeBase64Url(v);
    if (b) return b;
  }
  const seg = BASE64_URL.exec(raw)?.[1];
  return seg ? decodeBase64Url(seg) : undefined;
}

function decodeBase64Url(s: string): string | undefined {
  if (!s.startsWith('aHR0c')) return undefined;
  try {
    const text = atob(s.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(s.length / 4) * 4, '='));
    const m = /^https?:\/\/[\x21-\x7e]+/.exec(text);
    return m?.[0];
  } catch {
    return undefined;
  }
}

function pathOf(urlWithScheme: string): string {
  const afterScheme = urlWithScheme.replace(SCHEME, '');
  const i = afterScheme.search(/[/?#]/);
  return i < 0 ? '' : afterScheme.slice(i);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const LEVEL_ORDER: Record<RuleLevel, number> = { low: 1, medium: 2, high: 3 };

function finish(base: Omit<UrlAnalysis, 'verdict' | 'reason' | 'signals'>, signals: UrlSignal[]): UrlAnalysis {
  if (signals.length === 0) return { ...base, verdict: 'pass', reason: 'no-signal', signals };
  const sorted = [...signals].sort((a, b) => LEVEL_ORDER[b.level] - LEVEL_ORDER[a.level]);
  const brandSignal = sorted.find((s) => s.brand && s.level !== 'low');
  if (brandSignal) {
    return { ...base, verdict: 'lookalike', reason: brandSignal.rule, brand: brandSignal.brand, matched: brandSignal.matched, signals };
  }
  const top = sorted[0]!;
  return { ...base, verdict: 'suspicious', reason: top.rule, matched: top.matched, signals };
}

let shared: UrlAnalyzer | undefined;

/** Analyses one URL with the shipped lists (compiled on first use). */
export function analyzeUrl(url: string, options?: AnalyzeOptions): UrlAnalysis {
  shared ??= createUrlAnalyzer();
  return shared.analyze(url, options);
}
