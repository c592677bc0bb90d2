// C2 the ticket number a CET6 review accepts: 15 digits, English CET4 written, 2005 or later.
import { describe, expect, it } from 'vitest';
import { checkReviewTicket, parseTicketNumber } from '../../shared/rules/review-ticket.js';

describe('C2 review ticket number', () => {
  it.each<[string, string | null, string]>([
    ['330011171100112', null, 'first half of 2017, English CET4 written'],
    ['110021052100101', null, 'second half of 2005, the first year accepted'],
    ['110021051100101', null, 'first half of 2005'],
    ['110021042100101', 'REVIEW_TICKET_BEFORE_2005', 'second half of 2004'],
    ['110021991100101', 'REVIEW_TICKET_BEFORE_2005', '1999: years 87–99 are the 1900s'],
    ['330011172200112', 'REVIEW_TICKET_NOT_CET4', 'a CET6 ticket'],
    ['330011173100112', 'REVIEW_TICKET_FORMAT', 'half 3 does not exist'],
    ['33001117110011', 'REVIEW_TICKET_FORMAT', 'fourteen digits'],
    ['3300111711001123', 'REVIEW_TICKET_FORMAT', 'sixteen digits'],
    ['F30011171100112', 'REVIEW_TICKET_FORMAT', 'an oral ticket with a letter'],
    ['', 'FIELD_REQUIRED', 'nothing typed'],
  ])('C2 checks %s → %s (%s)', (ticketNumber, code) => {
    const error = checkReviewTicket(ticketNumber);
    expect(error?.code ?? null).toBe(code);
    if (error !== null) expect(error.field).toBe('ticketNumber');
  });

  it('C2 reads the parts of a ticket number', () => {
    expect(parseTicketNumber('330011172100112')).toEqual({
      testCentre: '330011',
      examYear: 2017,
      half: 2,
      subjectDigit: '1',
      room: '001',
      seat: '12',
    });
  });
});
