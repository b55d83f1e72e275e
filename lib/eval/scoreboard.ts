/**
 * The standard evaluation suite behind the README scoreboard: which dataset runs, the issue-3 targets,
 * and a Markdown table of the measured figures.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { resolveDataset, evalDir } from './adapters/index';
import { pct } from './format';
import { runEval, type EvalResult, type Scanner } from './run-eval';
import type { AdapterOptions, SkippedRow } from './types';

export interface SuiteEntry {
  /** Folder under the eval directory (or a path relative to it). */
  dataset: string;
  /** Name in the table when it is not the folder name. */
  title?: string;
  /** `dataset` is a path inside this repository, not under the eval directory. */
  inRepo?: boolean;
  /** Add one sub-row per group (dataset class) under the dataset's row. */
  byGroup?: boolean;
  part?: string;
  brandOnly?: boolean;
  /** What the recall column means for this dataset. */
  positives?: string;
  target?: string;
}

export const SUITE: readonly SuiteEntry[] = [
  { dataset: 'jobs_difraud_emscad', part: 'jobs', positives: 'fraudulent postings', target: 'recall ≥ 60% at ≤ 2% false warnings' },
  { dataset: 'jobs_emscad_fraud_subset', positives: 'fraudulent postings (all columns)' },
  { dataset: 'jobs_difraud_emscad', part: 'phishing', positives: 'phishing emails' },
  { dataset: 'sms_smishing_mishra_soni', positives: 'smishing', target: 'recall ≥ 75% at ≤ 0.5% false warnings' },
  { dataset: 'sms_spam_uci', target: 'ham false warnings ≤ 0.5%' },
  { dataset: 'zh_telecom_fraud_texts5', positives: 'fraud texts (4 classes)', target: 'recall ≥ 80% at ≤ 1% false warnings', byGroup: true },
  { dataset: 'id_sms_spam_fraud', positives: 'fraud SMS' },
  { dataset: 'vi_sms_smishing_ie403', positives: 'smishing' },
  { dataset: 'phishing_phishtank_2021', positives: 'phishing URLs' },
  { dataset: 'phishing_phishtank_2021', brandOnly: true, positives: 'phishing URLs with a named target brand' },
  { dataset: 'asean_smishing_iocs', positives: 'smishing domains' },
  { dataset: 'crypto_cryptoscamdb', positives: 'crypto scam and phishing URLs' },
  { dataset: 'crypto_metamask_phishing_2022', positives: 'blacklisted hosts (whitelist = benign)' },
  { dataset: 'crypto_polkadot_phishing', positives: 'deny-listed hosts' },
  { dataset: 'crypto_scamsniffer', positives: 'drainer domains' },
  { dataset: 'benign_tranco_top50k' },
  { dataset: '../seeds', title: 'shared seed news articles', target: '0 warnings' },
  { dataset: 'tests/corpus/benign', inRepo: true, title: 'our benign corpus (news, advisories, chats, jobs, crypto help)', target: '0 warnings' },
];

function entryPath(e: SuiteEntry): string {
  return e.inRepo ? e.dataset : join(evalDir(), e.dataset);
}

export function commandFor(e: SuiteEntry): string {
  const path = e.dataset.startsWith('../') ? entryPath(e) : e.dataset;
  const args = [`npm run eval -- ${path}`];
  if (e.part) args.push(`--part ${e.part}`);
  if (e.brandOnly) args.push('--brand-only');
  return args.join(' ');
}

export interface SuiteRow {
  entry: SuiteEntry;
  result?: EvalResult;
  missing?: string;
}

