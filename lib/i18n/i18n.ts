/**
 * UI strings. The messages live in public/_locales/<lang>/messages.json (the browser's own i18n format, so the
 * manifest and `browser.i18n.getMessage` use them too). The browser API can only follow the browser's language;
 * Redflag lets the user pick another one in options, so extension pages import the same files and translate here.
 * Placeholders are written `{name}`. Missing keys fall back to English, then to the key itself.
 *
 * Import this from extension pages (popup, options, report), not from the content script (it bundles all languages).
 */
import en from '../../public/_locales/en/messages.json';
import id from '../../public/_locales/id/messages.json';
import km from '../../public/_locales/km/messages.json';
import th from '../../public/_locales/th/messages.json';
import vi from '../../public/_locales/vi/messages.json';
import zh_CN from '../../public/_locales/zh_CN/messages.json';
import type { RuleInfo, ScamType, Level } from '../engine/types';
import type { ReportLabels } from '../report/report-text';
import { UI_LANGUAGES, type UiLanguage } from '../settings/settings-model';

export type MessageKey = keyof typeof en;
type Messages = Partial<Record<string, { message: string }>>;

const CATALOG: Record<UiLanguage, Messages> = { en, zh_CN, km, vi, th, id };

/** Map a browser language tag ("zh-CN", "km-KH", "in", "en-GB") to a supported UI language. */
export function uiLanguageFor(tag: string | null | undefined): UiLanguage {
  const t = (tag ?? '').replace(/_/g, '-').toLowerCase();
  const base = t.split('-')[0] ?? '';
  if (base === 'zh') return 'zh_CN'; // only Simplified Chinese is translated; it beats English for zh-TW readers
  if (base === 'in') return 'id'; // legacy code for Indonesian
  return (UI_LANGUAGES as readonly string[]).includes(base) ? (base as UiLanguage) : 'en';
}

/** The language the UI shows: the user's choice, else the browser's. */
export function resolveLanguage(choice: UiLanguage | null | undefined, browserTag: string | null | undefined): UiLanguage {
  return choice ?? uiLanguageFor(browserTag);
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(lang: UiLanguage): Translate {
  const table = CATALOG[lang];
  return (key, params) => {
    let text = table[key]?.message ?? (en as Messages)[key]?.message ?? key;
    if (params) for (const [name, value] of Object.entries(params)) text = text.split(`{${name}}`).join(String(value));
    return text;
  };
}

export const TYPE_KEY: Record<ScamType, MessageKey> = {
  fake_job: 'typeFakeJob',
  pig_butchering: 'typePigButchering',
  crypto_investment: 'typeCryptoInvestment',
  impersonation: 'typeImpersonation',
};

export const LEVEL_KEY: Record<Level, MessageKey> = { none: 'levelNone', low: 'levelLow', medium: 'levelMedium', high: 'levelHigh' };

/** BCP-47 tag for Intl APIs (country names, dates). */
export function bcp47(lang: UiLanguage): string {
  return lang.replace('_', '-');
}

/** Country name in the UI language ("KH" -> "Cambodia" / "柬埔寨" / "កម្ពុជា"), falling back to the code. */
export function countryName(code: string, lang: UiLanguage): string {
  try {
    return new Intl.DisplayNames([bcp47(lang), 'en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * A rule's user-facing texts in the UI language when the rule carries them (RuleInfo.i18n, keyed by ISO 639-1
 * like the rule's `languages`: "zh", "km", ...), field by field; else English.
 */
export function ruleTexts(rule: Pick<RuleInfo, 'title' | 'why' | 'advice' | 'i18n'>, lang: UiLanguage): { title: string; why: string; advice: string; lang: string } {
  const candidates = lang === 'zh_CN' ? ['zh_CN', 'zh-CN', 'zh-Hans', 'zh'] : [lang];
  const tr = candidates.map((c) => rule.i18n?.[c]).find((x) => x !== undefined);
  return {
    title: tr?.title || rule.title,
    why: tr?.why || rule.why,
    advice: tr?.advice || rule.advice,
    lang: tr && (tr.title || tr.why || tr.advice) ? lang : 'en',
  };
}

/** Labels of the report text in the UI language. */
export function reportLabels(t: Translate): ReportLabels {
  return {
    subject: t('reportSubject'),
    intro: t('reportTextIntro'),
    page: t('labelPage'),
    seen: t('labelSeen'),
    scamType: t('labelType'),
    patterns: t('labelPatterns'),
    excerpts: t('labelExcerpts'),
    note: t('labelNote'),
    screenshot: t('reportScreenshotAttached'),
    engine: t('labelEngine'),
    typeNames: {
      fake_job: t('typeFakeJob'),
      pig_butchering: t('typePigButchering'),
      crypto_investment: t('typeCryptoInvestment'),
      impersonation: t('typeImpersonation'),
    },
    unknownType: 'scam',
  };
}
