import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Finding, Verdict } from '../../lib/engine/types';
import { applyDelivery, deliveryFor, effectiveVerdict, levelForScore, siteMode } from '../../lib/settings/delivery';
import { createGuardian, validatePin, verifyPin } from '../../lib/settings/guardian-pin';
import { applyPolicy, parseManagedPolicy, validateEndpointUrl } from '../../lib/settings/managed-policy';
import { defaultSettings, normaliseHost, parseSettings, validateCountry } from '../../lib/settings/settings-model';
import { BACKUP_KEY, SETTINGS_KEY, loadEffectiveSettings, loadUserSettings, saveUserSettings } from '../../lib/settings/settings-store';
import { isTrusted, listTrusted, pruneExpired, revokeTrust, trustSite } from '../../lib/settings/trusted-sites';
import schema from '../../public/managed_schema.json';

const finding = (type: Finding['type'], weight: number, rule = `${type}-rule`): Finding => ({
  rule, type, level: weight >= 4 ? 'high' : weight >= 2 ? 'medium' : 'low', message: rule, weight, evidence: [],
});
const verdict = (findings: Finding[]): Verdict => {
  const scores = new Map<string, number>();
  for (const f of findings) scores.set(f.type, (scores.get(f.type) ?? 0) + f.weight);
  const [type, score] = [...scores].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  const level = levelForScore(score);
  return { warn: level === 'medium' || level === 'high', level, type: type as Verdict['type'], score, findings };
};
const H = 3_600_000;

describe('parseSettings', () => {
  it('gives defaults for nothing, with badge-only delivery on LinkedIn', () => {
    const { settings, errors } = parseSettings(undefined);
    expect(errors).toEqual([]);
    expect(settings).toEqual(defaultSettings());
    expect(settings.siteModes['linkedin.com']).toBe('badge');
  });

  it('keeps valid fields when others are corrupted, and says which', () => {
    const { settings, errors } = parseSettings({
      country: 'Cambodia', // invalid
      language: 'km',
      sensitivity: 'paranoid', // invalid
      types: { fake_job: false, impersonation: 'yes' },
      siteModes: { 'www.Example.com': 'off', 'bad host!': 'badge' },
      trusted: { 'news.example.org': { added: 1, until: null }, x: 5 },
      guardian: { algorithm: 'PBKDF2-SHA-256', iterations: 0 },
    });
    expect(settings.language).toBe('km');
    expect(settings.types.fake_job).toBe(false);
    expect(settings.types.impersonation).toBe(true);
    expect(settings.siteModes).toEqual({ 'example.com': 'off' });
    expect(settings.trusted).toEqual({ 'news.example.org': { added: 1, until: null } });
    expect(settings.country).toBeNull();
    expect(settings.sensitivity).toBe('normal');
    expect(settings.guardian).toBeNull();
    expect(errors.map((e) => e.split(':')[0])).toEqual(
      expect.arrayContaining(['country', 'sensitivity', 'types.impersonation', 'siteModes.bad host!', 'trusted.x', 'guardian']),
    );
  });

  it('survives a stored value that is not an object', () => {
    expect(parseSettings('garbage').settings).toEqual(defaultSettings());
    expect(parseSettings([1, 2]).errors[0]).toMatch(/not an object/);
  });

  it('validates user input with clear errors', () => {
    expect(validateCountry(' kh ')).toEqual({ ok: true, value: 'KH' });
    expect(validateCountry('Global')).toEqual({ ok: true, value: 'global' });
    const bad = validateCountry('Khmer');
    expect(bad.ok).toBe(false);
    expect(normaliseHost('https://WWW.LinkedIn.com/jobs/view/1')).toBe('linkedin.com');
    expect(normaliseHost('not a host')).toBeNull();
  });
});

describe('trusted sites', () => {
  it('trusts for an hour, a day or always, and revoking restores warnings', () => {
    let s = defaultSettings();
    s = trustSite(s, 'shop.example.com', 'hour', 0);
    s = trustSite(s, 'https://www.daily.example/x', 'day', 0);
    s = trustSite(s, 'forever.example', 'always', 0);
    expect(isTrusted(s, 'shop.example.com', H - 1)).toBe(true);
    expect(isTrusted(s, 'shop.example.com', H + 1)).toBe(false);
    expect(isTrusted(s, 'daily.example', 23 * H)).toBe(true);
    expect(isTrusted(s, 'daily.example', 25 * H)).toBe(false);
    expect(isTrusted(s, 'sub.forever.example', 1e12)).toBe(true);
    expect(isTrusted(s, 'forever.example.evil.top', 0)).toBe(false);
    expect(listTrusted(s, 2 * H).map((r) => r.host)).toEqual(['daily.example', 'forever.example']);
    expect(Object.keys(pruneExpired(s, 2 * H).trusted)).toEqual(['daily.example', 'forever.example']);
    s = revokeTrust(s, 'forever.example');
    expect(isTrusted(s, 'forever.example', 0)).toBe(false);
    expect(() => trustSite(s, '::', 'hour', 0)).toThrow(/not a host/);
  });
});