export async function runSuite(scanner: Scanner, options: { limit?: number; onDone?: (r: SuiteRow) => void } = {}): Promise<SuiteRow[]> {
  const out: SuiteRow[] = [];
  for (const entry of SUITE) {
    if (!existsSync(entryPath(entry))) {
      const r = { entry, missing: 'dataset not present' };
      out.push(r);
      options.onDone?.(r);
      continue;
    }
    const { path, adapter } = resolveDataset(entryPath(entry));
    const skipped: SkippedRow[] = [];
    let skippedCount = 0;
    const aopts: AdapterOptions = {
      onSkip: (s) => {
        skippedCount++;
        if (skipped.length < 5) skipped.push(s);
      },
    };
    if (entry.part) aopts.part = entry.part;
    if (entry.brandOnly) aopts.brandOnly = true;
    const evalOpts: Parameters<typeof runEval>[2] = { show: 0, skipped, skippedCount: () => skippedCount };
    if (options.limit !== undefined) evalOpts.limit = options.limit;
    const result = await runEval(adapter.rows(path, aopts), scanner, evalOpts);
    const r = { entry, result };
    out.push(r);
    options.onDone?.(r);
  }
  return out;
}

export function gitCommit(cwd = process.cwd()): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'rules', 'lib', 'seeds'], { cwd, encoding: 'utf8' }).trim();
    return dirty ? `${sha}+uncommitted` : sha;
  } catch {
    return 'unknown';
  }
}

export function scoreboardMarkdown(rows: SuiteRow[], meta: { date: string; commit: string }): string {
  const lines = [
    '| dataset | rows | recall (any type) | exact type | false-warning rate on benign | target | date | commit | command |',
    '|---|---:|---:|---:|---:|---|---|---|---|',
  ];
  for (const { entry, result } of rows) {
    const name = `${entry.title ?? entry.dataset}${entry.part ? ` (${entry.part})` : ''}${entry.brandOnly ? ' (named brands)' : ''}`;
    if (!result) continue;
    const r = result;
    const recall = r.positives.rows > 0 ? `${pct(r.positives.recall)} of ${r.positives.rows}` : '—';
    const exact = r.positives.rows > 0 ? pct(r.positives.exactRecall) : '—';
    let fw = r.benign.rows > 0 ? `${pct(r.benign.falseWarningRate, 2)} of ${r.benign.rows}` : '—';
    if (r.spam.rows > 0) fw += ` (spam warned ${pct(r.spam.warnRate)})`;
    lines.push(`| ${name} | ${r.rows} | ${recall} | ${exact} | ${fw} | ${entry.target ?? ''} | ${meta.date} | ${meta.commit} | \`${commandFor(entry)}\` |`);
    if (entry.byGroup) {
      for (const g of [...r.groups].sort((a, b) => a.group.localeCompare(b.group))) {
        const scam = g.label !== 'benign' && g.label !== 'spam';
        const cells = scam
          ? [`${pct(g.warned / g.rows)} of ${g.rows}`, pct(g.correct / g.rows), '—']
          : ['—', '—', `${pct(g.warned / g.rows, 2)} of ${g.rows}`];
        lines.push(`| ↳ ${g.group} | ${g.rows} | ${cells.join(' | ')} |  |  |  |  |`);
      }
    }
  }
  return lines.join('\n');
}

export const README_START = '<!-- scoreboard:start (generated by `npm run eval -- --scoreboard --update-readme`) -->';
export const README_END = '<!-- scoreboard:end -->';

/**
 * Replaces the generated block of the "## Detection scoreboard" section of a README text (between the
 * markers); without markers, appends the block at the end of that section. Other sections are untouched.
 */
export function replaceScoreboard(readme: string, table: string): string {
  const block = `${README_START}\n${table}\n${README_END}`;
  const a = readme.indexOf(README_START);
  const b = readme.indexOf(README_END);
  if (a >= 0 && b > a) return readme.slice(0, a) + block + readme.slice(b + README_END.length);
  const heading = /^## Detection scoreboard[ \t]*$/m.exec(readme);
  if (!heading) throw new Error('README has no "## Detection scoreboard" section');
  const bodyStart = heading.index + heading[0].length;
  const next = /^## /m.exec(readme.slice(bodyStart));
  const end = next ? bodyStart + next.index : readme.length;
  const body = readme.slice(bodyStart, end).replace(/\s+$/, '');
  return `${readme.slice(0, bodyStart)}${body}\n\n${block}\n${next ? '\n' : ''}${readme.slice(end)}`;
}
