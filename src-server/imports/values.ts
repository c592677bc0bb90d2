// Reads one cell of an import row into a domain value, or records why it cannot: the words schools write in their spreadsheets.
import { ID_TYPES, type IdType } from '../../shared/domain/identity.js';
import { EDUCATION_LEVELS, GENDERS, type EducationLevel, type Gender } from '../../shared/domain/roster-record.js';
import type { Subject, SubjectCode } from '../../shared/domain/subject.js';
import { checkName, normalizeName } from '../../shared/rules/contact.js';
import { checkIdNumber, normalizeIdNumber } from '../../shared/rules/id-number.js';
import { refuse, type DomainError } from '../../shared/errors/domain-error.js';
import type { ImportRowError, TableRow } from './table.js';

/** The names the seeds' 证件类型 list uses, plus the short forms people write; the codes are accepted too. */
const ID_TYPE_WORDS: Readonly<Record<IdType, readonly string[]>> = {
  RESIDENT_ID: ['中华人民共和国居民身份证', '居民身份证', '身份证'],
  TAIWAN_PERMIT: ['台湾居民往来大陆通行证', '台胞证'],
  HK_MACAO_PERMIT: ['港澳居民来往内地通行证', '回乡证'],
  PASSPORT: ['护照'],
  HK_ID: ['香港身份证'],
  MACAO_ID: ['澳门身份证'],
};
const GENDER_WORDS: Readonly<Record<Gender, readonly string[]>> = { MALE: ['男', 'M'], FEMALE: ['女', 'F'] };
const EDUCATION_WORDS: Readonly<Record<EducationLevel, readonly string[]>> = {
  JUNIOR_COLLEGE: ['专科', '大专'],
  UNDERGRADUATE: ['本科'],
  POSTGRADUATE: ['研究生', '硕士研究生', '博士研究生'],
};
const YES = ['是', 'Y', 'YES', 'TRUE', '1'];
const NO = ['否', 'N', 'NO', 'FALSE', '0', ''];

function lookup<V extends string>(codes: readonly V[], words: Readonly<Record<V, readonly string[]>>, raw: string): V | undefined {
  const upper = raw.toUpperCase();
  return codes.find((code) => code === upper || words[code].includes(raw) || words[code].includes(upper));
}

/** Collects the refusals of one row's cells, each with the column as the file named it. */
export interface RowCheck<K extends string> {
  readonly line: number;
  readonly errors: ImportRowError[];
  /** The header the file gave this column, for messages that name it. */
  columnName(key: K): string;
  cell(key: K): string;
  fail(key: K, reason: DomainError): undefined;
  /** A required cell's text, or a FIELD_REQUIRED refusal. */
  required(key: K): string | undefined;
  /** Text up to `max` characters. */
  text(key: K, max: number): string | undefined;
  choice<V extends string>(key: K, codes: readonly V[], words: Readonly<Record<V, readonly string[]>>): V | undefined;
  integer(key: K, min: number, max: number): number | undefined;
}

export function rowCheck<K extends string>(row: TableRow<K>, columnNames: Readonly<Partial<Record<K, string>>>): RowCheck<K> {
  const errors: ImportRowError[] = [];
  const check: RowCheck<K> = {
    line: row.line,
    errors,
    columnName: (key) => columnNames[key] ?? key,
    cell: (key) => row.cells[key],
    fail(key, reason) {
      errors.push({ line: row.line, field: key, column: columnNames[key] ?? null, reason });
      return undefined;
    },
    required(key) {
      const value = row.cells[key];
      return value === '' ? check.fail(key, refuse('FIELD_REQUIRED', { field: key })) : value;
    },
    text(key, max) {
      const value = row.cells[key];
      return [...value].length > max ? check.fail(key, refuse('FIELD_TOO_LONG', { field: key, params: { max } })) : value;
    },
    choice(key, codes, words) {
      const raw = check.required(key);
      if (raw === undefined) return undefined;
      const allowed = codes.map((code) => words[code][0] ?? code).join('、');
      return lookup(codes, words, raw) ?? check.fail(key, refuse('IMPORT_VALUE_NOT_ALLOWED', { field: key, params: { column: check.columnName(key), allowed } }));
    },
    integer(key, min, max) {
      const raw = check.required(key);
      if (raw === undefined) return undefined;
      const value = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
      return value >= min && value <= max
        ? value
        : check.fail(key, refuse('IMPORT_NUMBER_INVALID', { field: key, params: { column: check.columnName(key), min, max } }));
    },
  };
  return check;
}

