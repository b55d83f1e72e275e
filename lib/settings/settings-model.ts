/**
 * The user's settings: the model, its defaults and a forgiving parser. Pure (no browser API).
 *
 * A stored settings object is parsed field by field: a field that is missing or invalid falls back to its default
 * and is reported in `errors`; every other field is kept, so one corrupted value never wipes the rest.
 */
import { SCAM_TYPES, type ScamType } from '../engine/types';

export const UI_LANGUAGES = ['en', 'zh_CN', 'km', 'vi', 'th', 'id'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const DELIVERY_MODES = ['banner', 'badge', 'off'] as const;
/** banner: in-page warning + toolbar badge; badge: toolbar badge only (open the popup to read it); off: nothing. */
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const SENSITIVITIES = ['low', 'normal', 'high'] as const;
/**
 * How readily Redflag shows an in-page warning (see `lib/settings/delivery.ts`):
 * - low: only verdicts of level high (score >= 4): fewer warnings, fewer false alarms
 * - normal: the engine's own `warn` (level medium or high, score >= 2)
 * - high: from level low (score >= 1): more warnings, more false alarms
 */
export type Sensitivity = (typeof SENSITIVITIES)[number];

export const TRUST_DURATIONS = ['hour', 'day', 'always'] as const;
export type TrustDuration = (typeof TRUST_DURATIONS)[number];
export const TRUST_MS: Record<Exclude<TrustDuration, 'always'>, number> = { hour: 3_600_000, day: 86_400_000 };

export interface TrustedSite {
  /** Milliseconds since the epoch when the user trusted the site. */
  added: number;
  /** When the trust ends; null = always (until revoked). */
  until: number | null;
}

export interface GuardianLock {
  /** PBKDF2-SHA-256 of the PIN; the PIN itself is never stored. */
  algorithm: 'PBKDF2-SHA-256';
  iterations: number;
  /** base64 */
  salt: string;
  /** base64 */
  hash: string;
}

export interface Settings {
  /** ISO 3166-1 alpha-2, "global", or null = use the guess from UI language and time zone. */
  country: string | null;
  /** UI language, or null = the browser's. */
  language: UiLanguage | null;
  sensitivity: Sensitivity;
  /** Per scam type: warn about it at all. */
  types: Record<ScamType, boolean>;
  /** Per site (host name, matching subdomains too): how warnings are delivered. */
  siteModes: Record<string, DeliveryMode>;
  /** Host name -> trust (no warnings on that host and its subdomains while it lasts). */
  trusted: Record<string, TrustedSite>;
  /** Optional guardian PIN that locks trusting, disabling and settings. */
  guardian: GuardianLock | null;
}

/**
 * Default per-site delivery: badge only on LinkedIn, whose User Agreement forbids extensions that overlay or modify
 * its pages (research ANCHORS.md §5.8).
 */
export const DEFAULT_SITE_MODES: Readonly<Record<string, DeliveryMode>> = { 'linkedin.com': 'badge' };

export function defaultSettings(): Settings {
  return {
    country: null,
    language: null,
    sensitivity: 'normal',
    types: Object.fromEntries(SCAM_TYPES.map((t) => [t, true])) as Record<ScamType, boolean>,
    siteModes: { ...DEFAULT_SITE_MODES },
    trusted: {},
    guardian: null,
  };
}

export interface ParseResult {
  settings: Settings;
  /** One clear message per field that was invalid and fell back to its default. */
  errors: string[];
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const oneOf = <T extends string>(list: readonly T[], x: unknown): x is T => typeof x === 'string' && (list as readonly string[]).includes(x);

/** Host names as keys: lower-case letters, digits, dots and hyphens, at least one dot or "localhost". */
export function normaliseHost(input: string): string | null {
  let host = input.trim().toLowerCase();
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(host)) {
    try {
      host = new URL(host).hostname;
    } catch {
      return null;
    }
  }
  host = host.replace(/^www\./, '').replace(/\.$/, '');
  if (host === 'localhost') return host;
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(host)) return host;
  return /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/.test(host) ? host : null;
}

/**
 * A short rendering of any stored value for an error message. Never throws: `String(x)` does on objects whose
 * `toString` is not a function, which JSON from storage or a managed policy can contain (`{"toString": 1}`).
 */
