// C3–C5: the seed's 系统复核规则, deciding a candidate's CET6 review application against the score records.
import { PASSING_CET4_SCORE, type Cet4ScoreRecord } from '../domain/cet4-score-record.js';
import { refuse, type DomainError } from '../errors/domain-error.js';
import { normalizeName } from './contact.js';
import { checkReviewTicket } from './review-ticket.js';
import { normalizeTypedCode } from './typed-code.js';

export interface ReviewClaim {
  readonly ticketNumber: string;
  readonly idNumber: string;
  readonly name: string;
}

/** The matched record travels with the decision: a teacher reviews a pending one side by side with it (K4). */
export type ReviewDecision =
  | { readonly decision: 'AUTO_APPROVED'; readonly record: Cet4ScoreRecord }
  | { readonly decision: 'PENDING'; readonly record: Cet4ScoreRecord }
  | { readonly decision: 'REFUSED'; readonly error: DomainError };

/**
 * 1. Ticket + ID number match a passing record: approved at once, whatever the name says.
 * 2. Ticket + name match a passing record but the ID number differs: accepted as 未复核 for a teacher.
 * 3. Otherwise refused and nothing is stored. A matching record below 425 is refused with its own
 *    message, since telling the candidate "wrong ticket" would send them looking for the wrong mistake.
 */
export function decideCet6Review(input: {
  readonly application: ReviewClaim;
  readonly recordsForTicket: readonly Cet4ScoreRecord[];
}): ReviewDecision {
  const { application } = input;
  const ticketError = checkReviewTicket(application.ticketNumber);
  if (ticketError !== null) return { decision: 'REFUSED', error: ticketError };

  const records = input.recordsForTicket.filter((record) => record.ticketNumber === application.ticketNumber);
  const byId = records.filter((record) => normalizeTypedCode(record.idNumber) === normalizeTypedCode(application.idNumber));
  const byName = records.filter((record) => normalizeName(record.name) === normalizeName(application.name));
  const passing = (record: Cet4ScoreRecord): boolean => record.score >= PASSING_CET4_SCORE;

  const approved = byId.find(passing);
  if (approved !== undefined) return { decision: 'AUTO_APPROVED', record: approved };
  const pending = byName.find(passing);
  if (pending !== undefined) return { decision: 'PENDING', record: pending };
  const error =
    byId.length + byName.length > 0
      ? refuse('REVIEW_SCORE_BELOW_PASS', { field: 'ticketNumber', params: { minimum: PASSING_CET4_SCORE } })
      : refuse('REVIEW_NO_MATCHING_RECORD', { field: 'ticketNumber' });
  return { decision: 'REFUSED', error };
}
