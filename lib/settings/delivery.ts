/**
 * How a verdict reaches the user on a given site, after the user's settings: the in-page banner, the toolbar badge
 * only, or nothing. Pure and small: the content script and the background both call it.
 *
 * Sensitivity moves the in-page warning threshold (the engine's levels come from the type score: low >= 1,
 * medium >= 2, high >= 4; the engine's own `warn` is "medium or higher"):
 *   low    -> banner only for level high      (fewer warnings)
 *   normal -> banner exactly when verdict.warn
 *   high   -> banner from level low           (more warnings)
 * Per-type switches: findings of a switched-off type are ignored; when the verdict's top type is switched off, the
 * strongest remaining type is scored from its findings' weights with the same thresholds.
 */
import type { Level, ScamType, Verdict } from '../engine/types';
import { normaliseHost, type DeliveryMode, type Settings } from './settings-model';
import { isTrusted } from './trusted-sites';

export type Delivery = 'banner' | 'badge' | 'none';

const LEVEL_RANK: Record<Level, number> = { none: 0, low: 1, medium: 2, high: 3 };

export function levelForScore(score: number): Level {
  return score >= 4 ? 'high' : score >= 2 ? 'medium' : score >= 1 ? 'low' : 'none';
}

/** The verdict with switched-off types removed. */
export function effectiveVerdict(verdict: Verdict, types: Record<ScamType, boolean>): Verdict {
  if (verdict.type === null || types[verdict.type]) {
    const findings = verdict.findings.filter((f) => types[f.type]);
    return findings.length === verdict.findings.length ? verdict : { ...verdict, findings };
  }
  const findings = verdict.findings.filter((f) => types[f.type]);
  const scores = new Map<ScamType, number>();
  for (const f of findings) scores.set(f.type, (scores.get(f.type) ?? 0) + f.weight);
  let type: ScamType | null = null;
  let score = 0;
  for (const [t, s] of scores) if (s > score) [type, score] = [t, s];
  const level = levelForScore(score);
  return { ...verdict, type, score, level, warn: LEVEL_RANK[level] >= LEVEL_RANK.medium, findings };
}

export function passesSensitivity(verdict: Verdict, sensitivity: Settings['sensitivity']): boolean {
  if (sensitivity === 'normal') return verdict.warn;
  if (sensitivity === 'low') return verdict.level === 'high';
  return LEVEL_RANK[verdict.level] >= LEVEL_RANK.low;
}

/** The delivery mode set for this host (or a parent domain); "banner" when none is set. */
export function siteMode(siteModes: Record<string, DeliveryMode>, host: string): DeliveryMode {
  const h = normaliseHost(host);
  if (!h) return 'banner';
  let best: string | null = null;
  for (const key of Object.keys(siteModes)) {
    if ((h === key || h.endsWith(`.${key}`)) && (best === null || key.length > best.length)) best = key;
  }
  return best === null ? 'banner' : siteModes[best]!;
}

export function deliveryFor(verdict: Verdict, settings: Settings, host: string, now: number): Delivery {
  if (isTrusted(settings, host, now)) return 'none';
  const mode = siteMode(settings.siteModes, host);
  if (mode === 'off') return 'none';
  const v = effectiveVerdict(verdict, settings.types);
  if (!passesSensitivity(v, settings.sensitivity)) return 'none';
  return mode === 'badge' ? 'badge' : 'banner';
}

/**
 * The verdict as the extension should present it on this host: types switched off removed, and `warn` set exactly
 * when something is delivered (so the banner and the badge, which show a verdict only when it warns, follow the
 * user's sensitivity, trusted sites and per-site modes).
 */
export function applyDelivery(verdict: Verdict, settings: Settings, host: string, now: number): { delivery: Delivery; verdict: Verdict } {
  const delivery = deliveryFor(verdict, settings, host, now);
  const v = effectiveVerdict(verdict, settings.types);
  const warn = delivery !== 'none' && v.type !== null;
  return { delivery, verdict: v.warn === warn ? v : { ...v, warn } };
}
