import { describe, expect, it } from 'vitest';
import type { Verdict } from '@/lib/engine/types';
import { fakeJobVerdict, lureFinding } from './fixtures/verdicts';
import { LIMITS, isTrustedSender, parseMessage, parseVerdict } from '@/lib/messaging';

const verdict: Verdict = fakeJobVerdict([lureFinding()]);

const envelope = (type: string, data: unknown) => ({ envelope: 'redflag/1', type, data });

describe('parseMessage', () => {
  it('accepts a well-formed verdict report', () => {
    const message = parseMessage(envelope('report-verdict', { url: 'https://x.example/', title: 'T', verdict }));
    expect(message).toEqual({ type: 'report-verdict', data: { url: 'https://x.example/', title: 'T', verdict } });
  });

  it('accepts get-ui-strings and drops any payload', () => {
    expect(parseMessage(envelope('get-ui-strings', { lang: 'xx' }))).toEqual({ type: 'get-ui-strings', data: {} });
  });

  it.each(['load-banner-ui', 'load-engine'] as const)('accepts %s and drops any payload (the file injected is fixed)', (type) => {
    expect(parseMessage(envelope(type, { files: ['/evil.js'] }))).toEqual({ type, data: {} });
  });

  it('accepts open-details and drops any payload', () => {
    expect(parseMessage(envelope('open-details', { extra: 1 }))).toEqual({ type: 'open-details', data: {} });
  });

  it.each([
    ['not an object', 'hello'],
    ['no envelope', { type: 'open-details', data: {} }],
    ['foreign envelope', { envelope: 'other', type: 'open-details', data: {} }],
    ['unknown type', envelope('erase-everything', {})],
    ['missing url', envelope('report-verdict', { title: 'T', verdict })],
    ['bad level', envelope('report-verdict', { url: 'u', title: 'T', verdict: { ...verdict, level: 'critical' } })],
    ['bad type', envelope('report-verdict', { url: 'u', title: 'T', verdict: { ...verdict, type: 'phishing' } })],
    ['warn not boolean', envelope('report-verdict', { url: 'u', title: 'T', verdict: { ...verdict, warn: 'yes' } })],
    ['score NaN', envelope('report-verdict', { url: 'u', title: 'T', verdict: { ...verdict, score: Number.NaN } })],
    ['evidence not array', envelope('report-verdict', { url: 'u', title: 'T', verdict: { ...verdict, findings: [{ ...verdict.findings[0], evidence: 'x' }] } })],
    ['evidence without offsets', envelope('report-verdict', { url: 'u', title: 'T', verdict: { ...verdict, findings: [{ ...verdict.findings[0], evidence: [{ text: 'x' }] }] } })],
  ])('rejects %s', (_name, raw) => {
    expect(parseMessage(raw)).toBeNull();
  });

  it('clips page-controlled strings and list lengths', () => {
    const long = 'x'.repeat(10_000);
    const big: Verdict = {
      ...verdict,
      findings: Array.from({ length: 80 }, () => ({
        ...verdict.findings[0]!,
        evidence: Array.from({ length: 30 }, () => ({ text: long, start: 0, end: 10_000, field: 'text' })),
      })),
    };
    const parsed = parseVerdict(big)!;
    expect(parsed.findings).toHaveLength(LIMITS.findings);
    expect(parsed.findings[0]!.evidence).toHaveLength(LIMITS.evidencePerFinding);
    expect(parsed.findings[0]!.evidence[0]!.text).toHaveLength(LIMITS.evidenceText);
    const message = parseMessage(envelope('report-verdict', { url: long, title: long, verdict }));
    expect(message?.type === 'report-verdict' && message.data.url.length).toBe(LIMITS.url);
  });
});

describe('isTrustedSender', () => {
  const tab = { id: 7 } as never;
  it('accepts content scripts of this extension', () => {
    expect(isTrustedSender({ id: 'own', tab }, 'own')).toBe(true);
  });
  it('rejects other extensions, and senders without a tab', () => {
    expect(isTrustedSender({ id: 'other', tab }, 'own')).toBe(false);
    expect(isTrustedSender({ id: 'own' }, 'own')).toBe(false);
    expect(isTrustedSender({ id: 'own', tab: { id: -1 } as never }, 'own')).toBe(false);
  });
});
