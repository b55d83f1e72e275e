/**
 * Minimal URL parsing and URL predicates for rules. No tldts and no platform URL API here:
 * the engine must stay small and run anywhere. Registrable-domain logic lives outside the engine.
 */
import type { UrlPredicate } from './pack';

export interface ParsedUrl {
  scheme: string;
  host: string;
  userinfo: boolean;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** Splits a URL (or a bare `host/path`) into scheme, lower-cased host and whether it has user info. */
export function parseUrl(raw: string): ParsedUrl | null {
  let s = raw.trim();
  if (!s) return null;
  let scheme = '';
  const m = SCHEME.exec(s);
  if (m && !/^\d+$/.test(s.slice(m[0].length, m[0].length + 5).split('/')[0] ?? '')) {
    scheme = m[1]!.toLowerCase();
    s = s.slice(m[0].length);
    if (!s.startsWith('//')) return { scheme, host: '', userinfo: false };
  }
  s = s.replace(/^\/\//, '');
  let authority = s.split(/[/?#\\]/, 1)[0] ?? '';
  const at = authority.lastIndexOf('@');
  const userinfo = at >= 0;
  if (userinfo) authority = authority.slice(at + 1);
  let host = authority;
  if (host.startsWith('[')) host = host.slice(0, host.indexOf(']') + 1);
  else host = host.replace(/:\d*$/, '');
  host = host.toLowerCase().replace(/\.$/, '');
  return { scheme: scheme || (raw.trim().startsWith('//') ? '' : 'http'), host, userinfo };
}

const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$|^0x[0-9a-f]+$|^\d{8,10}$/;

export function isIpHost(host: string): boolean {
  return host.startsWith('[') || IPV4.test(host);
}

export function urlMatches(url: ParsedUrl, p: UrlPredicate): boolean {
  const host = url.host;
  if (p.scheme?.includes(url.scheme)) return true;
  if (!host) return false;
  if (p.ip && isIpHost(host)) return true;
  if (p.userinfo && url.userinfo) return true;
  if (p.punycode && /(?:^|\.)xn--/.test(host)) return true;
  if (p.tld) {
    const tld = host.slice(host.lastIndexOf('.') + 1);
    if (p.tld.includes(tld) && !isIpHost(host)) return true;
  }
  if (p.hostSuffix) {
    for (const suffix of p.hostSuffix) {
      const sfx = suffix.toLowerCase();
      if (sfx.startsWith('.') ? host.endsWith(sfx) : host === sfx || host.endsWith('.' + sfx)) return true;
    }
  }
  return false;
}

/** URLs written in free text: with a scheme, starting with www., or a bare domain with a path. */
const URL_IN_TEXT = /\b(?:https?:\/\/[^\s<>"'`]{1,2000}|www\.[^\s<>"'`]{1,2000}|[a-z0-9](?:[a-z0-9-]{0,62}\.){1,8}[a-z]{2,24}\/[^\s<>"'`]{0,2000}|(?:[a-z0-9-]{1,63}\.){1,8}(?:com|net|org|top|xyz|vip|cc|club|shop|site|online|app|io|me|info|link|live|pro|icu|buzz|cn|hk|kh|la|mm|th|vn|ph|my|id|sg)\b)/giu;

/** Finds up to `max` URLs in text, with their offsets in that text (trailing punctuation trimmed). */
export function findUrls(text: string, max = 20): { url: string; start: number; end: number }[] {
  const found: { url: string; start: number; end: number }[] = [];
  URL_IN_TEXT.lastIndex = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const url = m[0].replace(/[.,;:!?)\]}'"]+$/, '');
    found.push({ url, start: m.index, end: m.index + url.length });
    if (found.length >= max) break;
  }
  return found;
}
