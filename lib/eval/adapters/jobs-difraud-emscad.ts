/**
 * DIFrauD splits (jobs_difraud_emscad): `{"text", "label": 0|1}` per line.
 * job_scams_*.jsonl → job_post (1 = fake_job, 0 = benign); phishing_*.jsonl → email (1 = impersonation, 0 = benign).
 * A folder defaults to the job parts; `--part phishing` or `--part all` selects the others.
 */
import { basename } from 'node:path';
import { readLines } from '../read-lines';
import type { Adapter, AdapterOptions, EvalRow } from '../types';
import { datasetFiles, matchesDataset, row, rowId, skip } from './util';

const FOLDER = 'jobs_difraud_emscad';
const FILE = /^(job_scams|phishing)_[a-z]+\.jsonl$/;
const PARTS = [
  { name: 'jobs', description: 'job_scams_*.jsonl: EMSCAD job descriptions (fake_job vs legitimate)' },
  { name: 'phishing', description: 'phishing_*.jsonl: emails (phishing → impersonation vs legitimate)' },
  { name: 'all', description: 'both' },
] as const;

function filesFor(dir: string, part: string): string[] {
  if (part === 'jobs') return datasetFiles(dir, /^job_scams_[a-z]+\.jsonl$/);
  if (part === 'phishing') return datasetFiles(dir, /^phishing_[a-z]+\.jsonl$/);
  if (part === 'all') return datasetFiles(dir, FILE);
  throw new Error(`${FOLDER}: unknown part "${part}" (jobs, phishing, all)`);
}

async function* fileRows(path: string, options: AdapterOptions): AsyncGenerator<EvalRow> {
  const jobs = basename(path).startsWith('job_scams');
  const split = basename(path).replace(/\.jsonl$/, '');
  for await (const { text, line } of readLines(path)) {
    if (text.trim() === '') continue;
    const id = rowId(path, line);
    let obj: { text?: unknown; label?: unknown };
    try {
      obj = JSON.parse(text) as typeof obj;
    } catch (e) {
      skip(options, id, `invalid JSON (${(e as Error).message})`);
      continue;
    }
    if (typeof obj.text !== 'string' || obj.text.trim() === '') {
      skip(options, id, 'no text');
      continue;
    }
    const lab = Number(obj.label);
    if (lab !== 0 && lab !== 1) {
      skip(options, id, `label ${JSON.stringify(obj.label)} is not 0 or 1`);
      continue;
    }
    const label = lab === 0 ? 'benign' : jobs ? 'fake_job' : 'impersonation';
    yield row(id, { surface: jobs ? 'job_post' : 'email', text: obj.text }, label, split);
  }
}

export const jobsDifraudEmscad: Adapter = {
  name: FOLDER,
  description: 'DIFrauD EMSCAD job descriptions and phishing emails (JSONL, label 0/1)',
  parts: PARTS,
  matches: (path, isDir) => matchesDataset(path, isDir, FOLDER, FILE),
  async *rows(path, options) {
    const files = FILE.test(basename(path)) ? [path] : filesFor(path, options.part ?? 'jobs');
    for (const f of files) yield* fileRows(f, options);
  },
};
