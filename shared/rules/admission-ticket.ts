// R10: when the candidate may print the admission ticket (准考证) of an enrolment.
import type { EnrolmentWithSubject } from '../domain/enrolment.js';
import type { ExamSession } from '../domain/exam-session.js';
import { isWithinWindow } from '../domain/time-window.js';

/** Paid and arranged (a room and seat assigned), inside the print window of its kind, written or oral. */
export function canPrintAdmissionTicket(
  enrolment: Pick<EnrolmentWithSubject, 'paymentStatus' | 'arrangementStatus' | 'subject'>,
  session: Pick<ExamSession, 'admissionTicketPrintWindows'>,
  now: Date,
): boolean {
  return (
    enrolment.paymentStatus === 'PAID' &&
    enrolment.arrangementStatus === 'ARRANGED' &&
    isWithinWindow(session.admissionTicketPrintWindows[enrolment.subject.kind], now)
  );
}
