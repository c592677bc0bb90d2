// English messages for the CET6 qualification review (C1–C7).
import type { reviewErrors as zh } from '../../zh-CN/errors/review.js';

export const reviewErrors: Record<keyof typeof zh, string> = {
  REVIEW_NOT_OFFERED: 'The conditions for a CET6 qualification review are not met.',
  REVIEW_TICKET_FORMAT: 'An admission ticket number has 15 digits.',
  REVIEW_TICKET_NOT_CET4: 'Please enter the admission ticket number of an English CET4 written exam.',
  REVIEW_TICKET_BEFORE_2005: 'For a CET4 written score from before 2005, please ask your school’s CET teacher to apply for you.',
  REVIEW_SCORE_BELOW_PASS: 'The English CET4 written score for this ticket number is below {{minimum}}; the application cannot be submitted.',
  REVIEW_NO_MATCHING_RECORD: 'The ticket number is wrong, or neither the ID number nor the name matches its score record; the application cannot be submitted.',
  REVIEW_PENDING_LOCKED: 'An application waiting for review cannot be changed or cancelled. Please contact your school’s CET teacher for the manual review.',
  REVIEW_APPROVED_FINAL: 'The review has been approved and can no longer be changed or cancelled.',
  REVIEW_NOT_PENDING: 'Only applications waiting for review can be reviewed.',
  REVIEW_IDENTITY_NOT_OWN: 'The name, ID type and ID number of the application must be those of this passport account.',
  REVIEW_ALREADY_EXISTS: 'This passport account already has a review application; each account can have only one.',
  REVIEW_NOT_FOUND: 'No review application was found.',
};
