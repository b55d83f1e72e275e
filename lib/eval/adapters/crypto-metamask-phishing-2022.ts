/**
 * MetaMask eth-phishing-detect config.json (crypto_metamask_phishing_2022): `blacklist` hostnames →
 * impersonation (crypto phishing, mostly lookalikes); `whitelist` (legitimate near-misses of protected
 * names) and `fuzzylist` (the protected names themselves) → benign.
 */
import { basename, join } from 'node:path';
import type { Adapter, EvalLabel } from '../types';
import { matchesDataset, readJsonFile, row, skip, urlInput } from './util';

const FOLDER = 'crypto_metamask_phishing_2022';
const FILE = /^config\.json$/;
const LISTS: Record<string, EvalLabel> = { blacklist: 'impersonation', whitelist: 'benign', fuzzylist: 'benign' };

export const cryptoMetamaskPhishing2022: Adapter = {
  name: FOLDER,
  description: 'MetaMask phishing config (blacklist → impersonation; whitelist, fuzzylist → benign)',
  parts: [
    { name: 'all', description: 'blacklist, whitelist and fuzzylist' },
    { name: 'blacklist', description: 'phishing hostnames only' },
    { name: 'whitelist', description: 'legitimate near-miss hostnames only' },
  ],
  matches: (path, isDir) => matchesDataset(path, isDir, FOLDER, FILE),
  async *rows(path, options) {
    const file = FILE.test(basename(path)) ? path : join(path, 'config.json');
    const part = options.part ?? 'all';
    if (part !== 'all' && !(part in LISTS)) throw new Error(`${FOLDER}: unknown part "${part}" (all, blacklist, whitelist, fuzzylist)`);
    const config = (await readJsonFile(file)) as Record<string, unknown>;
    for (const [list, label] of Object.entries(LISTS)) {
      if (part !== 'all' && part !== list) continue;
      const hosts = config[list];
      if (!Array.isArray(hosts)) throw new Error(`${file}: "${list}" is not an array`);
      for (let k = 0; k < hosts.length; k++) {
        const id = `${basename(file)}#${list}[${k}]`;
        const h = hosts[k];
        if (typeof h !== 'string' || !h.trim()) {
          skip(options, id, 'not a hostname string');
          continue;
        }
        yield row(id, urlInput(h), label, list);
      }
    }
  },
};
