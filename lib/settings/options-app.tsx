/**
 * The options page: country and language, warning sensitivity, per-type switches, per-site delivery, trusted
 * sites (revocable), guardian PIN, the local histories (warnings, reports, false-alarm notes) with JSON/CSV export
 * and delete, and "erase all data". Settings set by the organisation's managed policy are shown read-only.
 * Changes that lower protection go through the guardian PIN when one is set.
 */
import { useEffect, useState } from 'preact/hooks';
import { SCAM_TYPES, type ScamType } from '../engine/types';
import { countriesWithChannels } from '../channels/directory';
import { countryName, TYPE_KEY, type MessageKey } from '../i18n/i18n';
import { toCsv, toJson } from '../report/export-records';
import { clearRecords, deleteRecord, listRecords, openReportsDb, type FeedbackRecord, type ReportRecord } from '../report/report-history';
import { clearWarnings, listWarnings, openWarningDb, type WarningRecord } from '../storage/warning-log';
import { eraseAllData } from './erase-data';
import { createGuardian, validatePin } from './guardian-pin';
import type { Lockable } from './managed-policy';
import {
  DELIVERY_MODES,
  SENSITIVITIES,
  UI_LANGUAGES,
  normaliseHost,
  type DeliveryMode,
  type Sensitivity,
  type Settings,
  type UiLanguage,
} from './settings-model';
import { listTrusted, revokeTrust } from './trusted-sites';
import { usePageSettings, useGuardian, type PageSettings } from './use-settings';

const LANGUAGE_NAMES: Record<UiLanguage, string> = { en: 'English', zh_CN: '简体中文', km: 'ខ្មែរ', vi: 'Tiếng Việt', th: 'ไทย', id: 'Bahasa Indonesia' };
const SENSITIVITY_KEY: Record<Sensitivity, MessageKey> = { low: 'sensitivityLow', normal: 'sensitivityNormal', high: 'sensitivityHigh' };
const MODE_KEY: Record<DeliveryMode, MessageKey> = { banner: 'modeBanner', badge: 'modeBadge', off: 'modeOff' };

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function Locked({ s, field }: { s: PageSettings; field: Lockable }) {
  return s.locked.has(field) ? <span class="locked muted"> ({s.t('policyLocked')})</span> : null;
}

