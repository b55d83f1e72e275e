/**
 * IndexedDB under faults (SECURITY.md, P7), for both of Redflag's databases: the warning history (`redflag`,
 * lib/storage/warning-log.ts) and the report history (`redflag-reports`, lib/report/report-history.ts).
 * - Upgrades keep every record: a database written by version 1 of Redflag (schema frozen below, as it shipped) is
 *   opened by the current code; every record survives, indexes work.
 * - A full disk (QuotaExceededError) fails the write with a clear, named error and loses nothing already stored.
 * (Blocked upgrades and databases without their stores: db-recovery.test.ts.)
 */
import 'fake-indexeddb/auto';
import { deleteDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addRecord, listRecords, openReportsDb, REPORTS_DB } from '@/lib/report/report-history';
import { addWarning, DB_NAME, DB_VERSION, listWarnings, openWarningDb, type WarningRecord } from '@/lib/storage/warning-log';

/** Version 1 schemas exactly as they shipped. Never edit: they are what users' browsers hold. */
const V1 = {
  [DB_NAME]: (db: IDBDatabase) => {
    db.createObjectStore('warnings', { keyPath: 'id', autoIncrement: true }).createIndex('time', 'time');
  },
  [REPORTS_DB]: (db: IDBDatabase) => {
    db.createObjectStore('reports', { keyPath: 'id', autoIncrement: true }).createIndex('time', 'time');
    db.createObjectStore('feedback', { keyPath: 'id', autoIncrement: true }).createIndex('time', 'time');
  },
};

const warning = (i: number): WarningRecord => ({
  time: 1_700_000_000_000 + i * 1000,
  url: `https://scam-${i}.example/job?id=${i}`,
  type: i % 2 ? 'fake_job' : 'impersonation',
  level: 'high',
  rules: [`rule-${i}`],
  excerpts: [`excerpt ${i} ‮ bidi`, 'Sihanoukville'],
});

/** Writes `records` with raw IndexedDB at version 1, as Redflag v1 did. */
async function seedV1(name: keyof typeof V1, stores: Record<string, unknown[]>): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => V1[name](open.result);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const tx = db.transaction(Object.keys(stores), 'readwrite');
  for (const [store, records] of Object.entries(stores)) for (const r of records) tx.objectStore(store).add(r);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

const opened: IDBPDatabase<any>[] = [];
const track = <T extends IDBPDatabase<any>>(db: T): T => (opened.push(db), db);

afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of opened.splice(0)) db.close();
  await deleteDB(DB_NAME);
  await deleteDB(REPORTS_DB);
});

describe('schema upgrades keep every record', () => {
  it(`warning history: 500 records written at v1 are all there at v${DB_VERSION}`, async () => {
    const records = Array.from({ length: 500 }, (_, i) => warning(i));
    await seedV1(DB_NAME, { warnings: records });
    const db = track(await openWarningDb());
    expect(db.version).toBe(DB_VERSION);
    const all = await listWarnings(db, 10_000);
    expect(all).toHaveLength(500);
    // Newest first through the time index, every field intact.
    expect(all[0]).toMatchObject(records[499]!);
    expect(all.map((r) => r.url).sort()).toEqual(records.map((r) => r.url).sort());
    // And the upgraded store still takes new records after the old ones.
    const id = await addWarning(db, warning(500));
    expect(id).toBeGreaterThan(500);
  });

  it('report history: reports and false-positive notes written at v1 survive the current open', async () => {
    const reports = Array.from({ length: 50 }, (_, i) => ({ time: i, channelId: 'KH-police-117', channelName: '117', action: 'tel', status: 'opened', url: `https://x${i}.example/`, scamType: 'fake_job', ruleIds: ['r'], bundle: { screenshotIncluded: false } }));
    const feedback = Array.from({ length: 20 }, (_, i) => ({ time: i, url: `https://ok${i}.example/`, ruleIds: ['r'], excerpts: ['x'], note: `note ${i}` }));
    await seedV1(REPORTS_DB, { reports, feedback });
    const db = track(await openReportsDb());
    expect(await listRecords(db, 'reports')).toHaveLength(50);
    expect((await listRecords(db, 'feedback')).map((f) => f.note).sort()).toEqual(feedback.map((f) => f.note).sort());
  });
});

describe('a full disk (QuotaExceededError)', () => {
  it('fails the write with a clear, named error and loses nothing already stored', async () => {
    const db = track(await openWarningDb());
    for (let i = 0; i < 10; i++) await addWarning(db, warning(i));
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(addWarning(db, warning(10))).rejects.toMatchObject({ name: 'QuotaExceededError' });
    vi.restoreAllMocks();
    const all = await listWarnings(db, 100);
    expect(all).toHaveLength(10);
    expect(all.map((r) => r.url)).not.toContain(warning(10).url);
    // Once space is back, writing works again on the same connection.
    await addWarning(db, warning(11));
    expect(await listWarnings(db, 100)).toHaveLength(11);
  });

  it('a report write that hits the quota fails cleanly too', async () => {
    const db = track(await openReportsDb());
    await addRecord(db, 'feedback', { time: 1, url: 'https://a.example/', ruleIds: [], excerpts: [], note: 'kept' });
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(addRecord(db, 'feedback', { time: 2, url: 'https://b.example/', ruleIds: [], excerpts: [], note: 'lost' })).rejects.toMatchObject({ name: 'QuotaExceededError' });
    vi.restoreAllMocks();
    expect((await listRecords(db, 'feedback')).map((f) => f.note)).toEqual(['kept']);
  });
});
