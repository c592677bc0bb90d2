// CET4 score CSV import: records the review rules then judge, and every row refusal.
import { describe, expect, it } from 'vitest';
import { parseCet4ScoreCsv } from '../../../src-server/imports/cet4-scores.js';
import { decideCet6Review } from '../../../shared/rules/review-decision.js';

const now = new Date('2026-09-01T02:00:00.000Z');
const HEADER = '准考证号,证件号码,姓名,成绩,考试年份';
const ID_1 = '330106200501011231';
const ID_2 = '11010820040229002X';

function csv(...lines: string[]): Uint8Array {
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

function codesOf(result: ReturnType<typeof parseCet4ScoreCsv>) {
  return result.errors.map((error) => [error.line, error.field, error.reason.code]);
}

describe('CET4 score CSV import', () => {
  it('reads score records, the pre-2005 and the failing ones included, as facts for the review rules', () => {
    const result = parseCet4ScoreCsv(
      csv(HEADER, `993010251100102,${ID_1},王芳,512,2025`, `993010042100104,${ID_2},张建国,480,2004`, '９９３０１０２５１１００１０５, e1234567 ,刘洋,410,2025'),
      { now },
    );
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      { line: 2, ticketNumber: '993010251100102', idType: null, idNumber: ID_1, name: '王芳', score: 512, examYear: 2025 },
      { line: 3, ticketNumber: '993010042100104', idType: null, idNumber: ID_2, name: '张建国', score: 480, examYear: 2004 },
      { line: 4, ticketNumber: '993010251100105', idType: null, idNumber: 'E1234567', name: '刘洋', score: 410, examYear: 2025 },
    ]);
    expect(decideCet6Review({ application: { ticketNumber: '993010042100104', idNumber: ID_2, name: '张建国' }, recordsForTicket: result.rows })).toMatchObject({
      decision: 'REFUSED',
      error: { code: 'REVIEW_TICKET_BEFORE_2005' },
    });
    expect(decideCet6Review({ application: { ticketNumber: '993010251100105', idNumber: 'E1234567', name: '刘洋' }, recordsForTicket: result.rows })).toMatchObject({
      decision: 'REFUSED',
      error: { code: 'REVIEW_SCORE_BELOW_PASS' },
    });
  });

  it('accepts English headers', () => {
    const result = parseCet4ScoreCsv(csv('ticket_number,ID Number,name,score,exam year', `993010251100102,${ID_1},王芳,512,2025`), { now });
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(1);
  });

  it('checks the ID number by its type when the file names the type', () => {
    const result = parseCet4ScoreCsv(
      csv(`证件类型,${HEADER}`, `身份证,993010251100102,${ID_1},王芳,512,2025`, `香港身份证,993010251100103,A1234563,陈一,500,2025`, `身份证,993010251100104,330106200501011232,王五,500,2025`),
      { now },
    );
    expect(codesOf(result)).toEqual([[4, 'idNumber', 'RESIDENT_ID_CHECK_CHARACTER']]);
    expect(result.rows.map((row) => [row.idType, row.idNumber])).toEqual([
      ['RESIDENT_ID', ID_1],
      ['HK_ID', 'A123456(3)'],
    ]);
  });

  it.each([
    ['a ticket number of 14 digits', '99301025110010,ID,王芳,512,2025', 'ticketNumber', 'REVIEW_TICKET_FORMAT'],
    ['a score above 710', '993010251100102,ID,王芳,711,2025', 'score', 'IMPORT_NUMBER_INVALID'],
    ['a score that is not a whole number', '993010251100102,ID,王芳,500.5,2025', 'score', 'IMPORT_NUMBER_INVALID'],
    ['an exam year before CET began', '993010251100102,ID,王芳,512,1986', 'examYear', 'IMPORT_NUMBER_INVALID'],
    ['an exam year in the future', '993010251100102,ID,王芳,512,2027', 'examYear', 'IMPORT_NUMBER_INVALID'],
    ['an empty name', '993010251100102,ID,,512,2025', 'name', 'FIELD_REQUIRED'],
  ])('refuses %s', (_, line, field, code) => {
    const result = parseCet4ScoreCsv(csv(HEADER, line.replace('ID', ID_1)), { now });
    expect(codesOf(result)).toEqual([[2, field, code]]);
  });

  it('refuses a ticket number given twice, pointing at the first line', () => {
    const result = parseCet4ScoreCsv(csv(HEADER, `993010251100102,${ID_1},王芳,512,2025`, `993010251100102,${ID_2},李四,430,2025`), { now });
    expect(codesOf(result)).toEqual([[3, 'ticketNumber', 'IMPORT_DUPLICATE_TICKET']]);
    expect(result.errors[0]?.reason.params).toEqual({ line: 2 });
  });

  it('refuses a file lacking a required column', () => {
    const result = parseCet4ScoreCsv(csv('准考证号,证件号码,姓名,考试年份', `993010251100102,${ID_1},王芳,2025`), { now });
    expect(codesOf(result)).toEqual([[1, 'score', 'IMPORT_COLUMN_MISSING']]);
  });
});
