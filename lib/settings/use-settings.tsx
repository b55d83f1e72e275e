/**
 * Preact glue for extension pages (popup, options, report): the effective settings (user + managed policy),
 * the UI language and translator, the user's country (chosen, else guessed), and a guardian-PIN gate.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { guessCountry } from '../channels/guess-country';
import { resolveLanguage, translator, type Translate } from '../i18n/i18n';
import { verifyPin } from './guardian-pin';
import type { Settings, UiLanguage } from './settings-model';
import { loadEffectiveSettings, saveUserSettings, watchSettings, type LoadedEffective } from './settings-store';

export interface PageSettings extends LoadedEffective {
  lang: UiLanguage;
  t: Translate;
  /** ISO alpha-2 or "global". */
  country: string;
  /** True when the country is the guess, not the user's or the organisation's choice. */
  countryGuessed: boolean;
  /** Save a new version of the user's own settings (the policy is applied on top again). */
  save(next: Settings): Promise<void>;
}

export function browserLanguage(): string {
  try {
    return browser.i18n?.getUILanguage?.() ?? navigator.language;
  } catch {
    return navigator.language;
  }
}

export function timeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

export function usePageSettings(): PageSettings | null {
  const [loaded, setLoaded] = useState<LoadedEffective | null>(null);
  const reload = useCallback(() => {
    loadEffectiveSettings().then(setLoaded, (e: unknown) => console.error('[redflag] settings', e));
  }, []);
  useEffect(() => {
    reload();
    return watchSettings(reload);
  }, [reload]);
  if (!loaded) return null;
  const lang = resolveLanguage(loaded.settings.language, browserLanguage());
  const guess = guessCountry(browserLanguage(), timeZone());
  const country = loaded.settings.country ?? guess ?? 'global';
  setDocumentLanguage(lang);
  return {
    ...loaded,
    lang,
    t: translator(lang),
    country,
    countryGuessed: loaded.settings.country === null,
    save: async (next) => {
      await saveUserSettings(next);
      reload();
    },
  };
}

function setDocumentLanguage(lang: UiLanguage) {
  if (typeof document !== 'undefined') document.documentElement.lang = lang.replace('_', '-');
}

/**
 * Guardian gate: `guard(action)` runs the action at once when no PIN is set or the page was already unlocked;
 * otherwise it shows a PIN prompt (`prompt`, to render) and runs the action after a correct PIN.
 */
export function useGuardian(settings: PageSettings | null) {
  const [pending, setPending] = useState<(() => void) | null>(null);
  const [unlocked, setUnlocked] = useState(false);
  const [error, setError] = useState('');
  const lock = settings?.user.guardian ?? null;
  const guard = (action: () => void) => {
    if (!lock || unlocked) action();
    else {
      setError('');
      setPending(() => action);
    }
  };
  const submit = async (pin: string) => {
    if (!lock || !pending) return;
    if (await verifyPin(pin, lock)) {
      setUnlocked(true);
      const run = pending;
      setPending(null);
      run();
    } else setError(settings!.t('guardianWrongPin'));
  };
  const prompt =
    pending && settings ? (
      <form
        class="pin-prompt"
        onSubmit={(e) => {
          e.preventDefault();
          const input = (e.currentTarget as HTMLFormElement).elements.namedItem('pin') as HTMLInputElement;
          void submit(input.value);
        }}
      >
        <p>{settings.t('guardianLocked')}</p>
        <label>
          {settings.t('guardianEnterPin')}{' '}
          <input name="pin" type="password" inputMode="numeric" autoComplete="off" maxLength={12} autoFocus />
        </label>{' '}
        <button type="submit">{settings.t('unlock')}</button>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </form>
    ) : null;
  return { guard, prompt, locked: Boolean(lock) && !unlocked };
}
