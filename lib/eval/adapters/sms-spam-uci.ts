/**
 * UCI SMS Spam Collection (sms_spam_uci/SMSSpamCollection.tsv): `label TAB text` per line, split on the
 * FIRST tab only (messages contain quotes and tabs; no CSV quoting). ham → benign, spam → spam.
 * An optional header line `Label TAB SMS` is skipped.
 */
import { readLines } from '../read-lines';
import type { Adapter } from '../types';
import { filesOf, matchesDataset, row, rowId, skip } from './util';

const FOLDER = 'sms_spam_uci';
const FILE = /^SMSSpamCollection(\.tsv|\.txt)?$/;

export const smsSpamUci: Adapter = {
  name: FOLDER,
  description: 'UCI SMS Spam Collection (TSV: ham → benign, spam → spam)',
  matches: (path, isDir) => matchesDataset(path, isDir, FOLDER, FILE, true),
  async *rows(path, options) {
    const files = filesOf(path, FILE);
    for (const f of files) {
      for await (const { text, line } of readLines(f)) {
        if (text.trim() === '') continue;
        const id = rowId(f, line);
        const tab = text.indexOf('\t');
        const lab = (tab < 0 ? text : text.slice(0, tab)).trim().toLowerCase();
        if (line === 1 && lab === 'label') continue;
        const msg = tab < 0 ? '' : text.slice(tab + 1);
        if (lab !== 'ham' && lab !== 'spam') {
          skip(options, id, `label ${JSON.stringify(lab)} is not ham or spam`);
          continue;
        }
        if (msg.trim() === '') {
          skip(options, id, 'empty message');
          continue;
        }
        yield row(id, { surface: 'sms', text: msg }, lab === 'ham' ? 'benign' : 'spam');
      }
    }
  },
};
