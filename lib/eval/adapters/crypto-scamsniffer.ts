/** ScamSniffer blocklist (crypto_scamsniffer/domains_from_archive.csv: domain, first_seen) → impersonation URLs (drainers). */
import { readCsvRecords } from '../csv';
import type { Adapter } from '../types';
import { filesOf, matchesDataset, row, rowId, skip, urlInput } from './util';

const FOLDER = 'crypto_scamsniffer';
const FILE = /^domains_from_archive\.csv$/;

export const cryptoScamsniffer: Adapter = {
  name: FOLDER,
  description: 'ScamSniffer crypto drainer / phishing domains (→ impersonation URLs)',
  matches: (path, isDir) => matchesDataset(path, isDir, FOLDER, FILE),
  async *rows(path, options) {
    const files = filesOf(path, FILE);
    for (const f of files) {
      for await (const { record, line } of readCsvRecords(f, { required: ['domain'] })) {
        const d = record.domain!.trim();
        const id = rowId(f, `#${line}`);
        if (!d) {
          skip(options, id, 'empty domain');
          continue;
        }
        yield row(id, urlInput(d), 'impersonation', (record.first_seen_archive_date ?? '').slice(0, 4) || undefined);
      }
    }
  },
};
