import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SCORING } from '../../../lib/engine/pack';
import type { Verdict } from '../../../lib/engine/types';
import { addressVerdict, createEarlyUrlCheck, presentEarly } from '../../../lib/early-url-check';
import { defaultSettings } from '../../../lib/settings/settings-model';
import { SETTINGS_KEY, saveUserSettings } from '../../../lib/settings/settings-store';
import { trustSite } from '../../../lib/settings/trusted-sites';
import { mergeVerdicts, urlFindings } from '../../../lib/url/index';

const none: Verdict = { warn: false, level: 'none', type: null, score: 0, findings: [] };

describe('addressVerdict: a tab address on its own', () => {
  it('warns for a look-alike domain, as the full page verdict would for the same address', () => {
    const url = 'https://metamask-wallet-connect.com/';
    const v = addressVerdict(url, DEFAULT_SCORING)!;
    expect(v.warn).toBe(true);
    expect(v.type).toBe('impersonation');
    expect(v.findings.map((f) => f.rule)).toContain('url-lookalike-domain');
    // Same verdict as the background's merge of an empty content verdict with the page's URL findings.
    const merged = mergeVerdicts(none, urlFindings({ surface: 'page', url }), DEFAULT_SCORING);
    expect({ level: v.level, type: v.type, score: v.score }).toEqual({ level: merged.level, type: merged.type, score: merged.score });
  });

  it('is null for official domains, ordinary sites, free hosts as a page, and non-web addresses', () => {
    for (const url of ['https://metamask.io/download', 'https://www.paypal.com/signin', 'https://example.org/', 'https://someone.github.io/', 'chrome://newtab/', 'about:blank', '']) {
      expect(addressVerdict(url, DEFAULT_SCORING), url).toBeNull();
    }
  });
});

describe('createEarlyUrlCheck', () => {
  /** `stored`: the tab's stored verdict before the check; the check's own store updates it. */
  function setup(stored: { url: string; early?: boolean } | null = null, silence = false) {
    const badges: { tabId: number; verdict: Verdict }[] = [];
    let current = stored;
    const check = createEarlyUrlCheck({
      scoring: DEFAULT_SCORING,
      stored: async () => current,
      present: async (_url, verdict) => (silence ? { ...verdict, warn: false } : verdict),
      setBadge: async (tabId, verdict) => {
        badges.push({ tabId, verdict });
      },
      store: async (_tabId, url) => {
        current = { url, early: true };
      },
    });
    return { check, badges };
  }

  it('badges a look-alike address before any verdict is stored', async () => {
    const { check, badges } = setup();
    expect(await check(7, 'https://paypa1-secure-login.com/signin')).toBe('badged');
    expect(badges).toHaveLength(1);
    expect(badges[0]!.tabId).toBe(7);
    expect(badges[0]!.verdict.warn).toBe(true);
  });

  it('leaves the badge alone for a clean address or a missing one', async () => {
    const { check, badges } = setup();
    expect(await check(7, 'https://www.paypal.com/signin')).toBe('clean');
    expect(await check(7, undefined)).toBe('clean');
    expect(badges).toEqual([]);
  });

  it('hands a badged address verdict to the store, and nothing else', async () => {
    const stored: [number, string, Verdict][] = [];
    const check = createEarlyUrlCheck({
      scoring: DEFAULT_SCORING,
      stored: async () => null,
      present: async (_url, verdict) => verdict,
      setBadge: async () => {},
      store: async (...args) => void stored.push(args),
    });
    expect(await check(7, 'https://paypa1-secure-login.com/signin')).toBe('badged');
    expect(await check(7, 'https://www.paypal.com/signin')).toBe('clean');
    expect(stored).toHaveLength(1);
    expect(stored[0]!.slice(0, 2)).toEqual([7, 'https://paypa1-secure-login.com/signin']);
    expect(stored[0]![2].findings.map((f) => f.rule)).toContain('url-lookalike-domain');
  });

  it("never replaces the page's own verdict, whatever address it was stored for (pushState keeps the document)", async () => {
    const url = 'https://paypa1-secure-login.com/signin';
    for (const stored of [{ url }, { url: 'https://paypa1-secure-login.com/', early: false }]) {
      const { check, badges } = setup(stored);
      expect(await check(7, url)).toBe('reported');
      expect(badges).toEqual([]);
    }
  });

  it('badges once per address: an earlier early verdict for the same address counts, one for another address does not', async () => {
    const url = 'https://paypa1-secure-login.com/signin';
    const repeated = setup();
    expect(await repeated.check(7, url)).toBe('badged');
    expect(await repeated.check(7, url)).toBe('reported');
    expect(repeated.badges).toHaveLength(1);
    const moved = setup({ url: 'https://metamask-wallet-connect.com/', early: true });
    expect(await moved.check(7, url)).toBe('badged');
    expect(moved.badges).toHaveLength(1);
  });

  it("follows the user's settings (a trusted site gets no badge)", async () => {
    const { check, badges } = setup(null, true);
    expect(await check(7, 'https://paypa1-secure-login.com/signin')).toBe('silenced');
    expect(badges).toEqual([]);
  });
});

describe('presentEarly: settings for the early badge', () => {
  const url = 'https://paypa1-secure-login.com/signin';
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it("warns under default settings and not on a site the user trusts", async () => {
    const v = addressVerdict(url, DEFAULT_SCORING)!;
    expect((await presentEarly(url, v))?.warn).toBe(true);
    await saveUserSettings(trustSite(defaultSettings(), 'paypa1-secure-login.com', 'always', Date.now()));
    expect((await presentEarly(url, v))?.warn).toBe(false);
  });

  it("does not wait for a managed-storage read that hangs (Chrome holds it while a page loads): the user's settings decide", async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise(() => {}));
    const v = addressVerdict(url, DEFAULT_SCORING)!;
    const started = Date.now();
    expect((await presentEarly(url, v, 50))?.warn).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: trustSite(defaultSettings(), 'paypa1-secure-login.com', 'always', Date.now()) });
    expect((await presentEarly(url, v, 50))?.warn).toBe(false);
  });
});
