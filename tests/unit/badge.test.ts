import { describe, expect, it } from 'vitest';
import type { Verdict } from '@/lib/engine/types';
import { BADGE_COLOR, badgeState } from '@/lib/ui/badge';

const base: Verdict = { warn: true, level: 'high', type: 'pig_butchering', score: 5, findings: [] };

describe('badgeState', () => {
  it('shows "!" in the level colour and names the type in the tooltip when the page warns', () => {
    expect(badgeState(base)).toEqual({ text: '!', color: BADGE_COLOR.high, title: expect.stringContaining('Romance and investment scam') });
    expect(badgeState({ ...base, level: 'medium' }).color).toBe(BADGE_COLOR.medium);
  });
  it('is empty when there is no verdict or it does not warn', () => {
    expect(badgeState(null).text).toBe('');
    expect(badgeState({ ...base, warn: false, level: 'low' }).text).toBe('');
  });
});
