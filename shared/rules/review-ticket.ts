// C2: which admission ticket numbers a CET6 review accepts, and what the number itself says.
import { FIRST_REVIEWABLE_EXAM_YEAR } from '../domain/cet4-score-record.js';
import { refuse, type DomainError } from '../errors/domain-error.js';

/**
 * Assumed layout of a written-exam ticket number (准考证号), 15 digits:
 *
 *   330011 | 17 | 1 | 1 | 001 | 12
 *   test centre (考点代码) | year | half (1 上半年, 2 下半年) | subject (1 English CET4 written,
 *   2 English CET6 written) | exam room | seat
 *
 * CET began in 1987, so years 87–99 are read as 19xx and 00–86 as 20xx.
 */
export interface TicketNumberParts {
  readonly testCentre: string;
  readonly examYear: number;
  readonly half: 1 | 2;
  readonly subjectDigit: string;
  readonly room: string;
  readonly seat: string;
}

export const ENGLISH_CET4_WRITTEN_TICKET_DIGIT = '1';

export function parseTicketNumber(ticketNumber: string): TicketNumberParts | null {
  const match = /^(\d{6})(\d{2})([12])(\d)(\d{3})(\d{2})$/.exec(ticketNumber);
  if (match === null) return null;
  const [, testCentre = '', yy = '', half = '', subjectDigit = '', room = '', seat = ''] = match;
  const year = Number(yy);
  return { testCentre, examYear: year >= 87 ? 1900 + year : 2000 + year, half: half === '1' ? 1 : 2, subjectDigit, room, seat };
}

/**
 * An English CET4 written ticket from 2005 on. Earlier scores were on another scale, so those (and
 * forgotten numbers) go through a teacher instead, which is what the seed's message tells the candidate.
 */
export function checkReviewTicket(ticketNumber: string): DomainError | null {
  if (ticketNumber === '') return refuse('FIELD_REQUIRED', { field: 'ticketNumber' });
  const parts = parseTicketNumber(ticketNumber);
  if (parts === null) return refuse('REVIEW_TICKET_FORMAT', { field: 'ticketNumber' });
  if (parts.subjectDigit !== ENGLISH_CET4_WRITTEN_TICKET_DIGIT) return refuse('REVIEW_TICKET_NOT_CET4', { field: 'ticketNumber' });
  return parts.examYear >= FIRST_REVIEWABLE_EXAM_YEAR ? null : refuse('REVIEW_TICKET_BEFORE_2005', { field: 'ticketNumber' });
}
