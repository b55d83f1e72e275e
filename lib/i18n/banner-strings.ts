/**
 * The in-page words (banner, chat marker) in the language chosen in options. The content script cannot follow that
 * choice with `browser.i18n` (it only knows the browser's language) and must not bundle every language, so the
 * background sends these few messages with the rule pack (get-rule-pack), and the content script uses them.
 * Background side; lib/ui/ui-strings.ts is the content side.
 */
import { browser } from 'wxt/browser';
import type { UiLanguage } from '../settings/settings-model';
import { loadEffectiveSettings } from '../settings/settings-store';
import { bcp47, resolveLanguage, translator, type MessageKey } from './i18n';

/** Every message the banner and the chat marker show. */
export const IN_PAGE_KEYS = [
  'bannerLabel',
  'levelNone',
  'levelLow',
  'levelMedium',
  'levelHigh',
  'headlineFakeJob',
  'headlinePigButchering',
  'headlineCryptoInvestment',
  'headlineImpersonation',
  'findingAdvice',
  'bannerDetails',
  'bannerDismiss',
  'bannerDismissLabel',
  'trustTitle',
  'trustHour',
  'trustDay',
  'trustAlways',
  'bannerCancel',
  'bannerHighlightsHide',
  'bannerHighlightsShow',
  'bannerBadgeNote',
  'markerLabel',
  'typeFakeJob',
  'typePigButchering',
  'typeCryptoInvestment',
  'typeImpersonation',
] as const satisfies readonly MessageKey[];

/** In-page messages of one language, with its BCP-47 tag (the banner's `lang`, for screen-reader voices). */
export interface InPageStrings {
  lang: string;
  messages: Record<string, string>;
}

export function inPageStrings(lang: UiLanguage): InPageStrings {
  const t = translator(lang);
  return { lang: bcp47(lang), messages: Object.fromEntries(IN_PAGE_KEYS.map((k) => [k, t(k)])) };
}

function browserLanguage(): string | undefined {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return (globalThis as { navigator?: { language?: string } }).navigator?.language;
  }
}

/** The in-page messages in the language the user chose in options (managed policy applied), else the browser's. */
export async function chosenInPageStrings(): Promise<InPageStrings> {
  const { settings } = await loadEffectiveSettings();
  return inPageStrings(settings.language ?? resolveLanguage(null, browserLanguage()));
}
