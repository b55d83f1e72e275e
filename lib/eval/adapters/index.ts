/** Adapter registry and dataset resolution (a folder or file under the eval directory, or any JSONL). */
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Adapter } from '../types';
import { aseanSmishingIocs } from './asean-smishing-iocs';
import { benignTrancoTop50k } from './benign-tranco-top50k';
import { cryptoCryptoscamdb } from './crypto-cryptoscamdb';
import { cryptoMetamaskPhishing2022 } from './crypto-metamask-phishing-2022';
import { cryptoPolkadotPhishing } from './crypto-polkadot-phishing';
import { cryptoScamsniffer } from './crypto-scamsniffer';
import { idSmsSpamFraud } from './id-sms-spam-fraud';
import { jobsDifraudEmscad } from './jobs-difraud-emscad';
import { jobsEmscadFraudSubset } from './jobs-emscad-fraud-subset';
import { jsonlAdapter } from './jsonl';
import { phishingPhishtank2021 } from './phishing-phishtank-2021';
import { smsSmishingMishraSoni } from './sms-smishing-mishra-soni';
import { smsSpamUci } from './sms-spam-uci';
import { textFiles } from './text-files';
import { viSmsSmishingIe403 } from './vi-sms-smishing-ie403';
import { zhTelecomFraudTexts5 } from './zh-telecom-fraud-texts5';

/** Dataset adapters, most specific first; the generic JSONL and text-folder adapters are last. */
export const ADAPTERS: readonly Adapter[] = [
  jobsDifraudEmscad,
  jobsEmscadFraudSubset,
  smsSpamUci,
  smsSmishingMishraSoni,
  zhTelecomFraudTexts5,
  idSmsSpamFraud,
  viSmsSmishingIe403,
  phishingPhishtank2021,
  cryptoMetamaskPhishing2022,
  benignTrancoTop50k,
  aseanSmishingIocs,
  cryptoCryptoscamdb,
  cryptoScamsniffer,
  cryptoPolkadotPhishing,
  jsonlAdapter,
  textFiles,
];

/** The shared eval data sits beside the checkout (`../shared/eval` from the repository root), as in CI. */
export const DEFAULT_EVAL_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/eval');

export function evalDir(): string {
  return process.env.REDFLAG_EVAL_DIR || DEFAULT_EVAL_DIR;
}

/**
 * Resolves PATH (a path, or a dataset folder name relative to the eval directory) to its adapter.
 * Throws a clear error when the path does not exist or no adapter reads it.
 */
export function resolveDataset(pathOrName: string): { path: string; adapter: Adapter } {
  let path = resolve(pathOrName);
  if (!existsSync(path) && !isAbsolute(pathOrName) && existsSync(join(evalDir(), pathOrName))) {
    path = join(evalDir(), pathOrName);
  }
  if (!existsSync(path)) throw new Error(`${pathOrName}: no such file or folder (also looked in ${evalDir()})`);
  const isDir = statSync(path).isDirectory();
  const adapter = ADAPTERS.find((a) => a.matches(path, isDir));
  if (!adapter) {
    throw new Error(
      `${pathOrName}: no adapter reads this ${isDir ? 'folder' : 'file'}. Known dataset folders: ${ADAPTERS.filter((a) => a !== jsonlAdapter && a !== textFiles)
        .map((a) => a.name)
        .join(', ')}; or give a .jsonl file with a "label" field, or a folder of .txt files with --label.`,
    );
  }
  return { path, adapter };
}
