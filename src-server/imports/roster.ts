// Roster (学籍) CSV import: every row checked with the shared rules and against the rest of the file; nothing is written here.
import type { RosterRecord } from '../../shared/domain/roster-record.js';
import { isCampusCode, isSchoolCode, schoolOfCampus, type CampusCode, type SchoolCode } from '../../shared/domain/school.js';
import type { Subject } from '../../shared/domain/subject.js';
import { DEFAULT_MAX_IMPORT_ROWS, importCsv, type ImportResult } from './import-csv.js';
import { refuse } from '../../shared/errors/domain-error.js';
import type { ColumnSpec } from './table.js';
import {
  allDefined,
  firstSeen,
  readEducationLevel,
  readFlag,
  readGender,
  readIdNumber,
  readIdType,
  readName,
  readSubjectCodes,
  type RowCheck,
} from './values.js';

export type RosterColumn =
  | 'idType'
  | 'idNumber'
  | 'name'
  | 'gender'
  | 'schoolCode'
  | 'campusCode'
  | 'educationLevel'
  | 'lengthOfSchooling'
  | 'enrolmentYear'
  | 'grade'
  | 'department'
  | 'major'
  | 'className'
  | 'studentNumber'
  | 'notes'
  | 'qualificationSubjects'
  | 'restrictedFromCet6';

/** The 学籍 columns in the order the seeds' 学籍信息 table shows them. */
export const ROSTER_COLUMNS: readonly ColumnSpec<RosterColumn>[] = [
  { key: 'idType', zh: '证件类型', en: ['idType'], required: true },
  { key: 'idNumber', zh: '证件号码', en: ['idNumber'], required: true },
  { key: 'name', zh: '姓名', en: ['name'], required: true },
  { key: 'gender', zh: '性别', en: ['gender', 'sex'], required: true },
  { key: 'schoolCode', zh: '学校代码', en: ['schoolCode'], required: true },
  { key: 'campusCode', zh: '校区代码', en: ['campusCode'], required: true },
  { key: 'educationLevel', zh: '学历', en: ['educationLevel', 'education'], required: true },
  { key: 'lengthOfSchooling', zh: '学制', en: ['lengthOfSchooling'], required: true },
  { key: 'enrolmentYear', zh: '入学年份', en: ['enrolmentYear', 'enrollmentYear'], required: true },
  { key: 'grade', zh: '年级', en: ['grade'], required: false },
  { key: 'department', zh: '院系', en: ['department'], required: false },
  { key: 'major', zh: '专业', en: ['major'], required: false },
  { key: 'className', zh: '班级', en: ['className', 'class'], required: false },
  { key: 'studentNumber', zh: '学号', en: ['studentNumber'], required: true },
  { key: 'notes', zh: '备注', en: ['notes', 'remarks'], required: false },
  { key: 'qualificationSubjects', zh: '资格科目', en: ['qualificationSubjects', 'qualificationSubjectCodes'], required: true },
  { key: 'restrictedFromCet6', zh: '限制报考六级', en: ['restrictedFromCet6'], required: false },
];

/** A valid roster row: the roster record without its database id, and the line it came from. */
export type RosterImportRow = Omit<RosterRecord, 'id'> & { readonly line: number };

export interface RosterImportOptions {
  /** The catalogue that 资格科目 codes and names are resolved against. */
  readonly subjects: readonly Subject[];
  /** For the resident ID birth-date check: nobody on a roster is born in the future. */
  readonly now: Date;
  /** A teacher imports their own school only; rows of another school are refused. */
  readonly schoolCode?: SchoolCode;
  /** The campuses that exist; without it any well-formed campus code of the school is accepted. */
  readonly campusCodes?: ReadonlySet<CampusCode>;
  readonly maxRows?: number;
}

