import type { SourceRecord } from '../api/sources-http.js';

export type SourceColumn = keyof SourceRecord;
export type SortDirection = 'ascending' | 'descending';
export interface SourceSort {
  column: SourceColumn;
  direction: SortDirection;
}

/** The track-record table's columns, in order; counts sort most first on the first click. */
export const SOURCE_COLUMNS: { column: SourceColumn; label: string; numeric: boolean }[] = [
  { column: 'name', label: 'Source', numeric: false },
  { column: 'kind', label: 'Kind', numeric: false },
  { column: 'claims', label: 'Claims', numeric: true },
  { column: 'asOriginal', label: 'First to say', numeric: true },
  { column: 'asRelay', label: 'Relayed', numeric: true },
  { column: 'revised', label: 'Revised', numeric: true },
  { column: 'corrected', label: 'Corrected', numeric: true },
  { column: 'disputed', label: 'Disputed', numeric: true },
  { column: 'supported', label: 'Supported', numeric: true },
  { column: 'retracted', label: 'Retracted', numeric: true },
  { column: 'firstReportedAt', label: 'First report', numeric: false },
  { column: 'lastReportedAt', label: 'Last report', numeric: false },
];

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The rows in the sort's order; ties keep the service's order (most claims, then name). */
export function sortSources(rows: readonly SourceRecord[], sort: SourceSort): SourceRecord[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = a.row[sort.column];
      const y = b.row[sort.column];
      const order =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : collator.compare(String(x), String(y));
      return order * sign || a.index - b.index;
    })
    .map(({ row }) => row);
}

/** A click on a column header: the same column flips; another starts most-first for counts. */
export function nextSort(current: SourceSort, column: SourceColumn): SourceSort {
  if (current.column === column) {
    return {
      column,
      direction: current.direction === 'ascending' ? 'descending' : 'ascending',
    };
  }
  const numeric = SOURCE_COLUMNS.find((entry) => entry.column === column)?.numeric ?? false;
  return { column, direction: numeric ? 'descending' : 'ascending' };
}
