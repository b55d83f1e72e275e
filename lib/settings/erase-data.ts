/**
 * "Erase all data": settings, trusted sites, guardian PIN, tab verdicts, the warning log, report history and
 * false-positive notes. Object stores are cleared rather than databases deleted, so a background connection that
 * is open cannot block the erase and the database schema stays intact.
 */
import { browser } from 'wxt/browser';
import { openDB } from 'idb';

export const DATABASES = ['redflag', 'redflag-reports'] as const;

async function clearDatabase(name: string): Promise<void> {
  // Opening a database that does not exist would create it empty at version 1 and break its later upgrade.
  const known = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : null;
  if (known && !known.some((d) => d.name === name)) return;
  const db = await openDB(name);
  try {
    const stores = [...db.objectStoreNames];
    if (stores.length) {
      const tx = db.transaction(stores, 'readwrite');
      await Promise.all([...stores.map((s) => tx.objectStore(s).clear()), tx.done]);
    }
  } finally {
    db.close();
  }
}

export async function eraseAllData(): Promise<void> {
  await Promise.all([browser.storage.local.clear(), browser.storage.session?.clear?.()]);
  for (const name of DATABASES) await clearDatabase(name);
}
