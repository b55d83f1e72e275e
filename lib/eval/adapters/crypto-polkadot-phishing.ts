/**
 * polkadot-js phishing list (crypto_polkadot_phishing/all.json): `deny` hostnames → impersonation URLs.
 * `allow` holds hosting-platform suffixes (not sites) and is not scored.
 */
import { basename, join } from 'node:path';
import type { Adapter } from '../types';
import { matchesDataset, readJsonFile, row, skip, urlInput } from './util';

const FOLDER = 'crypto_polkadot_phishing';
const FILE = /^all\.json$/;

export const cryptoPolkadotPhishing: Adapter = {
  name: FOLDER,
  description: 'polkadot-js phishing deny list (→ impersonation URLs)',
  matches: (path, isDir) => matchesDataset(path, isDir, FOLDER, FILE),
  async *rows(path, options) {
    const file = FILE.test(basename(path)) ? path : join(path, 'all.json');
    const data = (await readJsonFile(file)) as { deny?: unknown };
    if (!Array.isArray(data.deny)) throw new Error(`${file}: "deny" is not an array`);
    for (let k = 0; k < data.deny.length; k++) {
      const h: unknown = data.deny[k];
      const id = `${basename(file)}#deny[${k}]`;
      if (typeof h !== 'string' || !h.trim()) {
        skip(options, id, 'not a hostname string');
        continue;
      }
      yield row(id, urlInput(h.replace(/^\*\./, '')), 'impersonation');
    }
  },
};
