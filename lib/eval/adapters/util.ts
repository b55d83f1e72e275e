/** Helpers shared by the dataset adapters. */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ScanInput } from '../../engine/types';
import type { AdapterOptions, EvalLabel, EvalRow } from '../types';

/**
 * True when `path` is the dataset folder `folder`, or a file whose name matches `file`
 * (inside that folder, or anywhere when `anywhere` is set: for file names unique to one dataset).
 */
export function matchesDataset(path: string, isDir: boolean, folder: string, file: RegExp, anywhere = false): boolean {
  if (isDir) return basename(path) === folder;
  if (!file.test(basename(path))) return false;
  return anywhere || basename(dirname(path)) === folder;
}

/** Files of a dataset folder whose names match, sorted; throws a clear error if none. */
export function datasetFiles(dir: string, file: RegExp): string[] {
  const names = readdirSync(dir)
    .filter((n) => file.test(n))
    .sort();
  if (names.length === 0) throw new Error(`${dir}: no file matching ${file} in this folder`);
  return names.map((n) => join(dir, n));
}

/** `file:line` row id. */
export function rowId(path: string, line: number | string): string {
  return `${basename(path)}:${line}`;
}

/** A URL scan input for a bare hostname or a URL (a scheme is added when missing). */
export function urlInput(hostOrUrl: string): ScanInput {
  const v = hostOrUrl.trim();
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? v : `https://${v}/`;
  return { surface: 'url', url };
}

export function skip(options: AdapterOptions, id: string, reason: string): void {
  options.onSkip?.({ id, reason });
}

export function row(id: string, input: ScanInput, label: EvalLabel, group?: string): EvalRow {
  return group === undefined ? { id, input, label } : { id, input, label, group };
}

/** `path` itself when it is a dataset file (its name matches `file`), else the matching files of the folder. */
export function filesOf(path: string, file: RegExp): string[] {
  return file.test(basename(path)) ? [path] : datasetFiles(path, file);
}

/** Reads and parses a JSON file, with the file name in any error. */
export async function readJsonFile(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (e) {
    throw new Error(`${file}: cannot read JSON (${(e as Error).message})`);
  }
}
