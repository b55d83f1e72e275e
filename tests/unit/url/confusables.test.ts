import { describe, expect, it } from 'vitest';
import { domainToUnicode } from 'node:url';
import { isMixedScript, isWholeScriptConfusable, skeleton } from '../../../lib/url/confusables';
import { decodePunycode, toUnicodeHost } from '../../../lib/url/punycode';
import { typoDistance } from '../../../lib/url/typo';

describe('skeleton: hooked, barred and small-capital Latin letters (TR39)', () => {
  it('maps them to the plain letter they imitate', () => {
    expect(skeleton('ĸraĸen')).toBe('kraken');
    expect(skeleton('ɱyetherwallet')).toBe('myetherwallet');
    expect(skeleton('ᴍetamask')).toBe('metamask');
    expect(skeleton('uþhold')).toBe('uphold');
    expect(skeleton('ȴedger')).toBe('ledger');
    expect(skeleton('ɪdex')).toBe('idex');
  });
});

describe('skeleton', () => {
  it.each([
    ['pаypal', 'paypal'], // Cyrillic а
    ['аррӏе', 'apple'], // whole-script Cyrillic
    ['ｐａｙｐａｌ', 'paypal'], // full-width
    ['bіnance', 'binance'], // Cyrillic і
    ['binànce', 'binance'], // diacritic
    ['paypa1', 'paypal'], // digit 1 → l
    ['g00gle', 'google'], // digit 0 → o
    ['rnetamask', 'metamask'], // rn → m
    ['vvallet', 'wallet'], // vv → w
    ['οpensea', 'opensea'], // Greek ο
    ['օpensea', 'opensea'], // Armenian օ
  ])('%s → %s', (input, out) => {
    expect(skeleton(input)).toBe(skeleton(out));
  });

  it('keeps different words different', () => {
    expect(skeleton('finance')).not.toBe(skeleton('binance'));
    expect(skeleton('paypal')).toBe('paypal');
  });

  it('detects mixed and whole-script confusables', () => {
    expect(isMixedScript('pаypal')).toBe(true);
    expect(isMixedScript('paypal')).toBe(false);
    expect(isMixedScript('аррӏе')).toBe(false);
    expect(isWholeScriptConfusable('аррӏе')).toBe(true);
    expect(isWholeScriptConfusable('привет')).toBe(false); // и and л have no Latin look-alike in the table
  });
});

describe('punycode', () => {
  it.each(['xn--pypal-4ve.com', 'xn--80ak6aa92e.com', 'xn--mnchen-3ya.de', 'xn--fiqs8s.cn', 'xn--binnce-kta.com', 'plain.example'])(
    '%s decodes like node:url',
    (host) => {
      expect(toUnicodeHost(host)).toBe(domainToUnicode(host));
    },
  );

  it('returns null for malformed labels and keeps them as written in hosts', () => {
    expect(decodePunycode('abc-99999999')).toBeNull();
    expect(toUnicodeHost('xn--abc-99999999.com')).toBe('xn--abc-99999999.com');
  });
});

describe('typoDistance (shaped typosquats only; short names get none)', () => {
  it.each([
    ['binnace', 'binance'], // swap
    ['kraaken', 'kraken'], // doubled letter
    ['coinbse', 'coinbase'], // dropped inner letter
    ['coinbsse', 'coinbase'], // neighbouring key
    ['metanask', 'metamask'], // neighbouring key (n/m)
    ['myetherwellat', 'myetherwallet'], // two edits, long name
    ['myetherwalets', 'myetherwallet'], // two edits changing the last letter, same length
    ['myetherwalletr', 'myetherwallet'], // a long name with a letter appended
  ])('%s imitates %s', (cand, token) => {
    expect(typoDistance(cand, token)).toBeGreaterThan(0);
  });

  it.each([
    ['finance', 'binance'], // first letter differs
    ['telegraf', 'telegram'], // last letter differs
    ['kodak', 'kotak'], // 5 letters: replacement not allowed
    ['mail', 'gmail'], // dropped first letter
    ['googl', 'google'], // dropped last letter
    ['scloud', 'icloud'],
    ['twister', 'twitter'], // s/t are not neighbours
    ['metamusk', 'metamask'], // vowel swap: how unrelated names differ
    ['opensera', 'opensea'], // freely inserted letter
    ['dbs', 'dbs'], // equal: not a typo
    ['dbx', 'dbs'], // short names get no tolerance
    ['centurylink', 'centrelink'], // two edits on a 10-letter name
    ['socialsecuritywb', 'socialsecurity'], // two letters appended: the length changes by two
    ['aetherwallet', 'myetherwallet'], // first letter differs
  ])('%s does not imitate %s', (cand, token) => {
    expect(typoDistance(cand, token)).toBe(0);
  });
});
