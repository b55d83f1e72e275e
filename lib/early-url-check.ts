/**
 * Early address check for a tab: as soon as the background learns a tab's new address (tabs.onUpdated), a look-alike
 * domain gets the toolbar badge, before the content script has scanned the page (it is injected after `load` and
 * waits for idle time, which a slow or stalled page may never reach). Background only (lib/url imports tldts).
 *
 * Only the address is checked, as the page itself (`surface: 'page'`): the same lib/url findings the content verdict
 * is merged with later (lib/page-url-verdict.ts), so the early badge never disagrees with the full verdict.
 * The early verdict never replaces a stored one: the page's own (full) verdict, whatever its address (a pushState
 * keeps the document), or an early one for this same address (an earlier event of this navigation). The caller runs
 * the check after the tab's stale verdict was forgotten (lib/tab-lifecycle.ts), in the tab's queue.
 */
import { scoreFindings } from './engine/engine';
import type { ScoringConfig } from './engine/pack';
import type { Verdict } from './engine/types';
import { applyDelivery } from './settings/delivery';
import { presentVerdict } from './settings/present-verdict';
import { loadUserSettings } from './settings/settings-store';
import { urlFindings } from './url/index';

/** The verdict of a page address on its own (lib/url findings only), or null when it does not warn. */
export function addressVerdict(url: string, scoring: ScoringConfig): Verdict | null {
  if (!/^https?:\/\//i.test(url)) return null;
  const findings = urlFindings({ surface: 'page', url });
  if (findings.length === 0) return null;
  const verdict = scoreFindings(findings, scoring);
  return verdict.warn ? verdict : null;
}

export interface EarlyUrlCheckDeps {
  scoring: ScoringConfig;
  /** The tab's stored verdict (its address, and whether it is an early one), if any. */
  stored(tabId: number): Promise<{ url: string; early?: boolean } | null>;
  /** The verdict as the user's settings deliver it (trusted sites, per-site mode, types), or null for none. */
  present(url: string, verdict: Verdict): Promise<Verdict | null>;
  setBadge(tabId: number, verdict: Verdict): Promise<void>;
  /**
   * Keep the address verdict as the tab's verdict until the page reports (so the popup explains the badge).
   * Optional: without it only the badge is set.
   */
  store?(tabId: number, url: string, verdict: Verdict): Promise<void>;
}

export type EarlyCheckOutcome = 'clean' | 'reported' | 'silenced' | 'badged';

/** Checks a tab's address and sets the badge when it warns (and no verdict of the page, or for this address, is stored). */
export function createEarlyUrlCheck(deps: EarlyUrlCheckDeps): (tabId: number, url: string | undefined) => Promise<EarlyCheckOutcome> {
  return async (tabId, url) => {
    const verdict = url ? addressVerdict(url, deps.scoring) : null;
    if (!url || !verdict) return 'clean';
    const stored = await deps.stored(tabId);
    if (stored && (!stored.early || stored.url === url)) return 'reported';
    const shown = await deps.present(url, verdict);
    if (!shown?.warn) return 'silenced';
    await deps.setBadge(tabId, shown);
    await deps.store?.(tabId, url, verdict);
    return 'badged';
  };
}

/**
 * The early verdict as the user's settings deliver it. Chrome can hold `storage.managed` reads back while a page is
 * still loading (measured: > 20 s for a stalled page), so when the full settings (user + managed policy) are not ready
 * within `waitMs`, the user's own settings decide; the page's full verdict re-applies the policy when it reports.
 */
export async function presentEarly(url: string, verdict: Verdict, waitMs = 500): Promise<Verdict | null> {
  const full = presentVerdict(url, verdict).then((p) => p.verdict);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), waitMs)));
  const first = await Promise.race([full, late]);
  clearTimeout(timer);
  if (first !== 'late') return first;
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    /* addressVerdict only passes web addresses */
  }
  return applyDelivery(verdict, (await loadUserSettings()).settings, host, Date.now()).verdict;
}
