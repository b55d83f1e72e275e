/**
 * Reads a labelled-text CSV whose column names vary between copies of a dataset: the text column and the
 * label column are found by candidate names (case-insensitive); label values are mapped case-insensitively.
 */
import { readCsvRows } from '../csv';
import type { Surface } from '../../engine/types';
import type { AdapterOptions, EvalLabel, EvalRow } from '../types';
import { row, rowId, skip } from './util';

export interface LabelledCsvSpec {
  textColumns: readonly string[];
  labelColumns: readonly string[];
  labels: Readonly<Record<string, EvalLabel>>;
  surface: Surface;
}

function findColumn(header: readonly string[], candidates: readonly string[]): number {
  const lower = header.map((h) => h.trim().toLowerCase());
  for (const c of candidates) {
    const k = lower.indexOf(c.toLowerCase());
    if (k >= 0) return k;
  }
  return -1;
}

export async function* labelledCsvRows(path: string, spec: LabelledCsvSpec, options: AdapterOptions): AsyncGenerator<EvalRow> {
  let textCol = -1;
  let labelCol = -1;
  let n = 0;
  for await (const cells of readCsvRows(path)) {
    if (n++ === 0) {
      textCol = findColumn(cells, spec.textColumns);
      labelCol = findColumn(cells, spec.labelColumns);
      if (textCol < 0 || labelCol < 0) {
        throw new Error(
          `${path}: need a text column (${spec.textColumns.join('/')}) and a label column (${spec.labelColumns.join('/')}); header is ${cells.join(', ')}`,
        );
      }
      continue;
    }
    const id = rowId(path, `#${n - 1}`);
    const raw = (cells[labelCol] ?? '').trim();
    const label = spec.labels[raw.toLowerCase()];
    if (!label) {
      skip(options, id, `label ${JSON.stringify(raw)} is not one of ${Object.keys(spec.labels).join(', ')}`);
      continue;
    }
    const text = cells[textCol] ?? '';
    if (!text.trim()) {
      skip(options, id, 'empty text');
      continue;
    }
    yield row(id, { surface: spec.surface, text }, label, raw.toLowerCase());
  }
}
