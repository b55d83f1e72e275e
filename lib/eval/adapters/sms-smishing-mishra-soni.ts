/**
 * Mishra & Soni SMS phishing dataset (sms_smishing_mishra_soni/Dataset_5971.csv): columns label, TEXT, ...
 * Labels are case-folded: ham → benign, spam → spam, smishing → impersonation.
 */
import { readCsvRecords } from '../csv';
import type { Adapter, EvalLabel } from '../types';
import { filesOf, matchesDataset, row, rowId, skip } from './util';

const FOLDER = 'sms_smishing_mishra_soni';
const FILE = /^Dataset_\d+\.csv$/;
const LABELS: Record<string, EvalLabel> = { ham: 'benign', spam: 'spam', smishing: 'impersonation' };

export const smsSmishingMishraSoni: Adapter = {
  name: FOLDER,
  description: 'Mishra-Soni SMS (CSV: ham → benign, spam → spam, smishing → impersonation)',
  matches: (path, isDir) => matchesDataset(path, isDir, FOLDER, FILE),
  async *rows(path, options) {
    const files = filesOf(path, FILE);
    for (const f of files) {
      for await (const { record, line } of readCsvRecords(f, { required: ['label', 'TEXT'] })) {
        const id = rowId(f, `#${line}`);
        const raw = record.label!.trim().toLowerCase();
        const label = LABELS[raw];
        if (!label) {
          skip(options, id, `label ${JSON.stringify(record.label)} is not ham, spam or smishing`);
          continue;
        }
        if (!record.TEXT?.trim()) {
          skip(options, id, 'empty TEXT');
          continue;
        }
        yield row(id, { surface: 'sms', text: record.TEXT }, label, raw);
      }
    }
  },
};
