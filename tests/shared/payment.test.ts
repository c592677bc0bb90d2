// R9 what counts as registered, what can be paid and for how much, and paying orals with their written subject.
import { describe, expect, it } from 'vitest';
import { checkOralPaidWithWritten, isRegistered, payableEnrolments, totalFen } from '../../shared/rules/payment.js';
import { SUBJECTS, enrolment } from './fixtures.js';

describe('R9 payment', () => {
  const unpaid = enrolment(SUBJECTS.englishCet4Written, { feeFen: 3000 });
  const paid = enrolment(SUBJECTS.japaneseCet6Written, { feeFen: 3500, paymentStatus: 'PAID' });
  const locked = enrolment(SUBJECTS.englishCet6Written, { feeFen: 3000, groupPaymentLock: true });
  const oral = enrolment(SUBJECTS.englishCet4Oral, { feeFen: 5000 });

  it('R9 counts only paid enrolments as registered', () => {
    expect([unpaid, paid, locked, oral].map(isRegistered)).toEqual([false, true, false, false]);
  });

  it('R9 offers the unpaid enrolments not held by a group payment', () => {
    expect(payableEnrolments([unpaid, paid, locked, oral])).toEqual([unpaid, oral]);
  });

  it.each([
    [[], 0],
    [[1], 1],
    [[3000, 5000], 8000],
    [[1, 1, 1], 3],
  ])('R9 totals fees %o as %i fen', (fees, total) => {
    expect(totalFen(fees.map((feeFen) => ({ feeFen })))).toBe(total);
  });

  it.each([
    ['the oral with its written subject', [unpaid, oral], [unpaid, oral], null],
    ['the written subject alone', [unpaid, oral], [unpaid], null],
    ['the oral alone while its written subject is unpaid', [unpaid, oral], [oral], 'PAYMENT_ORAL_WITHOUT_WRITTEN'],
    ['the oral after its written subject was paid', [{ ...unpaid, paymentStatus: 'PAID' as const }, oral], [oral], null],
  ])('R9 pays %s → %s', (_, all, selected, code) => {
    expect(checkOralPaidWithWritten(selected, all)?.code ?? null).toBe(code);
  });
});
