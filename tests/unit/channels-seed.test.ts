// Hygiene of the shipped channel directory (seeds/channels.json).
import { describe, expect, it } from 'vitest';
import { CHANNEL_TYPES, HANDLES, type Channel } from '../../lib/channels/channel-types';
import { CHANNELS, DIRECTORY } from '../../lib/channels/directory';

const URL_RE = /^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(?:[/?#]\S*)?$/i;
const EMAIL_RE = /^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$/i;
// International "+<cc> ..." or a national number/short code ("117", "#9110", "0300 123 2040", "1-888-373-7888").
const PHONE_RE = /^(?:\+\d{1,3}(?:[ -]?\d){6,13}|#?\d{2,6}|\d(?:[ -]?\d){5,13})$/;
const SHORT_CODE_RE = /^\d{3,6}$/;
const TELEGRAM_RE = /^(?:@[a-z0-9_]{5,32}|\+\d{1,3}(?: ?\d){6,13})$/i;

function valueError(c: Channel): string | null {
  switch (c.type) {
    case 'web_form':
    case 'other':
      return URL_RE.test(c.value) ? null : 'not an https URL';
    case 'email':
      return EMAIL_RE.test(c.value) ? null : 'not an e-mail address';
    case 'phone':
      return PHONE_RE.test(c.value) ? null : 'not a phone number';
    case 'sms':
      return SHORT_CODE_RE.test(c.value) ? null : 'not an SMS short code';
    case 'telegram':
      return TELEGRAM_RE.test(c.value) ? null : 'not a Telegram handle or number';
    case 'app':
      return c.value.trim() && c.appHint ? null : 'app without name or hint';
  }
}

describe('seeds/channels.json', () => {
  it('has entries and sorted, unique ids', () => {
    expect(CHANNELS.length).toBeGreaterThan(50);
    const ids = CHANNELS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
  });

  it.each(CHANNELS.map((c) => [c.id, c] as const))('%s is well-formed', (_id, c) => {
    expect(c.country === 'global' || /^[A-Z]{2}$/.test(c.country), 'country').toBe(true);
    expect(CHANNEL_TYPES).toContain(c.type);
    expect(valueError(c), `value ${JSON.stringify(c.value)}`).toBeNull();
    expect(c.handles.length).toBeGreaterThan(0);
    for (const h of c.handles) expect(HANDLES).toContain(h);
    expect(new Set(c.handles).size).toBe(c.handles.length);
    for (const l of c.languages) expect(l).toMatch(/^(?:[a-z]{2}|mul)$/);
    expect(c.sources.length, 'sources').toBeGreaterThanOrEqual(1);
    for (const s of c.sources) {
      expect(s.url).toMatch(/^https?:\/\/\S+$/);
      expect(() => new URL(s.url)).not.toThrow();
      if (s.date !== null) expect(s.date).toMatch(/^\d{4}(?:-\d{2}){0,2}$/);
    }
    expect(['high', 'medium']).toContain(c.confidence); // low-confidence entries are not shipped
    expect(c.confidenceReason.startsWith(`${c.confidence}:`)).toBe(true);
    if (c.default) expect(c.confidence).toBe('high');
    if (c.deepLink) expect(c.deepLink).toMatch(URL_RE);
    if (c.url) expect(c.url).toMatch(URL_RE);
  });

  it('marks every national number, and only phone/SMS entries', () => {
    for (const c of CHANNELS) {
      if (c.type === 'phone' || c.type === 'sms') {
        expect(typeof c.national, c.id).toBe('boolean');
        // Only "+<country code>" numbers can be dialled from anywhere.
        expect(c.national, c.id).toBe(!c.value.startsWith('+'));
        if (c.national) expect(c.country, c.id).not.toBe('global');
      } else {
        expect(c.national, c.id).toBeUndefined();
      }
    }
  });

  it('gives platforms exactly to platform channels', () => {
    for (const c of CHANNELS) {
      expect(Boolean(c.platforms?.length), c.id).toBe(c.handles.includes('platform'));
      for (const p of c.platforms ?? []) expect(p).toMatch(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/);
    }
  });

  it('covers the channels the product promises', () => {
    const has = (pred: (c: Channel) => boolean) => CHANNELS.some(pred);
    expect(has((c) => c.country === 'KH' && c.value === '117' && c.handles.includes('trafficking'))).toBe(true);
    expect(has((c) => c.country === 'global' && c.handles.includes('crypto') && c.value.includes('chainabuse'))).toBe(true);
    for (const p of ['linkedin.com', 'facebook.com', 'telegram.org', 'whatsapp.com']) {
      expect(has((c) => (c.platforms ?? []).includes(p)), p).toBe(true);
    }
    expect(has((c) => c.value.startsWith('https://safebrowsing.google.com/'))).toBe(true);
    expect(has((c) => c.value.startsWith('https://www.microsoft.com/') && c.handles.includes('url'))).toBe(true);
  });

  it('records why each research entry was left out', () => {
    for (const e of DIRECTORY.excluded) {
      expect(e.reason.length).toBeGreaterThan(10);
      expect(CHANNELS.some((c) => c.id === e.id), e.id).toBe(false);
    }
  });
});
