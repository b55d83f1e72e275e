/**
 * EMSCAD with all columns (jobs_emscad_fraud_subset/fraudulent_subset_259.csv, or the full Kaggle
 * fake_job_postings.csv): one job_post per row with structured fields; `fraudulent` 1 → fake_job, 0 → benign.
 */
import { readCsvRecords } from '../csv';
import type { JobFields, ScanInput } from '../../engine/types';
import type { Adapter } from '../types';
import { filesOf, matchesDataset, row, rowId, skip } from './util';

const FOLDER = 'jobs_emscad_fraud_subset';
const FILE = /^(fraudulent_subset_\d+|fake_job_postings)\.csv$/;

/** Field name in ScanInput.fields ← EMSCAD column. `description` is the scan text, not a field. */
const FIELD_MAP: readonly [keyof JobFields & string, string][] = [
  ['title', 'title'],
  ['location', 'location'],
  ['salary', 'salary_range'],
  ['department', 'department'],
  ['company_profile', 'company_profile'],
  ['requirements', 'requirements'],
  ['benefits', 'benefits'],
  ['employment_type', 'employment_type'],
  ['required_experience', 'required_experience'],
  ['required_education', 'required_education'],
  ['industry', 'industry'],
  ['function', 'function'],
  ['telecommuting', 'telecommuting'],
  ['has_company_logo', 'has_company_logo'],
  ['has_questions', 'has_questions'],
];

/** EMSCAD text keeps the HTML entities of the scraped pages (`&amp;`, `&nbsp;`); a browser shows them decoded. */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };
export function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, e: string) => ENTITIES[e]!);
}

export function emscadInput(rec: Record<string, string>): ScanInput {
  const fields: JobFields = {};
  for (const [key, col] of FIELD_MAP) {
    const v = (rec[col] ?? (col === 'function' ? rec['function.'] : undefined))?.trim();
    if (v) fields[key] = decodeEntities(v);
  }
  const input: ScanInput = { surface: 'job_post', text: decodeEntities(rec.description ?? ''), fields };
  if (fields.title) input.title = fields.title;
  return input;
}

export const jobsEmscadFraudSubset: Adapter = {
  name: FOLDER,
  description: 'EMSCAD job postings with all columns (CSV; fraudulent 1/0)',
  matches: (path, isDir) => matchesDataset(path, isDir, FOLDER, FILE, true),
  async *rows(path, options) {
    const files = filesOf(path, FILE);
    for (const f of files) {
      for await (const { record, line } of readCsvRecords(f, { required: ['title', 'description', 'fraudulent'] })) {
        const id = rowId(f, record.job_id ? `job_id=${record.job_id}` : `#${line}`);
        const fr = record.fraudulent?.trim();
        if (fr !== '0' && fr !== '1') {
          skip(options, id, `fraudulent=${JSON.stringify(fr)} is not 0 or 1`);
          continue;
        }
        const input = emscadInput(record);
        if (!input.text && !input.title) {
          skip(options, id, 'no title or description');
          continue;
        }
        yield row(id, input, fr === '1' ? 'fake_job' : 'benign');
      }
    }
  },
};
