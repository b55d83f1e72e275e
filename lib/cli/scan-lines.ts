/**
 * The `scan` CLI contract, independent of files and processes (so tests can drive it directly):
 * JSON Lines in (one scan input + `id` per line) or plain text (one `page`), one JSON line out per input,
 * in input order; a bad line gives `{ id, error }` and does not stop the others.
 */
import type { Engine, ScanInput } from '../engine/types';

/** What the CLI needs of an engine: its `scan` (the shipped engine with URL analysis merged in, see scan.ts). */
export type Scanner = Pick<Engine, 'scan'>;
import { ScanInputSchema } from '../rules/rule-schema';

export interface ScanStats {
  inputs: number;
  errors: number;
}

export type Mode = 'jsonl' | 'text';

/** JSON Lines when the name ends in .jsonl/.ndjson or the first non-blank line starts with `{`. */
export function detectMode(name: string, firstNonBlankLine: string | undefined): Mode {
  if (/\.(?:jsonl|ndjson)$/i.test(name)) return 'jsonl';
  return firstNonBlankLine !== undefined && firstNonBlankLine.trimStart().startsWith('{') ? 'jsonl' : 'text';
}

/** Scans one JSON line; `lineNo` (1-based) is the id when the line gives none. */
export function scanLine(engine: Scanner, line: string, lineNo: number): { out: string; error: boolean } {
  let id: unknown = lineNo;
  try {
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch (e) {
      throw new Error(`invalid JSON: ${(e as Error).message}`);
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('expected a JSON object per line');
    const obj = data as Record<string, unknown>;
    if (typeof obj.id === 'string' || typeof obj.id === 'number') id = obj.id;
    else if (obj.id !== undefined && obj.id !== null) throw new Error('id must be a string or a number');
    const parsed = ScanInputSchema.safeParse(obj);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const path = issue.path.map(String).join('.');
      throw new Error(path ? `${path}: ${issue.message}` : issue.message);
    }
    const verdict = engine.scan(parsed.data as ScanInput);
    return { out: JSON.stringify({ id, ...verdict }), error: false };
  } catch (e) {
    return { out: JSON.stringify({ id, error: (e as Error).message }), error: true };
  }
}

/**
 * Streams `lines` through the engine and writes one output line per input. Memory stays constant in
 * JSON Lines mode; plain text is read whole (it is a single page).
 */
export async function scanLines(
  engine: Scanner,
  lines: AsyncIterable<string>,
  name: string,
  write: (chunk: string) => void | Promise<void>,
): Promise<ScanStats> {
  const stats: ScanStats = { inputs: 0, errors: 0 };
  let mode: Mode | undefined = /\.(?:jsonl|ndjson)$/i.test(name) ? 'jsonl' : undefined;
  const pending: string[] = []; // lines read before the mode is known (leading blank lines)
  const text: string[] = [];
  let lineNo = 0;
  let buffer = '';
  const flush = async (force: boolean) => {
    if (buffer.length >= 65536 || (force && buffer)) {
      const chunk = buffer;
      buffer = '';
      await write(chunk);
    }
  };
  const handle = async (line: string, no: number) => {
    if (!line.trim()) return;
    const r = scanLine(engine, line, no);
    stats.inputs++;
    if (r.error) stats.errors++;
    buffer += r.out + '\n';
    await flush(false);
  };
  for await (const raw of lines) {
    lineNo++;
    const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (mode === undefined) {
      pending.push(line);
      if (!line.trim()) continue;
      mode = detectMode(name, line);
      if (mode === 'jsonl') {
        for (const [k, l] of pending.entries()) await handle(l, k + 1);
      } else text.push(...pending);
      pending.length = 0;
      continue;
    }
    if (mode === 'jsonl') await handle(line, lineNo);
    else text.push(line);
  }
  if (mode === 'text' || (mode === undefined && pending.length)) {
    const verdict = engine.scan({ surface: 'page', text: (mode === 'text' ? text : pending).join('\n') });
    stats.inputs++;
    buffer += JSON.stringify({ id: name, ...verdict }) + '\n';
  }
  await flush(true);
  return stats;
}
