import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../lib/engine/types';
import { channelById } from '../../lib/channels/directory';
import { channelAction, telHref, MAX_MAILTO_BODY } from '../../lib/report/channel-actions';
import { buildBundle, redactBundle } from '../../lib/report/evidence-bundle';
import { csvCell, toCsv } from '../../lib/report/export-records';
import { orgPayload, postOrgReport } from '../../lib/report/org-endpoint';
import { findSensitive, itemId, redactText } from '../../lib/report/redact';
import { reportSubject, reportText } from '../../lib/report/report-text';
import { addRecord, clearRecords, deleteRecord, historyBundle, listRecords, openReportsDb, updateReportStatus } from '../../lib/report/report-history';

const verdict: Verdict = {
  warn: true,
  level: 'high',
  type: 'fake_job',
  score: 6,
  findings: [
    {
      rule: 'fake-job-free-flight-abroad', type: 'fake_job', level: 'high', message: 'Free flight abroad', weight: 4,
      evidence: [{ text: 'free flight to Sihanoukville', start: 0, end: 10, field: 'text' }],
    },
    {
      rule: 'fake-job-telegram-contact', type: 'fake_job', level: 'medium', message: 'Contact on Telegram', weight: 2,
      evidence: [
        { text: 'Contact HR Lina at lina.hr@gmail.com or +855 97 123 4567', start: 0, end: 10, field: 'text' },
        { text: 'free flight to Sihanoukville', start: 0, end: 10, field: 'text' },
      ],
    },
  ],
};
const bundle = () =>
  buildBundle({
    url: 'https://jobs.example/post/123456789?ref=lina.hr@gmail.com',
    title: 'Customer service job',
    verdict,
    seenAt: Date.UTC(2026, 10, 21, 10, 0, 0),
    now: Date.UTC(2026, 10, 21, 10, 5, 0),
    note: 'Recruiter Lina Chan asked me to pay for a visa to account 001-234567-890.',
    engineVersion: 'abc123',
  });

describe('redaction', () => {
  it.each([
    ['mail me: a.b-c@mail.example.co', 'email'],
    ['call +855 97 123 4567 now', 'phone'],
    ['call 0979-117-117', 'phone'],
    ['微信 13812345678', 'phone'],
    ['(02) 8123 4567', 'phone'],
    ['card 4111 1111 1111 1111', 'card'],
    ['IBAN GB82 WEST 1234 5698 7654 32', 'iban'],
    ['account no. 123456', 'account'],
    ['账号 6222020200112233445', 'account'],
    ['โอนเข้าบัญชี 123-4-56789-0', 'account'],
    ['ref 9876543210123', 'account'],
  ])('finds %s', (text, kind) => {
    expect(findSensitive(text).map((s) => s.kind)).toEqual([kind]);
  });

  it.each([['salary 1500 USD per month'], ['on 2026-11-21'], ['call 117 in Cambodia'], ['order 4111 1111 1111 1112 (fails the Luhn check)']])(
    'leaves %s alone',
    (text) => {
      expect(findSensitive(text)).toEqual([]);
    },
  );

  it('redacts marked names case-insensitively, and keeps items the user un-ticks', () => {
    const text = 'Lina Chan (lina@x.example) said LINA CHAN will call';
    expect(redactText(text, ['Lina Chan'])).toBe('[name] ([email]) said [name] will call');
    const keep = new Set([itemId({ kind: 'email', text: 'lina@x.example' })]);
    expect(redactText(text, ['Lina Chan'], keep)).toBe('[name] (lina@x.example) said [name] will call');
  });
});

