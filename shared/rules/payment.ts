// R9: what a candidate can pay for, what it costs, and what counts as registered.
import type { Enrolment, EnrolmentWithSubject } from '../domain/enrolment.js';
import type { Fen } from '../domain/money.js';
import { refuse, type DomainError } from '../errors/domain-error.js';
import { isWrittenCounterpart } from './oral-enrolment.js';

/** Only paid enrolments count as registered (报名完成). */
export function isRegistered(enrolment: Pick<Enrolment, 'paymentStatus'>): boolean {
  return enrolment.paymentStatus === 'PAID';
}

/** Unpaid and not held by a school's group payment, which the school pays instead. */
export function payableEnrolments<T extends Pick<Enrolment, 'paymentStatus' | 'groupPaymentLock'>>(enrolments: readonly T[]): T[] {
  return enrolments.filter((enrolment) => enrolment.paymentStatus === 'UNPAID' && !enrolment.groupPaymentLock);
}

export function totalFen(enrolments: readonly Pick<Enrolment, 'feeFen'>[]): Fen {
  return enrolments.reduce((total, enrolment) => total + enrolment.feeFen, 0);
}

/**
 * An oral is paid together with, or after, its written subject. Otherwise the unpaid written one
 * would expire after 24 h and leave a paid oral alone, which R6 forbids and nobody could undo.
 */
export function checkOralPaidWithWritten(
  selected: readonly EnrolmentWithSubject[],
  enrolments: readonly EnrolmentWithSubject[],
): DomainError | null {
  const covered = (written: EnrolmentWithSubject): boolean =>
    isRegistered(written) || selected.some((chosen) => chosen.id === written.id);
  const stranded = selected.find(
    (oral) =>
      oral.subject.kind === 'oral' &&
      !enrolments.some((written) => isWrittenCounterpart(written.subject, oral.subject) && covered(written)),
  );
  return stranded === undefined
    ? null
    : refuse('PAYMENT_ORAL_WITHOUT_WRITTEN', { params: { subjectCode: stranded.subject.code } });
}
