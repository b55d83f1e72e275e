import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvError, CsvParser, parseCsv, readCsvRecords, readCsvRows } from '../../../lib/eval/csv';

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('parseCsv (RFC 4180)', () => {
  it('splits plain fields and rows', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('keeps delimiters, doubled quotes and line breaks inside quoted fields', () => {
    const text = 'id,text\n1,"hello, world"\n2,"she said ""stop"""\n3,"line one\nline two\r\nline three"\n';
    expect(parseCsv(text)).toEqual([
      ['id', 'text'],
      ['1', 'hello, world'],
      ['2', 'she said "stop"'],
      ['3', 'line one\nline two\r\nline three'],
    ]);
  });

  it('accepts CRLF and CR line endings and a missing final newline', () => {
    expect(parseCsv('a,b\r\n1,2\r3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps empty fields, including a trailing one, and skips blank lines', () => {
    expect(parseCsv('a,,c,\n\n\n,,\n')).toEqual([
      ['a', '', 'c', ''],
      ['', '', ''],
    ]);
  });

  it('drops a leading BOM', () => {
    expect(parseCsv('\uFEFFname\nx\n')).toEqual([['name'], ['x']]);
  });

  it('is lenient with stray quotes in unquoted fields and text after a closing quote', () => {
    expect(parseCsv('5 " screen,"ab"cd,e\n')).toEqual([['5 " screen', 'abcd', 'e']]);
  });

  it('supports another delimiter', () => {
    expect(parseCsv('a\tb "x"\n1\t"2\t3"\n', { delimiter: '\t' })).toEqual([
      ['a', 'b "x"'],
      ['1', '2\t3'],
    ]);
  });

  it('reports an unterminated quoted field with the line it started on', () => {
    expect(() => parseCsv('a,b\n1,"open\nstill open\n')).toThrow(CsvError);
    try {
      parseCsv('a,b\n1,"open\nstill open\n');
    } catch (e) {
      expect((e as CsvError).line).toBe(2);
      expect((e as Error).message).toContain('line 2');
    }
  });

  it('gives the same rows whatever the chunk boundaries', () => {
    const text = 'h1,h2,h3\r\n"a ""q"", b",plain,"x\r\ny"\r\n,,"last"\r\nz,"",end\n';
    const whole = parseCsv(text);
    for (let cut = 0; cut <= text.length; cut++) {
      const p = new CsvParser();
      const rows = [...p.push(text.slice(0, cut)), ...p.push(text.slice(cut)), ...p.end()];
      expect(rows, `cut at ${cut}`).toEqual(whole);
    }
    // One character at a time, too.
    const p = new CsvParser();
    const rows: string[][] = [];
    for (const ch of text) rows.push(...p.push(ch));
    rows.push(...p.end());
    expect(rows).toEqual(whole);
  });

  it('rejects an unusable delimiter', () => {
    expect(() => new CsvParser({ delimiter: '"' })).toThrow(/delimiter/);
    expect(() => new CsvParser({ delimiter: ';;' })).toThrow(/delimiter/);
  });
});

describe('reading CSV files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'redflag-csv-'));

  it('streams rows from a file, across read chunks', async () => {
    const long = 'x'.repeat(200_000);
    const f = join(dir, 'big.csv');
    writeFileSync(f, `a,b\n"${long}\n${long}",2\nlast,"q""q"\n`);
    const rows = await collect(readCsvRows(f));
    expect(rows).toHaveLength(3);
    expect(rows[1]![0]).toBe(`${long}\n${long}`);
    expect(rows[2]).toEqual(['last', 'q"q']);
  });

  it('keys records by header and pads short rows', async () => {
    const f = join(dir, 'rec.csv');
    writeFileSync(f, 'name,age,city\nAnn,31\n');
    const recs = await collect(readCsvRecords(f, { required: ['name'] }));
    expect(recs).toEqual([{ record: { name: 'Ann', age: '31', city: '' }, line: 1 }]);
  });

  it('names the file and the missing columns', async () => {
    const f = join(dir, 'cols.csv');
    writeFileSync(f, 'name,age\nAnn,31\n');
    await expect(collect(readCsvRecords(f, { required: ['label', 'text'] }))).rejects.toThrow(/cols\.csv: missing column\(s\) label, text/);
  });

  it('names the file of an unterminated quote', async () => {
    const f = join(dir, 'open.csv');
    writeFileSync(f, 'a\n"never closed\n');
    await expect(collect(readCsvRows(f))).rejects.toThrow(/open\.csv: unterminated quoted field starting on line 2/);
  });
});
