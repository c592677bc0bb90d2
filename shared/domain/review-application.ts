// A CET6 qualification review application (CET6资格复核申请): one per passport.
import type { Identity } from './identity.js';

/** 通过 (system, at once) / 未复核 (waiting for a teacher) / 复核通过 / 复核失败. */
export const REVIEW_STATUSES = ['AUTO_APPROVED', 'PENDING', 'APPROVED', 'REJECTED'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** 考生 submitted it, or a teacher filed it with proof (pre-2005 score, forgotten ticket number). */
export const REVIEW_FILERS = ['CANDIDATE', 'TEACHER'] as const;
export type ReviewFiler = (typeof REVIEW_FILERS)[number];

export interface ReviewApplication extends Identity {
  readonly id: string;
  readonly passportId: string;
  readonly ticketNumber: string;
  readonly status: ReviewStatus;
  readonly filedBy: ReviewFiler;
  /** The teacher's note on the proof when filed on the candidate's behalf. */
  readonly proofNote: string | null;
  readonly reviewerId: string | null;
  /** Why a teacher rejected it; shown to the candidate. */
  readonly reason: string | null;
  /** How many times the candidate has submitted it; teachers may decline repeat submitters (C7). */
  readonly submissionCount: number;
}

export function grantsCet6Qualification(status: ReviewStatus): boolean {
  return status === 'AUTO_APPROVED' || status === 'APPROVED';
}
