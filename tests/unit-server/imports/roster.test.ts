// Roster (学籍) CSV import: encodings, headers, every row refusal with its line, duplicates, and the demo roster read back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_SUBJECTS } from '../../../src-server/demo/data/catalogue.js';
import { generateDemoData } from '../../../src-server/demo/data/index.js';
import { parseRosterCsv, ROSTER_COLUMNS, type RosterImportOptions } from '../../../src-server/imports/roster.js';

const now = new Date('2026-09-01T02:00:00.000Z');
const options: RosterImportOptions = { subjects: DEMO_SUBJECTS, now };
const HEADER = '证件类型,证件号码,姓名,性别,学校代码,校区代码,学历,学制,入学年份,年级,院系,专业,班级,学号,备注,资格科目,限制报考六级';
/** Valid resident IDs (GB 11643 check character computed). */
const ID_1 = '330106200501011231';
const ID_2 = '11010820040229002X';
const ID_3 = '440305200303150046';

function row(overrides: Partial<Record<string, string>> = {}): string {
  const cells: Record<string, string> = {
    idType: '中华人民共和国居民身份证',
    idNumber: ID_1,
    name: '王芳',
    gender: '女',
    schoolCode: '99301',
    campusCode: '993010',
    educationLevel: '本科',
    lengthOfSchooling: '4',
    enrolmentYear: '24',
    grade: '24级',
    department: '化学学院',
    major: '应用化学',
    className: '1',
    studentNumber: '20240001',
    notes: '',
    qualificationSubjects: '1;F',
    restrictedFromCet6: '',
    ...overrides,
  };
  return ROSTER_COLUMNS.map((column) => cells[column.key] ?? '').join(',');
}

