import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../lib/engine/types';
import { channelContext } from '../../lib/channels/context-from-verdict';
import { CHANNELS } from '../../lib/channels/directory';
import { countryFromLanguage, countryFromTimeZone, guessCountry } from '../../lib/channels/guess-country';
import { isTraffickingLure, lureCountries } from '../../lib/channels/lure-destinations';
import { hostOnPlatform, selectChannels, type ChannelContext } from '../../lib/channels/select-channels';

const ids = (ctx: ChannelContext) => selectChannels(CHANNELS, ctx).map((s) => s.channel.id);
const primaryIds = (ctx: ChannelContext) => selectChannels(CHANNELS, ctx).filter((s) => s.primary).map((s) => s.channel.id);

describe('guessCountry(uiLanguage, timeZone)', () => {
  it.each([
    // [language, time zone, expected]
    ['km', 'Asia/Phnom_Penh', 'KH'],
    ['zh-CN', 'Asia/Phnom_Penh', 'KH'], // the zone says where the computer is
    ['en-US', 'Asia/Bangkok', 'TH'],
    ['vi', 'Asia/Ho_Chi_Minh', 'VN'],
    ['vi', 'Asia/Saigon', 'VN'],
    ['id', 'Asia/Makassar', 'ID'],
    ['en-AU', 'Australia/Perth', 'AU'],
    ['en', 'America/Indiana/Indianapolis', 'US'],
    ['en-GB', 'UTC', 'GB'], // zone says nothing: language region
    ['zh-TW', 'Etc/GMT-8', 'TW'],
    ['zh', 'UTC', 'CN'],
    ['zh-Hant', undefined, 'TW'],
    ['km', 'UTC', 'KH'], // language spoken mainly in one country
    ['th', null, 'TH'],
    ['pt_BR', 'UTC', 'BR'], // Chrome-style underscore
    ['en', 'UTC', null], // nothing to go on
    ['fr', 'Europe/Paris', null],
    [undefined, undefined, null],
  ] as const)('%s + %s -> %s', (lang, zone, expected) => {
    expect(guessCountry(lang, zone)).toBe(expected);
  });

  it('exposes its two halves', () => {
    expect(countryFromTimeZone('Asia/Kolkata')).toBe('IN');
    expect(countryFromTimeZone('Mars/Olympus')).toBeNull();
    expect(countryFromLanguage('ko-KR')).toBe('KR');
  });
});

describe('lure destinations', () => {
  it.each([
    [['Customer service job in Sihanoukville, free flight'], ['KH']],
    [['招聘客服，西港，包吃包住'], ['KH']],
    [['ការងារនៅ ភ្នំពេញ ប្រាក់ខែខ្ពស់'], ['KH']],
    [['Work in Myawaddy, visa provided'], ['MM']],
    [['Golden Triangle casino, Laos'], ['LA']],
    [['Remote data entry from home'], []],
  ] as const)('%j -> %j', (excerpts, expected) => {
    expect(lureCountries(excerpts)).toEqual(expected);
  });

  it('flags a lure by rule id or destination', () => {
    expect(isTraffickingLure(['fake-job-free-flight-abroad'], [])).toBe(true);
    expect(isTraffickingLure(['fake-job-typing-deposit'], ['job in Phnom Penh'])).toBe(true);
    expect(isTraffickingLure(['fake-job-typing-deposit'], ['pay a deposit to unlock tasks'])).toBe(false);
  });
});

