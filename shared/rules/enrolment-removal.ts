// R8: cancelling an enrolment, what goes with it, and when the registration goes too.
import type { Enrolment } from '../domain/enrolment.js';
import type { Offering } from '../domain/offering.js';
import { windowState } from '../domain/time-window.js';
import { refuse, type DomainError } from '../errors/domain-error.js';
import { isWrittenCounterpart } from './oral-enrolment.js';
import type { HeldEnrolment } from './subject-eligibility.js';

/** Unpaid, not held by a group payment, and inside the offering's window; paid enrolments never. */
export function checkCancelEnrolment(
  enrolment: Pick<Enrolment, 'paymentStatus' | 'groupPaymentLock'>,
  offering: Pick<Offering, 'window'>,
  now: Date,
): DomainError | null {
  if (enrolment.paymentStatus === 'PAID') return refuse('ENROLMENT_PAID_NOT_CANCELLABLE');
  if (enrolment.groupPaymentLock) return refuse('ENROLMENT_LOCKED_BY_GROUP_PAYMENT');
  return windowState(offering.window, now) === 'OPEN' ? null : refuse('ENROLMENT_CANCEL_CLOSED');
}

export function canCancelEnrolment(
  enrolment: Pick<Enrolment, 'paymentStatus' | 'groupPaymentLock'>,
  offering: Pick<Offering, 'window'>,
  now: Date,
): boolean {
  return checkCancelEnrolment(enrolment, offering, now) === null;
}

/**
 * What leaves the registration when `removed` is cancelled or expires: itself, and for a written
 * subject the oral of its level and language, because an oral is never held alone (R6). Those
 * orals are unpaid whenever the written one is (see `checkOralPaidWithWritten`), so they can go too.
 */
export function enrolmentsRemovedWith<T extends HeldEnrolment>(removed: T, enrolments: readonly T[]): T[] {
  return [removed, ...enrolments.filter((other) => isWrittenCounterpart(removed.subject, other.subject))];
}

/** R8: removing the last enrolment deletes the registration at once, not after the empty-registration time-to-live. */
export function removalDeletesRegistration(
  enrolments: readonly Pick<Enrolment, 'id'>[],
  removedIds: readonly string[],
): boolean {
  return enrolments.every((enrolment) => removedIds.includes(enrolment.id));
}
