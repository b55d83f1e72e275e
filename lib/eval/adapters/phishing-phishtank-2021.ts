/**
 * PhishTank verified_online.csv (phishing_phishtank_2021): every row is a phishing URL → impersonation,
 * grouped by `target` brand. `brandOnly` keeps only rows whose target is a named brand (not "Other").
 */
import { readCsvRecords } from '../csv';
import type { Adapter } from '../types';
import { filesOf, matchesDataset, row, rowId, skip, urlInput } from './util';

const FOLDER = 'phishing_phishtank_2021';
const FILE = /^verified_online.*\.csv$/;

export const phishingPhishtank2021: Adapter = {
  name: FOLDER,
  description: 'PhishTank phishing URLs (→ impersonation; --brand-only: target brand known)',
  matches: (path, isDir) => matchesDataset(path, isDir, FOLDER, FILE, true),
  async *rows(path, options) {
    const files = filesOf(path, FILE);
    for (const f of files) {
      for await (const { record, line } of readCsvRecords(f, { required: ['url', 'target'] })) {
        const id = rowId(f, record.phish_id ? `phish_id=${record.phish_id}` : `#${line}`);
        const target = record.target!.trim() || 'Other';
        if (options.brandOnly && target === 'Other') continue;
        if (!record.url?.trim()) {
          skip(options, id, 'empty url');
          continue;
        }
        yield row(id, urlInput(record.url), 'impersonation', target);
      }
    }
  },
};
