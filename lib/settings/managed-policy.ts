/**
 * Managed policy: what an organisation (NGO, employer, school) sets for its users through `chrome.storage.managed`
 * (Chrome enterprise policy; schema in public/managed_schema.json). Pure parsing and application; reading the
 * storage area is in settings-store.ts. Off unless configured: an empty policy changes nothing.
 *
 * Every setting the policy gives is enforced and locked (the options page shows it as set by the organisation);
 * `lockedSettings` additionally locks a setting without giving it a value (e.g. "trust": users cannot trust sites).
 */
import { SCAM_TYPES, type ScamType } from '../engine/types';
import {
  DELIVERY_MODES,
  describeValue,
  SENSITIVITIES,
  UI_LANGUAGES,
  isCountry,
  normaliseHost,
  type DeliveryMode,
  type Sensitivity,
  type Settings,
  type UiLanguage,
} from './settings-model';

export const LOCKABLE = ['country', 'language', 'sensitivity', 'types', 'siteModes', 'trust', 'erase'] as const;
export type Lockable = (typeof LOCKABLE)[number];

export interface ReportEndpoint {
  /** HTTPS URL that receives report bundles as JSON (POST). */
  url: string;
  /** Name shown to the user ("Report to ACME Safety Team"). */
  name: string;
}

export interface ManagedPolicy {
  country?: string;
  language?: UiLanguage;
  sensitivity?: Sensitivity;
  disabledTypes?: ScamType[];
  siteModes?: Record<string, DeliveryMode>;
  lockedSettings?: Lockable[];
  reportEndpoint?: ReportEndpoint;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const oneOf = <T extends string>(list: readonly T[], x: unknown): x is T => typeof x === 'string' && (list as readonly string[]).includes(x);

/** An HTTPS URL without credentials; anything else is refused (the bundle must never travel in clear text). */
export function validateEndpointUrl(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  try {
    const u = new URL(raw);
    if (u.protocol !== 'https:' || u.username || u.password || !u.hostname) return null;
    return u.href;
  } catch {
    return null;
  }
}

/** Parse the raw managed storage object. Unknown or invalid keys are ignored and reported; nothing throws. */
export function parseManagedPolicy(raw: unknown): { policy: ManagedPolicy; errors: string[] } {
  const policy: ManagedPolicy = {};
  const errors: string[] = [];
  if (raw === undefined || raw === null) return { policy, errors };
  if (!isObject(raw)) return { policy, errors: ['managed policy: not an object; ignored'] };
  for (const [key, value] of Object.entries(raw)) {
    switch (key) {
      case 'country': {
        const c = typeof value === 'string' ? (value.toLowerCase() === 'global' ? 'global' : value.toUpperCase()) : value;
        if (isCountry(c)) policy.country = c;
        else errors.push(`country: "${describeValue(value)}" is not an ISO 3166-1 alpha-2 code or "global"`);
        break;
      }
      case 'language':
        if (oneOf(UI_LANGUAGES, value)) policy.language = value;
        else errors.push(`language: must be one of ${UI_LANGUAGES.join(', ')}`);
        break;
      case 'sensitivity':
        if (oneOf(SENSITIVITIES, value)) policy.sensitivity = value;
        else errors.push(`sensitivity: must be one of ${SENSITIVITIES.join(', ')}`);
        break;
      case 'disabledTypes':
        if (Array.isArray(value) && value.every((t) => oneOf(SCAM_TYPES, t))) policy.disabledTypes = value as ScamType[];
        else errors.push(`disabledTypes: must be a list of ${SCAM_TYPES.join(', ')}`);
        break;
      case 'siteModes':
        if (!isObject(value)) errors.push('siteModes: must be an object of host -> banner|badge|off');
        else {
          policy.siteModes = {};
          for (const [host, mode] of Object.entries(value)) {
            const h = normaliseHost(host);
            if (h && oneOf(DELIVERY_MODES, mode)) policy.siteModes[h] = mode;
            else errors.push(`siteModes.${host}: invalid host or mode`);
          }
        }
        break;
      case 'lockedSettings':
        if (Array.isArray(value)) {
          policy.lockedSettings = value.filter((v): v is Lockable => oneOf(LOCKABLE, v));
          for (const v of value) if (!oneOf(LOCKABLE, v)) errors.push(`lockedSettings: unknown setting "${describeValue(v)}"`);
        } else errors.push('lockedSettings: must be a list');
        break;
      case 'reportEndpoint': {
        const url = validateEndpointUrl(isObject(value) ? value.url : value);
        const name = isObject(value) && typeof value.name === 'string' && value.name.trim() ? value.name.trim().slice(0, 80) : '';
        if (url) policy.reportEndpoint = { url, name: name || new URL(url).hostname };
        else errors.push('reportEndpoint: url must be an https:// URL without user name or password; endpoint off');
        break;
      }
      default:
        errors.push(`${key}: unknown policy key; ignored`);
    }
  }
  return { policy, errors };
}

export interface EffectiveSettings {
  settings: Settings;
  locked: ReadonlySet<Lockable>;
  endpoint: ReportEndpoint | null;
}

/** The settings in force: the user's, with the policy's values enforced and its locks applied. */
export function applyPolicy(user: Settings, policy: ManagedPolicy): EffectiveSettings {
  const settings: Settings = { ...user, types: { ...user.types }, siteModes: { ...user.siteModes } };
  const locked = new Set<Lockable>(policy.lockedSettings ?? []);
  if (policy.country !== undefined) {
    settings.country = policy.country;
    locked.add('country');
  }
  if (policy.language !== undefined) {
    settings.language = policy.language;
    locked.add('language');
  }
  if (policy.sensitivity !== undefined) {
    settings.sensitivity = policy.sensitivity;
    locked.add('sensitivity');
  }
  if (policy.disabledTypes?.length) {
    for (const t of policy.disabledTypes) settings.types[t] = false;
    locked.add('types');
  }
  if (policy.siteModes && Object.keys(policy.siteModes).length) {
    Object.assign(settings.siteModes, policy.siteModes);
    locked.add('siteModes');
  }
  // Users may not trust sites when the organisation locked trusting: drop existing trust too.
  if (locked.has('trust')) settings.trusted = {};
  return { settings, locked, endpoint: policy.reportEndpoint ?? null };
}
