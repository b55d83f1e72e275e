import { describe, expect, it } from 'vitest';
import { urlFindings } from '../../../lib/url/url-findings';
import { mergeVerdicts } from '../../../lib/url/merge-verdicts';
import { DEFAULT_SCORING } from '../../../lib/engine/pack';
import type { Finding, ScanInput, Verdict } from '../../../lib/engine/types';

const rulesOf = (input: ScanInput) => urlFindings(input).map((f) => f.rule);
const none: Verdict = { warn: false, level: 'none', type: null, score: 0, findings: [] };

describe('urlFindings: which URLs are read, with evidence', () => {
  it('reads the url of a url input and highlights the host', () => {
    const url = 'https://paypal-login-verify.com/x';
    const [f] = urlFindings({ surface: 'url', url });
    expect(f!.rule).toBe('url-lookalike-domain');
    expect(f!.type).toBe('impersonation');
    expect(f!.weight).toBe(DEFAULT_SCORING.levelWeights.high);
    expect(f!.message).toMatch(/PayPal/);
    expect(f!.evidence).toEqual([{ text: 'paypal-login-verify.com', start: 8, end: 31, field: 'url' }]);
  });

  it('finds URLs inside SMS text with offsets into the original text', () => {
    const text = 'Your parcel is on hold. Pay the fee at https://royalmail-fees.com/pay today.';
    const f = urlFindings({ surface: 'sms', text }).find((x) => x.rule === 'url-lookalike-domain')!;
    const ev = f.evidence[0]!;
    expect(ev.field).toBe('text');
    expect(text.slice(ev.start, ev.end)).toBe('royalmail-fees.com');
  });

  it('reads chat messages from the other side only, and job-post fields', () => {
    const chat: ScanInput = {
      surface: 'chat',
      messages: [
        { from: 'me', text: 'is this real? https://bit.ly/abc123' },
        { from: 'them', text: 'log in here: https://metamask-connect.xyz/' },
      ],
    };
    const f = urlFindings(chat);
    expect(f.map((x) => x.rule)).toContain('url-lookalike-domain');
    expect(f.flatMap((x) => x.evidence).every((e) => e.field === 'messages.1')).toBe(true);
    const job: ScanInput = { surface: 'job_post', text: 'Great job', fields: { contact: 'apply at https://bit.ly/job-now' } };
    expect(urlFindings(job).find((x) => x.rule === 'url-shortener')?.evidence[0]?.field).toBe('fields.contact');
  });

  it('links on a page count only when they imitate a brand', () => {
    const page: ScanInput = { surface: 'page', url: 'https://blog.example.com/', links: ['https://bit.ly/x', 'https://foo.weebly.com/', 'https://paypa1.com/login'] };
    const f = urlFindings(page);
    expect(f.map((x) => x.rule)).toEqual(['url-lookalike-domain']);
    expect(f[0]!.evidence[0]!.field).toBe('links.2');
    // the same links in an SMS are message links: shorteners and free hosts count
    expect(rulesOf({ surface: 'sms', text: 'x', links: ['https://bit.ly/x'] })).toContain('url-shortener');
  });

  it('gives one finding per rule with the strongest level and evidence for each URL', () => {
    const f = urlFindings({ surface: 'sms', text: 'a https://bit.ly/a b https://tinyurl.com/b c https://paypa1.com' });
    expect(f.filter((x) => x.rule === 'url-shortener')).toHaveLength(1);
    expect(f.find((x) => x.rule === 'url-shortener')!.evidence).toHaveLength(2);
    expect(f[0]!.rule).toBe('url-lookalike-domain'); // sorted by weight
  });

  it('a shortened link alone does not make a genuine SMS warn; with another sign it counts', () => {
    const genuine = { surface: 'sms' as const, text: 'Your appointment at City Dental is confirmed for Tue 3pm. Details: https://bit.ly/cd-appt' };
    expect(mergeVerdicts(none, urlFindings(genuine)).warn).toBe(false);
    const lure = { surface: 'sms' as const, text: 'Parcel held at customs, pay the fee: https://bit.ly/x http://203.0.113.9/pay' };
    expect(mergeVerdicts(none, urlFindings(lure)).warn).toBe(true);
    // A bare link someone asks about has nothing else to go on: the shortener counts in full.
    expect(mergeVerdicts(none, urlFindings({ surface: 'url', url: 'https://bit.ly/cd-appt' })).warn).toBe(true);
  });

  it('yields nothing for official and plain URLs', () => {
    expect(urlFindings({ surface: 'sms', text: 'See https://www.dbs.com.sg/personal for details.' })).toEqual([]);
    expect(urlFindings({ surface: 'page', url: 'https://example.com/', title: 'Example', text: 'Hello' })).toEqual([]);
  });
});

