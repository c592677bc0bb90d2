// An enrolment (报考科目): a registration taking one offering, paid or not, arranged or not.
import type { Fen } from './money.js';
import type { Subject, SubjectCode } from './subject.js';

/** 未支付 / 已支付. */
export const PAYMENT_STATUSES = ['UNPAID', 'PAID'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** 未编排 / 已编排: arranged means an exam room and seat are assigned. */
export const ARRANGEMENT_STATUSES = ['UNARRANGED', 'ARRANGED'] as const;
export type ArrangementStatus = (typeof ARRANGEMENT_STATUSES)[number];

/** 考生注册 (the candidate) / 学校代报 (the school on the candidate's behalf). */
export const ENROLMENT_METHODS = ['CANDIDATE', 'SCHOOL'] as const;
export type EnrolmentMethod = (typeof ENROLMENT_METHODS)[number];

export interface Enrolment {
  readonly id: string;
  readonly registrationId: string;
  readonly offeringId: string;
  readonly subjectCode: SubjectCode;
  /** The fee when enrolled, so a later change to the offering does not alter what is owed. */
  readonly feeFen: Fen;
  readonly paymentStatus: PaymentStatus;
  readonly arrangementStatus: ArrangementStatus;
  readonly method: EnrolmentMethod;
  readonly createdAt: Date;
  /** A school's group payment (集体缴费) holds this enrolment: the candidate can neither cancel nor pay it. */
  readonly groupPaymentLock: boolean;
}

/** What most rules need: the enrolment together with its catalogue subject. */
export interface EnrolmentWithSubject extends Enrolment {
  readonly subject: Subject;
}
