/**
 * CryptoScamDB (crypto_cryptoscamdb/urls_flat.csv): category Scamming (trust-trading giveaways, fake
 * investment sites) → crypto_investment; Phishing (wallet / exchange lookalikes) → impersonation.
 * Malware and Hacked entries have no Redflag type and are skipped (counted in the report).
 */
import { readCsvRecords } from '../csv';
import type { Adapter, EvalLabel } from '../types';
import { filesOf, matchesDataset, row, rowId, skip, urlInput } from './util';

const FOLDER = 'crypto_cryptoscamdb';
const FILE = /^urls_flat\.csv$/;
const CATEGORIES: Record<string, EvalLabel> = { scamming: 'crypto_investment', phishing: 'impersonation' };

export const cryptoCryptoscamdb: Adapter = {
  name: FOLDER,
  description: 'CryptoScamDB URLs (Scamming → crypto_investment, Phishing → impersonation)',
  matches: (path, isDir) => matchesDataset(path, isDir, FOLDER, FILE),
  async *rows(path, options) {
    const files = filesOf(path, FILE);
    for (const f of files) {
      for await (const { record, line } of readCsvRecords(f, { required: ['url', 'category'] })) {
        const id = rowId(f, `#${line}`);
        const category = record.category!.trim();
        const label = CATEGORIES[category.toLowerCase()];
        if (!label) {
          skip(options, id, `category ${JSON.stringify(category)} has no Redflag type`);
          continue;
        }
        const url = record.url?.trim() || record.name?.trim();
        if (!url) {
          skip(options, id, 'no url or name');
          continue;
        }
        yield row(id, urlInput(url), label, `${category}/${record.subcategory?.trim() || '-'}`);
      }
    }
  },
};
