/**
 * The report review page (`report.html?tab=ID`): builds the evidence bundle from the tab's verdict, shows exactly
 * what will leave the browser with personal data redacted by default (per-item toggles, names to hide, optional
 * screenshot), asks the user to confirm, then offers the official channels for the user's country, the scam type
 * and its context. One click on a channel performs its action and records the report in the history.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { channelContext } from '../channels/context-from-verdict';
import { CHANNELS, countriesWithChannels } from '../channels/directory';
import { selectChannels } from '../channels/select-channels';
import type { Channel } from '../channels/channel-types';
import type { Engine } from '../engine/types';
import { countryName, reportLabels, ruleTexts, TYPE_KEY, type MessageKey } from '../i18n/i18n';
import { usePageSettings, useGuardian } from '../settings/use-settings';
import { getTabVerdict, type TabVerdict } from '../storage/tab-verdicts';
import { channelAction, type ChannelAction } from './channel-actions';
import { ChannelList } from './channel-list';
import { buildBundle, redactBundle, type EvidenceBundle, type RedactionItem } from './evidence-bundle';
import { orgPayload, postOrgReport } from './org-endpoint';
import { addRecord, historyBundle, openReportsDb, updateReportStatus } from './report-history';
import { reportText } from './report-text';
import { screenshotKey } from './screenshot-key';


const KIND_KEY: Record<RedactionItem['kind'], MessageKey> = {
  email: 'kindEmail',
  phone: 'kindPhone',
  card: 'kindCard',
  iban: 'kindIban',
  account: 'kindAccount',
  name: 'kindName',
};

export interface ReportAppProps {
  tabId: number | null;
  engine: Pick<Engine, 'rule' | 'version'>;
}

async function record(bundle: EvidenceBundle, channelId: string, channelName: string, action: ChannelAction['kind'] | 'post', status: 'opened' | 'sent' | 'failed', error?: string) {
  const db = await openReportsDb();
  try {
    const rec = { time: Date.now(), channelId, channelName, action, status, url: bundle.url, scamType: bundle.scamType, ruleIds: bundle.ruleIds, bundle: historyBundle(bundle) };
    return await addRecord(db, 'reports', error ? { ...rec, error } : rec);
  } finally {
    db.close();
  }
}

export function ReportApp({ tabId, engine }: ReportAppProps) {
  const settings = usePageSettings();
  const guardian = useGuardian(settings);
  const [page, setPage] = useState<TabVerdict | null | undefined>(undefined);
  const [screenshot, setScreenshot] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [names, setNames] = useState('');
  const [keep, setKeep] = useState<ReadonlySet<string>>(new Set());
  const [withShot, setWithShot] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [status, setStatus] = useState<string[]>([]);
  const [countryOverride, setCountryOverride] = useState<string | null>(null);

  useEffect(() => {
    if (tabId === null) return setPage(null);
    getTabVerdict(tabId).then((r) => setPage(r && r.verdict.warn ? r : null), () => setPage(null));
    storage.getItem<string>(screenshotKey(tabId)).then((s) => setScreenshot(s?.startsWith('data:image/') ? s : null), () => {});
  }, [tabId]);

  const nameList = useMemo(() => names.split(',').map((n) => n.trim()).filter((n) => n.length >= 2), [names]);
  const base = useMemo(
    () =>
      page
        ? buildBundle({ url: page.url, title: page.title, verdict: page.verdict, seenAt: page.time, note, engineVersion: engine.version, screenshot: withShot ? (screenshot ?? undefined) : undefined })
        : null,
    [page, note, withShot, screenshot, engine.version],
  );
  const redacted = useMemo(() => (base ? redactBundle(base, { names: nameList, keep }) : null), [base, nameList, keep]);

  if (!settings || page === undefined) return <p role="status">…</p>;
  const { t, lang } = settings;
  if (!page || !redacted) {
    return (
      <main class="report-page">
        <h1>{t('reportPageTitle')}</h1>
        <p role="status">{t('reportNoVerdict')}</p>
      </main>
    );
  }

  const bundle = redacted.bundle;
  const ruleTitle = (id: string) => {
    const info = engine.rule(id);
    return info ? ruleTexts(info, lang).title : undefined;
  };
  const labels = reportLabels(t);
  const text = reportText(bundle, { labels, ruleTitle });
  const country = countryOverride ?? settings.country;
  const selected = selectChannels(CHANNELS, channelContext(page, country, CHANNELS));
  const primary = selected.filter((s) => s.primary);
  const more = selected.filter((s) => !s.primary);
  const say = (msg: string) => setStatus((s) => [...s, msg]);
  const unconfirm = () => setConfirmed(false);

  const useChannel = (channel: Channel, action: ChannelAction) => {
    if (action.copyText) {
      navigator.clipboard.writeText(action.copyText).then(
        () => say(t('copied')),
        () => say(t('copyFailed')),
      );
    }
    record(bundle, channel.id, channel.authority, action.kind, 'opened').then(() => say(t('reportRecorded')), (e: unknown) => console.error('[redflag] history', e));
  };

  const sendToOrg = async () => {
    const endpoint = settings.endpoint!;
    const id = await record(bundle, 'organisation', endpoint.name, 'post', 'opened');
    const result = await postOrgReport(endpoint, orgPayload(bundle, redacted.items, { version: browser.runtime.getManifest().version, language: lang }));
    const db = await openReportsDb();
    await updateReportStatus(db, id, result.ok ? 'sent' : 'failed', result.error);
    db.close();
    say(result.ok ? t('orgSent', { name: endpoint.name }) : t('orgFailed', { error: result.error ?? '' }));
  };

  const changeCountry = (value: string) => {
    setCountryOverride(value);
    if (!settings.locked.has('country')) guardian.guard(() => void settings.save({ ...settings.user, country: value }));
  };

  const countries = countriesWithChannels();

  return (
    <main class="report-page">
      <h1>{t('reportPageTitle')}</h1>
      <p>{t('reportIntro')}</p>

      <section class="review" aria-labelledby="review-h">
        <h2 id="review-h">{t('reportStepReview')}</h2>
        <dl class="bundle">
          <dt>{t('labelPage')}</dt>
          <dd class="bundle-url">{bundle.url}</dd>
          <dt>{t('labelSeen')}</dt>
          <dd>{bundle.time.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}</dd>
          <dt>{t('labelType')}</dt>
          <dd>{bundle.scamType ? t(TYPE_KEY[bundle.scamType]) : '—'}</dd>
          <dt>{t('labelPatterns')}</dt>
          <dd>
            <ul class="bundle-rules">
              {bundle.ruleIds.map((id) => (
                <li key={id} data-rule={id}>
                  {ruleTitle(id) ?? id} <code>{id}</code>
                </li>
              ))}
            </ul>
          </dd>
          <dt>{t('labelExcerpts')}</dt>
          <dd>
            {bundle.excerpts.map((e, i) => (
              <blockquote key={i} class="quote bundle-excerpt">
                {e.text}
              </blockquote>
            ))}
          </dd>
        </dl>

        <label class="field">
          {t('reportNoteLabel')}
          <textarea name="note" rows={3} value={note} disabled={confirmed} placeholder={t('reportNotePlaceholder')} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        <label class="field">
          {t('redactNamesLabel')}
          <input name="names" type="text" value={names} disabled={confirmed} onInput={(e) => setNames(e.currentTarget.value)} />
        </label>

        <fieldset class="redactions">
          <legend>{t('redactHeading')}</legend>
          {redacted.items.length === 0 ? (
            <p class="muted">{t('redactNone')}</p>
          ) : (
            <ul>
              {redacted.items.map((item) => (
                <li key={item.id} data-redaction={item.kind}>
                  <label>
                    <input
                      type="checkbox"
                      checked={item.redacted}
                      disabled={confirmed}
                      onChange={(e) => {
                        const next = new Set(keep);
                        if (e.currentTarget.checked) next.delete(item.id);
                        else next.add(item.id);
                        setKeep(next);
                      }}
                    />{' '}
                    {t('redactHide')} {t(KIND_KEY[item.kind])}: <span class="redaction-value">{item.text}</span>
                    {item.count > 1 && <span class="muted"> ×{item.count}</span>}
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>

        {screenshot && (
          <div class="screenshot">
            <label>
              <input type="checkbox" name="screenshot" checked={withShot} disabled={confirmed} onChange={(e) => setWithShot(e.currentTarget.checked)} /> {t('screenshotLabel')}
            </label>
            <p class="muted small">{t('screenshotWarning')}</p>
            {withShot && <img class="screenshot-preview" src={screenshot} alt="" />}
          </div>
        )}

        <h3>{t('previewHeading')}</h3>
        <pre class="report-preview" data-testid="report-preview">
          {text}
        </pre>
        {confirmed ? (
          <button type="button" class="secondary" onClick={unconfirm}>
            {t('editButton')}
          </button>
        ) : (
          <button type="button" class="primary confirm" onClick={() => setConfirmed(true)}>
            {t('confirmButton')}
          </button>
        )}
      </section>

      <section class="channels-section" aria-labelledby="channels-h">
        <h2 id="channels-h">{t('reportStepChannel')}</h2>
        <label class="field country">
          {t('yourCountry')}{' '}
          {settings.locked.has('country') ? (
            <strong>
              {countryName(country, lang)} <span class="muted">({t('policyLocked')})</span>
            </strong>
          ) : (
            <select name="country" value={country} onChange={(e) => changeCountry(e.currentTarget.value)}>
              <option value="global">{t('countryInternational')}</option>
              {countries.map((c) => (
                <option key={c} value={c}>
                  {countryName(c, lang)}
                </option>
              ))}
              {!countries.includes(country) && country !== 'global' && <option value={country}>{countryName(country, lang)}</option>}
            </select>
          )}
          {settings.countryGuessed && countryOverride === null && <span class="muted small"> ({t('countryGuessed')})</span>}
        </label>
        {guardian.prompt}
        <p class="muted">{confirmed ? t('channelsHint') : t('confirmFirst')}</p>

        {settings.endpoint && (
          <div class="org-endpoint">
            <p class="muted">{t('orgHint')}</p>
            <button type="button" class="primary" disabled={!confirmed} onClick={() => void sendToOrg()}>
              {t('orgSend', { name: settings.endpoint.name })}
            </button>
          </div>
        )}

        {primary.length === 0 && <p class="muted">{t('noChannels')}</p>}
        {channelList(primary)}
        {more.length > 0 && (
          <details class="more-channels">
            <summary>{t('moreChannels')}</summary>
            {channelList(more)}
          </details>
        )}
        <div class="status" role="status" aria-live="polite">
          {status.map((s, i) => (
            <p key={i}>{s}</p>
          ))}
        </div>
      </section>

      {/* Whoever reports may have lost money: recovery scammers target exactly these people. */}
      <aside class="recovery" aria-labelledby="recovery-h">
        <h2 id="recovery-h">{t('recoveryTitle')}</h2>
        <p>{t('recoveryAdvice')}</p>
      </aside>
    </main>
  );

  function channelList(items: typeof selected) {
    return <ChannelList items={items} enabled={confirmed} lang={lang} t={t} action={(c) => channelAction(c, bundle, { labels, ruleTitle })} onUse={useChannel} />;
  }
}

