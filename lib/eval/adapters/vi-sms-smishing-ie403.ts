/**
 * Vietnamese smishing (vi_sms_smishing_ie403): merged_labeled_data.csv and GgSheetData.csv, a text column
 * and a label column; smishing / 1 → impersonation, not smishing / 0 → benign.
 */
import type { Adapter } from '../types';
import { labelledCsvRows } from './labelled-csv';
import { filesOf, matchesDataset } from './util';

const FOLDER = 'vi_sms_smishing_ie403';
const FILE = /^(merged_labeled_data|GgSheetData)\.csv$/;

export const viSmsSmishingIe403: Adapter = {
  name: FOLDER,
  description: 'Vietnamese SMS (CSV: smishing → impersonation, not smishing → benign)',
  matches: (path, isDir) => matchesDataset(path, isDir, FOLDER, FILE, true),
  async *rows(path, options) {
    const files = filesOf(path, FILE);
    for (const f of files) {
      yield* labelledCsvRows(
        f,
        {
          textColumns: ['text', 'content', 'sms', 'message', 'noi_dung', 'nội dung'],
          labelColumns: ['label', 'labels', 'is_smishing', 'class'],
          labels: {
            '1': 'impersonation',
            smishing: 'impersonation',
            '0': 'benign',
            'not smishing': 'benign',
            'not_smishing': 'benign',
            'non-smishing': 'benign',
            normal: 'benign',
            ham: 'benign',
          },
          surface: 'sms',
        },
        options,
      );
    }
  },
};
