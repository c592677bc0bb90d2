// CET6 qualification review contracts (C1–C8): the candidate's one application and the teacher's review queue.
import { z } from 'zod';
import { REVIEW_FILERS } from '../../domain/review-application.js';
import { endpoint } from './endpoint.js';
import {
  campusRef,
  entityId,
  identityFields,
  idNumber,
  idType,
  instant,
  nextCursor,
  pageRequest,
  personName,
  reviewStatus,
  schoolRef,
  ticketNumber,
} from './fields.js';

/** What the candidate sees of their application: name, ID type, ID number and ticket masked (C8). */
export const maskedReviewApplication = z.object({
  id: entityId,
  name: z.string(),
  idType: z.string(),
  idNumber: z.string(),
  /** Null when a teacher filed it on the candidate's behalf without the number (forgotten ticket, C7). */
  ticketNumber: z.string().nullable(),
  status: reviewStatus,
  /** The teacher's reason when rejected. */
  reason: z.string().nullable(),
  submissionCount: z.int().positive(),
  submittedAt: instant,
  reviewedAt: instant.nullable(),
  /** Only a rejected application may be edited and resubmitted, or deleted (C4, C6). */
  editable: z.boolean(),
  deletable: z.boolean(),
});
export type MaskedReviewApplication = z.infer<typeof maskedReviewApplication>;

/** C1: whether the 'CET6资格复核' action is shown, and the application if there is one. */
export const reviewOffer = z.object({
  offered: z.boolean(),
  application: maskedReviewApplication.nullable(),
});

export const REVIEW_EVENT_KINDS = [
  'SUBMITTED',
  'RESUBMITTED',
  'AUTO_APPROVED',
  'APPROVED',
  'REJECTED',
  'REPEAT_SUBMITTER_FLAGGED',
  'REPEAT_SUBMITTER_CLEARED',
  'FILED_ON_BEHALF',
  'DELETED',
] as const;
export type ReviewEventKind = (typeof REVIEW_EVENT_KINDS)[number];
export const reviewEvent = z.object({
  at: instant,
  kind: z.enum(REVIEW_EVENT_KINDS),
  actor: z.enum(['CANDIDATE', 'TEACHER', 'SYSTEM']),
  actorName: z.string().nullable(),
  reason: z.string().nullable(),
});

/** What a teacher saw when filing on a candidate's behalf (C7). */
export const PROOF_KINDS = ['PRE_2005_SCORE', 'FORGOTTEN_TICKET', 'OTHER'] as const;
export type ProofKind = (typeof PROOF_KINDS)[number];

/** The application unmasked, as a teacher of the candidate's school sees it. */
export const reviewApplication = z.object({
  id: entityId,
  ...identityFields,
  /** Absent when a teacher filed it on a candidate's behalf without the number (forgotten ticket, C7). */
  ticketNumber: ticketNumber.nullable(),
  status: reviewStatus,
  reason: z.string().nullable(),
  reviewerName: z.string().nullable(),
  submissionCount: z.int().positive(),
  /** shared/rules' isRepeatSubmitter(submissionCount), or a teacher's flag (C7). */
  repeatSubmitter: z.boolean(),
  filedBy: z.enum(REVIEW_FILERS),
  proofKind: z.enum(PROOF_KINDS).nullable(),
  proofNote: z.string().nullable(),
  submittedAt: instant,
  reviewedAt: instant.nullable(),
});
export type ReviewApplication = z.infer<typeof reviewApplication>;

/** The two sides a teacher compares (K4): the candidate's data and the CET4 score record the ticket points to. */
export const reviewEvidence = z.object({
  application: reviewApplication,
  candidate: z.object({
    idType,
    idNumber,
    name: personName,
    school: schoolRef,
    campus: campusRef,
    studentNumber: z.string(),
    restrictedFromCet6: z.boolean(),
  }),
  cet4Record: z
    .object({ ticketNumber, idNumber, name: personName, score: z.int(), examYear: z.int() })
    .nullable(),
  matches: z.object({ idNumber: z.boolean(), name: z.boolean() }),
  history: z.array(reviewEvent),
});
export type ReviewEvidence = z.infer<typeof reviewEvidence>;

