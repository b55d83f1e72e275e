/**
 * Content side of the in-page words: the messages the background sent for the language chosen in options
 * (lib/i18n/banner-strings.ts), else the browser's language (`browser.i18n`), else the English default.
 * Placeholders are the browser's `$1`, `$2`.
 */
import { browser } from 'wxt/browser';
import type { InPageStrings } from '@/lib/i18n/banner-strings';

/**
 * The chosen messages live on the global of the content scripts' world, not in this module: the banner UI is a second
 * file injected only when a page warns (lib/ui/banner-loader.ts), with its own copy of this module, and it must speak
 * the same language as the content script. (An extension's isolated world: the page cannot see it.)
 */
const CHOSEN_KEY = '__redflagInPageStrings';
const world = globalThis as Record<string, unknown>;
const chosenStrings = (): InPageStrings | null => (isStrings(world[CHOSEN_KEY]) ? (world[CHOSEN_KEY] as InPageStrings) : null);

const isStrings = (x: unknown): x is InPageStrings =>
  typeof x === 'object' && x !== null && typeof (x as InPageStrings).lang === 'string' && typeof (x as InPageStrings).messages === 'object' && (x as InPageStrings).messages !== null;

/** Use these messages from now on (malformed or missing: back to the browser's language). */
export function useInPageStrings(strings: unknown): void {
  world[CHOSEN_KEY] = isStrings(strings) ? strings : null;
}

function browserMessage(key: string, subs?: string[]): string {
  try {
    return (browser.i18n.getMessage as (k: string, s?: string[]) => string)(key, subs) || '';
  } catch {
    return '';
  }
}

/** A message in the chosen language, `$1`... replaced by `subs`; `fallback` (English) when no language has it. */
export function uiMessage(key: string, fallback: string, subs: string[] = []): string {
  const own = chosenStrings()?.messages[key];
  if (typeof own === 'string' && own) return own.replace(/\$(\d)/g, (m, n: string) => subs[Number(n) - 1] ?? m);
  return browserMessage(key, subs) || fallback;
}

/** BCP-47 language of the in-page words. */
export function uiLanguage(): string {
  const chosen = chosenStrings();
  if (chosen) return chosen.lang;
  return browserMessage('@@ui_locale').replace('_', '-') || 'en';
}
