/** A verdict as delivered under the current effective settings (user + managed policy), for the badge and banner. */
import type { Verdict } from '../engine/types';
import { applyDelivery, type Delivery } from './delivery';
import { loadEffectiveSettings } from './settings-store';

export async function presentVerdict(url: string, verdict: Verdict, now = Date.now()): Promise<{ delivery: Delivery; verdict: Verdict }> {
  const { settings } = await loadEffectiveSettings();
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    /* not a URL: no host-specific settings apply */
  }
  return applyDelivery(verdict, settings, host, now);
}