export function readIdType<K extends string>(check: RowCheck<K>, key: K): IdType | undefined {
  return check.choice(key, ID_TYPES, ID_TYPE_WORDS);
}

export function readGender<K extends string>(check: RowCheck<K>, key: K): Gender | undefined {
  return check.choice(key, GENDERS, GENDER_WORDS);
}

export function readEducationLevel<K extends string>(check: RowCheck<K>, key: K): EducationLevel | undefined {
  return check.choice(key, EDUCATION_LEVELS, EDUCATION_WORDS);
}

/** The rules' canonical ID number (A2), or the rule's refusal on the cell. */
export function readIdNumber<K extends string>(check: RowCheck<K>, key: K, idType: IdType | undefined, now: Date): string | undefined {
  const raw = check.required(key);
  if (raw === undefined || idType === undefined) return undefined;
  const idNumber = normalizeIdNumber(idType, raw);
  const error = checkIdNumber(idType, idNumber, now);
  return error === null ? idNumber : check.fail(key, error);
}

/** Names are compared after the rules' tidying, so the stored form is the tidied one. */
export function readName<K extends string>(check: RowCheck<K>, key: K): string | undefined {
  const name = normalizeName(check.cell(key));
  const error = checkName(name);
  return error === null ? name : check.fail(key, error);
}

/** An empty flag cell means no: most rows leave 限制报考六级 blank. */
export function readFlag<K extends string>(check: RowCheck<K>, key: K): boolean | undefined {
  const raw = check.cell(key).toUpperCase();
  if (YES.includes(raw)) return true;
  if (NO.includes(raw)) return false;
  return check.fail(key, refuse('IMPORT_VALUE_NOT_ALLOWED', { field: key, params: { column: check.columnName(key), allowed: '是、否' } }));
}

/** `(1)英语四级笔试`, `（F） 英语四级口试`: the seeds' way of printing a subject with its code. */
const CODED_NAME = /^[(（]\s*([0-9A-Za-z]{1,2})\s*[)）]\s*(.*)$/;

function subjectOf(token: string, subjects: readonly Subject[]): Subject | undefined {
  const coded = CODED_NAME.exec(token);
  if (coded !== null) {
    const [, code = '', name = ''] = coded;
    const subject = subjects.find((candidate) => candidate.code === code.toUpperCase());
    return subject !== undefined && (name === '' || name === subject.name) ? subject : undefined;
  }
  return subjects.find((candidate) => candidate.code === token.toUpperCase() || candidate.name === token);
}

/**
 * 资格科目: codes (`1;F;4`), names (`英语四级笔试；英语四级口试`) or both, separated by the
 * semicolons, commas and 顿号 that spreadsheets contain, in half or full width.
 */
export function readSubjectCodes<K extends string>(check: RowCheck<K>, key: K, subjects: readonly Subject[]): SubjectCode[] | undefined {
  const raw = check.required(key);
  if (raw === undefined) return undefined;
  const codes: SubjectCode[] = [];
  let failed = false;
  for (const token of raw.split(/[;；,，、]/).map((part) => part.trim()).filter((part) => part !== '')) {
    const subject = subjectOf(token, subjects);
    if (subject === undefined) {
      failed = true;
      check.fail(key, refuse('IMPORT_SUBJECT_UNKNOWN', { field: key, params: { subject: token } }));
    } else if (codes.includes(subject.code)) {
      failed = true;
      check.fail(key, refuse('IMPORT_SUBJECT_REPEATED', { field: key, params: { subject: token } }));
    } else {
      codes.push(subject.code);
    }
  }
  if (codes.length === 0 && !failed) return check.fail(key, refuse('FIELD_REQUIRED', { field: key }));
  return failed ? undefined : codes;
}

/** The first line a key was seen on, for the "same as line N" refusal of a duplicate inside the file. */
export function firstSeen(): (key: string, line: number) => number | undefined {
  const lines = new Map<string, number>();
  return (key, line) => {
    const earlier = lines.get(key);
    if (earlier === undefined) lines.set(key, line);
    return earlier;
  };
}

export type Defined<T> = { [K in keyof T]: Exclude<T[K], undefined> };

/** The row's fields once each cell was read: the whole row if every one succeeded, else undefined. */
export function allDefined<T extends Record<string, unknown>>(fields: T): Defined<T> | undefined {
  return Object.values(fields).every((value) => value !== undefined) ? (fields as Defined<T>) : undefined;
}