export function describeValue(x: unknown): string {
  if (typeof x === 'string') return x.slice(0, 80);
  try {
    return (JSON.stringify(x) ?? typeof x).slice(0, 80);
  } catch {
    return typeof x;
  }
}

export function isCountry(x: unknown): x is string {
  return typeof x === 'string' && (x === 'global' || /^[A-Z]{2}$/.test(x));
}

export function parseSettings(raw: unknown): ParseResult {
  const settings = defaultSettings();
  const errors: string[] = [];
  if (raw === undefined || raw === null) return { settings, errors };
  if (!isObject(raw)) return { settings, errors: ['settings: not an object; using defaults'] };
  const bad = (field: string, why: string) => errors.push(`${field}: ${why}; using the default`);

  if ('country' in raw) {
    if (raw.country === null || isCountry(raw.country)) settings.country = raw.country as string | null;
    else bad('country', `"${describeValue(raw.country)}" is not an ISO 3166-1 alpha-2 code or "global"`);
  }
  if ('language' in raw) {
    if (raw.language === null || oneOf(UI_LANGUAGES, raw.language)) settings.language = raw.language as UiLanguage | null;
    else bad('language', `"${describeValue(raw.language)}" is not one of ${UI_LANGUAGES.join(', ')}`);
  }
  if ('sensitivity' in raw) {
    if (oneOf(SENSITIVITIES, raw.sensitivity)) settings.sensitivity = raw.sensitivity;
    else bad('sensitivity', `must be one of ${SENSITIVITIES.join(', ')}`);
  }
  if ('types' in raw) {
    if (!isObject(raw.types)) bad('types', 'not an object');
    else
      for (const t of SCAM_TYPES) {
        const v = raw.types[t];
        if (v === undefined) continue;
        if (typeof v === 'boolean') settings.types[t] = v;
        else bad(`types.${t}`, 'not true/false');
      }
  }
  if ('siteModes' in raw) {
    if (!isObject(raw.siteModes)) bad('siteModes', 'not an object');
    else {
      const modes: Record<string, DeliveryMode> = {};
      for (const [k, v] of Object.entries(raw.siteModes)) {
        const host = normaliseHost(k);
        if (host && oneOf(DELIVERY_MODES, v)) modes[host] = v;
        else errors.push(`siteModes.${k}: invalid host or mode "${describeValue(v)}"; entry dropped`);
      }
      settings.siteModes = modes;
    }
  }
  if ('trusted' in raw) {
    if (!isObject(raw.trusted)) bad('trusted', 'not an object');
    else
      for (const [k, v] of Object.entries(raw.trusted)) {
        const host = normaliseHost(k);
        if (host && isObject(v) && typeof v.added === 'number' && (v.until === null || typeof v.until === 'number')) {
          settings.trusted[host] = { added: v.added, until: v.until as number | null };
        } else errors.push(`trusted.${k}: invalid entry; dropped`);
      }
  }
  if ('guardian' in raw && raw.guardian !== null) {
    const g = raw.guardian;
    if (
      isObject(g) && g.algorithm === 'PBKDF2-SHA-256' && typeof g.iterations === 'number' && g.iterations >= 1 &&
      typeof g.salt === 'string' && typeof g.hash === 'string' && g.salt.length > 0 && g.hash.length > 0
    ) {
      settings.guardian = { algorithm: 'PBKDF2-SHA-256', iterations: g.iterations, salt: g.salt, hash: g.hash };
    } else {
      // Fail closed would lock the user out forever; fail open is reported loudly instead.
      bad('guardian', 'the stored PIN lock is corrupted and was removed; set a new PIN');
    }
  }
  return { settings, errors };
}

/** Validation of a single user edit, with a message the options page shows next to the field. */
export function validateCountry(input: string): { ok: true; value: string } | { ok: false; error: string } {
  const v = input.trim();
  if (v.toLowerCase() === 'global') return { ok: true, value: 'global' };
  if (/^[a-z]{2}$/i.test(v)) return { ok: true, value: v.toUpperCase() };
  return { ok: false, error: 'Use a two-letter country code (for example KH, TH, VN) or "global".' };
}
