// R10 printing the admission ticket: arranged, and inside the print window of its kind.
import { describe, expect, it } from 'vitest';
import type { ArrangementStatus, PaymentStatus } from '../../shared/domain/enrolment.js';
import type { Subject } from '../../shared/domain/subject.js';
import { canPrintAdmissionTicket } from '../../shared/rules/admission-ticket.js';
import { SUBJECTS, at, enrolment, session } from './fixtures.js';

interface Case {
  readonly subject: Subject;
  readonly paymentStatus: PaymentStatus;
  readonly arrangementStatus: ArrangementStatus;
  readonly now: string;
  readonly printable: boolean;
}

const written = SUBJECTS.englishCet4Written;
const oral = SUBJECTS.englishCet4Oral;

describe('R10 admission ticket', () => {
  it.each<Case>([
    { subject: written, paymentStatus: 'PAID', arrangementStatus: 'ARRANGED', now: '2017-06-01T00:00:00', printable: true },
    { subject: written, paymentStatus: 'PAID', arrangementStatus: 'ARRANGED', now: '2017-05-31T23:59:59', printable: false },
    { subject: written, paymentStatus: 'PAID', arrangementStatus: 'ARRANGED', now: '2017-06-17T09:00:00', printable: false },
    { subject: written, paymentStatus: 'PAID', arrangementStatus: 'UNARRANGED', now: '2017-06-05T10:00:00', printable: false },
    { subject: written, paymentStatus: 'UNPAID', arrangementStatus: 'ARRANGED', now: '2017-06-05T10:00:00', printable: false },
    { subject: oral, paymentStatus: 'PAID', arrangementStatus: 'ARRANGED', now: '2017-05-15T10:00:00', printable: true },
    { subject: oral, paymentStatus: 'PAID', arrangementStatus: 'ARRANGED', now: '2017-06-05T10:00:00', printable: false },
  ])('R10 $subject.name, $paymentStatus, $arrangementStatus, at $now → printable $printable', (c) => {
    const held = enrolment(c.subject, { paymentStatus: c.paymentStatus, arrangementStatus: c.arrangementStatus });
    expect(canPrintAdmissionTicket(held, session(), at(c.now))).toBe(c.printable);
  });
});
