/** Plain-text rendering of an evaluation result. */
import { PREDICTED } from './metrics';
import type { EvalResult, Example } from './run-eval';
import { EVAL_LABELS } from './types';

export function pct(x: number | null, digits = 1): string {
  return x === null ? '—' : `${(x * 100).toFixed(digits)}%`;
}

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? pad(c, widths[i]!) : lpad(c, widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)];
}

function exampleLines(title: string, list: Example[], total: number): string[] {
  if (total === 0) return [];
  const out = [``, `${title} (${list.length} of ${total}):`];
  for (const e of list) {
    const grp = e.group !== undefined ? ` group=${e.group}` : '';
    out.push(`  ${e.id}  label=${e.label}${grp}  predicted=${e.predicted}  level=${e.level} score=${e.score}`);
    out.push(`    text: ${e.excerpt}`);
    if (e.findings.length === 0) out.push('    fired: nothing');
    for (const f of e.findings) {
      out.push(`    fired: ${f.rule} (${f.type}, ${f.level}, +${f.weight})${f.evidence.length ? ': ' + f.evidence.map((x) => JSON.stringify(x)).join(', ') : ''}`);
    }
  }
  return out;
}

export interface FormatContext {
  dataset: string;
  path: string;
  engineVersion?: string;
  ruleCount?: number;
  notes?: string[];
}

export function formatResult(r: EvalResult, ctx: FormatContext): string {
  const out: string[] = [];
  const labelCounts = EVAL_LABELS.filter((l) => r.labels[l] > 0)
    .map((l) => `${l} ${r.labels[l]}`)
    .join(', ');
  out.push(`Dataset: ${ctx.dataset} (${ctx.path})`);
  if (ctx.engineVersion) out.push(`Engine: pack ${ctx.engineVersion}${ctx.ruleCount !== undefined ? `, ${ctx.ruleCount} rules` : ''}`);
  for (const n of ctx.notes ?? []) out.push(`Note: ${n}`);
  const t = r.timing;
  out.push(
    `Rows: ${r.rows} (${labelCounts || 'none'}); skipped ${r.skipped.count}; scan errors ${r.errors.count}; ` +
      `${(t.totalMs / 1000).toFixed(1)} s${t.rowsPerSecond !== null ? `, ${Math.round(t.rowsPerSecond)} rows/s` : ''}` +
      `${t.slowest ? `, slowest ${t.slowest.ms.toFixed(1)} ms (${t.slowest.id})` : ''}`,
  );
  out.push('');
  if (r.positives.rows > 0) {
    out.push(
      `Scam rows:   ${r.positives.rows}; warned ${r.positives.warned} = recall ${pct(r.positives.recall)} (any type); ` +
        `exact type ${r.positives.exactType} = ${pct(r.positives.exactRecall)}`,
    );
  }
  if (r.benign.rows > 0) {
    out.push(`Benign rows: ${r.benign.rows}; warned ${r.benign.warned} = false-warning rate ${pct(r.benign.falseWarningRate, 2)}`);
  }
  if (r.spam.rows > 0) {
    out.push(`Spam rows:   ${r.spam.rows}; warned ${r.spam.warned} = ${pct(r.spam.warnRate)} (not a Redflag type: neither hit nor false warning)`);
  }

  out.push('', 'Per type:');
  out.push(
    ...table(
      ['type', 'support', 'predicted', 'precision', 'recall', 'false-warn'],
      r.perType.map((m) => [m.type, String(m.support), String(m.predicted), pct(m.precision), pct(m.recall), pct(m.falseWarningRate, 2)]),
    ).map((l) => '  ' + l),
  );

  out.push('', 'Confusion matrix (rows: true label; columns: predicted type, none = no warning):');
  const labels = EVAL_LABELS.filter((l) => r.labels[l] > 0);
  out.push(...table(['label', ...PREDICTED], labels.map((l) => [l, ...PREDICTED.map((p) => String(r.matrix[l][p]))])).map((l) => '  ' + l));

  if (r.groups.length > 1) {
    const shown = r.groups.slice(0, 20);
    out.push('', `By group${r.groups.length > shown.length ? ` (largest ${shown.length} of ${r.groups.length})` : ''}:`);
    out.push(
      ...table(
        ['group', 'label', 'rows', 'warned', 'correct'],
        shown.map((g) => [g.group, g.label, String(g.rows), pct(g.warned / g.rows), pct(g.correct / g.rows)]),
      ).map((l) => '  ' + l),
    );
  }

  if (r.rules.length > 0) {
    const shown = r.rules.slice(0, 25);
    out.push('', `Rules that fired, rows per label${r.rules.length > shown.length ? ` (top ${shown.length} of ${r.rules.length})` : ''}:`);
    out.push(
      ...table(
        ['rule', 'type', 'scam', 'benign', 'benign warned', 'spam'],
        shown.map((x) => [x.rule, x.type, String(x.scam), String(x.benign), String(x.benignWarned), String(x.spam)]),
      ).map((l) => '  ' + l),
    );
  }

  const missTotal = r.positives.rows - r.positives.warned;
  out.push(...exampleLines('Misses (scam rows with no warning)', r.misses, missTotal));
  out.push(...exampleLines('Wrong type (warned, other type)', r.wrongType, r.positives.warned - r.positives.exactType));
  out.push(...exampleLines('False warnings (benign rows that warned)', r.falseWarnings, r.benign.warned));
  out.push(...exampleLines('Spam rows that warned', r.spamWarned, r.spam.warned));
  if (r.skipped.count > 0) {
    out.push('', `Skipped rows (${r.skipped.first.length} of ${r.skipped.count}):`);
    for (const s of r.skipped.first) out.push(`  ${s.id}: ${s.reason}`);
  }
  if (r.errors.count > 0) {
    out.push('', `Scan errors (${r.errors.first.length} of ${r.errors.count}):`);
    for (const e of r.errors.first) out.push(`  ${e.id}: ${e.message}`);
  }
  return out.join('\n');
}
