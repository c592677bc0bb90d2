// Arrangement (编排): gives paid enrolments an admission ticket number, exam room and seat, deterministically and idempotently.
import type { PaymentStatus } from '../../shared/domain/enrolment.js';
import { isCampusCode, type CampusCode } from '../../shared/domain/school.js';
import type { SubjectCode } from '../../shared/domain/subject.js';
import { failed, ok, type Result } from '../../shared/errors/domain-error.js';

/**
 * Ticket numbers follow the layout shared/rules/review-ticket.ts reads (parseTicketNumber), 15 digits:
 *
 *   993010 | 26 | 2 | 1 | 001 | 07
 *   campus code as 考点代码 | exam year, two digits | half (1 上半年, 2 下半年) | subject digit | room | seat
 *
 * so a ticket printed by this system is accepted as CET6 review evidence in a later session.
 * Rooms are numbered per campus and subject from 001, seats per room from 01.
 */
export const DEFAULT_SEATS_PER_ROOM = 30;
const MAX_ROOMS = 999;
const MAX_SEATS_PER_ROOM = 99;

/**
 * Written subjects use their catalogue code, which is already the digit the ticket layout expects
 * (1 英语四级笔试 … 6 德语六级笔试); the oral subjects have letters and get 7 and 8.
 */
export const DEFAULT_SUBJECT_DIGITS: Readonly<Record<SubjectCode, string>> = {
  '1': '1',
  '2': '2',
  '3': '3',
  '4': '4',
  '5': '5',
  '6': '6',
  F: '7',
  S: '8',
};

export interface ArrangementSession {
  readonly examYear: number;
  readonly half: 1 | 2;
}

export interface SeatAssignment {
  readonly ticketNumber: string;
  /** Three digits, `001` …. */
  readonly room: string;
  readonly seat: number;
}

export interface ArrangeableEnrolment {
  readonly enrolmentId: string;
  readonly campusCode: CampusCode;
  readonly subjectCode: SubjectCode;
  readonly paymentStatus: PaymentStatus;
  /** When the enrolment was made: earlier enrolments get earlier seats. */
  readonly enrolledAt: Date;
  readonly studentNumber: string;
  /** Set once arranged; such an enrolment keeps its ticket for good. */
  readonly arrangement: SeatAssignment | null;
}

export interface ArrangementInput {
  readonly session: ArrangementSession;
  readonly enrolments: readonly ArrangeableEnrolment[];
  readonly seatsPerRoom?: number;
  readonly subjectDigits?: Readonly<Record<SubjectCode, string>>;
}

export interface NewAssignment extends SeatAssignment {
  readonly enrolmentId: string;
  readonly campusCode: CampusCode;
  readonly subjectCode: SubjectCode;
}

export interface ArrangementResult {
  /** Only the enrolments arranged by this run, in seating order. */
  readonly assignments: readonly NewAssignment[];
  readonly alreadyArranged: number;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Campus, subject, enrolment time, student number; the id last, so equal times still give one order. */
function seatingOrder(a: ArrangeableEnrolment, b: ArrangeableEnrolment): number {
  return (
    compareText(a.campusCode, b.campusCode) ||
    compareText(a.subjectCode, b.subjectCode) ||
    a.enrolledAt.getTime() - b.enrolledAt.getTime() ||
    compareText(a.studentNumber, b.studentNumber) ||
    compareText(a.enrolmentId, b.enrolmentId)
  );
}

/** The position after the last seat given in a campus and subject, as a zero-based seat count. */
function seatsTaken(arranged: readonly ArrangeableEnrolment[], seatsPerRoom: number): number {
  return arranged.reduce((last, { arrangement }) => {
    if (arrangement === null) return last;
    const position = (Number(arrangement.room) - 1) * seatsPerRoom + arrangement.seat;
    return Math.max(last, position);
  }, 0);
}

/**
 * Pure: phase 2 passes the session's paid enrolments with their current arrangement and stores
 * the new assignments in one transaction. Already arranged enrolments are never moved; new ones
 * are seated after the last seat used in their campus and subject, so running it twice, or again
 * after late payments, only adds. Unpaid enrolments are left out (R9: only paid ones are registered).
 */
export function arrange(input: ArrangementInput): Result<ArrangementResult> {
  const seatsPerRoom = input.seatsPerRoom ?? DEFAULT_SEATS_PER_ROOM;
  const digits = input.subjectDigits ?? DEFAULT_SUBJECT_DIGITS;
  const { examYear, half } = input.session;
  if (!Number.isInteger(seatsPerRoom) || seatsPerRoom < 1 || seatsPerRoom > MAX_SEATS_PER_ROOM) {
    return failed('ARRANGEMENT_ROOM_SIZE_INVALID', { field: 'seatsPerRoom' });
  }
  if (!Number.isInteger(examYear) || examYear < 1987 || examYear > 2086 || (half !== 1 && half !== 2)) {
    return failed('ARRANGEMENT_SESSION_INVALID');
  }
  const paid = input.enrolments.filter((enrolment) => enrolment.paymentStatus === 'PAID');
  const invalidCampus = paid.find((enrolment) => !isCampusCode(enrolment.campusCode));
  if (invalidCampus !== undefined) return failed('VALIDATION_FAILED', { field: 'campusCode', params: { campus: invalidCampus.campusCode } });

  const groups = new Map<string, ArrangeableEnrolment[]>();
  for (const enrolment of [...paid].sort(seatingOrder)) {
    const key = `${enrolment.campusCode}/${enrolment.subjectCode}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [enrolment]);
    else group.push(enrolment);
  }

  const session = `${String(examYear % 100).padStart(2, '0')}${half}`;
  const assignments: NewAssignment[] = [];
  for (const group of groups.values()) {
    const waiting = group.filter((enrolment) => enrolment.arrangement === null);
    const first = waiting[0];
    if (first === undefined) continue;
    const digit = digits[first.subjectCode];
    if (digit === undefined || !/^\d$/.test(digit)) {
      return failed('ARRANGEMENT_SUBJECT_UNNUMBERED', { params: { subject: first.subjectCode } });
    }
    const taken = seatsTaken(group, seatsPerRoom);
    if (taken + waiting.length > MAX_ROOMS * seatsPerRoom) {
      return failed('ARRANGEMENT_ROOMS_EXHAUSTED', { params: { campus: first.campusCode, subject: first.subjectCode, max: MAX_ROOMS } });
    }
    waiting.forEach((enrolment, index) => {
      const position = taken + index;
      const room = String(Math.floor(position / seatsPerRoom) + 1).padStart(3, '0');
      const seat = (position % seatsPerRoom) + 1;
      assignments.push({
        enrolmentId: enrolment.enrolmentId,
        campusCode: enrolment.campusCode,
        subjectCode: enrolment.subjectCode,
        room,
        seat,
        ticketNumber: `${enrolment.campusCode}${session}${digit}${room}${String(seat).padStart(2, '0')}`,
      });
    });
  }
  return ok({ assignments, alreadyArranged: paid.length - assignments.length });
}