function csv(...lines: string[]): Uint8Array {
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

function codesOf(result: ReturnType<typeof parseRosterCsv>) {
  return result.errors.map((error) => [error.line, error.field, error.reason.code]);
}

describe('roster CSV import', () => {
  it('reads valid rows into roster records, tidied the way the rules compare them', () => {
    const result = parseRosterCsv(
      csv(
        HEADER,
        row(),
        row({ idNumber: ID_2.toLowerCase(), name: ' 阿沛•阿旺晋美 ', gender: '男', studentNumber: '20240002', qualificationSubjects: '(1)英语四级笔试；（2） 英语六级笔试、S', restrictedFromCet6: '否' }),
        row({ idType: 'HK_ID', idNumber: 'A1234563', studentNumber: '20240003', educationLevel: '专科', lengthOfSchooling: '3', restrictedFromCet6: '是' }),
      ),
      options,
    );
    expect(result.errors).toEqual([]);
    expect(result.encoding).toBe('UTF-8');
    expect(result.totalRows).toBe(3);
    expect(result.rows[0]).toEqual({
      line: 2,
      idType: 'RESIDENT_ID',
      idNumber: ID_1,
      name: '王芳',
      gender: 'FEMALE',
      schoolCode: '99301',
      campusCode: '993010',
      educationLevel: 'UNDERGRADUATE',
      lengthOfSchooling: 4,
      enrolmentYear: '24',
      grade: '24级',
      department: '化学学院',
      major: '应用化学',
      className: '1',
      studentNumber: '20240001',
      notes: '',
      qualificationSubjectCodes: ['1', 'F'],
      restrictedFromCet6: false,
    });
    expect(result.rows[1]).toMatchObject({ idNumber: ID_2, name: '阿沛·阿旺晋美', qualificationSubjectCodes: ['1', '2', 'S'] });
    expect(result.rows[2]).toMatchObject({ idType: 'HK_ID', idNumber: 'A123456(3)', educationLevel: 'JUNIOR_COLLEGE', restrictedFromCet6: true });
  });

  it('accepts English header names in any spelling, and leaves optional columns out', () => {
    const header = 'ID type,id_number,Name,gender,schoolCode,CAMPUS CODE,education,lengthOfSchooling,enrollmentYear,student-number,qualificationSubjects';
    const result = parseRosterCsv(csv(header, [
      'RESIDENT_ID', ID_1, '王芳', 'F', '99301', '993010', 'UNDERGRADUATE', '4', '2024', '20240001', 'f;1',
    ].join(',')), options);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toMatchObject({ enrolmentYear: '2024', department: '', notes: '', qualificationSubjectCodes: ['F', '1'], restrictedFromCet6: false });
  });

  it('reads UTF-8 with a byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...csv(HEADER, row())]);
    const result = parseRosterCsv(bytes, options);
    expect(result.errors).toEqual([]);
    expect(result.encoding).toBe('UTF-8');
    expect(result.rows).toHaveLength(1);
  });

  it('reads GBK as Excel on Chinese Windows saves it', () => {
    const gbk = Buffer.from(
      'd6a4bcfec0e0d0cd2cd6a4bcfebac5c2eb2cd0d5c3fb2cd0d4b1f02cd1a7d0a3b4fac2eb2cd0a3c7f8b4fac2eb2cd1a7c0fa2cd1a7d6c62cc8ebd1a7c4eab7dd2cd1a7bac52cd7cab8f1bfc6c4bf0ac9edb7ddd6a42c3333303130363230303530313031313233312ccdf5b7bc2cc5ae2c39393330312c3939333031302cb1bebfc62c342c32342c32303234303030312cd3a2d3efcbc4bcb6b1cacad4a3bbd3a2d3efcbc4bcb6bfdacad40a',
      'hex',
    );
    const result = parseRosterCsv(gbk, options);
    expect(result.errors).toEqual([]);
    expect(result.encoding).toBe('GB18030');
    expect(result.rows[0]).toMatchObject({ name: '王芳', idNumber: ID_1, qualificationSubjectCodes: ['1', 'F'] });
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    const result = parseRosterCsv(new Uint8Array([0xff, 0xfe, 0xff]), options);
    expect(codesOf(result)).toEqual([[0, null, 'IMPORT_ENCODING_UNSUPPORTED']]);
  });

  it('gives each refusal the line the row starts on, past blank lines and multi-line cells', () => {
    const result = parseRosterCsv(
      csv(HEADER, row({ notes: '"转专业\n2025年"' }), '', row({ idNumber: '330106200501011232', studentNumber: '20240002' })),
      options,
    );
    expect(codesOf(result)).toEqual([[5, 'idNumber', 'RESIDENT_ID_CHECK_CHARACTER']]);
    expect(result.errors[0]?.column).toBe('证件号码');
    expect(result.rows.map((valid) => [valid.line, valid.notes])).toEqual([[2, '转专业\n2025年']]);
  });

  it.each([
    ['an ID number with a wrong check character', { idNumber: '330106200501011232' }, 'idNumber', 'RESIDENT_ID_CHECK_CHARACTER'],
    ['a birth date in the future', { idNumber: '330106202712310010' }, 'idNumber', 'RESIDENT_ID_BIRTH_DATE'],
    ['an unsupported ID type (军官证)', { idType: '军官证' }, 'idType', 'IMPORT_VALUE_NOT_ALLOWED'],
    ['an empty required cell', { name: '' }, 'name', 'FIELD_REQUIRED'],
    ['a name with digits', { name: '王芳2' }, 'name', 'NAME_FORMAT'],
    ['an unknown gender', { gender: '未知' }, 'gender', 'IMPORT_VALUE_NOT_ALLOWED'],
    ['a malformed school code', { schoolCode: '9930' }, 'schoolCode', 'IMPORT_SCHOOL_CODE_INVALID'],
    ['a malformed campus code', { campusCode: '99301' }, 'campusCode', 'IMPORT_CAMPUS_CODE_INVALID'],
    ['a campus of another school', { campusCode: '993020' }, 'campusCode', 'IMPORT_CAMPUS_NOT_IN_SCHOOL'],
    ['an unknown education level', { educationLevel: '小学' }, 'educationLevel', 'IMPORT_VALUE_NOT_ALLOWED'],
    ['a length of schooling that is not a number', { lengthOfSchooling: '四年' }, 'lengthOfSchooling', 'IMPORT_NUMBER_INVALID'],
    ['an enrolment year of three digits', { enrolmentYear: '202' }, 'enrolmentYear', 'IMPORT_ENROLMENT_YEAR_INVALID'],
    ['an over-long note', { notes: '备'.repeat(201) }, 'notes', 'FIELD_TOO_LONG'],
    ['an unknown subject', { qualificationSubjects: '1;X' }, 'qualificationSubjects', 'IMPORT_SUBJECT_UNKNOWN'],
    ['a subject code with the wrong name', { qualificationSubjects: '(1)日语四级笔试' }, 'qualificationSubjects', 'IMPORT_SUBJECT_UNKNOWN'],
    ['a subject listed twice', { qualificationSubjects: '1;英语四级笔试' }, 'qualificationSubjects', 'IMPORT_SUBJECT_REPEATED'],
    ['no subjects', { qualificationSubjects: ';' }, 'qualificationSubjects', 'FIELD_REQUIRED'],
    ['a flag that is neither yes nor no', { restrictedFromCet6: '也许' }, 'restrictedFromCet6', 'IMPORT_VALUE_NOT_ALLOWED'],
  ])('refuses %s', (_, overrides, field, code) => {
    const result = parseRosterCsv(csv(HEADER, row(), row({ idNumber: ID_2, studentNumber: '20240002', ...overrides })), options);
    expect(codesOf(result)).toEqual([[3, field, code]]);
    expect(result.rows.map((valid) => valid.line)).toEqual([2]);
  });

  it('names the allowed values and the column as the file wrote it', () => {
    const result = parseRosterCsv(csv(HEADER, row({ idType: '军官证' })), options);
    expect(result.errors[0]?.reason.params).toEqual({
      column: '证件类型',
      allowed: '中华人民共和国居民身份证、台湾居民往来大陆通行证、港澳居民来往内地通行证、护照、香港身份证、澳门身份证',
    });
  });

  it('reports every refusal of a row, not just the first', () => {
    const result = parseRosterCsv(csv(HEADER, row({ name: '', gender: 'x', qualificationSubjects: 'X;Y' })), options);
    expect(codesOf(result)).toEqual([
      [2, 'name', 'FIELD_REQUIRED'],
      [2, 'gender', 'IMPORT_VALUE_NOT_ALLOWED'],
      [2, 'qualificationSubjects', 'IMPORT_SUBJECT_UNKNOWN'],
      [2, 'qualificationSubjects', 'IMPORT_SUBJECT_UNKNOWN'],
    ]);
  });

  it('refuses a duplicate identity and a duplicate student number, pointing at the first line', () => {
    const result = parseRosterCsv(
      csv(HEADER, row(), row({ studentNumber: '20240002' }), row({ idNumber: ID_3, studentNumber: '20240001' })),
      options,
    );
    expect(codesOf(result)).toEqual([
      [3, 'idNumber', 'IMPORT_DUPLICATE_IDENTITY'],
      [4, 'studentNumber', 'IMPORT_DUPLICATE_STUDENT_NUMBER'],
    ]);
    expect(result.errors.map((error) => error.reason.params)).toEqual([{ line: 2 }, { line: 2 }]);
  });

  it('sees through typing differences when looking for duplicates', () => {
    const result = parseRosterCsv(csv(HEADER, row({ idNumber: ID_2 }), row({ idNumber: `${ID_2.slice(0, 17)}x`, studentNumber: '20240002' })), options);
    expect(codesOf(result)).toEqual([[3, 'idNumber', 'IMPORT_DUPLICATE_IDENTITY']]);
  });

  it('keeps a teacher to their own school and to campuses that exist', () => {
    const schoolOnly = parseRosterCsv(csv(HEADER, row({ schoolCode: '99302', campusCode: '993020' })), { ...options, schoolCode: '99301' });
    expect(codesOf(schoolOnly)).toEqual([[2, 'schoolCode', 'IMPORT_SCHOOL_MISMATCH']]);
    const known = parseRosterCsv(csv(HEADER, row({ campusCode: '993019' })), { ...options, campusCodes: new Set(['993010', '993011']) });
    expect(codesOf(known)).toEqual([[2, 'campusCode', 'IMPORT_CAMPUS_UNKNOWN']]);
  });

  it.each([
    ['a missing required column', HEADER.replace(',学号', ''), 'IMPORT_COLUMN_MISSING', { column: '学号' }],
    ['an unknown column', `${HEADER},邮箱`, 'IMPORT_COLUMN_UNKNOWN', { column: '邮箱' }],
    ['a column given twice', `${HEADER},idNumber`, 'IMPORT_COLUMN_DUPLICATE', { column: 'idNumber' }],
  ])('refuses %s in the header and checks no row', (_, header, code, params) => {
    const result = parseRosterCsv(csv(header, row()), options);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ line: 1, reason: { code, params } });
    expect(result.rows).toEqual([]);
  });

  it('ignores trailing blank columns and rows that spreadsheets export', () => {
    const result = parseRosterCsv(csv(`${HEADER},,`, `${row()},,`, ',,,,,,,,,,,,,,,,,,'), options);
    expect(result.errors).toEqual([]);
    expect(result.totalRows).toBe(1);
  });

  it('refuses a file without data rows', () => {
    expect(codesOf(parseRosterCsv(csv(HEADER), options))).toEqual([[0, null, 'IMPORT_FILE_EMPTY']]);
    expect(codesOf(parseRosterCsv(new Uint8Array(), options))).toEqual([[0, null, 'IMPORT_FILE_EMPTY']]);
  });

  it('refuses a row whose cell count differs from the header, and still checks the others', () => {
    const result = parseRosterCsv(csv(HEADER, row(), '身份证,123', row({ idNumber: ID_2, studentNumber: '20240002', name: '' })), options);
    expect(codesOf(result)).toEqual([
      [3, null, 'IMPORT_CSV_MALFORMED'],
      [4, 'name', 'FIELD_REQUIRED'],
    ]);
    expect(result.totalRows).toBe(3);
  });

  it('refuses a file with an unclosed quote as a whole', () => {
    const result = parseRosterCsv(csv(HEADER, row(), row({ notes: '"没有结束' })), options);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.reason.code).toBe('IMPORT_CSV_MALFORMED');
    expect(result.rows).toEqual([]);
  });

  it('refuses more rows than one import may hold', () => {
    const result = parseRosterCsv(csv(HEADER, row(), row({ idNumber: ID_2 })), { ...options, maxRows: 1 });
    expect(result.errors.map((error) => [error.line, error.reason.code, error.reason.params])).toEqual([[0, 'IMPORT_TOO_MANY_ROWS', { max: 1 }]]);
  });

  it('reads back any part of the demo roster written out as CSV, in either header language', () => {
    const { rosterRecords } = generateDemoData({ now });
    const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
    fc.assert(
      fc.property(fc.subarray([...rosterRecords], { minLength: 1, maxLength: 40 }), fc.boolean(), (records, english) => {
        const header = ROSTER_COLUMNS.map((column) => (english ? column.en[0] ?? column.key : column.zh)).join(',');
        const lines = records.map((record) =>
          [
            record.idType, record.idNumber, record.name, record.gender, record.schoolCode, record.campusCode,
            record.educationLevel, String(record.lengthOfSchooling), record.enrolmentYear, record.grade, record.department,
            record.major, record.className, record.studentNumber, record.notes, record.qualificationSubjectCodes.join(';'),
            record.restrictedFromCet6 ? '是' : '否',
          ].map(quote).join(','),
        );
        const result = parseRosterCsv(csv(header, ...lines), options);
        expect(result.errors).toEqual([]);
        expect(result.rows.map(({ line: _, ...rest }) => rest)).toEqual(records.map(({ id: _, ...rest }) => rest));
      }),
      { numRuns: 50 },
    );
  });
});
