// C4, C6, C7: what may happen to a CET6 review application in each status, and who may act on it.
import type { ReviewStatus } from '../domain/review-application.js';
import { refuse, type DomainError } from '../errors/domain-error.js';

/**
 * Pending (未复核) waits for a teacher and is frozen; approved, by the system or a teacher, is
 * final; only a rejected application may be edited and resubmitted, or deleted (one rule for both).
 */
export function checkReviewChange(status: ReviewStatus): DomainError | null {
  switch (status) {
    case 'PENDING':
      return refuse('REVIEW_PENDING_LOCKED');
    case 'AUTO_APPROVED':
    case 'APPROVED':
      return refuse('REVIEW_APPROVED_FINAL');
    case 'REJECTED':
      return null;
  }
}

export function canEditReview(status: ReviewStatus): boolean {
  return checkReviewChange(status) === null;
}

export function canDeleteReview(status: ReviewStatus): boolean {
  return checkReviewChange(status) === null;
}

/**
 * C6: one application per passport. A passport without one may submit; one whose application was
 * rejected resubmits it (the seed's 修改信息重新提交); any other status refuses a submission.
 */
export function checkReviewSubmission(existing: ReviewStatus | null): DomainError | null {
  return existing === null ? null : checkReviewChange(existing);
}

export function canSubmitReview(existing: ReviewStatus | null): boolean {
  return checkReviewSubmission(existing) === null;
}

/** C4: a teacher decides pending applications only, and a rejection needs a reason the candidate will read. */
export function checkManualReview(status: ReviewStatus, decision: 'APPROVED' | 'REJECTED', reason: string): DomainError | null {
  if (status !== 'PENDING') return refuse('REVIEW_NOT_PENDING');
  return decision === 'REJECTED' && reason.trim() === '' ? refuse('FIELD_REQUIRED', { field: 'reason' }) : null;
}

/** C7: a default for how many submissions make a candidate one teachers may decline; sessions may set their own. */
export const DEFAULT_REPEAT_SUBMISSION_THRESHOLD = 3;

/** C7: from `threshold` submissions on, the teacher's view flags the candidate and may decline to review. */
export function isRepeatSubmitter(submissionCount: number, threshold: number = DEFAULT_REPEAT_SUBMISSION_THRESHOLD): boolean {
  return submissionCount >= threshold;
}
