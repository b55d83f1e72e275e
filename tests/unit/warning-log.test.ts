import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import type { Verdict } from '@/lib/engine/types';
import { DB_NAME, addWarning, clearWarnings, listWarnings, openWarningDb, warningRecord } from '@/lib/storage/warning-log';

const warnVerdict: Verdict = {
  warn: true,
  level: 'high',
  type: 'fake_job',
  score: 6,
  findings: [
    { rule: 'a', type: 'fake_job', level: 'high', message: 'A', weight: 4, evidence: [{ text: 'Sihanoukville', start: 0, end: 13, field: 'text' }, { text: 'Telegram', start: 20, end: 28, field: 'text' }] },
    { rule: 'b', type: 'fake_job', level: 'medium', message: 'B', weight: 2, evidence: [{ text: 'Telegram', start: 20, end: 28, field: 'text' }] },
  ],
};

afterEach(async () => {
  await deleteDB(DB_NAME);
});

describe('warningRecord', () => {
  it('summarises a warning: type, level, rule ids, distinct excerpts', () => {
    expect(warningRecord('https://x.example/', warnVerdict, 1000)).toEqual({
      time: 1000,
      url: 'https://x.example/',
      type: 'fake_job',
      level: 'high',
      rules: ['a', 'b'],
      excerpts: ['Sihanoukville', 'Telegram'],
    });
  });
  it('is null for a verdict that does not warn', () => {
    expect(warningRecord('u', { warn: false, level: 'low', type: 'fake_job', score: 1, findings: [] }, 1)).toBeNull();
  });
});

describe('warning history in IndexedDB', () => {
  it('creates the store on first open, adds records and lists them newest first', async () => {
    const db = await openWarningDb();
    expect([...db.objectStoreNames]).toEqual(['warnings']);
    const first = warningRecord('https://one.example/', warnVerdict, 1000)!;
    const second = warningRecord('https://two.example/', warnVerdict, 2000)!;
    const id1 = await addWarning(db, first);
    const id2 = await addWarning(db, second);
    expect(id2).toBeGreaterThan(id1);
    const list = await listWarnings(db);
    expect(list.map((r) => r.url)).toEqual(['https://two.example/', 'https://one.example/']);
    expect(list[0]).toMatchObject({ id: id2, type: 'fake_job', rules: ['a', 'b'] });
    expect(await listWarnings(db, 1)).toHaveLength(1);
    await clearWarnings(db);
    expect(await listWarnings(db)).toEqual([]);
    db.close();
  });

  it('keeps records across reopening the database', async () => {
    const db = await openWarningDb();
    await addWarning(db, warningRecord('https://kept.example/', warnVerdict, 5)!);
    db.close();
    const again = await openWarningDb();
    expect((await listWarnings(again)).map((r) => r.url)).toEqual(['https://kept.example/']);
    again.close();
  });
});
