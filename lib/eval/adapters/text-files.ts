/**
 * A folder of hand-written or collected texts: each .txt file is one page, each line of a .jsonl file is one
 * scan input (ScanInput fields; a row's own `label` wins). The folder label comes from `--label`; folders
 * named `seeds` (the shared seed news articles) or `benign` default to benign, since an article ABOUT scams
 * must not warn.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Adapter, AdapterOptions, EvalLabel } from '../types';
import { jsonlRows, parseLabel } from './jsonl';
import { row, skip } from './util';

const DEFAULT_BENIGN = new Set(['seeds', 'benign']);
const isText = (n: string) => n.endsWith('.txt');
const isJsonl = (n: string) => n.endsWith('.jsonl');

function folderLabel(folder: string, options: AdapterOptions): EvalLabel {
  if (options.label !== undefined) {
    const l = parseLabel(options.label);
    if (!l) throw new Error(`--label ${JSON.stringify(options.label)} is not a scam type, benign or spam`);
    return l;
  }
  if (DEFAULT_BENIGN.has(basename(folder))) return 'benign';
  throw new Error(`${folder}: a folder of text files needs --label (a scam type, benign or spam)`);
}

export const textFiles: Adapter = {
  name: 'text_files',
  description: 'a folder of .txt pages and unlabelled .jsonl inputs; label from --label (folders named seeds or benign: benign)',
  matches: (path, isDir) => (isDir ? readdirSync(path).some((n) => isText(n) || isJsonl(n)) : isText(path)),
  async *rows(path, options) {
    const single = isText(path);
    const dir = single ? join(path, '..') : path;
    const label = folderLabel(dir, options);
    const names = single ? [basename(path)] : readdirSync(dir).filter((n) => isText(n) || isJsonl(n)).sort();
    for (const n of names) {
      const f = join(dir, n);
      if (isJsonl(n)) {
        yield* jsonlRows(f, options, label);
        continue;
      }
      const text = await readFile(f, 'utf8');
      if (!text.trim()) {
        skip(options, n, 'empty file');
        continue;
      }
      yield row(n, { surface: 'page', text }, label);
    }
  },
};
