/**
 * Evaluation metrics: a confusion matrix (true label × predicted type or `none`) and what derives from it.
 *
 * - A row is predicted as the verdict's type when the verdict warns, else `none`.
 * - Recall of type T: rows labelled T predicted T / rows labelled T. "Any-type recall": scam rows that
 *   warned at all / scam rows (a smishing SMS flagged as crypto still protects the reader).
 * - Precision of T: rows labelled T among rows predicted T, over benign and scam rows. `spam` rows are
 *   unwanted but not a Redflag type: a warning on them is neither a hit nor a false warning, so they
 *   are left out of precision and reported on their own.
 * - False-warning rate: benign rows that warned / benign rows (per type: benign rows predicted T).
 */
import { SCAM_TYPES, type ScamType } from '../engine/types';
import { EVAL_LABELS, isScamLabel, type EvalLabel } from './types';

export type Predicted = ScamType | 'none';
export const PREDICTED: readonly Predicted[] = [...SCAM_TYPES, 'none'];

export type Matrix = Record<EvalLabel, Record<Predicted, number>>;

export interface TypeMetrics {
  type: ScamType;
  /** Rows labelled with this type. */
  support: number;
  /** Rows (benign or scam) predicted as this type. */
  predicted: number;
  truePositives: number;
  precision: number | null;
  recall: number | null;
  /** Benign rows predicted as this type / benign rows. */
  falseWarningRate: number | null;
}

export interface GroupMetrics {
  group: string;
  label: EvalLabel;
  rows: number;
  warned: number;
  /** Rows predicted exactly as their label (scam labels) or not warned (benign/spam). */
  correct: number;
}

export interface Summary {
  rows: number;
  labels: Record<EvalLabel, number>;
  perType: TypeMetrics[];
  /** All scam-labelled rows. */
  positives: { rows: number; warned: number; exactType: number; recall: number | null; exactRecall: number | null };
  benign: { rows: number; warned: number; falseWarningRate: number | null };
  spam: { rows: number; warned: number; warnRate: number | null };
  matrix: Matrix;
  groups: GroupMetrics[];
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

function emptyMatrix(): Matrix {
  const m = {} as Matrix;
  for (const l of EVAL_LABELS) {
    const r = {} as Record<Predicted, number>;
    for (const p of PREDICTED) r[p] = 0;
    m[l] = r;
  }
  return m;
}

export class Tally {
  readonly matrix: Matrix = emptyMatrix();
  private readonly groups = new Map<string, GroupMetrics>();
  rows = 0;

  add(label: EvalLabel, predicted: Predicted, group?: string): void {
    this.rows++;
    this.matrix[label][predicted]++;
    if (group !== undefined) {
      const key = `${label}\u0000${group}`;
      let g = this.groups.get(key);
      if (!g) {
        g = { group, label, rows: 0, warned: 0, correct: 0 };
        this.groups.set(key, g);
      }
      g.rows++;
      if (predicted !== 'none') g.warned++;
      if (isScamLabel(label) ? predicted === label : predicted === 'none') g.correct++;
    }
  }

  summary(): Summary {
    const m = this.matrix;
    const labels = {} as Record<EvalLabel, number>;
    for (const l of EVAL_LABELS) labels[l] = PREDICTED.reduce((s, p) => s + m[l][p], 0);

    const perType: TypeMetrics[] = SCAM_TYPES.map((type) => {
      const predicted = EVAL_LABELS.filter((l) => l !== 'spam').reduce((s, l) => s + m[l][type], 0);
      const tp = m[type][type];
      return {
        type,
        support: labels[type],
        predicted,
        truePositives: tp,
        precision: ratio(tp, predicted),
        recall: ratio(tp, labels[type]),
        falseWarningRate: ratio(m.benign[type], labels.benign),
      };
    });

    let posRows = 0;
    let posWarned = 0;
    let posExact = 0;
    for (const t of SCAM_TYPES) {
      posRows += labels[t];
      posWarned += labels[t] - m[t].none;
      posExact += m[t][t];
    }
    const benignWarned = labels.benign - m.benign.none;
    const spamWarned = labels.spam - m.spam.none;
    return {
      rows: this.rows,
      labels,
      perType,
      positives: {
        rows: posRows,
        warned: posWarned,
        exactType: posExact,
        recall: ratio(posWarned, posRows),
        exactRecall: ratio(posExact, posRows),
      },
      benign: { rows: labels.benign, warned: benignWarned, falseWarningRate: ratio(benignWarned, labels.benign) },
      spam: { rows: labels.spam, warned: spamWarned, warnRate: ratio(spamWarned, labels.spam) },
      matrix: m,
      groups: [...this.groups.values()].sort((a, b) => b.rows - a.rows || a.group.localeCompare(b.group)),
    };
  }
}
