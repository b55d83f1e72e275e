/**
 * Trusted sites: the user says "this site is fine" for an hour, a day or always; listed and revocable in options.
 * Pure functions over Settings (the caller saves the result).
 */
import { TRUST_MS, normaliseHost, type Settings, type TrustDuration, type TrustedSite } from './settings-model';

/** The trusted-site key that covers this host (the host itself or a parent domain), if any. */
function coveringKey(trusted: Record<string, TrustedSite>, host: string): string | null {
  const h = normaliseHost(host);
  if (!h) return null;
  if (trusted[h]) return h;
  for (const key of Object.keys(trusted)) if (h.endsWith(`.${key}`)) return key;
  return null;
}

export function isTrusted(settings: Pick<Settings, 'trusted'>, host: string, now: number): boolean {
  const key = coveringKey(settings.trusted, host);
  if (!key) return false;
  const t = settings.trusted[key]!;
  return t.until === null || t.until > now;
}

export function trustSite(settings: Settings, host: string, duration: TrustDuration, now: number): Settings {
  const h = normaliseHost(host);
  if (!h) throw new Error(`Cannot trust "${host}": not a host name`);
  const until = duration === 'always' ? null : now + TRUST_MS[duration];
  return { ...settings, trusted: { ...settings.trusted, [h]: { added: now, until } } };
}

export function revokeTrust(settings: Settings, host: string): Settings {
  const h = normaliseHost(host) ?? host;
  const { [h]: _removed, ...rest } = settings.trusted;
  return { ...settings, trusted: rest };
}

/** Entries whose time has passed are dropped (kept tidy when options load). */
export function pruneExpired(settings: Settings, now: number): Settings {
  const trusted = Object.fromEntries(Object.entries(settings.trusted).filter(([, t]) => t.until === null || t.until > now));
  return { ...settings, trusted };
}

export interface TrustedRow {
  host: string;
  added: number;
  until: number | null;
}

export function listTrusted(settings: Settings, now: number): TrustedRow[] {
  return Object.entries(settings.trusted)
    .filter(([, t]) => t.until === null || t.until > now)
    .map(([host, t]) => ({ host, added: t.added, until: t.until }))
    .sort((a, b) => a.host.localeCompare(b.host));
}