describe('evidence bundle', () => {
  it('collects url, time, type, rule ids, unique excerpts, note and engine version', () => {
    const b = bundle();
    expect(b).toMatchObject({
      schema: 'redflag-report/1',
      time: '2026-11-21T10:00:00.000Z',
      reportedAt: '2026-11-21T10:05:00.000Z',
      scamType: 'fake_job',
      ruleIds: ['fake-job-free-flight-abroad', 'fake-job-telegram-contact'],
      engineVersion: 'abc123',
    });
    expect(b.excerpts.map((e) => e.text)).toEqual(['free flight to Sihanoukville', 'Contact HR Lina at lina.hr@gmail.com or +855 97 123 4567']);
    expect(b.screenshot).toBeUndefined();
    expect(buildBundle({ ...verdictInput(), screenshot: 'javascript:alert(1)' }).screenshot).toBeUndefined();
    expect(buildBundle({ ...verdictInput(), screenshot: 'data:image/png;base64,AAAA' }).screenshot).toBe('data:image/png;base64,AAAA');
  });

  it('redacts by default everywhere, lists each distinct item once, and honours per-item toggles', () => {
    const { bundle: red, items } = redactBundle(bundle(), { names: ['Lina Chan'], keep: new Set() });
    const all = JSON.stringify(red);
    expect(all).not.toContain('lina.hr@gmail.com');
    expect(all).not.toContain('+855 97 123 4567');
    expect(all).not.toContain('Lina Chan');
    expect(all).not.toContain('001-234567-890');
    expect(red.url).toBe('https://jobs.example/post/123456789?ref=[email]'); // path ids stay
    expect(items.find((i) => i.kind === 'email')).toMatchObject({ count: 2, redacted: true });
    expect(items.map((i) => i.kind).sort()).toEqual(['account', 'email', 'name', 'phone']);
    const phone = items.find((i) => i.kind === 'phone')!;
    const kept = redactBundle(bundle(), { names: ['Lina Chan'], keep: new Set([phone.id]) });
    expect(JSON.stringify(kept.bundle)).toContain('+855 97 123 4567');
    expect(kept.items.find((i) => i.id === phone.id)?.redacted).toBe(false);
  });
});

function verdictInput() {
  return { url: 'https://a.example/', verdict, seenAt: 0, engineVersion: 'v' };
}

describe('report text and channel actions', () => {
  const red = () => redactBundle(bundle(), { names: [], keep: new Set() }).bundle;

  it('writes a subject and a plain-text body with rule titles', () => {
    const b = red();
    expect(reportSubject(b)).toBe('Suspected scam: fake job offer on jobs.example');
    const text = reportText(b, { ruleTitle: (id) => (id === 'fake-job-free-flight-abroad' ? 'Free flight abroad' : undefined) });
    expect(text).toContain('Page: https://jobs.example/post/123456789?ref=[email]');
    expect(text).toContain('- Free flight abroad (fake-job-free-flight-abroad)');
    expect(text).toContain('- fake-job-telegram-contact');
    expect(text).toContain('"free flight to Sihanoukville"');
    expect(text).toContain('Seen (UTC): 2026-11-21 10:00:00Z');
    expect(text).toContain('not a finding by any authority');
  });

  it('builds mailto:, tel:, sms:, web-form and deep-link actions', () => {
    const b = red();
    const mail = channelAction(channelById('GB-SERS')!, b);
    expect(mail.kind).toBe('mailto');
    expect(mail.href).toMatch(/^mailto:report@phishing\.gov\.uk\?subject=Suspected%20scam/);
    expect(decodeURIComponent(mail.href!.split('&body=')[1]!)).toContain('free flight to Sihanoukville');
    const form = channelAction(channelById('INTL-Chainabuse')!, b);
    expect(form).toMatchObject({ kind: 'open_url', href: 'https://www.chainabuse.com' });
    expect(form.copyText).toContain('jobs.example');
    expect(channelAction(channelById('KH-police-117')!, b)).toMatchObject({ kind: 'tel', href: 'tel:117' });
    expect(channelAction(channelById('JP-9110')!, b).href).toBe('tel:%239110');
    expect(telHref('+86 10 12308')).toBe('tel:+861012308');
    const sms = channelAction(channelById('VN-5656-sms')!, b);
    expect(sms.href).toMatch(/^sms:5656\?body=LD%20/);
    expect(channelAction(channelById('KH-police-117-telegram')!, b)).toMatchObject({ kind: 'deep_link', href: 'https://t.me/+855979117117' });
    expect(channelAction(channelById('INTL-WhatsApp')!, b)).toMatchObject({ kind: 'instructions' });
  });

  it('keeps mailto bodies short enough for mail clients', () => {
    const big = buildBundle({
      ...verdictInput(),
      verdict: { ...verdict, findings: [{ ...verdict.findings[0]!, evidence: Array.from({ length: 20 }, (_, i) => ({ text: `${i} ${'x'.repeat(280)}`, start: 0, end: 1, field: 'text' })) }] },
    });
    const body = decodeURIComponent(channelAction(channelById('GB-SERS')!, big).href!.split('&body=')[1]!);
    expect(body.length).toBeLessThanOrEqual(MAX_MAILTO_BODY);
    expect(body).toContain('https://a.example/');
    expect(body).toContain('[…]');
  });
});

