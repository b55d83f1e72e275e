/**
 * In-page protection for one document: the incremental scanner plus what the user sees. Every report goes to
 * the background (badge, history); depending on the site's delivery mode the banner is shown, the evidence is
 * highlighted and, in chats, the message that tipped the verdict gets an inline marker. A banner removed by
 * the page comes back on the next scan; one dismissed by the user stays away until the location changes or
 * a stronger warning arrives. The browser-facing parts (banner, messaging, settings) are injected, so this
 * module runs in unit tests on a parsed document.
 */
import type { ScanInput, Verdict } from '@/lib/engine/types';
import { createChatMarker, type ChatMarker } from './chat-marker';
import { clearHighlights, highlightEvidence } from './highlight';
import { startIncrementalScanner, type IncrementalScanner, type ScanReport } from './incremental-scanner';
import { createDebounce } from './scheduler';
import { observeTree } from './tree-observer';
import { compareVerdicts } from './verdicts';

export type DeliveryMode = 'banner' | 'badge' | 'none';

/** How often per location a banner removed by the page is shown again. */
const MAX_RESTORES = 10;

export interface ShownBanner {
  readonly connected: boolean;
  remove(): void;
}

export interface ProtectionOptions {
  doc: Document;
  signal: AbortSignal;
  scan(input: ScanInput): Verdict;
  pageInput(doc: Document): ScanInput;
  /** Send the report to the background (badge, popup, history). */
  report(report: ScanReport): void;
  /** How this verdict is delivered on this page (settings, trusted sites, per-site modes); read fresh each time. */
  delivery(verdict: Verdict): DeliveryMode | Promise<DeliveryMode>;
  /**
   * Mount the banner for a report; `onDismiss` must be called when the user dismisses it. `verdict` is what the
   * banner shows: the report's verdict after `adjust`.
   */
  showBanner(report: ScanReport, onDismiss: () => void, verdict: Verdict): Promise<ShownBanner> | ShownBanner;
  /**
   * The verdict the page shows for a report (default: the report's own). The content script merges the
   * background's URL findings in here, so the page has one banner for both (read fresh on each delivery).
   */
  adjust?(verdict: Verdict): Verdict;
  /** Evidence highlighting switched on (default on). */
  highlight(): boolean;
  /** Text of the chat marker for a verdict. */
  markerText(verdict: Verdict): { label: string; description: string };
  onDetails(): void;
  /** The language of the in-page words: when it changes (options), `redeliver` draws the banner again. */
  language?(): string;
  /** Scanner tuning (tests, benchmarks). */
  debounceMs?: number;
}

export interface PageProtection {
  readonly scanner: IncrementalScanner;
  /** SPA navigation: drop what is shown and scan the new location from scratch. */
  reset(): void;
  /** Settings or `adjust` changed: deliver the current verdict again (mode, trust, highlight switch, URL findings). */
  redeliver(): void;
  /** What is currently shown (tests). */
  readonly shown: { banner: boolean; highlights: number; marker: boolean; delivery: DeliveryMode | null };
}

/** What a banner shows of a verdict: a change here means the banner is drawn again. */
const verdictKey = (v: Verdict) => `${v.level}|${v.type}|${v.findings.map((f) => f.rule).join(',')}`;

