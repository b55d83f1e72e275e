/**
 * Actions under the popup's explanation of a warning: report it (opens the review page, with a screenshot of the
 * tab taken now while it is visible), "Not a scam?" (a local false-alarm note), "Trust this site" (1 hour, 1 day,
 * always; guardian PIN and organisation policy respected), the user's country, and recovery-scam advice.
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { countryName } from '../i18n/i18n';
import { normaliseHost, type TrustDuration } from '../settings/settings-model';
import { trustSite } from '../settings/trusted-sites';
import { usePageSettings, useGuardian } from '../settings/use-settings';
import type { TabVerdict } from '../storage/tab-verdicts';
import { addRecord, openReportsDb } from './report-history';
import { screenshotKey } from './screenshot-key';

/** URL of one of Redflag's own pages (typed loosely: the page list is generated only after `wxt prepare`). */
export const extensionUrl = (path: string): string => (browser.runtime.getURL as (p: string) => string)(path);

/** Screenshot of the scam tab, only when it is the visible tab of its window (the toolbar popup case). */
async function captureIfVisible(tabId: number): Promise<string | null> {
  try {
    const tab = await browser.tabs.get(tabId);
    if (!tab.active) return null;
    return await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
  } catch {
    return null; // no permission (activeTab not granted) or a page that cannot be captured
  }
}

export async function openReportPage(tabId: number): Promise<void> {
  const shot = await captureIfVisible(tabId);
  await storage.setItem(screenshotKey(tabId), shot);
  await browser.tabs.create({ url: `${extensionUrl('/report.html')}?tab=${tabId}` });
}

export function PopupActions({ record }: { record: TabVerdict }) {
  const settings = usePageSettings();
  const guardian = useGuardian(settings);
  const [notScamOpen, setNotScamOpen] = useState(false);
  const [note, setNote] = useState('');
  const [message, setMessage] = useState('');
  if (!settings) return null;
  const { t, lang } = settings;
  const host = (() => {
    try {
      return normaliseHost(new URL(record.url).hostname);
    } catch {
      return null;
    }
  })();
  const type = record.verdict.type;

  const saveNotScam = async () => {
    const db = await openReportsDb();
    await addRecord(db, 'feedback', {
      time: Date.now(),
      url: record.url,
      ruleIds: record.verdict.findings.map((f) => f.rule),
      excerpts: record.verdict.findings.flatMap((f) => f.evidence.map((e) => e.text)).slice(0, 20),
      note: note.trim().slice(0, 2000),
    });
    db.close();
    setNotScamOpen(false);
    setMessage(t('notScamSaved'));
  };

  const trust = (duration: TrustDuration) =>
    guardian.guard(() => {
      if (!host) return;
      const now = Date.now();
      const next = trustSite(settings.user, host, duration, now);
      void settings.save(next).then(() => {
        const until = next.trusted[host]!.until;
        setMessage(
          until === null
            ? t('trustDoneAlways', { host })
            : t('trustDoneUntil', { host, time: new Date(until).toLocaleString(lang.replace('_', '-')) }),
        );
      });
    });

  return (
    <section class="popup-actions" aria-label={t('actionReport')}>
      <div class="action-row">
        <button type="button" class="primary" data-action="report" onClick={() => void openReportPage(record.tabId).then(() => window.close())}>
          {t('actionReport')}
        </button>
        <button type="button" class="secondary" data-action="not-scam" aria-expanded={notScamOpen} onClick={() => setNotScamOpen(!notScamOpen)}>
          {t('actionNotScam')}
        </button>
      </div>
      {notScamOpen && (
        <form
          class="not-scam"
          onSubmit={(e) => {
            e.preventDefault();
            void saveNotScam();
          }}
        >
          <p class="muted small">{t('notScamHint')}</p>
          <textarea name="not-scam-note" rows={2} placeholder={t('notScamNote')} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          <button type="submit">{t('notScamSave')}</button>
        </form>
      )}
      {host && (
        <div class="trust" data-host={host}>
          <span>{t('trustTitle')}:</span>{' '}
          {settings.locked.has('trust') ? (
            <span class="muted">{t('policyLocked')}</span>
          ) : (
            (['hour', 'day', 'always'] as const).map((d) => (
              <button key={d} type="button" class="link" data-trust={d} onClick={() => trust(d)}>
                {t(d === 'hour' ? 'trustHour' : d === 'day' ? 'trustDay' : 'trustAlways')}
              </button>
            ))
          )}
        </div>
      )}
      {guardian.prompt}
      {message && (
        <p class="notice" role="status">
          {message}
        </p>
      )}
      {(type === 'pig_butchering' || type === 'crypto_investment') && (
        <aside class="recovery">
          <strong>{t('recoveryTitle')}</strong> {t('recoveryAdvice')}
        </aside>
      )}
      <p class="country-line muted small">
        {t('yourCountry')}: <strong>{settings.country === 'global' ? t('countryGlobal') : countryName(settings.country, lang)}</strong>
        {settings.countryGuessed && <> ({t('countryGuessed')})</>}{' '}
        <a href={extensionUrl('/options.html')} target="_blank" rel="noopener">
          {t('change')}
        </a>
      </p>
    </section>
  );
}
