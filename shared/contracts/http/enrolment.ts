// Enrolment contracts: written subjects (R5), the oral campus and subject choice (R6) and cancelling unpaid ones (R8).
import { z } from 'zod';
import { offering } from './catalogue.js';
import { endpoint } from './endpoint.js';
import {
  arrangementStatus,
  campusCode,
  campusRef,
  capacityColour,
  entityId,
  enrolmentMethod,
  fen,
  instant,
  paymentStatus,
  refusalBody,
  schoolRef,
  subjectRef,
} from './fields.js';

/** One row of the 笔试/口试报考科目信息 tables. */
export const enrolmentView = z.object({
  id: entityId,
  offeringId: entityId,
  subject: subjectRef,
  feeFen: fen,
  paymentStatus,
  arrangementStatus,
  method: enrolmentMethod,
  school: schoolRef,
  campus: campusRef,
  createdAt: instant,
  /** When an unpaid enrolment is deleted (R8: 24 h after it was added); null once paid. */
  expiresAt: instant.nullable(),
  /** Held by a school's group payment (集体缴费): the candidate can neither pay nor cancel it. */
  groupPaymentLock: z.boolean(),
  /** Unpaid, unlocked and inside the offering's window: the 取消 action is shown. */
  cancellable: z.boolean(),
});
export type EnrolmentView = z.infer<typeof enrolmentView>;

/** One offering as the candidate sees it: selectable or, if not, the refusal that explains why. */
export const offeringChoice = z.object({
  offering,
  subject: subjectRef,
  school: schoolRef,
  campus: campusRef,
  colour: capacityColour,
  selectable: z.boolean(),
  /** Present when not selectable: the rule's refusal (not qualified, window closed, full, …). */
  refusal: refusalBody.nullable(),
  /** Already enrolled in this offering. */
  enrolled: z.boolean(),
});
export type OfferingChoice = z.infer<typeof offeringChoice>;

const offeringIds = z.array(entityId).min(1).max(8);
const enrolResult = z.object({ enrolments: z.array(enrolmentView) });

export const listWrittenChoices = endpoint({
  method: 'GET',
  path: '/api/enrolment/written/choices',
  audience: 'candidate',
  request: z.object({}),
  response: z.object({ choices: z.array(offeringChoice) }),
});

/** All offerings of one submission are checked together, so R5's one-per-level rule sees the whole selection. */
export const enrolWritten = endpoint({
  method: 'POST',
  path: '/api/enrolment/written',
  audience: 'candidate',
  request: z.object({ offeringIds }),
  response: enrolResult,
});

export const listOralCampuses = endpoint({
  method: 'GET',
  path: '/api/enrolment/oral/campuses',
  audience: 'candidate',
  request: z.object({}),
  response: z.object({
    /** The written campus forbids other campuses: the one campus listed is chosen for the candidate (R6). */
    fixed: z.boolean(),
    /** Campuses whose oral offerings are open now. */
    campuses: z.array(z.object({ school: schoolRef, campus: campusRef })),
  }),
});

export const listOralChoices = endpoint({
  method: 'GET',
  path: '/api/enrolment/oral/campuses/:campusCode/choices',
  audience: 'candidate',
  request: z.object({ campusCode }),
  response: z.object({
    school: schoolRef,
    campus: campusRef,
    /** 学校通告 of the chosen campus's school. */
    notice: z.array(z.string()),
    choices: z.array(offeringChoice),
  }),
});

export const enrolOral = endpoint({
  method: 'POST',
  path: '/api/enrolment/oral',
  audience: 'candidate',
  request: z.object({ offeringIds }),
  response: enrolResult,
});

/** Cancelling the last enrolment deletes the registration too (R8); the response says so. */
export const cancelEnrolment = endpoint({
  method: 'DELETE',
  path: '/api/enrolment/:enrolmentId',
  audience: 'candidate',
  request: z.object({ enrolmentId: entityId }),
  response: z.object({ cancelled: z.literal(true), registrationDeleted: z.boolean() }),
});
