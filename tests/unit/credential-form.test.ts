import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { claimText, hasCredentialField, MAX_CLAIM_TEXT } from '@/lib/extract/credential-form';
import { contentPackScoring } from '@/lib/content-pack';
import { parseMessage, LIMITS } from '@/lib/messaging';
import { pageVerdictWithUrls } from '@/lib/page-url-verdict';
import { getShippedEngine } from '@/lib/shipped-engine';

function doc(body: string): Document {
  return parseHTML(`<!doctype html><html><head><title>T</title></head><body>${body}</body></html>`).document as unknown as Document;
}

describe('credential form: when the page text goes to the brand-claim check', () => {
  it.each([
    ['a password field', '<input type="password">'],
    ['a PASSWORD field (any case)', '<input type="PASSWORD">'],
    ['a one-time-code field', '<input autocomplete="one-time-code">'],
    ['a card number field', '<input autocomplete="cc-number">'],
  ])('finds %s', (_name, html) => {
    expect(hasCredentialField(doc(`<form>${html}</form>`))).toBe(true);
  });

  it.each([
    ['no field', '<p>Hello</p>'],
    ['an ordinary text field', '<input type="text" name="q">'],
    ['a disabled password field', '<input type="password" disabled>'],
  ])('does not for %s', (_name, html) => {
    expect(hasCredentialField(doc(html))).toBe(false);
  });

  it('sends short texts of pages with a secret field only', () => {
    const login = doc('<input type="password">');
    expect(claimText(login, '  Maybank2u\nPassword  ')).toBe('Maybank2u\nPassword');
    expect(claimText(login, 'x'.repeat(MAX_CLAIM_TEXT + 1))).toBeUndefined();
    expect(claimText(doc('<p>news</p>'), 'Maybank2u news')).toBeUndefined();
    expect(MAX_CLAIM_TEXT).toBe(LIMITS.claimText);
  });
});

describe('brand claim through the tab verdict', () => {
  const engine = getShippedEngine();
  const report = (url: string, claim?: string) => {
    const title = 'Maybank2u - Log in';
    const text = 'Username\nPassword\nEnter the TAC sent to your phone.';
    return { url, title, verdict: engine.scan({ surface: 'page', url, title, text }), ...(claim ? { claimText: claim } : {}) };
  };
  const rules = (r: ReturnType<typeof report>) => pageVerdictWithUrls(r, contentPackScoring).findings.map((f) => f.rule);
  const text = 'Username\nPassword\nEnter the TAC sent to your phone.';

  it('a login page claiming a bank on another domain warns when its text came with the report', () => {
    expect(rules(report('https://m2u-login.example.net/', text))).toContain('url-brand-claim-credentials');
    expect(rules(report('https://m2u-login.example.net/'))).not.toContain('url-brand-claim-credentials');
  });

  it('the bank\'s own domain does not', () => {
    expect(rules(report('https://www.maybank2u.com.my/home', text))).not.toContain('url-brand-claim-credentials');
  });

  it('report-verdict keeps a short claim text and drops a long or non-string one', () => {
    const { verdict } = report('https://x.example/');
    const raw = (claimText: unknown) => ({ envelope: 'redflag/1', type: 'report-verdict', data: { url: 'https://x.example/', title: 'T', verdict, claimText } });
    expect((parseMessage(raw('Password'))?.data as { claimText?: string }).claimText).toBe('Password');
    expect(parseMessage(raw('x'.repeat(LIMITS.claimText + 1)))?.data).not.toHaveProperty('claimText');
    expect(parseMessage(raw(42))?.data).not.toHaveProperty('claimText');
  });
});
