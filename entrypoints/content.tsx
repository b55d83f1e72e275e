/**
 * In-page protection. Injected by the background into a tab's top frame once the page has loaded
 * (lib/content-injection.ts: `registration: 'runtime'`, so Chromium does not slow every page load down for it).
 * Once the browser is idle, reads the page with its site adapter
 * (job boards, web messengers; lib/sites) or the generic extractor, scans it with the shipped rule pack, then scans
 * only what the page adds, in idle-time slices (lib/observe). Every verdict goes to the background (badge, history,
 * popup). The user's settings decide what the page shows (lib/settings/delivery.ts: trusted sites, per-site mode
 * with badge-only on linkedin.com by default, sensitivity, switched-off types): the banner, the evidence
 * highlights and, in chats, a marker next to the message that tipped the verdict. SPA navigations
 * (`wxt:locationchange`) start a fresh scan.
 * Keep this import graph small: no tldts here (see README, bundle sizes).
 */
import '@/lib/ui/warning-banner.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { claimDocument } from '@/lib/content-injection';
import { answerDocumentIds } from '@/lib/document-id';
import { createContentEngineLoader, WARM_UP_CHARS, type ContentEngineModule } from '@/lib/content-engine-loader';
import type { ScoringConfig } from '@/lib/engine/pack';
import type { Engine, Finding, Verdict } from '@/lib/engine/types';
import { extractPage, pageScanInput } from '@/lib/extract/extract-page';
import { whenIdle } from '@/lib/extract/when-idle';
import { dropUntrustedInputOn, ignoreForgedRestarts } from '@/lib/harden/content-guard';
import { claimText } from '@/lib/extract/credential-form';
import { LIMITS, onTabMessages, sendMessage } from '@/lib/messaging';
import { MARKER_HOST } from '@/lib/observe/chat-marker';
import { highlightEvidenceSetting } from '@/lib/observe/highlight-setting';
import { pageSample } from '@/lib/observe/page-chunks';
import type { ScanReport } from '@/lib/observe/incremental-scanner';
import { startPageProtection, type PageProtection } from '@/lib/observe/page-protection';
import { applyDelivery } from '@/lib/settings/delivery';
import type { Settings, TrustDuration } from '@/lib/settings/settings-model';
import { loadEffectiveSettings, loadUserSettings, saveUserSettings, watchSettings } from '@/lib/settings/settings-store';
import { trustSite } from '@/lib/settings/trusted-sites';
import { SCAM_TYPE_NAME, topFinding } from '@/lib/ui/labels';
import { BANNER_HOST, createBannerUiLoader } from '@/lib/ui/banner-loader';
import { uiLanguage, uiMessage, useInPageStrings } from '@/lib/ui/ui-strings';

/**
 * Safety valve only: past this the engine stops early (verdict.truncated) rather than hold the main thread longer.
 * Kept generous because a cut-short scan can miss rules, including suppressors, on a slow or busy device; big pages
 * are scanned in blocks (lib/observe/page-chunks.ts), so a normal scan takes a few milliseconds.
 */
const SCAN_BUDGET_MS = 1000;

const TYPE_KEY = { fake_job: 'typeFakeJob', pig_butchering: 'typePigButchering', crypto_investment: 'typeCryptoInvestment', impersonation: 'typeImpersonation' } as const;
function markerText(verdict: Verdict): { label: string; description: string } {
  const type = verdict.type ? uiMessage(TYPE_KEY[verdict.type], SCAM_TYPE_NAME[verdict.type]) : '';
  return { label: uiMessage('markerLabel', `Possible scam: ${type}`, [type]), description: topFinding(verdict)?.message ?? '' };
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  cssInjectionMode: 'ui',
  main(ctx) {
    // One copy per document: a copy injected while another still runs here stops at once.
    if (!claimDocument(() => ctx.isValid)) return;
    ctx.onInvalidated(answerDocumentIds());
    // First, before anything can be mounted: the page must not be able to stop this script by forging WXT's
    // restart event, nor press Redflag's buttons (e.g. "Trust this site") from script (SECURITY.md, P2).
    ignoreForgedRestarts();
    dropUntrustedInputOn([BANNER_HOST, MARKER_HOST]);
    // The rest runs detached: the background injects this file with scripting.executeScript, and the file's completion
    // value (main's result) is awaited by the browser, which on a page still loading can hold the page's `load` event
    // back until it settles, while the scan below waits for `load`: a deadlock (measured on a deeply nested page that
    // was still parsing when injected: `load` never fired in 6 of 24 runs; tests/e2e/hostile-dom.spec.ts).
    void protectPage(ctx).catch((error: unknown) => console.debug('[redflag] page protection stopped', error));
  },
});