describe('page brand claim with credential request', () => {
  const login = { title: 'Maybank2u - Log in', text: 'Username\nPassword\nEnter the TAC sent to your phone.' };
  it('fires on a non-official domain and names the organisation', () => {
    const f = urlFindings({ surface: 'page', url: 'https://m2u-secure.help/login', ...login }).find((x) => x.rule === 'url-brand-claim-credentials');
    expect(f?.message).toMatch(/Maybank/);
    expect(f?.evidence[0]).toMatchObject({ field: 'title', text: 'Maybank2u' });
  });
  it('stays silent on the official domain, on private hosts, on long articles and without a credential request', () => {
    expect(rulesOf({ surface: 'page', url: 'https://www.maybank2u.com.my/home', ...login })).not.toContain('url-brand-claim-credentials');
    expect(rulesOf({ surface: 'page', url: 'http://127.0.0.1:5173/', ...login })).not.toContain('url-brand-claim-credentials');
    expect(rulesOf({ surface: 'page', url: 'https://news.example.com/a', title: login.title, text: 'x '.repeat(3000) + login.text })).not.toContain('url-brand-claim-credentials');
    expect(rulesOf({ surface: 'page', url: 'https://fan.example.com/', title: 'Maybank2u fan club', text: 'Photos and news.' })).not.toContain('url-brand-claim-credentials');
  });
  it('matches names in local scripts', () => {
    const f = rulesOf({ surface: 'page', url: 'https://icbc-cn.top/', title: '中国工商银行 网上银行登录', text: '请输入登录密码和短信验证码' });
    expect(f).toContain('url-brand-claim-credentials');
  });
});

describe('mergeVerdicts', () => {
  const f = (rule: string, weight: number, type: Finding['type'] = 'impersonation'): Finding => ({
    rule, type, level: weight >= 4 ? 'high' : weight >= 2 ? 'medium' : 'low', message: rule, weight, evidence: [],
  });

  it('returns the engine verdict unchanged when there is nothing to add', () => {
    const v: Verdict = { warn: true, level: 'medium', type: 'fake_job', score: 2, findings: [f('a', 2, 'fake_job')] };
    expect(mergeVerdicts(v, [])).toBe(v);
  });

  it('scores URL findings with the engine thresholds: one low finding does not warn, a medium does', () => {
    expect(mergeVerdicts(none, [f('url-shortener', 1)])).toMatchObject({ warn: false, level: 'low', type: 'impersonation', score: 1 });
    expect(mergeVerdicts(none, [f('url-free-hosting', 2)])).toMatchObject({ warn: true, level: 'medium', score: 2 });
    expect(mergeVerdicts(none, [f('url-lookalike-domain', 4)])).toMatchObject({ warn: true, level: 'high', score: 4 });
  });

  it('adds to the engine\'s impersonation score and lets the top type win', () => {
    const engine: Verdict = { warn: false, level: 'low', type: 'impersonation', score: 1, findings: [f('im-otp', 1)] };
    expect(mergeVerdicts(engine, [f('url-shortener', 1)])).toMatchObject({ warn: true, level: 'medium', type: 'impersonation', score: 2 });
    const job: Verdict = { warn: true, level: 'high', type: 'fake_job', score: 6, findings: [f('fj', 6, 'fake_job')] };
    const merged = mergeVerdicts(job, [f('url-lookalike-domain', 4)]);
    expect(merged.type).toBe('fake_job');
    expect(merged.findings.map((x) => x.rule)).toEqual(['fj', 'url-lookalike-domain']);
  });

  it("keeps the content's type when URL findings tie with it (a seed-phrase page on a look-alike domain is crypto fraud)", () => {
    const seed: Verdict = { warn: true, level: 'high', type: 'crypto_investment', score: 4, findings: [f('ci-seed', 4, 'crypto_investment')] };
    expect(mergeVerdicts(seed, [f('url-lookalike-domain', 4)])).toMatchObject({ type: 'crypto_investment', score: 4 });
    // more URL evidence than content evidence: the higher score wins
    expect(mergeVerdicts(seed, [f('url-lookalike-domain', 4), f('url-suspicious-tld', 1)])).toMatchObject({ type: 'impersonation', score: 5 });
  });

  it('keeps URL-structure findings but drops the content brand claim when the engine suppressed the page (news)', () => {
    const news: Verdict = { warn: false, level: 'none', type: null, score: 0, findings: [f('im-safe-account', 4), f('fp-news', -4)] };
    const merged = mergeVerdicts(news, [f('url-brand-claim-credentials', 4), f('url-shortener', 1)]);
    expect(merged.findings.map((x) => x.rule)).not.toContain('url-brand-claim-credentials');
    expect(merged).toMatchObject({ warn: false, level: 'low', score: 1 });
  });

  it('accepts a verdict as the second argument and keeps truncated', () => {
    const v: Verdict = { ...none, truncated: true };
    const merged = mergeVerdicts(v, { ...none, findings: [f('url-ip-host', 2)] });
    expect(merged).toMatchObject({ warn: true, truncated: true });
  });
});
