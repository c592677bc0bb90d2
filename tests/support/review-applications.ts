// A pending CET6 review application (C4) as a row, for tests and benchmarks that need one in the database without filing it through the API.
import type { Insertable } from 'kysely';
import type { Identity } from '../../shared/domain/identity.js';
import type { Database } from '../../src-server/db/schema.js';

export interface PendingReview {
  readonly id: string;
  readonly passportId: string;
  readonly identity: Pick<Identity, 'idType' | 'idNumber' | 'name'>;
  readonly schoolCode: string;
  readonly campusCode: string;
  readonly submittedAt: Date;
  /** The CET4 ticket the candidate typed (a candidate's filing always has one). */
  readonly ticketNumber: string;
}

/** The row a candidate's first submission leaves, still waiting for the teacher. */
export function pendingReviewRow(review: PendingReview): Insertable<Database['review_applications']> {
  return {
    id: review.id,
    passport_id: review.passportId,
    school_code: review.schoolCode,
    campus_code: review.campusCode,
    roster_record_id: null,
    id_type: review.identity.idType,
    id_number: review.identity.idNumber,
    name: review.identity.name,
    ticket_number: review.ticketNumber,
    status: 'PENDING',
    filed_by: 'CANDIDATE',
    proof_kind: null,
    proof_note: null,
    reviewer_id: null,
    reason: null,
    submission_count: 1,
    repeat_flag: null,
    submitted_at: review.submittedAt,
    reviewed_at: null,
  };
}
