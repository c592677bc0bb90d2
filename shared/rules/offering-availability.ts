// R5/R6: whether an offering can take an enrolment now (its window, its seats) and how its seats look.
import type { Offering } from '../domain/offering.js';
import { windowState } from '../domain/time-window.js';
import { refuse, type DomainError } from '../errors/domain-error.js';

/**
 * Read from the offering the client or the server last saw. The server still takes the seat
 * atomically (R7): passing here means "worth trying", never "the seat is yours".
 */
export function checkOfferingAvailable(offering: Offering, now: Date): DomainError | null {
  const params = { subjectCode: offering.subjectCode };
  switch (windowState(offering.window, now)) {
    case 'NOT_OPEN':
      return refuse('OFFERING_NOT_OPEN', { field: 'subjectCodes', params });
    case 'CLOSED':
      return refuse('OFFERING_CLOSED', { field: 'subjectCodes', params });
    case 'OPEN':
      return offering.remaining > 0 ? null : refuse('OFFERING_FULL', { field: 'subjectCodes', params });
  }
}

export type CapacityColour = 'green' | 'yellow' | 'red';

/**
 * R6: green while more than half the seats are left, yellow for the last half, red (shown as 无,
 * not selectable) when none are. Compared in integers so that odd capacities split exactly.
 */
export function capacityColour(remaining: number, capacity: number): CapacityColour {
  if (remaining <= 0) return 'red';
  return remaining * 2 > capacity ? 'green' : 'yellow';
}
