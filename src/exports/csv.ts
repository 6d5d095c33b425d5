/**
 * RFC 4180 CSV: CRLF line ends, every cell quoted when it holds a comma, quote, CR or LF (quotes
 * doubled). A cell that begins with `=`, `+`, `-` or `@` is prefixed with `'`, so a spreadsheet
 * shows it as text and never runs it as a formula.
 */
export type Cell = string | number | boolean | null | undefined;

const FORMULA = /^[=+\-@]/u;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function csv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map(csvRow).join('');
}
