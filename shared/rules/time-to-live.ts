// R4/R8: when an empty registration and an unpaid enrolment are due for deletion, as functions of a clock.
import type { Enrolment } from '../domain/enrolment.js';
import type { ExamSession } from '../domain/exam-session.js';
import type { Registration } from '../domain/registration.js';

/** R4: saved longer ago than the session's empty-registration time-to-live, and still without subjects. */
export function isEmptyRegistrationExpired(
  registration: Pick<Registration, 'savedAt'>,
  enrolmentCount: number,
  session: Pick<ExamSession, 'emptyRegistrationTtlMs'>,
  now: Date,
): boolean {
  return enrolmentCount === 0 && now.getTime() >= registration.savedAt.getTime() + session.emptyRegistrationTtlMs;
}

/**
 * R8: when an unpaid enrolment goes, or null if it never does. Paid ones stay, and so do those a
 * school's group payment holds: deleting them would pull seats out from under a payment already
 * under way, and the lock is released (or paid) by the school, not by the clock.
 */
export function unpaidEnrolmentExpiresAt(
  enrolment: Pick<Enrolment, 'paymentStatus' | 'groupPaymentLock' | 'createdAt'>,
  session: Pick<ExamSession, 'unpaidEnrolmentTtlMs'>,
): Date | null {
  if (enrolment.paymentStatus === 'PAID' || enrolment.groupPaymentLock) return null;
  return new Date(enrolment.createdAt.getTime() + session.unpaidEnrolmentTtlMs);
}

export function isUnpaidEnrolmentExpired(
  enrolment: Pick<Enrolment, 'paymentStatus' | 'groupPaymentLock' | 'createdAt'>,
  session: Pick<ExamSession, 'unpaidEnrolmentTtlMs'>,
  now: Date,
): boolean {
  const expiresAt = unpaidEnrolmentExpiresAt(enrolment, session);
  return expiresAt !== null && now.getTime() >= expiresAt.getTime();
}
