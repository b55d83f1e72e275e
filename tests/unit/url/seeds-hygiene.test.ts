import { describe, expect, it } from 'vitest';
import { parse } from 'tldts';
import orgSeed from '../../../seeds/organisations.json';
import hostSeed from '../../../seeds/url-hosts.json';
import { toUnicodeHost } from '../../../lib/url/punycode';
import type { Organisation } from '../../../lib/url/url-lists';

const orgs = (orgSeed as { organisations: Organisation[] }).organisations;
const CATEGORIES = new Set([
  'bank', 'brand', 'card', 'crypto_exchange', 'crypto_service', 'crypto_wallet', 'delivery', 'ewallet',
  'government', 'job_site', 'platform', 'telecom', 'toll', 'utility',
]);

function sortedCopy(list: readonly string[]): string[] {
  return [...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

describe('seeds/organisations.json', () => {
  it('is sorted by id with unique ids', () => {
    const ids = orgs.map((o) => o.id);
    expect(ids).toEqual(sortedCopy(ids));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists every official domain once across all organisations', () => {
    const all = orgs.flatMap((o) => o.domains);
    const dupes = all.filter((d, i) => all.indexOf(d) !== i);
    expect(dupes).toEqual([]);
  });

  it.each(orgs.map((o) => [o.id, o] as const))('%s: complete, sorted, punycode, registrable domains', (_id, o) => {
    expect(o.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(o.name.trim()).not.toBe('');
    expect(CATEGORIES.has(o.category)).toBe(true);
    expect(o.country).toMatch(/^(?:[A-Z]{2}|global)$/);
    expect(o.source).toMatch(/^https:\/\/[^\s]+$/);
    expect(o.names.length).toBeGreaterThan(0);
    expect(new Set(o.names).size).toBe(o.names.length);
    expect(o.domains.length).toBeGreaterThan(0);
    expect(o.domains).toEqual(sortedCopy(o.domains));
    for (const d of o.domains) {
      expect(d, d).toMatch(/^[a-z0-9.-]+$/); // punycode (ASCII) only, lower case
      expect(d, d).toBe(d.trim());
      const p = parse(d);
      expect(p.domain, `${d} must be its own registrable domain`).toBe(d);
      expect(p.isIcann, `${d} must have an ICANN suffix`).toBe(true);
    }
    if (o.tokens) {
      expect(o.tokens).toEqual(sortedCopy(o.tokens));
      for (const t of o.tokens) expect(t, t).toMatch(/^[a-z0-9]{3,}$/);
    }
    if (o.shortNames) {
      // short names only count beside a country code on a cheap TLD: ASCII, 3+ letters, not already a token
      expect(o.shortNames).toEqual(sortedCopy(o.shortNames));
      for (const t of o.shortNames) {
        expect(t, t).toMatch(/^[a-z0-9]{3,}$/);
        expect(o.tokens ?? [], t).not.toContain(t);
      }
    }
    if (o.plainWord !== undefined) expect(o.plainWord).toBe(true);
    if (o.lookalikeOnly) {
      expect(o.lookalikeOnly).toEqual(sortedCopy(o.lookalikeOnly));
      for (const t of o.lookalikeOnly) expect(t, t).toMatch(/^[a-z0-9]{4,}$/);
    }
  });

  it('has no IDN domain that decodes to a different organisation name (all are ASCII)', () => {
    const idn = orgs.flatMap((o) => o.domains).filter((d) => toUnicodeHost(d) !== d);
    expect(idn).toEqual([]);
  });

  it('covers every country the issue names, and governments, crypto, job sites, delivery and tolls', () => {
    const countries = new Set(orgs.map((o) => o.country));
    for (const c of ['KH', 'CN', 'VN', 'TH', 'ID', 'MY', 'PH', 'IN', 'NP', 'BD', 'PK', 'SG', 'KR', 'JP', 'US', 'GB', 'AU']) {
      expect(countries.has(c), c).toBe(true);
    }
    const cats = new Set<string>(orgs.map((o) => o.category));
    for (const c of ['government', 'crypto_exchange', 'crypto_wallet', 'job_site', 'delivery', 'toll', 'bank', 'ewallet']) {
      expect(cats.has(c), c).toBe(true);
    }
  });
});

describe('seeds/url-hosts.json', () => {
  const lists = hostSeed as unknown as Record<string, string[]>;
  it.each(['freeHostingSubdomain', 'freeHostingPath', 'shorteners', 'suspiciousTlds', 'credentialWords', 'lureWords', 'cryptoNouns', 'cryptoActions', 'giveawayNames', 'giftWords', 'giveawayWords', 'giveawayFiller'])(
    '%s is sorted, unique, lower-case ASCII',
    (key) => {
      const list = lists[key]!;
      expect(list.length).toBeGreaterThan(0);
      expect(list).toEqual(sortedCopy(list));
      expect(new Set(list).size).toBe(list.length);
      for (const e of list) expect(e, e).toMatch(/^[a-z0-9.-]+$/);
    },
  );

  it('host entries parse as hostnames under an ICANN suffix', () => {
    for (const key of ['freeHostingSubdomain', 'freeHostingPath', 'shorteners']) {
      for (const h of lists[key]!) {
        const p = parse(h);
        expect(p.isIcann, h).toBe(true);
        expect(p.domain, h).not.toBeNull();
      }
    }
  });

  it('never lists a protected organisation\'s whole registrable domain as free hosting', () => {
    const official = new Set(orgs.flatMap((o) => o.domains));
    const whole = [...lists.freeHostingSubdomain!, ...lists.freeHostingPath!].filter((h) => official.has(h));
    // Path hosts are full hostnames (sites.google.com), never the platform's registrable domain (google.com).
    expect(whole).toEqual([]);
  });
});
