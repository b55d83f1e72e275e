/**
 * Indonesian SMS (id_sms_spam_fraud/dataset_sms_spam_v1.csv): text + label where 0 / normal → benign,
 * 1 / fraud (penipuan) → impersonation, 2 / promo → spam.
 */
import type { Adapter } from '../types';
import { labelledCsvRows } from './labelled-csv';
import { filesOf, matchesDataset } from './util';

const FOLDER = 'id_sms_spam_fraud';
const FILE = /^dataset_sms_spam.*\.csv$/;

export const idSmsSpamFraud: Adapter = {
  name: FOLDER,
  description: 'Indonesian SMS (CSV: normal → benign, fraud → impersonation, promo → spam)',
  matches: (path, isDir) => matchesDataset(path, isDir, FOLDER, FILE, true),
  async *rows(path, options) {
    const files = filesOf(path, FILE);
    for (const f of files) {
      yield* labelledCsvRows(
        f,
        {
          textColumns: ['teks', 'text', 'sms', 'message', 'content'],
          labelColumns: ['label', 'kategori', 'class'],
          labels: { '0': 'benign', normal: 'benign', '1': 'impersonation', fraud: 'impersonation', penipuan: 'impersonation', '2': 'spam', promo: 'spam' },
          surface: 'sms',
        },
        options,
      );
    }
  },
};
