// R8 cancelling enrolments, what goes with a written subject, and when the registration goes.
import { describe, expect, it } from 'vitest';
import type { PaymentStatus } from '../../shared/domain/enrolment.js';
import {
  canCancelEnrolment,
  checkCancelEnrolment,
  enrolmentsRemovedWith,
  removalDeletesRegistration,
} from '../../shared/rules/enrolment-removal.js';
import { SUBJECTS, at, enrolment, offering } from './fixtures.js';

describe('R8 cancelling an enrolment', () => {
  it.each<[PaymentStatus, boolean, string, string | null]>([
    ['UNPAID', false, '2017-03-10T10:00:00', null],
    ['UNPAID', false, '2017-03-20T17:00:00', 'ENROLMENT_CANCEL_CLOSED'],
    ['UNPAID', false, '2017-03-08T07:00:00', 'ENROLMENT_CANCEL_CLOSED'],
    ['UNPAID', true, '2017-03-10T10:00:00', 'ENROLMENT_LOCKED_BY_GROUP_PAYMENT'],
    ['PAID', false, '2017-03-10T10:00:00', 'ENROLMENT_PAID_NOT_CANCELLABLE'],
    ['PAID', true, '2017-03-10T10:00:00', 'ENROLMENT_PAID_NOT_CANCELLABLE'],
  ])('R8 a %s enrolment, group-payment lock %s, at %s → %s', (paymentStatus, groupPaymentLock, now, code) => {
    const held = enrolment(SUBJECTS.englishCet4Written, { paymentStatus, groupPaymentLock });
    const theOffering = offering(SUBJECTS.englishCet4Written);
    expect(checkCancelEnrolment(held, theOffering, at(now))?.code ?? null).toBe(code);
    expect(canCancelEnrolment(held, theOffering, at(now))).toBe(code === null);
  });
});

describe('R8 what goes with a removed enrolment', () => {
  const written4 = enrolment(SUBJECTS.englishCet4Written);
  const oral4 = enrolment(SUBJECTS.englishCet4Oral);
  const written6 = enrolment(SUBJECTS.japaneseCet6Written);
  const all = [written4, oral4, written6];

  it.each([
    ['the English CET4 written takes its oral with it', written4, [written4, oral4]],
    ['an oral goes alone', oral4, [oral4]],
    ['a written subject without an oral goes alone', written6, [written6]],
  ])('R8 %s', (_, removed, expected) => {
    expect(enrolmentsRemovedWith(removed, all)).toEqual(expected);
  });

  it.each([
    [['enrolment-a'], ['enrolment-a'], true],
    [['enrolment-a', 'enrolment-b'], ['enrolment-a'], false],
    [['enrolment-a', 'enrolment-b'], ['enrolment-b', 'enrolment-a'], true],
  ])('R8 removing %o of %o deletes the registration: %s', (ids, removedIds, deletes) => {
    expect(removalDeletesRegistration(ids.map((id) => ({ id })), removedIds)).toBe(deletes);
  });
});