async function protectPage(ctx: ContentScriptContext): Promise<void> {
  // Nothing heavy runs before the page has loaded and the browser is idle, not even the settings read: the first
  // chrome.storage call sets up the API's bindings in this world (about 10 ms), which would lengthen the injection task.
  if (document.readyState !== 'complete') {
    await new Promise<void>((resolve) => ctx.addEventListener(window, 'load', () => resolve(), { once: true }));
  }
  await whenIdle(ctx);
  if (ctx.isInvalid) return;

  let settings: Settings = (await loadEffectiveSettings()).settings;
  let highlight = await highlightEvidenceSetting.getValue().catch(() => true);
  let protection: PageProtection | undefined;
  let urlFindings: Finding[] = [];
  let urlAdvice: Record<string, string> = {};
  // A settings change (e.g. "Trust this site" in the popup) applies to the open page at once.
  ctx.onInvalidated(
    watchSettings(() => {
      // The language chosen in options may have changed too: the banner is drawn again in it (language() below).
      const strings = sendMessage('get-ui-strings', {}).then((r) => useInPageStrings(r.ui), () => {});
      void Promise.all([loadEffectiveSettings(), strings]).then(([loaded]) => {
        settings = loaded.settings;
        protection?.redeliver();
      });
    }),
  );

  // The engine's code and the rule pack come from the background (neither is bundled here: the injection task stays
  // short); the engine is built in short slices.
  let engine: Engine;
  let scoring: ScoringConfig | undefined;
  let mergeVerdicts: ContentEngineModule['mergeVerdicts'];
  // Both are asked for at once. The in-page words in the language chosen in options come with the pack.
  const packReply = sendMessage('get-rule-pack', {}).then((r) => {
    useInPageStrings(r.ui);
    return r.pack;
  });
  packReply.catch(() => {}); // reported below, if the engine loads
  try {
    let loadContentEngine: ContentEngineModule['loadContentEngine'];
    ({ loadContentEngine, mergeVerdicts } = await createContentEngineLoader(() => sendMessage('load-engine', {}))());
    ({ engine, pack: { scoring } } = await loadContentEngine(() => packReply, {
      sample: () => ({
        surface: 'page',
        url: location.href,
        title: document.title,
        text: pageSample(document.body ?? document.documentElement, WARM_UP_CHARS),
        links: [...document.links].slice(0, 20).map((a) => a.href),
      }),
    }));
  } catch (error) {
    console.debug('[redflag] no engine or rule pack', error);
    return;
  }
  const adviceFor = (verdict: Verdict) => {
    const finding = topFinding(verdict);
    return finding ? (engine.rule(finding.rule)?.advice ?? urlAdvice[finding.rule]) : undefined;
  };
  await whenIdle(ctx);
  if (ctx.isInvalid) return;

  const details = () => {
    sendMessage('open-details', {}).catch((error: unknown) => console.debug('[redflag] details failed', error));
  };
  const trust = async (duration: TrustDuration) => {
    const { settings: user } = await loadUserSettings();
    // A guardian PIN locks trusting: the Details page asks for it.
    if (user.guardian) return details();
    await saveUserSettings(trustSite(user, location.hostname, duration, Date.now()));
  };
  const toggleHighlights = () => {
    highlight = !highlight;
    void highlightEvidenceSetting.setValue(highlight).catch(() => {});
    protection?.redeliver();
  };
  // The page's links go with each report: the background checks them and the URL for look-alike domains (lib/url).
  let links: string[] = [];
  // A short page with a password/code/card field also sends its text: the background checks its brand claim.
  let claim: string | undefined;
  const send = (r: ScanReport) =>
    sendMessage('report-verdict', {
      url: location.href,
      title: document.title,
      verdict: r.verdict,
      links: links.slice(0, LIMITS.links),
      ...(claim ? { claimText: claim } : {}),
    }).catch((error: unknown) => {
      console.debug('[redflag] background unavailable', error);
    });

  // The banner's code is injected by the background the first time this page warns (lib/ui/banner-loader.ts).
  const bannerUi = createBannerUiLoader(() => sendMessage('load-banner-ui', {}));
  protection = startPageProtection({
    doc: document,
    signal: ctx.signal,
    scan: (input) => engine.scan(input, { budgetMs: SCAN_BUDGET_MS }),
    pageInput: (doc) => {
      const input = pageScanInput(extractPage(doc));
      links = input.links ?? [];
      claim = claimText(doc, input.text ?? '');
      return input;
    },
    report: (r) => void send(r),
    delivery: (verdict) => applyDelivery(verdict, settings, location.hostname, Date.now()).delivery,
    // The background's URL findings for this location (a look-alike domain...) join the page's own verdict.
    adjust: (verdict) => (urlFindings.length > 0 ? mergeVerdicts(verdict, urlFindings, scoring) : verdict),
    showBanner: async (_r, onDismiss, verdict) => {
      // The banner shows the verdict as the settings see it (switched-off types left out).
      const shown = applyDelivery(verdict, settings, location.hostname, Date.now()).verdict;
      const { mountWarningBanner } = await bannerUi();
      const ui = await mountWarningBanner(ctx, {
        verdict: shown,
        advice: adviceFor(shown),
        onDetails: details,
        onDismiss,
        onTrust: (d) => void trust(d).catch(() => details()),
        highlights: { on: highlight, toggle: toggleHighlights },
      });
      return {
        get connected() {
          return ui.shadowHost.isConnected;
        },
        remove: () => ui.remove(),
      };
    },
    highlight: () => highlight,
    markerText,
    onDetails: details,
    language: uiLanguage,
  });
  // The background's URL checks found something (a look-alike domain...): merged into the page's one banner,
  // which is drawn again (never a second banner), now and for every later scan of this location.
  ctx.onInvalidated(
    onTabMessages({
      'show-url-warning': ({ verdict, advice }) => {
        urlFindings = verdict.findings.filter((f) => !engine.rule(f.rule));
        urlAdvice = advice ?? {};
        protection?.redeliver();
      },
    }),
  );
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    urlFindings = [];
    protection?.reset();
  });
  // Back/forward cache: the restored page is not scanned again, but the background forgot it on navigation.
  ctx.addEventListener(window, 'pageshow', (event) => {
    const current = protection?.scanner.current;
    if (event.persisted && current) void send(current);
  });
}
