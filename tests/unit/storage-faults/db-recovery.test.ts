/**
 * IndexedDB recovery (SECURITY.md, P7): an open connection never blocks a later schema upgrade (it closes itself when
 * a newer version asks), and a database left without its stores (e.g. created empty by an early "erase") is repaired
 * on open instead of failing every write with "object store not found".
 */
import 'fake-indexeddb/auto';
import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { addRecord, openReportsDb, REPORTS_DB } from '@/lib/report/report-history';
import { addWarning, DB_NAME, listWarnings, openWarningDb, type WarningRecord } from '@/lib/storage/warning-log';

const warning = (i: number): WarningRecord => ({ time: i, url: `https://scam-${i}.example/`, type: 'fake_job', level: 'high', rules: ['r'], excerpts: ['x'] });

const opened: IDBPDatabase<any>[] = [];
const track = <T extends IDBPDatabase<any>>(db: T): T => (opened.push(db), db);

afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  await deleteDB(DB_NAME);
  await deleteDB(REPORTS_DB);
});

describe('blocked upgrades', () => {
  for (const [name, open] of [
    [DB_NAME, openWarningDb],
    [REPORTS_DB, openReportsDb],
  ] as const) {
    it(`an open ${name} connection yields to a newer version instead of blocking it`, async () => {
      const db = track(await open());
      const current = db.version;
      await seedRecordIn(name, db);
      // A newer Redflag (e.g. the updated service worker while an old options tab is still open) upgrades.
      const pending = openDB(name, current + 1).then((d) => track(d));
      const newer = await Promise.race([pending, new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), 2_000))]);
      if (newer === 'blocked') {
        db.close(); // let the waiting upgrade finish so the test cleans up
        await pending;
      }
      expect(newer, 'the upgrade waited on the old connection').not.toBe('blocked');
      expect((newer as IDBPDatabase).version).toBe(current + 1);
      // Nothing was lost by the hand-over.
      const stores = [...(newer as IDBPDatabase).objectStoreNames];
      let count = 0;
      for (const s of stores) count += await (newer as IDBPDatabase).count(s);
      expect(count).toBe(1);
    });
  }
});

async function seedRecordIn(name: string, db: IDBPDatabase<any>): Promise<void> {
  if (name === DB_NAME) await addWarning(db, warning(1));
  else await addRecord(db, 'feedback', { time: 1, url: 'https://a.example/', ruleIds: [], excerpts: [], note: 'n' });
}

describe('a database without its stores', () => {
  it('is repaired on open: the warning history works again and nothing else is touched', async () => {
    // What `indexedDB.open('redflag')` without a version creates: an empty database at version 1.
    const empty = await openDB(DB_NAME);
    expect(empty.objectStoreNames.length).toBe(0);
    empty.close();
    const db = track(await openWarningDb());
    await addWarning(db, warning(1));
    expect(await listWarnings(db)).toHaveLength(1);
  });
});