describe('organisation endpoint', () => {
  it('posts the reviewed bundle as JSON with redaction counts only', async () => {
    const { bundle: b, items } = redactBundle(bundle(), { names: [], keep: new Set() });
    const payload = orgPayload(b, items, { version: '0.1.0', language: 'en' });
    expect(JSON.stringify(payload)).not.toContain('gmail');
    expect(payload.redactions).toEqual(expect.arrayContaining([{ kind: 'email', count: 2 }]));
    const calls: [string, RequestInit][] = [];
    const fake = (async (url: string, init: RequestInit) => {
      calls.push([url, init]);
      return new Response('', { status: 202 });
    }) as unknown as typeof fetch;
    expect(await postOrgReport({ url: 'https://ngo.example/r', name: 'NGO' }, payload, fake)).toEqual({ ok: true, status: 202 });
    expect(calls[0]![1]).toMatchObject({ method: 'POST', credentials: 'omit' });
    expect(JSON.parse(String(calls[0]![1].body)).schema).toBe('redflag-org-report/1');
    expect((await postOrgReport({ url: 'http://ngo.example/r', name: 'x' }, payload, fake)).ok).toBe(false);
    expect(calls.length).toBe(1);
    const failing = (async () => new Response('', { status: 500 })) as unknown as typeof fetch;
    expect(await postOrgReport({ url: 'https://ngo.example/r', name: 'NGO' }, payload, failing)).toMatchObject({ ok: false, status: 500 });
  });
});

describe('history and export', () => {
  it('records, updates, lists newest first, deletes', async () => {
    const db = await openReportsDb();
    await clearRecords(db, 'reports');
    const b = bundle();
    const base = { channelId: 'GB-SERS', channelName: 'NCSC', action: 'mailto' as const, status: 'opened' as const, url: b.url, scamType: b.scamType, ruleIds: b.ruleIds, bundle: historyBundle({ ...b, screenshot: 'data:image/png;base64,AA' }) };
    const first = await addRecord(db, 'reports', { ...base, time: 1 });
    const second = await addRecord(db, 'reports', { ...base, time: 2, channelId: 'organisation' });
    await updateReportStatus(db, second, 'failed', 'The server answered 500.');
    const list = await listRecords(db, 'reports');
    expect(list.map((r) => r.id)).toEqual([second, first]);
    expect(list[0]).toMatchObject({ status: 'failed', error: 'The server answered 500.' });
    expect(list[1]!.bundle.screenshotIncluded).toBe(true);
    expect(JSON.stringify(list)).not.toContain('data:image');
    await deleteRecord(db, 'reports', first);
    expect((await listRecords(db, 'reports')).length).toBe(1);
    db.close();
  });

  it('exports CSV that spreadsheets cannot run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1 555')).toBe(`"'+1 555"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('plain')).toBe('"plain"');
    const csv = toCsv([{ time: 0, url: '-2+3', rules: ['a', 'b'] }], ['time', 'url', 'rules']);
    expect(csv).toBe('"time","url","rules"\r\n"1970-01-01T00:00:00.000Z","\'-2+3","a b"\r\n');
  });
});
