// CET4 score CSV import: the records CET6 qualification reviews are checked against; nothing is written here.
import type { Cet4ScoreRecord } from '../../shared/domain/cet4-score-record.js';
import type { IdType } from '../../shared/domain/identity.js';
import { parseTicketNumber } from '../../shared/rules/review-ticket.js';
import { normalizeTypedCode } from '../../shared/rules/typed-code.js';
import { DEFAULT_MAX_IMPORT_ROWS, importCsv, type ImportResult } from './import-csv.js';
import { refuse } from '../../shared/errors/domain-error.js';
import type { ColumnSpec } from './table.js';
import { allDefined, firstSeen, readIdNumber, readIdType, readName, type RowCheck } from './values.js';

export type Cet4ScoreColumn = 'ticketNumber' | 'idType' | 'idNumber' | 'name' | 'score' | 'examYear';

export const CET4_SCORE_COLUMNS: readonly ColumnSpec<Cet4ScoreColumn>[] = [
  { key: 'ticketNumber', zh: '准考证号', en: ['ticketNumber', 'admissionTicketNumber'], required: true },
  { key: 'idType', zh: '证件类型', en: ['idType'], required: false },
  { key: 'idNumber', zh: '证件号码', en: ['idNumber'], required: true },
  { key: 'name', zh: '姓名', en: ['name'], required: true },
  { key: 'score', zh: '成绩', en: ['score', 'totalScore'], required: true },
  { key: 'examYear', zh: '考试年份', en: ['examYear', 'year'], required: true },
];

/** CET started in 1987; the 710-point scale is the only one a score record can hold. */
const FIRST_CET_YEAR = 1987;
const MAX_SCORE = 710;

/**
 * Records below 425 or from before 2005 are imported as they are: they are facts, and the review
 * rules (C2, C5) are what refuse them as evidence, with their own messages.
 */
export type Cet4ScoreImportRow = Cet4ScoreRecord & {
  /** When the file has a 证件类型 column, the ID number was checked and stored in that type's canonical form. */
  readonly idType: IdType | null;
  readonly line: number;
};

export interface Cet4ScoreImportOptions {
  readonly now: Date;
  readonly maxRows?: number;
}

function readTicketNumber(check: RowCheck<Cet4ScoreColumn>): string | undefined {
  const raw = check.required('ticketNumber');
  if (raw === undefined) return undefined;
  const ticketNumber = normalizeTypedCode(raw);
  return parseTicketNumber(ticketNumber) !== null ? ticketNumber : check.fail('ticketNumber', refuse('REVIEW_TICKET_FORMAT', { field: 'ticketNumber' }));
}

/**
 * Score lists often lack the ID type; then the number is only tidied (full-width folded, spaces
 * dropped, upper-cased), which is the canonical form of every type except HK and Macau IDs.
 */
function readScoreIdNumber(check: RowCheck<Cet4ScoreColumn>, now: Date): { idType: IdType | null; idNumber?: string } {
  if (check.cell('idType') !== '') {
    const idType = readIdType(check, 'idType');
    return { idType: idType ?? null, idNumber: readIdNumber(check, 'idNumber', idType, now) };
  }
  const raw = check.required('idNumber');
  if (raw === undefined) return { idType: null };
  const idNumber = check.text('idNumber', 32);
  return { idType: null, idNumber: idNumber === undefined ? undefined : normalizeTypedCode(idNumber) };
}

/** A ticket number names one sitting of one candidate, so it may appear once in a file. */
export function parseCet4ScoreCsv(bytes: Uint8Array, options: Cet4ScoreImportOptions): ImportResult<Cet4ScoreImportRow> {
  const ticketSeen = firstSeen();
  const thisYear = options.now.getUTCFullYear();
  return importCsv(bytes, CET4_SCORE_COLUMNS, options.maxRows ?? DEFAULT_MAX_IMPORT_ROWS, (check) => {
    const ticketNumber = readTicketNumber(check);
    const { idType, idNumber } = readScoreIdNumber(check, options.now);
    const name = readName(check, 'name');
    const score = check.integer('score', 0, MAX_SCORE);
    const examYear = check.integer('examYear', FIRST_CET_YEAR, thisYear);
    if (ticketNumber !== undefined) {
      const earlier = ticketSeen(ticketNumber, check.line);
      if (earlier !== undefined) {
        check.fail('ticketNumber', refuse('IMPORT_DUPLICATE_TICKET', { field: 'ticketNumber', params: { line: earlier } }));
      }
    }
    const row = allDefined({ line: check.line, ticketNumber, idNumber, name, score, examYear });
    return row === undefined ? undefined : { ...row, idType };
  });
}
