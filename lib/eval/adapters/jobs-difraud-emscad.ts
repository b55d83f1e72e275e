/**
 * DIFrauD splits (jobs_difraud_emscad): `{"text", "label": 0|1}` per line.
 * job_scams_*.jsonl → job_post (1 = fake_job, 0 = benign); phishing_*.jsonl → email (1 = impersonation, 0 = benign).
 * A folder defaults to the job parts; `--part phishing` or `--part all` selects the others.
 *
 * DIFrauD keeps only the description of each EMSCAD posting (no title, company profile, logo flag, salary...), so rules
 * that read the structured fields never fire on it. `--part jobs-anonymous` is a stress test for those rules: the same
 * job rows as structured posts whose employer left the company profile blank and uploaded no logo (the two fields
 * EMSCAD marks missing on most fraudulent ads). Its false-warning rate on the legitimate rows is an upper bound for
 * field-based rules (as if every legitimate employer had no profile and no logo); its recall means nothing.
 */
import { basename } from 'node:path';
import { readLines } from '../read-lines';
import type { ScanInput } from '../../engine/types';
import type { Adapter, AdapterOptions, EvalRow } from '../types';
import { datasetFiles, matchesDataset, row, rowId, skip } from './util';

const FOLDER = 'jobs_difraud_emscad';
const FILE = /^(job_scams|phishing)_[a-z]+\.jsonl$/;
const PARTS = [
  { name: 'jobs', description: 'job_scams_*.jsonl: EMSCAD job descriptions (fake_job vs legitimate)' },
  { name: 'jobs-anonymous', description: 'job rows as structured posts with no company profile and no logo (false-warning stress test)' },
  { name: 'phishing', description: 'phishing_*.jsonl: emails (phishing → impersonation vs legitimate)' },
  { name: 'all', description: 'both' },
] as const;

function filesFor(dir: string, part: string): string[] {
  if (part === 'jobs' || part === 'jobs-anonymous') return datasetFiles(dir, /^job_scams_[a-z]+\.jsonl$/);
  if (part === 'phishing') return datasetFiles(dir, /^phishing_[a-z]+\.jsonl$/);
  if (part === 'all') return datasetFiles(dir, FILE);
  throw new Error(`${FOLDER}: unknown part "${part}" (${PARTS.map((p) => p.name).join(', ')})`);
}

async function* fileRows(path: string, options: AdapterOptions, anonymous = false): AsyncGenerator<EvalRow> {
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
    const input: ScanInput = { surface: jobs ? 'job_post' : 'email', text: obj.text };
    if (jobs && anonymous) input.fields = { has_company_logo: '0' };
    yield row(id, input, label, split);
  }
}

export const jobsDifraudEmscad: Adapter = {
  name: FOLDER,
  description: 'DIFrauD EMSCAD job descriptions and phishing emails (JSONL, label 0/1)',
  parts: PARTS,
  matches: (path, isDir) => matchesDataset(path, isDir, FOLDER, FILE),
  async *rows(path, options) {
    const files = FILE.test(basename(path)) ? [path] : filesFor(path, options.part ?? 'jobs');
    for (const f of files) yield* fileRows(f, options, options.part === 'jobs-anonymous');
  },
};
