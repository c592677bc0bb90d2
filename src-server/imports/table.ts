// Reads a decoded CSV into rows keyed by column, accepting Chinese or English header names, with file line numbers.
import { parse } from 'csv-parse/sync';
import { refuse, type DomainError } from '../../shared/errors/domain-error.js';

export interface ColumnSpec<K extends string> {
  readonly key: K;
  /** The header as the seeds and school spreadsheets write it, e.g. 证件号码. */
  readonly zh: string;
  /** English spellings, compared ignoring case, spaces, `_` and `-` (idNumber, ID number, id_number). */
  readonly en: readonly string[];
  readonly required: boolean;
}

export interface ImportRowError {
  /** The line in the file (header = 1), where the row starts; 0 for the file as a whole. */
  readonly line: number;
  /** The column's key when the refusal concerns one cell. */
  readonly field: string | null;
  /** That column's header as written in the file, for the report. */
  readonly column: string | null;
  readonly reason: DomainError;
}

export interface TableRow<K extends string> {
  readonly line: number;
  /** Trimmed cell text; a column the file lacks reads as ''. */
  readonly cells: Readonly<Record<K, string>>;
}

export interface Table<K extends string> {
  /** The header text each column had in this file. */
  readonly columnNames: Readonly<Partial<Record<K, string>>>;
  readonly rows: readonly TableRow<K>[];
}

export interface TableReading<K extends string> {
  /** Null when the file cannot be read as a whole (encoding, quotes, header): then no row is checked. */
  readonly table: Table<K> | null;
  readonly errors: readonly ImportRowError[];
}

function fileError(line: number, reason: DomainError): ImportRowError {
  return { line, field: null, column: null, reason };
}

function englishKey(header: string): string {
  return header.replace(/[\s_-]/g, '').toLowerCase();
}

/** A header cell's column, by its Chinese name or any English spelling. */
function columnOf<K extends string>(columns: readonly ColumnSpec<K>[], header: string): ColumnSpec<K> | undefined {
  const english = englishKey(header);
  return columns.find((column) => column.zh === header || column.en.some((name) => englishKey(name) === english));
}

function lineBreaks(cell: string): number {
  return cell.match(/\r\n|\r|\n/g)?.length ?? 0;
}

interface ParsedRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

/**
 * The whole text is parsed at once: an import is all-or-nothing, so a row can only be written after
 * the last one is checked anyway, and a school roster fits in memory many times over. Rows are
 * checked one by one, in order, so a streaming parser could feed the same checks.
 */
export function readTable<K extends string>(text: string, columns: readonly ColumnSpec<K>[], maxRows: number): TableReading<K> {
  let records: ParsedRecord[];
  try {
    // csv-parse's typings do not model `info: true`, which wraps each record with its position.
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as ParsedRecord[];
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : 0;
    return { table: null, errors: [fileError(line, refuse('IMPORT_CSV_MALFORMED', { params: { line } }))] };
  }
  const [header, ...body] = records;
  if (header === undefined) return { table: null, errors: [fileError(0, refuse('IMPORT_FILE_EMPTY'))] };

  const headerLine = header.info.lines;
  const errors: ImportRowError[] = [];
  const positions = new Map<K, number>();
  const columnNames: Partial<Record<K, string>> = {};
  header.record.forEach((raw, index) => {
    const name = raw.trim();
    // Spreadsheets export trailing blank columns; a column without a header carries nothing.
    if (name === '') return;
    const column = columnOf(columns, name);
    if (column === undefined) {
      errors.push({ line: headerLine, field: null, column: name, reason: refuse('IMPORT_COLUMN_UNKNOWN', { params: { column: name } }) });
    } else if (positions.has(column.key)) {
      errors.push({ line: headerLine, field: column.key, column: name, reason: refuse('IMPORT_COLUMN_DUPLICATE', { params: { column: name } }) });
    } else {
      positions.set(column.key, index);
      columnNames[column.key] = name;
    }
  });
  for (const column of columns) {
    if (column.required && !positions.has(column.key)) {
      errors.push({ line: headerLine, field: column.key, column: column.zh, reason: refuse('IMPORT_COLUMN_MISSING', { params: { column: column.zh } }) });
    }
  }
  if (errors.length > 0) return { table: null, errors };

  const dataRecords = body.filter(({ record }) => record.some((cell) => cell.trim() !== ''));
  if (dataRecords.length === 0) return { table: null, errors: [fileError(0, refuse('IMPORT_FILE_EMPTY'))] };
  if (dataRecords.length > maxRows) {
    return { table: null, errors: [fileError(0, refuse('IMPORT_TOO_MANY_ROWS', { params: { max: maxRows } }))] };
  }

  const width = header.record.length;
  const rows: TableRow<K>[] = [];
  for (const { record, info } of dataRecords) {
    // csv-parse reports the line a record ends on; a quoted cell with line breaks started earlier.
    const line = info.lines - record.reduce((total, cell) => total + lineBreaks(cell), 0);
    const extra = record.slice(width);
    if (record.length < width || extra.some((cell) => cell.trim() !== '')) {
      errors.push(fileError(line, refuse('IMPORT_CSV_MALFORMED', { params: { line } })));
      continue;
    }
    const cells = {} as Record<K, string>;
    for (const column of columns) {
      const position = positions.get(column.key);
      cells[column.key] = position === undefined ? '' : (record[position] ?? '').trim();
    }
    rows.push({ line, cells });
  }
  return { table: { columnNames, rows }, errors };
}
