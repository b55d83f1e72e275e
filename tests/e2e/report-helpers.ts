/** Helpers for the report / trust / options / policy end-to-end tests (issue 5). */
import type { Page, Worker } from '@playwright/test';
import type { WxtBrowser } from 'wxt/browser';

declare const chrome: WxtBrowser;

/** Records of one store of the `redflag-reports` database, read in an extension page. */
export async function reportRecords<T = Record<string, unknown>>(extPage: Page, store: 'reports' | 'feedback'): Promise<T[]> {
  return extPage.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('redflag-reports');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) return resolve([]);
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => {
            resolve(req.result as T[]);
            db.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

/** Write the user's settings object (storage.local `settings`) from the service worker. */
export async function setSettings(sw: Worker, settings: Record<string, unknown>): Promise<void> {
  await sw.evaluate((s) => chrome.storage.local.set({ settings: s }), settings);
}

export async function getSettings(sw: Worker): Promise<Record<string, unknown> | undefined> {
  return sw.evaluate(async () => (await chrome.storage.local.get('settings')).settings as Record<string, unknown> | undefined);
}