export function startPageProtection(o: ProtectionOptions): PageProtection {
  const { doc, signal } = o;
  let banner: ShownBanner | null = null;
  let bannerFor: ScanReport | null = null;
  let bannerKey = '';
  let mounting = false;
  let dismissed: Verdict | null = null;
  let current: ScanReport | null = null;
  /** `current`'s verdict as shown (after `adjust`). */
  let shownVerdict: Verdict | null = null;
  let marker: ChatMarker | null = null;
  const shown = { banner: false, highlights: 0, marker: false, delivery: null as DeliveryMode | null };

  const removeBanner = () => {
    banner?.remove();
    banner = null;
    bannerFor = null;
    bannerKey = '';
    shown.banner = false;
  };

  const clearShown = () => {
    removeBanner();
    clearHighlights(doc);
    shown.highlights = 0;
    marker?.attach(null);
    shown.marker = false;
  };

  // One banner per page: a newer report or a changed verdict (e.g. URL findings merged in) replaces it.
  const ensureBanner = async () => {
    const r = current;
    const v = shownVerdict;
    if (!r || !v || mounting || signal.aborted) return;
    if (dismissed && compareVerdicts(v, dismissed) <= 0) return;
    const key = `${verdictKey(v)}|${o.language?.() ?? ''}`;
    if (banner?.connected && bannerFor === r && bannerKey === key) return;
    removeBanner();
    mounting = true;
    try {
      const b = await o.showBanner(
        r,
        () => {
          dismissed = v;
          removeBanner();
        },
        v,
      );
      if (signal.aborted || current !== r || shownVerdict !== v) b.remove();
      else {
        banner = b;
        bannerFor = r;
        bannerKey = key;
        shown.banner = true;
      }
    } catch {
      // the page must never see our errors
    } finally {
      mounting = false;
    }
    if ((current !== r || shownVerdict !== v) && current && shown.delivery === 'banner') void ensureBanner();
  };

  const onReport = (r: ScanReport) => {
    try {
      o.report(r);
    } catch {
      // background unavailable: the page still gets its warning
    }
    void deliver(r);
  };

  let deliveries = 0;
  const deliver = async (r: ScanReport) => {
    current = r;
    let verdict = r.verdict;
    try {
      verdict = o.adjust?.(r.verdict) ?? r.verdict;
    } catch {
      // keep the report's own verdict
    }
    shownVerdict = verdict;
    const token = ++deliveries;
    // What the user sees is drawn in a task of its own, not in the scan's (keeps both short).
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (token !== deliveries || signal.aborted) return;
    // The settings decide, for clean verdicts too (a high sensitivity warns from level low).
    let delivery: DeliveryMode;
    try {
      delivery = await o.delivery(verdict);
    } catch {
      delivery = verdict.warn ? 'banner' : 'none';
    }
    // A newer report (or a reset) arrived while the settings were read: it decides.
    if (token !== deliveries || current !== r || signal.aborted) return;
    shown.delivery = delivery;
    if (delivery !== 'banner') {
      clearShown();
      return;
    }
    void ensureBanner();
    shown.highlights = o.highlight() ? highlightEvidence(doc, r) : (clearHighlights(doc), 0);
    const tip = r.source.kind === 'chat' ? r.source.chat.tip : null;
    if (tip) {
      if (!marker) {
        const text = o.markerText(verdict);
        marker = createChatMarker(doc, { ...text, onActivate: o.onDetails, signal });
      }
      marker.attach(tip.el);
      shown.marker = true;
    } else {
      marker?.attach(null);
      shown.marker = false;
    }
  };

  const scanner = startIncrementalScanner({
    doc,
    signal,
    scan: o.scan,
    pageInput: o.pageInput,
    onReport,
    debounceMs: o.debounceMs,
  });

  // The page removed our banner (or its whole container): show it again once the page settles. A page that
  // keeps removing it is not fought forever: after MAX_RESTORES the toolbar badge carries the warning alone.
  let restores = 0;
  const restore = createDebounce(() => {
    if (current && shown.delivery === 'banner' && banner && !banner.connected && restores < MAX_RESTORES) {
      restores++;
      void ensureBanner();
    }
  }, 100, signal);
  observeTree(doc.body ?? doc.documentElement, () => {
    if (banner && !banner.connected) restore.schedule();
  }, signal);

  return {
    scanner,
    shown,
    redeliver() {
      if (current) void deliver(current);
    },
    reset() {
      clearShown();
      deliveries++;
      current = null;
      shownVerdict = null;
      dismissed = null;
      restores = 0;
      shown.delivery = null;
      scanner.reset();
    },
  };
}