describe('selectChannels', () => {
  it('matches platforms on their registrable domain, not on a lookalike', () => {
    expect(hostOnPlatform('www.linkedin.com', 'linkedin.com')).toBe(true);
    expect(hostOnPlatform('linkedin.com.evil.top', 'linkedin.com')).toBe(false);
    expect(hostOnPlatform('notlinkedin.com', 'linkedin.com')).toBe(false);
  });

  it('offers the platform report path first when the scam is on that platform', () => {
    expect(ids({ country: 'SG', scamType: 'fake_job', host: 'www.linkedin.com' })[0]).toBe('INTL-LinkedIn');
    expect(ids({ country: 'SG', scamType: 'pig_butchering', host: 'web.whatsapp.com' }).slice(0, 2).sort()).toEqual(['INTL-Meta', 'INTL-WhatsApp']);
    expect(ids({ country: 'SG', scamType: 'pig_butchering', host: 'web.telegram.org' })).toContain('INTL-Telegram-notoscam');
    expect(ids({ country: 'SG', scamType: 'fake_job', host: 'example.com' })).not.toContain('INTL-LinkedIn');
  });

  it('changes the channels with the country', () => {
    const th = ids({ country: 'TH', scamType: 'impersonation' });
    const gb = ids({ country: 'GB', scamType: 'impersonation' });
    expect(th).toContain('TH-thaipoliceonline');
    expect(th).not.toContain('GB-ReportFraud-web');
    expect(gb).toContain('GB-ReportFraud-web');
    expect(gb).not.toContain('TH-AOC-1441');
  });

  it('shows short codes only for the matching country (1799 is Singapore and Pakistan)', () => {
    expect(ids({ country: 'SG', scamType: 'impersonation' })).toContain('SG-ScamShield-1799');
    expect(ids({ country: 'SG', scamType: 'impersonation' })).not.toContain('PK-NCCIA-1799');
    expect(ids({ country: 'PK', scamType: 'impersonation' })).toContain('PK-NCCIA-1799');
    for (const s of selectChannels(CHANNELS, { country: 'global', scamType: 'crypto_investment', scamUrl: true })) {
      expect(s.channel.national, s.channel.id).not.toBe(true);
    }
  });

  it('offers anti-trafficking lines, "117 in Cambodia" and the consular line for a trafficking lure', () => {
    const cn = ids({ country: 'CN', scamType: 'fake_job', trafficking: true, lureCountries: ['KH'] });
    expect(cn).toEqual(expect.arrayContaining(['CN-12308', 'KH-police-117', 'KH-police-117-telegram', 'INTL-IOM']));
    // Own-country help first (consular line, then police), then the destination's line, then international.
    expect(cn.indexOf('CN-12308')).toBeLessThan(cn.indexOf('CN-110'));
    expect(cn.indexOf('CN-110')).toBeLessThan(cn.indexOf('KH-police-117'));
    expect(cn.indexOf('KH-police-117')).toBeLessThan(cn.indexOf('INTL-IOM'));
    const ph = selectChannels(CHANNELS, { country: 'PH', scamType: 'fake_job', trafficking: true, lureCountries: ['KH'] });
    expect(ph.find((s) => s.channel.id === 'PH-1343')?.reason).toBe('trafficking');
    expect(ph.find((s) => s.channel.id === 'KH-police-117')?.reason).toBe('destination');
    // Without a lure, the Cambodian short code stays out for a non-Cambodian user.
    expect(ids({ country: 'PH', scamType: 'fake_job' })).not.toContain('KH-police-117');
    // The same job scam without the trafficking context gets no trafficking hotline.
    expect(ids({ country: 'US', scamType: 'fake_job' })).not.toContain('US-NHTH');
    expect(ids({ country: 'US', scamType: 'fake_job', trafficking: true })).toContain('US-NHTH');
  });

  it('adds Chainabuse for crypto scams and the unsafe-site forms for scam websites', () => {
    expect(ids({ country: 'GB', scamType: 'crypto_investment' })).toContain('INTL-Chainabuse');
    expect(ids({ country: 'GB', scamType: 'fake_job' })).not.toContain('INTL-Chainabuse');
    const url = ids({ country: 'GB', scamType: 'impersonation', scamUrl: true });
    expect(url).toEqual(expect.arrayContaining(['INTL-Microsoft', 'INTL-Google-SB', 'GB-SERS']));
    expect(ids({ country: 'GB', scamType: 'impersonation' })).not.toContain('INTL-Microsoft');
  });

  it('shows high-confidence channels by default and the rest under "more"', () => {
    const us = selectChannels(CHANNELS, { country: 'US', scamType: 'impersonation', scamUrl: true });
    expect(us.find((s) => s.channel.id === 'US-IC3')?.primary).toBe(true);
    expect(us.find((s) => s.channel.id === 'INTL-Google-SB')?.primary).toBe(false);
    // Vietnam has only medium-confidence entries: its own channels are still shown first.
    expect(primaryIds({ country: 'VN', scamType: 'impersonation' })).toEqual(['VN-canhbao', 'VN-C02-duty']);
  });

  it('puts web forms before phone numbers within a group', () => {
    const gb = ids({ country: 'GB', scamType: 'impersonation' });
    expect(gb.indexOf('GB-ReportFraud-web')).toBeLessThan(gb.indexOf('GB-ReportFraud-phone'));
  });

  it('falls back to global channels for an unknown country', () => {
    const g = ids({ country: 'global', scamType: 'crypto_investment' });
    expect(g).toContain('INTL-Chainabuse');
    expect(g.every((id) => CHANNELS.find((c) => c.id === id)?.country === 'global')).toBe(true);
  });
});

describe('channelContext', () => {
  const v = (type: Verdict['type'], rule: string, text: string, field = 'text'): Verdict => ({
    warn: true, level: 'high', type, score: 4,
    findings: [{ rule, type: type ?? 'fake_job', level: 'high', message: rule, weight: 4, evidence: [{ text, start: 0, end: text.length, field }] }],
  });

  it('derives platform, lure and scam-URL flags from the page', () => {
    const lure = channelContext({ url: 'https://www.facebook.com/groups/jobs', verdict: v('fake_job', 'fake-job-high-salary', 'Typist job in Sihanoukville, 1500 USD') }, 'VN', CHANNELS);
    expect(lure).toMatchObject({ host: 'www.facebook.com', trafficking: true, lureCountries: ['KH'], scamUrl: false, scamType: 'fake_job' });
    const site = channelContext({ url: 'https://secure-bank-login.top/', verdict: v('impersonation', 'imp-bank', 'verify your account') }, 'TH', CHANNELS);
    expect(site).toMatchObject({ trafficking: false, scamUrl: true });
    const job = channelContext({ url: 'https://jobs.example/', verdict: v('fake_job', 'fake-job-deposit', 'pay a deposit') }, 'TH', CHANNELS);
    expect(job).toMatchObject({ trafficking: false, scamUrl: false });
    expect(channelContext({ url: 'not a url', verdict: v('impersonation', 'x', 'y') }, 'TH', CHANNELS).scamUrl).toBe(false);
  });
});
