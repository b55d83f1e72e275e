/**
 * A folder of .txt files, one scanned page per file (news articles, advisories, hand-written fixtures).
 * The label comes from `--label`; a folder named `seeds` (the shared seed news articles) defaults to benign,
 * since an article ABOUT scams must not warn.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseLabel } from './jsonl';
import type { Adapter, EvalLabel } from '../types';
import { row, skip } from './util';

export const textFiles: Adapter = {
  name: 'text_files',
  description: 'a folder of .txt files, one page each; label from --label (a folder named seeds defaults to benign)',
  matches: (path, isDir) => (isDir ? readdirSync(path).some((n) => n.endsWith('.txt')) : path.endsWith('.txt')),
  async *rows(path, options) {
    const isFile = path.endsWith('.txt');
    const dir = isFile ? undefined : path;
    const folder = basename(isFile ? join(path, '..') : path);
    let label: EvalLabel | undefined = options.label !== undefined ? parseLabel(options.label) : folder === 'seeds' ? 'benign' : undefined;
    if (options.label !== undefined && !label) throw new Error(`--label ${JSON.stringify(options.label)} is not a scam type, benign or spam`);
    if (!label) throw new Error(`${path}: a folder of text files needs --label (a scam type, benign or spam)`);
    const files = dir ? readdirSync(dir).filter((n) => n.endsWith('.txt')).sort().map((n) => join(dir, n)) : [path];
    for (const f of files) {
      const text = await readFile(f, 'utf8');
      if (!text.trim()) {
        skip(options, basename(f), 'empty file');
        continue;
      }
      yield row(basename(f), { surface: 'page', text }, label);
    }
  },
};