describe('delivery', () => {
  const scam = verdict([finding('fake_job', 2), finding('fake_job', 1, 'fj2')]); // score 3: medium
  const weak = verdict([finding('impersonation', 1)]); // low
  const strong = verdict([finding('crypto_investment', 4)]); // high

  it('honours sensitivity', () => {
    const s = defaultSettings();
    expect(deliveryFor(scam, s, 'jobs.example', 0)).toBe('banner');
    expect(deliveryFor(weak, s, 'jobs.example', 0)).toBe('none');
    expect(deliveryFor(weak, { ...s, sensitivity: 'high' }, 'jobs.example', 0)).toBe('banner');
    expect(deliveryFor(scam, { ...s, sensitivity: 'low' }, 'jobs.example', 0)).toBe('none');
    expect(deliveryFor(strong, { ...s, sensitivity: 'low' }, 'jobs.example', 0)).toBe('banner');
  });

  it('uses badge-only on LinkedIn by default, and per-site modes', () => {
    const s = defaultSettings();
    expect(deliveryFor(scam, s, 'www.linkedin.com', 0)).toBe('badge');
    expect(deliveryFor(scam, { ...s, siteModes: { 'example.com': 'off' } }, 'a.example.com', 0)).toBe('none');
    expect(siteMode({ 'example.com': 'off', 'jobs.example.com': 'banner' }, 'jobs.example.com')).toBe('banner');
  });

  it('stops warnings on a trusted site until revoked or expired', () => {
    const s = trustSite(defaultSettings(), 'jobs.example', 'hour', 0);
    expect(deliveryFor(scam, s, 'jobs.example', 10)).toBe('none');
    expect(deliveryFor(scam, s, 'jobs.example', 2 * H)).toBe('banner');
    expect(deliveryFor(scam, revokeTrust(s, 'jobs.example'), 'jobs.example', 10)).toBe('banner');
  });

  it('presents the verdict as delivered: warn follows sensitivity, trust and site mode', () => {
    const s = defaultSettings();
    expect(applyDelivery(weak, { ...s, sensitivity: 'high' }, 'x.example', 0)).toMatchObject({ delivery: 'banner', verdict: { warn: true, level: 'low' } });
    expect(applyDelivery(scam, trustSite(s, 'x.example', 'always', 0), 'x.example', 0)).toMatchObject({ delivery: 'none', verdict: { warn: false } });
    expect(applyDelivery(scam, s, 'www.linkedin.com', 0)).toMatchObject({ delivery: 'badge', verdict: { warn: true } });
    expect(applyDelivery(scam, s, 'x.example', 0).verdict).toBe(scam);
  });

  it('drops switched-off types and rescores the rest', () => {
    const mixed = verdict([finding('fake_job', 4), finding('impersonation', 2, 'imp')]);
    const s = defaultSettings();
    const off = { ...s, types: { ...s.types, fake_job: false } };
    const v = effectiveVerdict(mixed, off.types);
    expect(v.type).toBe('impersonation');
    expect(v.level).toBe('medium');
    expect(v.findings.map((f) => f.rule)).toEqual(['imp']);
    expect(deliveryFor(verdict([finding('fake_job', 4)]), off, 'x.example', 0)).toBe('none');
  });
});

