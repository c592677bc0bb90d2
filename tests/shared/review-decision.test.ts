// C3–C5 the seed's 系统复核规则, decided against the CET4 score records of the ticket.
import { describe, expect, it } from 'vitest';
import type { Cet4ScoreRecord } from '../../shared/domain/cet4-score-record.js';
import { errorMessage } from '../../shared/errors/domain-error.js';
import { decideCet6Review } from '../../shared/rules/review-decision.js';

const TICKET = '330011171100112';
const record: Cet4ScoreRecord = { ticketNumber: TICKET, idNumber: '11010519491231002X', name: '李博', score: 520, examYear: 2017 };
const claim = { ticketNumber: TICKET, idNumber: '11010519491231002X', name: '李博' };

function decide(application: typeof claim, records: readonly Cet4ScoreRecord[] = [record]) {
  return decideCet6Review({ application, recordsForTicket: records });
}

describe('C3 ticket + ID number match a passing record', () => {
  it.each([
    ['with the same name', claim],
    ['whatever the name says', { ...claim, name: '李波' }],
    ['with a lower-case x typed', { ...claim, idNumber: '11010519491231002x' }],
  ])('C3 approves at once %s', (_, application) => {
    expect(decide(application)).toEqual({ decision: 'AUTO_APPROVED', record });
  });

  it.each([425, 710])('C3 approves a score of %i', (score) => {
    expect(decide(claim, [{ ...record, score }]).decision).toBe('AUTO_APPROVED');
  });
});

describe('C4 ticket + name match, the ID number differs', () => {
  it.each([
    ['another ID number', { ...claim, idNumber: '330101199001010024' }],
    ['a name typed with spaces around it', { ...claim, idNumber: '330101199001010024', name: ' 李博 ' }],
  ])('C4 accepts as pending with %s', (_, application) => {
    expect(decide(application)).toEqual({ decision: 'PENDING', record });
  });
});

describe('C5 refused, nothing stored', () => {
  it.each([
    ['neither ID number nor name matches', { ...claim, idNumber: '330101199001010024', name: '王五' }, [record], 'REVIEW_NO_MATCHING_RECORD'],
    ['the ticket has no record', claim, [], 'REVIEW_NO_MATCHING_RECORD'],
    ['the records passed belong to another ticket', claim, [{ ...record, ticketNumber: '330011171100113' }], 'REVIEW_NO_MATCHING_RECORD'],
    ['ticket + ID number match a score of 424', claim, [{ ...record, score: 424 }], 'REVIEW_SCORE_BELOW_PASS'],
    ['ticket + name match a score of 424', { ...claim, idNumber: '330101199001010024' }, [{ ...record, score: 424 }], 'REVIEW_SCORE_BELOW_PASS'],
    ['a CET6 ticket', { ...claim, ticketNumber: '330011172200112' }, [record], 'REVIEW_TICKET_NOT_CET4'],
    ['a ticket from 2004', { ...claim, ticketNumber: '330011042100112' }, [record], 'REVIEW_TICKET_BEFORE_2005'],
  ])('C5 refuses when %s', (_, application, records, code) => {
    const decision = decide(application, records);
    expect(decision.decision).toBe('REFUSED');
    expect(decision.decision === 'REFUSED' && decision.error.code).toBe(code);
  });

  it('C5 tells the candidate the pass mark when the score is too low', () => {
    const decision = decide(claim, [{ ...record, score: 400 }]);
    expect(decision.decision === 'REFUSED' && errorMessage(decision.error, 'zh-CN')).toBe('该准考证号的英语四级笔试成绩未达到425分，无法提交');
  });
});