export function OptionsApp() {
  const s = usePageSettings();
  const guardian = useGuardian(s);
  const [notice, setNotice] = useState('');
  const [siteInput, setSiteInput] = useState('');
  const [siteMode, setSiteMode] = useState<DeliveryMode>('badge');
  const [siteError, setSiteError] = useState('');
  const [pin, setPin] = useState('');
  const [pinError, setPinError] = useState('');
  const [warnings, setWarnings] = useState<WarningRecord[]>([]);
  const [reports, setReports] = useState<ReportRecord[]>([]);
  const [feedback, setFeedback] = useState<FeedbackRecord[]>([]);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void (async () => {
      const rdb = await openReportsDb();
      setReports(await listRecords(rdb, 'reports'));
      setFeedback(await listRecords(rdb, 'feedback'));
      rdb.close();
      try {
        const wdb = await openWarningDb();
        setWarnings(await listWarnings(wdb, 500));
        wdb.close();
      } catch (e) {
        console.warn('[redflag] warning log unavailable', e);
      }
    })();
  }, [version]);

  if (!s) return <p role="status">…</p>;
  const { t, lang, user, settings } = s;
  const refresh = () => setVersion((v) => v + 1);
  const withReports = async (change: (db: Awaited<ReturnType<typeof openReportsDb>>) => Promise<void>) => {
    const db = await openReportsDb();
    await change(db);
    db.close();
    refresh();
  };
  const saved = () => setNotice(t('saved'));
  // With a guardian PIN set, every settings change asks for it (once per page visit).
  const save = (next: Settings) => guardian.guard(() => void s.save(next).then(saved));
  const now = Date.now();
  const countries = countriesWithChannels();
  const fmt = (ms: number) => new Date(ms).toLocaleString(lang.replace('_', '-'));

  return (
    <main class="options-page">
      <h1>{t('optionsTitle')}</h1>
      {s.errors.length > 0 && (
        <p class="error" role="alert">
          {t('settingsRepaired', { errors: s.errors.join('; ') })}
        </p>
      )}
      {guardian.prompt}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}

      <section aria-labelledby="h-country">
        <h2 id="h-country">{t('sectionCountry')}</h2>
        <label class="field">
          {t('countryLabel')}
          <Locked s={s} field="country" />
          <select
            name="country"
            disabled={s.locked.has('country')}
            value={settings.country ?? ''}
            onChange={(e) => {
              const v = e.currentTarget.value;
              save({ ...user, country: v === '' ? null : v });
            }}
          >
            <option value="">{t('countryAuto', { country: s.countryGuessed ? countryName(s.country, lang) : '—' })}</option>
            <option value="global">{t('countryInternational')}</option>
            {countries.map((c) => (
              <option key={c} value={c}>
                {countryName(c, lang)} ({c})
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          {t('languageLabel')}
          <Locked s={s} field="language" />
          <select
            name="language"
            disabled={s.locked.has('language')}
            value={settings.language ?? ''}
            onChange={(e) => save({ ...user, language: (e.currentTarget.value || null) as UiLanguage | null })}
          >
            <option value="">{t('languageAuto')}</option>
            {UI_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
      </section>

      <section aria-labelledby="h-warnings">
        <h2 id="h-warnings">{t('sectionWarnings')}</h2>
        <fieldset disabled={s.locked.has('sensitivity')}>
          <legend>
            {t('sensitivityLabel')}
            <Locked s={s} field="sensitivity" />
          </legend>
          {SENSITIVITIES.map((v) => (
            <label key={v} class="radio">
              <input type="radio" name="sensitivity" value={v} checked={settings.sensitivity === v} onChange={() => save({ ...user, sensitivity: v })} />{' '}
              {t(SENSITIVITY_KEY[v])}
            </label>
          ))}
        </fieldset>
        <fieldset disabled={s.locked.has('types')}>
          <legend>
            {t('typesLabel')}
            <Locked s={s} field="types" />
          </legend>
          {SCAM_TYPES.map((type: ScamType) => (
            <label key={type} class="checkbox">
              <input
                type="checkbox"
                name={`type-${type}`}
                checked={settings.types[type]}
                onChange={(e) => save({ ...user, types: { ...user.types, [type]: e.currentTarget.checked } })}
              />{' '}
              {t(TYPE_KEY[type])}
            </label>
          ))}
        </fieldset>
        <fieldset disabled={s.locked.has('siteModes')}>
          <legend>
            {t('siteModesLabel')}
            <Locked s={s} field="siteModes" />
          </legend>
          <table class="sites">
            <tbody>
              {Object.entries(settings.siteModes)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([host, mode]) => (
                  <tr key={host} data-site={host}>
                    <td>{host}</td>
                    <td>
                      <select value={mode} onChange={(e) => save({ ...user, siteModes: { ...user.siteModes, [host]: e.currentTarget.value as DeliveryMode } })}>
                        {DELIVERY_MODES.map((m) => (
                          <option key={m} value={m}>
                            {t(MODE_KEY[m])}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <button
                        type="button"
                        onClick={() => {
                          const { [host]: _gone, ...rest } = user.siteModes;
                          save({ ...user, siteModes: rest });
                        }}
                      >
                        {t('remove')}
                      </button>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
          <form
            class="add-site"
            onSubmit={(e) => {
              e.preventDefault();
              const host = normaliseHost(siteInput);
              if (!host) return setSiteError(t('invalidHost'));
              setSiteError('');
              setSiteInput('');
              save({ ...user, siteModes: { ...user.siteModes, [host]: siteMode } });
            }}
          >
            <input name="site-host" placeholder={t('siteHostPlaceholder')} value={siteInput} onInput={(e) => setSiteInput(e.currentTarget.value)} />
            <select name="site-mode" value={siteMode} onChange={(e) => setSiteMode(e.currentTarget.value as DeliveryMode)}>
              {DELIVERY_MODES.map((m) => (
                <option key={m} value={m}>
                  {t(MODE_KEY[m])}
                </option>
              ))}
            </select>
            <button type="submit">{t('add')}</button>
            {siteError && (
              <span class="error" role="alert">
                {siteError}
              </span>
            )}
          </form>
        </fieldset>
      </section>

      <section aria-labelledby="h-trusted">
        <h2 id="h-trusted">
          {t('sectionTrusted')}
          <Locked s={s} field="trust" />
        </h2>
        {listTrusted(settings, now).length === 0 ? (
          <p class="muted">{t('trustedNone')}</p>
        ) : (
          <ul class="trusted">
            {listTrusted(settings, now).map((row) => (
              <li key={row.host} data-trusted={row.host}>
                <strong>{row.host}</strong> — {row.until === null ? t('trustedForever') : t('trustedUntil', { time: fmt(row.until) })}{' '}
                <button type="button" onClick={() => save(revokeTrust(user, row.host))}>
                  {t('revoke')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="h-guardian">
        <h2 id="h-guardian">{t('sectionGuardian')}</h2>
        <p class="muted">{t('guardianHint')}</p>
        {user.guardian ? (
          <p>
            {t('guardianIsSet')}{' '}
            <button type="button" onClick={() => save({ ...user, guardian: null })}>
              {t('guardianRemove')}
            </button>
          </p>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const error = validatePin(pin);
              if (error) return setPinError(error);
              setPinError('');
              void createGuardian(pin).then((lock) => {
                setPin('');
                return s.save({ ...user, guardian: lock }).then(saved);
              });
            }}
          >
            <label>
              {t('guardianNewPin')}{' '}
              <input name="new-pin" type="password" inputMode="numeric" autoComplete="new-password" maxLength={12} value={pin} onInput={(e) => setPin(e.currentTarget.value)} />
            </label>{' '}
            <button type="submit">{t('guardianSet')}</button>
            {pinError && (
              <p class="error" role="alert">
                {pinError}
              </p>
            )}
          </form>
        )}
      </section>

      <section aria-labelledby="h-history">
        <h2 id="h-history">{t('sectionHistory')}</h2>
        <HistoryBlock
          s={s}
          id="warnings"
          title={t('warningsHistory')}
          rows={warnings}
          columns={['time', 'type', 'level', 'url', 'rules', 'excerpts']}
          line={(r) => `${fmt(r.time)} · ${t(TYPE_KEY[r.type])} · ${r.url}`}
          onClear={async () => {
            const db = await openWarningDb();
            await clearWarnings(db);
            db.close();
            refresh();
          }}
        />
        <HistoryBlock
          s={s}
          id="reports"
          title={t('reportsHistory')}
          rows={reports}
          columns={['time', 'channelId', 'channelName', 'action', 'status', 'url', 'scamType', 'ruleIds', 'error']}
          line={(r) => `${fmt(r.time)} · ${r.channelName} · ${t(r.status === 'sent' ? 'statusSent' : r.status === 'failed' ? 'statusFailed' : 'statusOpened')} · ${r.url}`}
          onDelete={(id) => withReports((db) => deleteRecord(db, 'reports', id))}
          onClear={() => withReports((db) => clearRecords(db, 'reports'))}
        />
        <HistoryBlock
          s={s}
          id="feedback"
          title={t('feedbackHistory')}
          rows={feedback}
          columns={['time', 'url', 'ruleIds', 'excerpts', 'note']}
          line={(r) => `${fmt(r.time)} · ${r.ruleIds.join(', ')} · ${r.url}`}
          onDelete={(id) => withReports((db) => deleteRecord(db, 'feedback', id))}
          onClear={() => withReports((db) => clearRecords(db, 'feedback'))}
        />
      </section>

      <section aria-labelledby="h-erase">
        <h2 id="h-erase">
          {t('sectionErase')}
          <Locked s={s} field="erase" />
        </h2>
        <p class="muted">{t('eraseHint')}</p>
        <button
          type="button"
          class="danger"
          disabled={s.locked.has('erase')}
          onClick={() =>
            guardian.guard(() => {
              if (!confirm(t('eraseConfirm'))) return;
              void eraseAllData().then(() => {
                setNotice(t('erased'));
                refresh();
              });
            })
          }
        >
          {t('eraseButton')}
        </button>
      </section>
    </main>
  );
}

function HistoryBlock<T extends { id?: number; time: number }>(props: {
  s: PageSettings;
  id: string;
  title: string;
  rows: T[];
  columns: (keyof T & string)[];
  line: (row: T) => string;
  onDelete?: (id: number) => Promise<void>;
  onClear: () => Promise<void>;
}) {
  const { s, id, title, rows, columns, line } = props;
  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <div class="history" data-history={id}>
      <h3>
        {title} <span class="muted">({rows.length})</span>
      </h3>
      {rows.length === 0 ? (
        <p class="muted">{s.t('empty')}</p>
      ) : (
        <ul>
          {rows.slice(0, 50).map((r) => (
            <li key={r.id}>
              {line(r)}{' '}
              {props.onDelete && r.id !== undefined && (
                <button type="button" class="link" onClick={() => void props.onDelete!(r.id!)}>
                  {s.t('delete')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div class="history-actions">
        <button type="button" disabled={rows.length === 0} onClick={() => download(`redflag-${id}-${stamp}.json`, 'application/json', toJson(rows, id))}>
          {s.t('exportJson')}
        </button>{' '}
        <button type="button" disabled={rows.length === 0} onClick={() => download(`redflag-${id}-${stamp}.csv`, 'text/csv', toCsv(rows, columns))}>
          {s.t('exportCsv')}
        </button>{' '}
        <button type="button" disabled={rows.length === 0} onClick={() => void props.onClear()}>
          {s.t('deleteAll')}
        </button>
      </div>
    </div>
  );
}
