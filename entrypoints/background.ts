/**
 * Background: keeps each tab's latest verdict (session storage, so a restarted service worker keeps it), sets the
 * toolbar badge, records each warning in the local IndexedDB history, and opens the Details page.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { contentPackJson, contentPackScoring } from '@/lib/content-pack';
import { onMessages, sendTabMessage } from '@/lib/messaging';
import { pageVerdictWithUrls, urlWarningAdded } from '@/lib/page-url-verdict';
import { clearTabVerdict, getTabVerdict, setTabVerdict } from '@/lib/storage/tab-verdicts';
import { addWarning, openWarningDb, warningRecord } from '@/lib/storage/warning-log';
import { setBadge } from '@/lib/ui/badge';
import { presentVerdict } from '@/lib/settings/present-verdict';
import { watchSettings } from '@/lib/settings/settings-store';

export default defineBackground(() => {
  let db: ReturnType<typeof openWarningDb> | undefined;
  const warningDb = () => (db ??= openWarningDb());

  onMessages({
    async 'report-verdict'(fromTab, tabId) {
      // The page's URL, title and links checked with lib/url (look-alike domains...) and merged into its verdict.
      const { links: _links, ...rest } = fromTab;
      const report = { ...rest, verdict: pageVerdictWithUrls(fromTab, contentPackScoring) };
      if (urlWarningAdded(fromTab.verdict, report.verdict)) {
        void sendTabMessage(tabId, 'show-url-warning', { verdict: report.verdict }).catch(() => {});
      }
      const previous = await getTabVerdict(tabId);
      // Badge and history follow the user's settings (trusted sites, per-site mode, sensitivity, types).
      // The badge is set before the verdict is stored, so a stored verdict implies an up-to-date badge.
      const shown = await presentVerdict(report.url, report.verdict);
      await setBadge(tabId, shown.verdict);
      await setTabVerdict({ ...report, tabId, time: Date.now() });
      const record = shown.delivery === 'none' ? null : warningRecord(report.url, shown.verdict, Date.now());
      // One history entry per warning shown: a rescan of the same page with the same rules is not a new warning.
      const sameAsBefore =
        previous?.url === report.url &&
        previous.verdict.warn &&
        previous.verdict.findings.map((f) => f.rule).join() === report.verdict.findings.map((f) => f.rule).join();
      if (record && !sameAsBefore) await addWarning(await warningDb(), record);
      return { ok: true };
    },
    async 'get-rule-pack'() {
      return { pack: contentPackJson() };
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

  // A navigation starts a new page: forget the old verdict until the new page reports.
  // The badge is NOT cleared here: 'loading' also fires for same-document navigations (pushState, hash changes),
  // which a scam page can trigger every 100 ms to keep the toolbar warning away (tests/e2e/hostile-navigation.spec.ts).
  // Chrome and Firefox reset a tab's badge themselves when it loads a new document.
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status !== 'loading') return;
    void clearTabVerdict(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void clearTabVerdict(tabId);
  });
});
