/**
 * Settings in the browser: `storage.local` key `settings`, plus the organisation's managed policy
 * (`storage.managed`, read-only). Loading never throws and never loses valid fields (see parseSettings); a
 * corrupted stored object is copied once to `settings-corrupt-backup` before anything overwrites it.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { applyPolicy, parseManagedPolicy, type EffectiveSettings, type ManagedPolicy } from './managed-policy';
import { parseSettings, type Settings } from './settings-model';

export const SETTINGS_KEY = 'local:settings' as const;
export const BACKUP_KEY = 'local:settings-corrupt-backup' as const;

export interface LoadedSettings {
  settings: Settings;
  errors: string[];
}

export async function loadUserSettings(): Promise<LoadedSettings> {
  const raw = await storage.getItem<unknown>(SETTINGS_KEY);
  const { settings, errors } = parseSettings(raw);
  if (errors.length) {
    console.warn('[redflag] settings repaired:', errors);
    if ((await storage.getItem(BACKUP_KEY)) === null) await storage.setItem(BACKUP_KEY, { time: Date.now(), raw, errors });
  }
  return { settings, errors };
}

export async function saveUserSettings(settings: Settings): Promise<void> {
  await storage.setItem<Settings>(SETTINGS_KEY, settings);
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

export function watchSettings(callback: () => void): () => void {
  return storage.watch(SETTINGS_KEY, () => callback());
}
