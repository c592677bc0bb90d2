// Runs one kind of CSV import: decode, read the table, check every row in order, and report all refusals with their lines.
import { decodeCsvBytes, type ImportEncoding } from './decode.js';
import { readTable, type ColumnSpec, type ImportRowError } from './table.js';
import { rowCheck, type RowCheck } from './values.js';

/** Large enough for any school's roster, small enough that one request stays one transaction. */
export const DEFAULT_MAX_IMPORT_ROWS = 50_000;

export interface ImportResult<Row> {
  readonly encoding: ImportEncoding | null;
  /** Data rows in the file, valid or not. */
  readonly totalRows: number;
  /** The valid rows; write them only when `errors` is empty, all in one transaction. */
  readonly rows: readonly Row[];
  readonly errors: readonly ImportRowError[];
}

/** Checks one row; returns undefined, or a value that is dropped, when it recorded a refusal. */
export type RowReader<K extends string, Row> = (check: RowCheck<K>) => Row | undefined;

export function importCsv<K extends string, Row>(
  bytes: Uint8Array,
  columns: readonly ColumnSpec<K>[],
  maxRows: number,
  readRow: RowReader<K, Row>,
): ImportResult<Row> {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return { encoding: null, totalRows: 0, rows: [], errors: [{ line: 0, field: null, column: null, reason: decoded.error }] };
  const { encoding } = decoded.value;
  const reading = readTable(decoded.value.text, columns, maxRows);
  if (reading.table === null) return { encoding, totalRows: 0, rows: [], errors: reading.errors };

  const rows: Row[] = [];
  const errors: ImportRowError[] = [...reading.errors];
  for (const row of reading.table.rows) {
    const check = rowCheck(row, reading.table.columnNames);
    const value = readRow(check);
    if (check.errors.length > 0 || value === undefined) errors.push(...check.errors);
    else rows.push(value);
  }
  errors.sort((a, b) => a.line - b.line);
  return { encoding, totalRows: reading.table.rows.length + reading.errors.length, rows, errors };
}
