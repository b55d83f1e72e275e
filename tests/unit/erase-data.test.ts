import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { addRecord, listRecords, openReportsDb } from '../../lib/report/report-history';
import { eraseAllData } from '../../lib/settings/erase-data';
import { saveUserSettings } from '../../lib/settings/settings-store';
import { defaultSettings } from '../../lib/settings/settings-model';
import { addWarning, listWarnings, openWarningDb } from '../../lib/storage/warning-log';

describe('eraseAllData', () => {
  beforeEach(() => fakeBrowser.reset());

  it('clears settings, the warning log, reports and false-alarm notes, keeping the databases usable', async () => {
    await saveUserSettings({ ...defaultSettings(), country: 'KH' });
    const wdb = await openWarningDb(); // stays open, as in the background: must not block the erase
    await addWarning(wdb, { time: 1, url: 'https://a.example/', type: 'fake_job', level: 'high', rules: ['r'], excerpts: ['x'] });
    const rdb = await openReportsDb();
    await addRecord(rdb, 'feedback', { time: 1, url: 'https://a.example/', ruleIds: ['r'], excerpts: [], note: '' });
    rdb.close();

    await eraseAllData();

    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await listWarnings(wdb)).toEqual([]);
    const again = await openReportsDb();
    expect(await listRecords(again, 'feedback')).toEqual([]);
    await addRecord(again, 'reports', {
      time: 2, channelId: 'x', channelName: 'x', action: 'open_url', status: 'opened', url: 'u', scamType: null, ruleIds: [],
      bundle: { schema: 'redflag-report/1', url: 'u', title: '', time: '', reportedAt: '', scamType: null, level: 'none', ruleIds: [], excerpts: [], note: '', engineVersion: 'v', screenshotIncluded: false },
    });
    expect(await listRecords(again, 'reports')).toHaveLength(1);
    again.close();
    wdb.close();
  });
});
