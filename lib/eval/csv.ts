/**
 * Streaming CSV parser (RFC 4180): quoted fields, doubled quotes (`""`), delimiters and line breaks
 * (LF, CRLF or CR) inside quotes, a leading UTF-8 BOM. Lenient where real exports are sloppy: a quote
 * in the middle of an unquoted field is kept literally, and text after a closing quote is appended.
 * Blank lines are skipped. An unterminated quoted field at the end of input is an error.
 *
 * Feed chunks with `push`, then call `end`; both return the rows completed so far. Work is linear in
 * the input: unquoted and quoted runs are copied with one slice, not character by character.
 */
import { createReadStream } from 'node:fs';

export interface CsvOptions {
  /** Field separator, one character. Default `,`. */
  delimiter?: string;
}

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** Just read a `"` inside a quoted field: either an escaped quote or the closing quote. */
  QuoteInQuoted,
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvParser {
  private readonly delim: number;
  private state: State = State.FieldStart;
  private field = '';
  private row: string[] = [];
  /** The previous chunk ended with CR: a LF at the start of the next chunk belongs to it. */
  private pendingCr = false;
  private started = false;
  private line = 1;
  private quoteLine = 0;

  constructor(options: CsvOptions = {}) {
    const d = options.delimiter ?? ',';
    if (d.length !== 1 || d === '"' || d === '\n' || d === '\r') throw new Error(`invalid CSV delimiter ${JSON.stringify(d)}`);
    this.delim = d.charCodeAt(0);
  }

  push(chunk: string): string[][] {
    const out: string[][] = [];
    let s = chunk;
    if (!this.started && s.length > 0) {
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    let i = 0;
    const n = s.length;
    if (this.pendingCr && n > 0) {
      this.pendingCr = false;
      if (s.charCodeAt(0) === LF) i = 1;
    }
    while (i < n) {
      const c = s.charCodeAt(i);
      switch (this.state) {
        case State.FieldStart:
          if (c === QUOTE) {
            this.state = State.Quoted;
            this.quoteLine = this.line;
            i++;
          } else if (c === this.delim) {
            this.row.push('');
            i++;
          } else if (c === LF || c === CR) {
            i = this.lineBreak(s, i, out);
          } else {
            this.state = State.Unquoted;
          }
          break;
        case State.Unquoted: {
          let j = i;
          while (j < n) {
            const d = s.charCodeAt(j);
            if (d === this.delim || d === LF || d === CR) break;
            j++;
          }
          this.field += s.slice(i, j);
          i = j;
          if (i < n) {
            if (s.charCodeAt(i) === this.delim) {
              this.endField();
              i++;
            } else {
              i = this.lineBreak(s, i, out);
            }
          }
          break;
        }
        case State.Quoted: {
          let j = i;
          while (j < n) {
            const d = s.charCodeAt(j);
            if (d === QUOTE) break;
            if (d === LF || (d === CR && s.charCodeAt(j + 1) !== LF)) this.line++;
            j++;
          }
          this.field += s.slice(i, j);
          i = j;
          if (i < n) {
            this.state = State.QuoteInQuoted;
            i++;
          }
          break;
        }
        case State.QuoteInQuoted:
          if (c === QUOTE) {
            this.field += '"';
            this.state = State.Quoted;
            i++;
          } else if (c === this.delim) {
            this.endField();
            i++;
          } else if (c === LF || c === CR) {
            i = this.lineBreak(s, i, out);
          } else {
            // `"abc"def`: not RFC 4180, keep the rest of the field as unquoted text.
            this.state = State.Unquoted;
          }
          break;
      }
    }
    return out;
  }

  /** Flush the last row. Throws CsvError if a quoted field was never closed. */
  end(): string[][] {
    if (this.state === State.Quoted) {
      throw new CsvError(`unterminated quoted field starting on line ${this.quoteLine}`, this.quoteLine);
    }
    const out: string[][] = [];
    if (this.state !== State.FieldStart || this.row.length > 0) {
      this.endField();
      this.endRow(out);
    }
    return out;
  }

  /** 1-based line number the parser is on (counts line breaks inside quoted fields too). */
  get currentLine(): number {
    return this.line;
  }

  private endField(): void {
    this.row.push(this.field);
    this.field = '';
    this.state = State.FieldStart;
  }

  private endRow(out: string[][]): void {
    const row = this.row;
    this.row = [];
    // Skip blank lines (a single empty unquoted field).
    if (row.length === 1 && row[0] === '') return;
    out.push(row);
  }

  /** Handles LF, CRLF or CR at s[i]; returns the index after the line break. */
  private lineBreak(s: string, i: number, out: string[][]): number {
    this.endField();
    this.endRow(out);
    this.line++;
    if (s.charCodeAt(i) === CR) {
      if (i + 1 === s.length) {
        this.pendingCr = true;
        return i + 1;
      }
      if (s.charCodeAt(i + 1) === LF) return i + 2;
    }
    return i + 1;
  }
}

/** Parses a whole CSV string. */
export function parseCsv(text: string, options?: CsvOptions): string[][] {
  const p = new CsvParser(options);
  const rows = p.push(text);
  for (const r of p.end()) rows.push(r);
  return rows;
}

/** Streams the rows of a CSV file (UTF-8), chunk by chunk. */
export async function* readCsvRows(path: string, options?: CsvOptions): AsyncGenerator<string[]> {
  const parser = new CsvParser(options);
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 });
  try {
    for await (const chunk of stream) {
      for (const row of parser.push(chunk as string)) yield row;
    }
  } catch (e) {
    if (e instanceof CsvError) throw new CsvError(`${path}: ${e.message}`, e.line);
    throw e;
  } finally {
    stream.destroy();
  }
  let tail: string[][];
  try {
    tail = parser.end();
  } catch (e) {
    if (e instanceof CsvError) throw new CsvError(`${path}: ${e.message}`, e.line);
    throw e;
  }
  for (const row of tail) yield row;
}

/**
 * Streams a CSV file with a header row as records keyed by header name (`line` = 1-based data row).
 * Missing trailing cells become ''. Throws if a required column is absent.
 */
export async function* readCsvRecords(
  path: string,
  options: CsvOptions & { required?: readonly string[]; header?: readonly string[] } = {},
): AsyncGenerator<{ record: Record<string, string>; line: number }> {
  let header: readonly string[] | undefined = options.header;
  let line = 0;
  for await (const row of readCsvRows(path, options)) {
    if (!header) {
      header = row.map((h) => h.trim());
      const missing = (options.required ?? []).filter((r) => !header!.includes(r));
      if (missing.length > 0) {
        throw new Error(`${path}: missing column(s) ${missing.join(', ')}; header is ${header.join(', ')}`);
      }
      continue;
    }
    line++;
    const record: Record<string, string> = {};
    for (let k = 0; k < header.length; k++) record[header[k]!] = row[k] ?? '';
    yield { record, line };
  }
}
