/**
 * Background: keeps each tab's latest verdict (session storage, so a restarted service worker keeps it), sets the
 * toolbar badge, records each warning in the local IndexedDB history, and opens the Details page.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { contentPackJson, contentPackScoring } from '@/lib/content-pack';
import { createContentInjector, injectIntoTopFrame, isWebPage, scriptingInjector, sweepOpenTabs } from '@/lib/content-injection';
import { ENGINE_FILE } from '@/lib/content-engine-loader';
import { createEarlyUrlCheck, presentEarly } from '@/lib/early-url-check';
import { chosenInPageStrings } from '@/lib/i18n/banner-strings';
import { askDocumentId, onMessages, sendTabMessage } from '@/lib/messaging';
import { pageVerdictWithUrls } from '@/lib/page-url-verdict';
import { urlRule } from '@/lib/url/url-rules';
import { clearTabVerdict, getTabVerdict, setTabVerdict } from '@/lib/storage/tab-verdicts';
import { addWarning, openWarningDb, warningRecord } from '@/lib/storage/warning-log';
import { createTabLifecycle } from '@/lib/tab-lifecycle';
import { setBadge } from '@/lib/ui/badge';
import { BANNER_UI_FILE } from '@/lib/ui/banner-loader';
import { presentVerdict } from '@/lib/settings/present-verdict';
import { watchSettings } from '@/lib/settings/settings-store';

export default defineBackground(() => {
  let db: ReturnType<typeof openWarningDb> | undefined;
  const warningDb = () => (db ??= openWarningDb());
  const tabs = createTabLifecycle({ get: getTabVerdict, clear: clearTabVerdict, askDocument: (tabId) => askDocumentId(tabId) });

  onMessages({
    'report-verdict': (fromTab, tabId, origin) => tabs.serial(tabId, async () => {
      // The page's URL, title and links checked with lib/url (look-alike domains...) and merged into its verdict.
      const { links: _links, claimText: _claim, ...rest } = fromTab;
      const report = { ...rest, verdict: pageVerdictWithUrls(fromTab, contentPackScoring) };
      // URL findings that take part in a warning go to the page, which merges them into its one banner (also when
      // the page's own scan warns, before or after).
      if (report.verdict.warn && report.verdict.findings.length > fromTab.verdict.findings.length) {
        const advice = Object.fromEntries(report.verdict.findings.flatMap((f) => (urlRule(f.rule)?.advice ? [[f.rule, urlRule(f.rule)!.advice]] : [])));
        void sendTabMessage(tabId, 'show-url-warning', { verdict: report.verdict, advice }).catch(() => {});
      }
      const previous = await getTabVerdict(tabId);
      // Badge and history follow the user's settings (trusted sites, per-site mode, sensitivity, types).
      // The badge is set before the verdict is stored, so a stored verdict implies an up-to-date badge.
      const shown = await presentVerdict(report.url, report.verdict);
      await setBadge(tabId, shown.verdict);
      await setTabVerdict({ ...report, tabId, time: Date.now(), ...(origin.document ? { document: origin.document } : {}) });
      const record = shown.delivery === 'none' ? null : warningRecord(report.url, shown.verdict, Date.now());
      // One history entry per warning shown: a rescan of the same page with the same rules is not a new warning.
      const sameAsBefore =
        !previous?.early &&
        previous?.url === report.url &&
        previous.verdict.warn &&
        previous.verdict.findings.map((f) => f.rule).join() === report.verdict.findings.map((f) => f.rule).join();
      if (record && !sameAsBefore) await addWarning(await warningDb(), record);
      return { ok: true as const };
    }),
    async 'get-rule-pack'() {
      // With the in-page words in the language chosen in options (the content script's browser.i18n cannot follow it).
      return { pack: contentPackJson(), ui: await chosenInPageStrings() };
    },
    async 'get-ui-strings'() {
      return { ui: await chosenInPageStrings() };
    },
    async 'load-banner-ui'(_data, tabId) {
      return injectIntoTopFrame(tabId, BANNER_UI_FILE);
    },
    async 'load-engine'(_data, tabId) {
      return injectIntoTopFrame(tabId, ENGINE_FILE);
    },
    async 'open-details'(_data, tabId) {
      await browser.tabs.create({ url: `${browser.runtime.getURL('/popup.html')}?tab=${tabId}` });
      return { ok: true };
    },
  });

  // Settings changed (a site trusted or revoked, a type switched off...): redo the badges of open tabs.
  watchSettings(() => {
    void (async () => {
      for (const [key, value] of Object.entries(await browser.storage.session.get(null))) {
        if (!key.startsWith('tab-verdict:')) continue;
        const record = value as { tabId: number; url: string; verdict: Parameters<typeof presentVerdict>[1] };
        const shown = await presentVerdict(record.url, record.verdict);
        await setBadge(record.tabId, shown.verdict).catch(() => {});
      }
    })();
  });

  // Early address check: as soon as a tab shows a new address, a look-alike domain gets the badge
  // (lib/early-url-check.ts), before the content scan (after load + idle) reports. In the tab's queue, after its stale
  // verdict was forgotten.
  const earlyUrlCheck = createEarlyUrlCheck({
    scoring: contentPackScoring,
    stored: getTabVerdict,
    present: presentEarly,
    setBadge,
    // The popup explains the early badge: the address verdict is the tab's verdict until the page's own report
    // replaces it (never the other way round), and it holds while the tab shows the same address.
    store: (tabId, url, verdict) => setTabVerdict({ tabId, url, title: '', verdict, time: Date.now(), early: true }),
  });
  // The content script is injected once a page has loaded (lib/content-injection.ts explains why it is not declared
  // in the manifest). At most one injection waits per tab, however often the tab reports updates.
  const ensureContentScript = createContentInjector(scriptingInjector);
  const waiting = new Set<number>();
  const protect = (tabId: number) => {
    if (waiting.has(tabId)) return;
    waiting.add(tabId);
    void tabs.serial(tabId, () => ensureContentScript(tabId)).finally(() => waiting.delete(tabId));
  };
  const checkAddress = (tabId: number, url: string) =>
    void tabs.serial(tabId, () => earlyUrlCheck(tabId, url)).catch((error: unknown) => console.warn('[redflag] early address check failed', error));
  // Pages open when Redflag is installed, updated or the browser starts (restored tabs): lib/content-injection.ts
  // sweepOpenTabs (the address check and the content script, for pages loaded or still loading).
  const protectOpenTabs = () =>
    void browser.tabs.query({}).then(
      (open) => sweepOpenTabs(open, { checkAddress, protect }),
      () => {},
    );
  browser.runtime.onInstalled.addListener(protectOpenTabs);
  browser.runtime.onStartup.addListener(protectOpenTabs);

  // A tab update (status or URL) may be a new document or the same one (pushState, hash change): lib/tab-lifecycle.ts
  // keeps the verdict while the document that reported it still shows, so a page that changes its URL every 100 ms
  // cannot empty the popup (tests/e2e/hostile-navigation.spec.ts). The badge is left alone: Chrome and Firefox reset a
  // tab's badge themselves when it loads a new document.
  browser.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
    if (changeInfo.status === undefined && changeInfo.url === undefined) return;
    void tabs.updated(tabId, tab.url).catch((error: unknown) => console.warn('[redflag] tab update check failed', error));
    if ((changeInfo.status === 'loading' || changeInfo.url !== undefined) && isWebPage(tab.url)) checkAddress(tabId, tab.url);
    if (changeInfo.status === 'complete' && isWebPage(tab.url)) protect(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void tabs.removed(tabId).catch(() => {});
  });
});
