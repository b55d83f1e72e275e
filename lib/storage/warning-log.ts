/**
 * Local history of the warnings Redflag has shown, in IndexedDB (database `redflag`, store `warnings`).
 * Nothing here leaves the browser. The report and options features (issue 5) read and export it.
 */
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Level, ScamType, Verdict } from '@/lib/engine/types';

export interface WarningRecord {
  /** Auto-increment key, set by the store. */
  id?: number;
  /** Milliseconds since the epoch. */
  time: number;
  url: string;
  type: ScamType;
  level: Level;
  /** Ids of the rules that fired, in finding order. */
  rules: string[];
  /** Evidence excerpts (original page text), in finding order. */
  excerpts: string[];
}

interface RedflagDb extends DBSchema {
  warnings: { key: number; value: WarningRecord; indexes: { time: number } };
}

export const DB_NAME = 'redflag';
export const DB_VERSION = 1;
const MAX_EXCERPTS = 20;

/** Versioned upgrade: each step migrates from the version before it, so old databases catch up in order. */
export async function openWarningDb(): Promise<IDBPDatabase<RedflagDb>> {
  const open = () =>
    openDB<RedflagDb>(DB_NAME, DB_VERSION, {
      upgrade(db, oldVersion) {
        if (oldVersion < 1) {
          const warnings = db.createObjectStore('warnings', { keyPath: 'id', autoIncrement: true });
          warnings.createIndex('time', 'time');
        }
      },
      // A newer Redflag (after an update) must be able to upgrade while this connection is open: step aside.
      blocking(_current, _blocked, event) {
        (event.target as IDBDatabase).close();
      },
    });
  const db = await open();
  if (db.objectStoreNames.contains('warnings')) return db;
  // A database without any store (created empty, e.g. by opening it without a version) holds nothing to lose:
  // recreate it rather than fail every write with "object store not found".
  const empty = db.objectStoreNames.length === 0;
  db.close();
  if (!empty) throw new Error(`IndexedDB "${DB_NAME}" is missing its "warnings" store; its other data is left as it is`);
  await deleteDB(DB_NAME);
  return open();
}

/** The record for a warning verdict (null when the verdict is not a warning). */
export function warningRecord(url: string, verdict: Verdict, time: number): WarningRecord | null {
  if (!verdict.warn || verdict.type === null) return null;
  const excerpts: string[] = [];
  for (const finding of verdict.findings) {
    for (const evidence of finding.evidence) {
      if (excerpts.length < MAX_EXCERPTS && !excerpts.includes(evidence.text)) excerpts.push(evidence.text);
    }
  }
  return { time, url, type: verdict.type, level: verdict.level, rules: verdict.findings.map((f) => f.rule), excerpts };
}

export async function addWarning(db: IDBPDatabase<RedflagDb>, record: WarningRecord): Promise<number> {
  const { id: _ignored, ...value } = record;
  return db.add('warnings', value as WarningRecord);
}

/** Newest first. */
export async function listWarnings(db: IDBPDatabase<RedflagDb>, limit = 100): Promise<WarningRecord[]> {
  const out: WarningRecord[] = [];
  let cursor = await db.transaction('warnings').store.index('time').openCursor(null, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

export async function clearWarnings(db: IDBPDatabase<RedflagDb>): Promise<void> {
  await db.clear('warnings');
}
