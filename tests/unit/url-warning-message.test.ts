/** show-url-warning carries the URL findings' "what to do": kept only for findings of the verdict, strings only, clipped. */
import { describe, expect, it } from 'vitest';
import type { Verdict } from '@/lib/engine/types';
import { LIMITS, parseTabMessage } from '@/lib/messaging';

const verdict: Verdict = {
  warn: true,
  level: 'high',
  type: 'impersonation',
  score: 4,
  findings: [{ rule: 'url-lookalike-domain', type: 'impersonation', level: 'high', message: 'Look-alike web address', weight: 4, evidence: [] }],
};
const msg = (data: object) => parseTabMessage({ envelope: 'redflag-tab/1', type: 'show-url-warning', data }, { id: 'me' }, 'me');

describe('show-url-warning advice', () => {
  it('keeps the advice of the verdict findings only, as clipped strings', () => {
    const long = 'x'.repeat(LIMITS.advice + 50);
    expect(msg({ verdict, advice: { 'url-lookalike-domain': long, 'other-rule': 'injected', __proto__: 'y' } })?.data).toEqual({
      verdict,
      advice: { 'url-lookalike-domain': 'x'.repeat(LIMITS.advice) },
    });
    expect(msg({ verdict, advice: { 'url-lookalike-domain': 42 } })?.data).toEqual({ verdict });
    expect(msg({ verdict })?.data).toEqual({ verdict });
  });
});
