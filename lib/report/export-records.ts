/** JSON and CSV export of local records (report history, false-positive notes, warning log). */

/** A cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading apostrophe. */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : Array.isArray(value) ? value.join(' ') : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function toCsv<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c === 'time' && typeof row[c] === 'number' ? new Date(row[c] as number).toISOString() : row[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}

export function toJson(rows: readonly unknown[], kind: string): string {
  return JSON.stringify({ exportedBy: 'redflag', kind, exportedAt: new Date().toISOString(), records: rows }, null, 2);
}
