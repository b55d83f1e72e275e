/**
 * Settings in the browser: `storage.local` key `settings`, plus the organisation's managed policy
 * (`storage.managed`, read-only). Loading never throws and never loses valid fields (see parseSettings); a
 * corrupted stored object is copied once to `settings-corrupt-backup` before anything overwrites it.
 * Uses `browser.storage` directly (no storage wrapper), so the content script can use it at little cost.
 */
import { browser } from 'wxt/browser';
import { applyPolicy, parseManagedPolicy, type EffectiveSettings, type ManagedPolicy } from './managed-policy';
import { parseSettings, type Settings } from './settings-model';

export const SETTINGS_KEY = 'settings';
export const BACKUP_KEY = 'settings-corrupt-backup';

export interface LoadedSettings {
  settings: Settings;
  errors: string[];
}

export async function loadUserSettings(): Promise<LoadedSettings> {
  const raw = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  const { settings, errors } = parseSettings(raw);
  if (errors.length) {
    console.warn('[redflag] settings repaired:', errors);
    const backup = await browser.storage.local.get(BACKUP_KEY);
    if (backup[BACKUP_KEY] === undefined) await browser.storage.local.set({ [BACKUP_KEY]: { time: Date.now(), raw, errors } });
  }
  return { settings, errors };
}

export async function saveUserSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}

/** The managed policy; empty where the browser has none or does not support managed storage (e.g. Firefox without policy). */
export async function loadManagedPolicy(): Promise<{ policy: ManagedPolicy; errors: string[] }> {
  try {
    const managed = browser.storage?.managed;
    if (!managed) return { policy: {}, errors: [] };
    return parseManagedPolicy(await managed.get(null));
  } catch {
    return { policy: {}, errors: [] };
  }
}

export interface LoadedEffective extends EffectiveSettings {
  user: Settings;
  errors: string[];
}

export async function loadEffectiveSettings(): Promise<LoadedEffective> {
  const [{ settings, errors }, managed] = await Promise.all([loadUserSettings(), loadManagedPolicy()]);
  return { ...applyPolicy(settings, managed.policy), user: settings, errors: [...errors, ...managed.errors.map((e) => `policy ${e}`)] };
}

/** Call back when the user's settings or the managed policy change; returns the unsubscribe function. */
export function watchSettings(callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if ((area === 'local' && SETTINGS_KEY in changes) || area === 'managed') callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
