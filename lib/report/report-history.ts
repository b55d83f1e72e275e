/**
 * Report history and false-positive notes, in IndexedDB (database `redflag-reports`, stores `reports` and
 * `feedback`). Local only; exported as JSON or CSV and deleted by the user from options.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ScamType } from '../engine/types';
import type { ActionKind } from './channel-actions';
import type { EvidenceBundle } from './evidence-bundle';

export type ReportStatus = 'opened' | 'sent' | 'failed';

export interface ReportRecord {
  id?: number;
  /** Milliseconds since the epoch. */
  time: number;
  /** Channel id from seeds/channels.json, or "organisation". */
  channelId: string;
  channelName: string;
  action: ActionKind | 'post';
  /** opened: the channel's link/form was opened; sent: the organisation endpoint accepted it; failed: it did not. */
  status: ReportStatus;
  url: string;
  scamType: ScamType | null;
  ruleIds: string[];
  /** The redacted bundle as it left (without the screenshot, to keep the history small). */
  bundle: Omit<EvidenceBundle, 'screenshot'> & { screenshotIncluded: boolean };
  error?: string;
}

/** "Not a scam?": a local false-positive note for the rule maintainers. */
export interface FeedbackRecord {
  id?: number;
  time: number;
  url: string;
  ruleIds: string[];
  excerpts: string[];
  note: string;
}

interface ReportsDb extends DBSchema {
  reports: { key: number; value: ReportRecord; indexes: { time: number } };
  feedback: { key: number; value: FeedbackRecord; indexes: { time: number } };
}

export const REPORTS_DB = 'redflag-reports';

export function openReportsDb(): Promise<IDBPDatabase<ReportsDb>> {
  return openDB<ReportsDb>(REPORTS_DB, 1, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('reports', { keyPath: 'id', autoIncrement: true }).createIndex('time', 'time');
        db.createObjectStore('feedback', { keyPath: 'id', autoIncrement: true }).createIndex('time', 'time');
      }
    },
    // A newer Redflag (after an update) must be able to upgrade while this page is open: step aside.
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
    },
  });
}

export function historyBundle(bundle: EvidenceBundle): ReportRecord['bundle'] {
  const { screenshot, ...rest } = bundle;
  return { ...rest, screenshotIncluded: Boolean(screenshot) };
}

type Store = 'reports' | 'feedback';

export async function addRecord<S extends Store>(db: IDBPDatabase<ReportsDb>, store: S, record: ReportsDb[S]['value']): Promise<number> {
  const { id: _drop, ...value } = record;
  return db.add(store, value as ReportsDb[S]['value']);
}

export async function updateReportStatus(db: IDBPDatabase<ReportsDb>, id: number, status: ReportStatus, error?: string): Promise<void> {
  const rec = await db.get('reports', id);
  if (!rec) return;
  await db.put('reports', error ? { ...rec, status, error } : { ...rec, status });
}

/** Newest first. */
export async function listRecords<S extends Store>(db: IDBPDatabase<ReportsDb>, store: S): Promise<ReportsDb[S]['value'][]> {
  return (await db.getAllFromIndex(store, 'time')).reverse();
}

export async function deleteRecord(db: IDBPDatabase<ReportsDb>, store: Store, id: number): Promise<void> {
  await db.delete(store, id);
}

export async function clearRecords(db: IDBPDatabase<ReportsDb>, store: Store): Promise<void> {
  await db.clear(store);
}
