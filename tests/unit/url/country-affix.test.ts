import { describe, expect, it } from 'vitest';
import { analyzeUrl } from '../../../lib/url/analyze-url';
import { createCountryAffixIndex, looseSkeleton, lureCountryLabel } from '../../../lib/url/country-affix';
import type { Organisation } from '../../../lib/url/url-lists';

const msg = (url: string) => analyzeUrl(url, { context: 'message' });
const rules = (url: string) => msg(url).signals.map((s) => `${s.rule}:${s.level}`);

const org = (id: string, country: string, tokens: string[], extra: Partial<Organisation> = {}): Organisation => ({
  id,
  name: id.toUpperCase(),
  category: 'bank',
  country,
  domains: [`${id}.example`],
  names: [id],
  tokens,
  source: 'https://example.org/',
  ...extra,
});

describe('createCountryAffixIndex', () => {
  const orgs = [
    org('okb', 'TH', ['okb']),
    org('lonbank', 'MY', ['lonbank']),
    org('ship', 'PH', [], { shortNames: ['ship'] }),
    org('glob', 'global', ['glob']),
  ];
  const index = createCountryAffixIndex(orgs, (o) => o.tokens ?? []);

  it("matches a short name joined to its own country's alpha-2 or alpha-3 code, vip or gov, glued or hyphenated", () => {
    for (const label of ['okbth', 'th-okb', 'okbtha', 'okb-vip', 'govokb', 'okbthvip']) expect(index.match(label)?.org.id, label).toBe('okb');
    expect(index.match('okbth')).toMatchObject({ word: 'okb', affixes: ['th'], kind: 'exact' });
  });

  it("does not match another country's code on a national name, or a name alone, or other letters", () => {
    for (const label of ['okbjp', 'okb', 'okbxyz', 'okbthx', 'xokbth']) expect(index.match(label), label).toBeUndefined();
  });

  it('global names take our users\' country codes', () => {
    expect(index.match('glob-sg')?.org.id).toBe('glob');
    expect(index.match('globkh')?.org.id).toBe('glob');
    expect(index.match('globfr')).toBeUndefined();
  });

  it('ordinary-word shortNames need a country code, not vip or gov alone', () => {
    expect(index.match('ship-phl')?.org.id).toBe('ship');
    expect(index.match('shipvip')).toBeUndefined();
    expect(index.match('govship')).toBeUndefined();
  });

  it('national names of 5+ letters may carry one edit or look-alike letters; global names may not', () => {
    expect(index.match('lonbnkmy')).toMatchObject({ kind: 'typo', word: 'lonbnk' });
    expect(index.match('my-1onbamk')).toMatchObject({ kind: 'typo' }); // 1 → l, m ≈ n
    expect(index.match('my-lobnkx')).toBeUndefined(); // two edits
    expect(index.match('glab-sg')).toBeUndefined();
  });

  it('4-letter names: look-alike letters or one added letter, not a changed letter', () => {
    const four = createCountryAffixIndex([org('cimx', 'MY', ['cimx'])], (o) => o.tokens ?? []);
    expect(four.match('clnxmy')?.kind).toBe('typo');
    expect(four.match('cimxqmy')?.kind).toBe('typo');
    expect(four.match('cimamy')).toBeUndefined();
  });
});

describe('looseSkeleton', () => {
  it('folds i/l/1 and m/n on top of the confusable skeleton', () => {
    expect(looseSkeleton('cimb')).toBe(looseSkeleton('c1nb'));
    expect(looseSkeleton('cimb')).toBe(looseSkeleton('clrnb'));
    expect(looseSkeleton('cimb')).not.toBe(looseSkeleton('cinc'));
  });
});

describe('lureCountryLabel', () => {
  it('a points/VIP or postal lure with a country code or government word, and nothing else', () => {
    expect(lureCountryLabel('vipkh')).toEqual({ lure: 'vip', code: 'kh' });
    expect(lureCountryLabel('post-vn')).toEqual({ lure: 'post', code: 'vn' });
    expect(lureCountryLabel('points-gov-tha')).toMatchObject({ lure: 'points' });
    for (const label of ['vip', 'postvip', 'vipshop', 'vipkhx', 'post-fr', 'posterity']) expect(lureCountryLabel(label), label).toBeUndefined();
  });
});

describe('analyzeUrl: country affixes and kit variations on cheap TLDs (shipped organisations)', () => {
  it('a protected short name with a country code or vip on a cheap TLD is a medium look-alike', () => {
    for (const u of ['https://ocbcsg.top/', 'https://jpjmys.top/', 'https://aisvip.xyz/', 'https://posmys.top/']) {
      const a = msg(u);
      expect(a.verdict, u).toBe('lookalike');
      expect(rules(u), u).toContain('url-lookalike-domain:medium');
    }
    expect(msg('https://ocbcsg.top/').brand?.id).toBe('sg-ocbc');
  });

  it('the same shape off a cheap TLD, an ordinary word with vip only, or the official site is not', () => {
    for (const u of ['https://ocbcsg.com/', 'https://mypos.com/', 'https://smartvip.shop/', 'https://www.ais.th/', 'https://ocbcfr.top/'])
      expect(rules(u), u).not.toContain('url-lookalike-domain:medium');
  });

  it('a misspelled national name with its country code on a cheap TLD', () => {
    const a = msg('https://cimbb-my.top/');
    expect(a.verdict).toBe('lookalike');
    expect(a.brand?.id).toBe('my-cimb');
    expect(msg('https://mycinb.xyz/').brand?.id).toBe('my-cimb');
  });

  it('a few letters stuck to the brand inside one hyphen part beside short parts (kit variation)', () => {
    for (const u of ['https://vn-viettelqz.top/', 'https://th-kasikornzz-q.vip/']) expect(msg(u).verdict, u).toBe('lookalike');
    // not off a cheap TLD, nor beside a longer word of its own
    for (const u of ['https://vn-viettelqz.com/', 'https://viettelqz-holidays.top/']) expect(msg(u).verdict, u).not.toBe('lookalike');
  });

  it('a lure word with a country code on a cheap TLD is a medium deceptive-words signal, not on .com', () => {
    expect(rules('https://vipkh.top/')).toContain('url-deceptive-words:medium');
    expect(rules('https://post-vn.xyz/')).toContain('url-deceptive-words:medium');
    expect(rules('https://vipkh.com/')).not.toContain('url-deceptive-words:medium');
    expect(msg('https://mypoints.com/').verdict).toBe('pass');
  });

  it('organisations added for the ASEAN/LatAm smishing pass: Serpost, Movistar, noon', () => {
    for (const [u, id] of [['https://serpost-pe.top/', 'pe-serpost'], ['https://movistar-pago.vip/', 'movistar'], ['https://noon-sa.top/', 'noon']] as const)
      expect(msg(u).brand?.id, u).toBe(id);
    for (const u of ['https://www.serpost.com.pe/', 'https://www.movistar.com.pe/', 'https://www.noon.com/']) expect(msg(u).verdict, u).toBe('official');
  });
});