const submission = z.object({
  ...identityFields,
  /** Only bounded here: shared/rules' checkReviewTicket (C2) gives the candidate the precise refusal. */
  ticketNumber: z.string().trim().max(32),
  /** 我确认提交复核的信息所有者为本人，且准考证号已通过CET四级笔试(分数≥425). */
  confirmed: z.literal(true),
});

export const getMyReview = endpoint({
  method: 'GET',
  path: '/api/review',
  audience: 'candidate',
  request: z.object({}),
  response: reviewOffer,
});

/** C3 approves at once, C4 stores it as pending, C5 refuses and stores nothing. */
export const submitReview = endpoint({
  method: 'POST',
  path: '/api/review',
  audience: 'candidate',
  request: submission,
  response: maskedReviewApplication,
});

/** Edit and resubmit: only after a rejection (C4). */
export const resubmitReview = endpoint({
  method: 'PUT',
  path: '/api/review',
  audience: 'candidate',
  request: submission,
  response: maskedReviewApplication,
});

export const deleteReview = endpoint({
  method: 'DELETE',
  path: '/api/review',
  audience: 'candidate',
  request: z.object({}),
  response: z.object({ deleted: z.literal(true) }),
});

/** The review queue of the teacher's school: pending applications oldest first; decided ones newest decision first. */
export const listReviews = endpoint({
  method: 'GET',
  path: '/api/staff/reviews',
  audience: 'teacher',
  request: z.object({ status: reviewStatus.default('PENDING'), ...pageRequest }),
  response: z.object({
    items: z.array(
      z.object({
        id: entityId,
        name: personName,
        status: reviewStatus,
        campus: campusRef,
        studentNumber: z.string(),
        submittedAt: instant,
        submissionCount: z.int().positive(),
        repeatSubmitter: z.boolean(),
        filedBy: z.enum(REVIEW_FILERS),
      }),
    ),
    nextCursor,
  }),
});

/** Our ids are printable ASCII; anything else in the path (a NUL byte, say) is refused before it reaches the database. */
const applicationId = entityId.regex(/^[\x21-\x7e]+$/);

export const getReviewEvidence = endpoint({
  method: 'GET',
  path: '/api/staff/reviews/:applicationId',
  audience: 'teacher',
  request: z.object({ applicationId }),
  response: reviewEvidence,
});

const reason = z.string().trim().min(1).max(200);

export const decideReview = endpoint({
  method: 'POST',
  path: '/api/staff/reviews/:applicationId/decision',
  audience: 'teacher',
  request: z.discriminatedUnion('decision', [
    z.object({ applicationId, decision: z.literal('APPROVED') }),
    z.object({ applicationId, decision: z.literal('REJECTED'), reason }),
  ]),
  response: reviewEvidence,
});

/**
 * C7: a teacher may mark a candidate who resubmits again and again, and so decline to review them;
 * the mark goes into the history, and the application is closed by a rejection with a reason.
 */
export const flagRepeatSubmitter = endpoint({
  method: 'PUT',
  path: '/api/staff/reviews/:applicationId/repeat-submitter',
  audience: 'teacher',
  request: z.object({ applicationId, flagged: z.boolean(), note: reason.optional() }),
  response: reviewEvidence,
});

/**
 * C7: the teacher has seen the proof, so the application is stored as approved with the teacher as
 * reviewer. It is bound to the passport that holds the identity, like a candidate's own (C6).
 */
export const fileReviewOnBehalf = endpoint({
  method: 'POST',
  path: '/api/staff/reviews/on-behalf',
  audience: 'teacher',
  request: z.object({
    ...identityFields,
    ticketNumber: ticketNumber.optional(),
    proofKind: z.enum(PROOF_KINDS),
    proofNote: z.string().trim().min(1).max(500),
  }),
  response: reviewEvidence,
});
