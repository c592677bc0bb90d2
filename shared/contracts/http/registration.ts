// Registration contracts (R1–R4): agreement, qualification query, saving the registration and the 报名信息 page.
import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { enrolmentView } from './enrolment.js';
import {
  campusRef,
  educationLevel,
  entityId,
  fen,
  gender,
  identityFields,
  instant,
  schoolRef,
  subjectRef,
} from './fields.js';
import { reviewOffer } from './review.js';

/** A roster record (学籍) as the 资格信息确认 page shows it. */
export const rosterRecordView = z.object({
  ...identityFields,
  gender,
  school: schoolRef,
  campus: campusRef,
  educationLevel,
  /** 学制, in years. */
  lengthOfSchooling: z.int().min(1).max(9),
  /** 入学年份 and 年级 as the school wrote them (the seeds show `16`, `01`). */
  enrolmentYear: z.string(),
  grade: z.string(),
  department: z.string(),
  major: z.string(),
  className: z.string(),
  studentNumber: z.string(),
  notes: z.string(),
  qualificationSubjects: z.array(subjectRef),
  restrictedFromCet6: z.boolean(),
});
export type RosterRecordView = z.infer<typeof rosterRecordView>;

/** 全未支付 / 部分支付 / 全部支付, or no enrolments of that kind yet. */
export const PAYMENT_SUMMARY_STATUSES = ['NONE', 'ALL_UNPAID', 'PARTLY_PAID', 'ALL_PAID'] as const;
export const enrolmentGroup = z.object({
  enrolments: z.array(enrolmentView),
  paymentSummary: z.enum(PAYMENT_SUMMARY_STATUSES),
  unpaidFen: fen,
});

/** The 报名信息 page: the saved snapshot (masked personal data), enrolments per kind and what is left to pay. */
export const registrationView = z.object({
  id: entityId,
  examSessionId: entityId,
  savedAt: instant,
  /** 姓名, 性别, 证件类型, 证件号码 are shown masked on this page. */
  masked: z.object({ name: z.string(), gender: z.string(), idType: z.string(), idNumber: z.string() }),
  school: schoolRef,
  campus: campusRef,
  qualificationSubjects: z.array(subjectRef),
  written: enrolmentGroup,
  oral: enrolmentGroup,
  unpaidTotalFen: fen,
  /** R4: when a registration without subjects will be deleted; null while it has subjects. */
  deletedIfEmptyAt: instant.nullable(),
  cet6Review: reviewOffer,
  /** R10: some enrolment is arranged and the print window is open. */
  ticketsPrintable: z.boolean(),
});
export type RegistrationView = z.infer<typeof registrationView>;

export const acceptAgreement = endpoint({
  method: 'POST',
  path: '/api/registration/agreement',
  audience: 'candidate',
  request: z.object({ agreementVersion: z.string().min(1).max(40), accepted: z.literal(true) }),
  response: z.object({ acceptedAt: instant }),
});

/**
 * R2: before the registration window a passport may query for several candidates but not save;
 * `saving` tells the page whether 保存并继续 is offered and, if not, since when it will be.
 */
export const queryQualification = endpoint({
  method: 'POST',
  path: '/api/registration/qualification',
  audience: 'candidate',
  request: z.object(identityFields),
  response: z.object({
    rosterRecord: rosterRecordView,
    cet6Review: reviewOffer,
    saving: z.object({ allowed: z.boolean(), opensAt: instant.nullable(), closesAt: instant.nullable() }),
  }),
});

/** R3: binds passport and roster record 1:1 and snapshots the roster data. */
export const saveRegistration = endpoint({
  method: 'POST',
  path: '/api/registration',
  audience: 'candidate',
  request: z.object({
    ...identityFields,
    /** 我已检查并确认学籍与资格信息正确. */
    confirmed: z.literal(true),
  }),
  response: registrationView,
});

export const getMyRegistration = endpoint({
  method: 'GET',
  path: '/api/registration',
  audience: 'candidate',
  request: z.object({}),
  response: z.object({ registration: registrationView.nullable() }),
});
