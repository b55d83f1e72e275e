/** Types shared by the evaluation harness: labelled rows, dataset adapters. */
import type { ScamType, ScanInput } from '../engine/types';
import { SCAM_TYPES } from '../engine/types';

/**
 * Ground truth of one row. `spam` = unwanted but not one of our scam types (prize draws, marketing):
 * a warning on it is neither a hit nor a false warning; it is reported separately.
 */
export type EvalLabel = ScamType | 'benign' | 'spam';
export const EVAL_LABELS: readonly EvalLabel[] = [...SCAM_TYPES, 'benign', 'spam'];

export function isScamLabel(label: EvalLabel): label is ScamType {
  return label !== 'benign' && label !== 'spam';
}

export interface EvalRow {
  /** Where the row came from, for the report: `file:line` or `file#key`. */
  id: string;
  input: ScanInput;
  label: EvalLabel;
  /** Finer class of the source dataset (zh fraud class, PhishTank target, ...), reported per group. */
  group?: string;
}

/** A row the adapter could not use, with the reason (reported; never silently dropped). */
export interface SkippedRow {
  id: string;
  reason: string;
}

export interface AdapterOptions {
  /** Named subset of a dataset (e.g. `phishing` for DIFrauD); adapters list theirs in `parts`. */
  part?: string;
  /** PhishTank: only rows whose target brand is known (not "Other"). */
  brandOnly?: boolean;
  /** Label for unlabelled inputs (a folder of text files). */
  label?: string;
  /** Called for each row the adapter skips. */
  onSkip?: (skip: SkippedRow) => void;
}

export interface Adapter {
  /** Dataset folder name under the shared eval directory (also the adapter id). */
  name: string;
  description: string;
  /** Named subsets; the first is the default when a folder is given. */
  parts?: readonly { name: string; description: string }[];
  /** True if this adapter reads `path` (a dataset folder or one of its files), by folder or file name. */
  matches(path: string, isDir: boolean): boolean;
  rows(path: string, options: AdapterOptions): AsyncIterable<EvalRow>;
}
