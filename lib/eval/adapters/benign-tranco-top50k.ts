/** Tranco top sites (benign_tranco_top50k/tranco_top_50k.csv, `rank,domain`, no header) → benign URLs. */
import { readCsvRows } from '../csv';
import type { Adapter } from '../types';
import { filesOf, matchesDataset, row, rowId, skip, urlInput } from './util';

const FOLDER = 'benign_tranco_top50k';
const FILE = /^tranco_top_\d+k?\.csv$/;

export const benignTrancoTop50k: Adapter = {
  name: FOLDER,
  description: 'Tranco top-50k domains (→ benign URLs)',
  matches: (path, isDir) => matchesDataset(path, isDir, FOLDER, FILE, true),
  async *rows(path, options) {
    const files = filesOf(path, FILE);
    for (const f of files) {
      let n = 0;
      for await (const cells of readCsvRows(f)) {
        n++;
        const domain = (cells.length > 1 ? cells[1] : cells[0])?.trim() ?? '';
        if (n === 1 && /^domain$/i.test(domain)) continue;
        const id = rowId(f, `rank=${cells[0]?.trim()}`);
        if (!domain || !domain.includes('.')) {
          skip(options, id, `not a domain: ${JSON.stringify(domain)}`);
          continue;
        }
        yield row(id, urlInput(domain), 'benign');
      }
    }
  },
};