describe('guardian PIN', () => {
  it('stores only a salted hash and verifies the PIN', async () => {
    const lock = await createGuardian('4821', 1000);
    expect(JSON.stringify(lock)).not.toContain('4821');
    expect(await verifyPin('4821', lock)).toBe(true);
    expect(await verifyPin('4822', lock)).toBe(false);
    expect(await verifyPin('', lock)).toBe(false);
    const again = await createGuardian('4821', 1000);
    expect(again.salt).not.toBe(lock.salt);
    expect(again.hash).not.toBe(lock.hash);
  });

  it('rejects weak PINs with a reason', async () => {
    expect(validatePin('12')).toMatch(/4 to 12 digits/);
    expect(validatePin('1111')).toMatch(/repeated/);
    expect(validatePin('2580')).toBeNull();
    await expect(createGuardian('abcd', 1000)).rejects.toThrow(/digits/);
  });

  it('uses a strong default iteration count', async () => {
    const { DEFAULT_ITERATIONS } = await import('../../lib/settings/guardian-pin');
    expect(DEFAULT_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });
});

describe('managed policy', () => {
  it('parses a policy and reports bad keys without throwing', () => {
    const { policy, errors } = parseManagedPolicy({
      country: 'kh',
      sensitivity: 'high',
      disabledTypes: ['pig_butchering'],
      lockedSettings: ['trust', 'nope'],
      reportEndpoint: { url: 'https://ngo.example/report', name: 'NGO desk' },
      siteModes: { 'facebook.com': 'badge' },
      colour: 'red',
    });
    expect(policy).toEqual({
      country: 'KH',
      sensitivity: 'high',
      disabledTypes: ['pig_butchering'],
      lockedSettings: ['trust'],
      reportEndpoint: { url: 'https://ngo.example/report', name: 'NGO desk' },
      siteModes: { 'facebook.com': 'badge' },
    });
    expect(errors).toEqual(['lockedSettings: unknown setting "nope"', 'colour: unknown policy key; ignored']);
  });

  it('only accepts https endpoints without credentials', () => {
    expect(validateEndpointUrl('http://ngo.example/r')).toBeNull();
    expect(validateEndpointUrl('https://user:pw@ngo.example/r')).toBeNull();
    expect(validateEndpointUrl('javascript:alert(1)')).toBeNull();
    expect(validateEndpointUrl('https://ngo.example/r')).toBe('https://ngo.example/r');
    expect(parseManagedPolicy({ reportEndpoint: 'http://ngo.example' }).policy.reportEndpoint).toBeUndefined();
  });

  it('enforces and locks what it sets; empty policy changes nothing', () => {
    const user = trustSite({ ...defaultSettings(), country: 'TH' }, 'a.example', 'always', 0);
    expect(applyPolicy(user, {}).settings).toEqual(user);
    expect(applyPolicy(user, {}).endpoint).toBeNull();
    const eff = applyPolicy(user, parseManagedPolicy({ country: 'KH', disabledTypes: ['fake_job'], lockedSettings: ['trust'] }).policy);
    expect(eff.settings.country).toBe('KH');
    expect(eff.settings.types.fake_job).toBe(false);
    expect(eff.settings.trusted).toEqual({});
    expect([...eff.locked].sort()).toEqual(['country', 'trust', 'types']);
  });

  it('matches the Chrome managed_schema.json', () => {
    const parsedKeys = Object.keys(
      parseManagedPolicy({
        country: 'KH', language: 'km', sensitivity: 'low', disabledTypes: [], siteModes: {}, lockedSettings: [],
        reportEndpoint: { url: 'https://a.example' },
      }).policy,
    ).sort();
    expect(Object.keys(schema.properties).sort()).toEqual(parsedKeys);
  });
});

describe('settings store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('round-trips and repairs a corrupted store, keeping a backup', async () => {
    const s = { ...defaultSettings(), country: 'VN' };
    await saveUserSettings(s);
    expect((await loadUserSettings()).settings).toEqual(s);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { country: 'VN', sensitivity: 42 } });
    const loaded = await loadUserSettings();
    expect(loaded.settings.country).toBe('VN');
    expect(loaded.errors[0]).toMatch(/^sensitivity/);
    expect((await fakeBrowser.storage.local.get(BACKUP_KEY))[BACKUP_KEY]).toMatchObject({ raw: { country: 'VN', sensitivity: 42 } });
  });

  it('tells watchers about changes of the settings only', async () => {
    const { watchSettings } = await import('../../lib/settings/settings-store');
    let calls = 0;
    const stop = watchSettings(() => calls++);
    await saveUserSettings(defaultSettings());
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    expect(calls).toBe(1);
    stop();
    await saveUserSettings(defaultSettings());
    expect(calls).toBe(1);
  });

  it('applies the managed policy on load', async () => {
    await fakeBrowser.storage.managed.set({ country: 'KH', reportEndpoint: { url: 'https://ngo.example/r' } });
    const eff = await loadEffectiveSettings();
    expect(eff.settings.country).toBe('KH');
    expect(eff.locked.has('country')).toBe(true);
    expect(eff.endpoint).toEqual({ url: 'https://ngo.example/r', name: 'ngo.example' });
  });
});
