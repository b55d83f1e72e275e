/**
 * Generic page protection: once the page is idle, extract its visible text, scan it with the shipped rule pack,
 * report the verdict to the background (badge, history, popup) and show the banner when the verdict warns.
 * Keep this import graph small: no tldts here (see README, bundle sizes).
 */
import '@/lib/ui/warning-banner.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { extractPage, pageScanInput } from '@/lib/extract/extract-page';
import { whenIdle } from '@/lib/extract/when-idle';
import { sendMessage } from '@/lib/messaging';
import { getShippedEngine } from '@/lib/shipped-engine';
import { topFinding } from '@/lib/ui/labels';
import { mountWarningBanner } from '@/lib/ui/mount-banner';

/**
 * Safety valve only: past this the engine stops early (verdict.truncated) rather than hold the main thread longer.
 * Kept generous because a cut-short scan can miss rules, including suppressors, on a slow or busy device.
 */
const SCAN_BUDGET_MS = 1000;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    await whenIdle(ctx);
    if (ctx.isInvalid) return;

    const page = extractPage(document);
    const engine = getShippedEngine();
    const verdict = engine.scan(pageScanInput(page), { budgetMs: SCAN_BUDGET_MS });

    const report = () =>
      sendMessage('report-verdict', { url: page.url, title: page.title, verdict }).catch((error: unknown) => {
        console.debug('[redflag] background unavailable', error);
      });
    void report();
    // Back/forward cache: the restored page is not scanned again, but the background forgot it on navigation.
    ctx.addEventListener(window, 'pageshow', (event) => {
      if (event.persisted) void report();
    });

    if (!verdict.warn) return;
    const finding = topFinding(verdict);
    await mountWarningBanner(ctx, {
      verdict,
      advice: finding ? engine.rule(finding.rule)?.advice : undefined,
      onDetails: () => {
        sendMessage('open-details', {}).catch((error: unknown) => console.debug('[redflag] details failed', error));
      },
    });
  },
});
