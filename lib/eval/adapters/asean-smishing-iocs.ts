/** ASEAN smishing campaign IOCs (asean_smishing_iocs/domains.txt, one domain per line) → impersonation URLs. */
import { readLines } from '../read-lines';
import type { Adapter } from '../types';
import { filesOf, matchesDataset, row, rowId, urlInput } from './util';

const FOLDER = 'asean_smishing_iocs';
const FILE = /^domains\.txt$/;

export const aseanSmishingIocs: Adapter = {
  name: FOLDER,
  description: 'ASEAN telco/bank/delivery smishing domains (→ impersonation URLs)',
  matches: (path, isDir) => matchesDataset(path, isDir, FOLDER, FILE),
  async *rows(path) {
    const files = filesOf(path, FILE);
    for (const f of files) {
      for await (const { text, line } of readLines(f)) {
        const d = text.trim();
        if (!d || d.startsWith('#')) continue;
        yield row(rowId(f, line), urlInput(d), 'impersonation');
      }
    }
  },
};