function readSchoolAndCampus(
  check: RowCheck<RosterColumn>,
  options: RosterImportOptions,
): { schoolCode?: SchoolCode; campusCode?: CampusCode } {
  const rawSchool = check.required('schoolCode');
  const rawCampus = check.required('campusCode');
  let schoolCode: SchoolCode | undefined;
  if (rawSchool !== undefined) {
    if (!isSchoolCode(rawSchool)) check.fail('schoolCode', refuse('IMPORT_SCHOOL_CODE_INVALID', { field: 'schoolCode' }));
    else if (options.schoolCode !== undefined && rawSchool !== options.schoolCode) {
      check.fail('schoolCode', refuse('IMPORT_SCHOOL_MISMATCH', { field: 'schoolCode', params: { school: rawSchool, expected: options.schoolCode } }));
    } else schoolCode = rawSchool;
  }
  if (rawCampus === undefined) return { schoolCode };
  if (!isCampusCode(rawCampus)) {
    check.fail('campusCode', refuse('IMPORT_CAMPUS_CODE_INVALID', { field: 'campusCode' }));
    return { schoolCode };
  }
  if (schoolCode !== undefined && schoolOfCampus(rawCampus) !== schoolCode) {
    check.fail('campusCode', refuse('IMPORT_CAMPUS_NOT_IN_SCHOOL', { field: 'campusCode', params: { campus: rawCampus, school: schoolCode } }));
    return { schoolCode };
  }
  if (options.campusCodes !== undefined && !options.campusCodes.has(rawCampus)) {
    check.fail('campusCode', refuse('IMPORT_CAMPUS_UNKNOWN', { field: 'campusCode', params: { campus: rawCampus } }));
    return { schoolCode };
  }
  return { schoolCode, campusCode: rawCampus };
}

function readEnrolmentYear(check: RowCheck<RosterColumn>): string | undefined {
  const raw = check.required('enrolmentYear');
  if (raw === undefined) return undefined;
  return /^(\d{2}|\d{4})$/.test(raw) ? raw : check.fail('enrolmentYear', refuse('IMPORT_ENROLMENT_YEAR_INVALID', { field: 'enrolmentYear' }));
}

/**
 * Every refusal of every row is reported, not just the first, so a teacher fixes the spreadsheet
 * in one pass. Duplicates are judged by identity (one roster record per person) and by student
 * number within a school, each pointing at the line that had it first.
 */
export function parseRosterCsv(bytes: Uint8Array, options: RosterImportOptions): ImportResult<RosterImportRow> {
  const identitySeen = firstSeen();
  const studentNumberSeen = firstSeen();
  return importCsv(bytes, ROSTER_COLUMNS, options.maxRows ?? DEFAULT_MAX_IMPORT_ROWS, (check) => {
    const idType = readIdType(check, 'idType');
    const idNumber = readIdNumber(check, 'idNumber', idType, options.now);
    const name = readName(check, 'name');
    const gender = readGender(check, 'gender');
    const { schoolCode, campusCode } = readSchoolAndCampus(check, options);
    const educationLevel = readEducationLevel(check, 'educationLevel');
    const lengthOfSchooling = check.integer('lengthOfSchooling', 1, 9);
    const enrolmentYear = readEnrolmentYear(check);
    const grade = check.text('grade', 20);
    const department = check.text('department', 50);
    const major = check.text('major', 50);
    const className = check.text('className', 50);
    const studentNumber = check.required('studentNumber') === undefined ? undefined : check.text('studentNumber', 30);
    const notes = check.text('notes', 200);
    const qualificationSubjectCodes = readSubjectCodes(check, 'qualificationSubjects', options.subjects);
    const restrictedFromCet6 = readFlag(check, 'restrictedFromCet6');

    if (idType !== undefined && idNumber !== undefined) {
      const earlier = identitySeen(`${idType}:${idNumber}`, check.line);
      if (earlier !== undefined) check.fail('idNumber', refuse('IMPORT_DUPLICATE_IDENTITY', { field: 'idNumber', params: { line: earlier } }));
    }
    if (schoolCode !== undefined && studentNumber !== undefined) {
      const earlier = studentNumberSeen(`${schoolCode}:${studentNumber}`, check.line);
      if (earlier !== undefined) {
        check.fail('studentNumber', refuse('IMPORT_DUPLICATE_STUDENT_NUMBER', { field: 'studentNumber', params: { line: earlier } }));
      }
    }

    return allDefined({
      line: check.line,
      idType,
      idNumber,
      name,
      gender,
      schoolCode,
      campusCode,
      educationLevel,
      lengthOfSchooling,
      enrolmentYear,
      grade,
      department,
      major,
      className,
      studentNumber,
      notes,
      qualificationSubjectCodes,
      restrictedFromCet6,
    });
  });
}
