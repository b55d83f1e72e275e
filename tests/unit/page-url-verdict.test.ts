import { describe, expect, it } from 'vitest';
import { parseMessage, parseTabMessage, LIMITS } from '@/lib/messaging';
import { pageVerdictWithUrls, urlWarningAdded } from '@/lib/page-url-verdict';
import { contentPackScoring } from '@/lib/content-pack';
import { getShippedEngine } from '@/lib/shipped-engine';

const engine = getShippedEngine();
const login = (url: string) => {
  const title = 'Log in to your account';
  const verdict = engine.scan({ surface: 'page', url, title, text: 'Welcome back. Email. Password. Log in. Forgot your password?' });
  return { url, title, verdict, links: [`${new URL(url).origin}/help`] };
};

describe('tab verdict with URL findings', () => {
  it('a look-alike domain makes an ordinary login page warn, and the tab must be told', () => {
    const report = login('http://paypa1-secure-login.com/signin');
    expect(report.verdict.warn).toBe(false);
    const merged = pageVerdictWithUrls(report, contentPackScoring);
    expect(merged).toMatchObject({ warn: true, type: 'impersonation' });
    expect(merged.findings.map((f) => f.rule)).toContain('url-lookalike-domain');
    expect(urlWarningAdded(report.verdict, merged)).toBe(true);
  });

  it('the brand\'s own domain adds nothing', () => {
    const report = login('https://www.paypal.com/signin');
    const merged = pageVerdictWithUrls(report, contentPackScoring);
    expect(merged).toEqual(report.verdict);
    expect(urlWarningAdded(report.verdict, merged)).toBe(false);
  });
});

describe('messages for URL checks', () => {
  it('report-verdict keeps string links, capped in number and length', () => {
    const { verdict } = login('https://www.paypal.com/signin');
    const links = [...Array.from({ length: LIMITS.links + 50 }, (_, i) => `https://x.example/${i}`), 42];
    links[0] = `https://x.example/${'a'.repeat(LIMITS.url)}`;
    const m = parseMessage({ envelope: 'redflag/1', type: 'report-verdict', data: { url: 'https://x.example/', title: 'T', verdict, links } });
    expect(m?.type).toBe('report-verdict');
    const data = m!.data as { links?: string[] };
    expect(data.links).toHaveLength(LIMITS.links);
    expect(data.links![0]!.length).toBe(LIMITS.url);
  });

  it('show-url-warning is accepted only from the background of this extension', () => {
    const { verdict } = login('http://paypa1-secure-login.com/signin');
    const raw = { envelope: 'redflag-tab/1', type: 'show-url-warning', data: { verdict } };
    expect(parseTabMessage(raw, { id: 'me' }, 'me')).toEqual({ type: 'show-url-warning', data: { verdict } });
    expect(parseTabMessage(raw, { id: 'other' }, 'me')).toBeNull();
    expect(parseTabMessage(raw, { id: 'me', tab: { id: 3 } as never }, 'me')).toBeNull();
    expect(parseTabMessage({ ...raw, data: { verdict: { warn: 'yes' } } }, { id: 'me' }, 'me')).toBeNull();
  });
});
