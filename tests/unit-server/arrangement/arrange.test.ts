// Arrangement (编排): ticket layout, room capacity, deterministic order and idempotency.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arrange,
  type ArrangeableEnrolment,
  type ArrangementResult,
  type NewAssignment,
} from '../../../src-server/arrangement/arrange.js';
import { parseTicketNumber } from '../../../shared/rules/review-ticket.js';

const session = { examYear: 2026, half: 2 } as const;
const base = Date.UTC(2026, 8, 1);

function enrolment(n: number, overrides: Partial<ArrangeableEnrolment> = {}): ArrangeableEnrolment {
  return {
    enrolmentId: `e${String(n).padStart(4, '0')}`,
    campusCode: '993010',
    subjectCode: '1',
    paymentStatus: 'PAID',
    enrolledAt: new Date(base + n * 60_000),
    studentNumber: `2024${String(n).padStart(4, '0')}`,
    arrangement: null,
    ...overrides,
  };
}

function assignments(result: ReturnType<typeof arrange>): readonly NewAssignment[] {
  if (!result.ok) throw new Error(result.error.code);
  return result.value.assignments;
}

/** What phase 2 does after a run: store the assignments on the enrolments. */
function applied(enrolments: readonly ArrangeableEnrolment[], result: ArrangementResult): ArrangeableEnrolment[] {
  return enrolments.map((item) => {
    const given = result.assignments.find((assignment) => assignment.enrolmentId === item.enrolmentId);
    return given === undefined ? item : { ...item, arrangement: { ticketNumber: given.ticketNumber, room: given.room, seat: given.seat } };
  });
}

const arbitraryEnrolments = fc
  .array(
    fc.record({
      campusCode: fc.constantFrom('993010', '993011', '993020'),
      subjectCode: fc.constantFrom('1', '2', '3', 'F', 'S'),
      minute: fc.nat({ max: 500 }),
      paid: fc.boolean(),
    }),
    { maxLength: 150 },
  )
  .map((items) =>
    items.map((item, n) =>
      enrolment(n, {
        campusCode: item.campusCode,
        subjectCode: item.subjectCode,
        enrolledAt: new Date(base + item.minute * 60_000),
        paymentStatus: item.paid ? 'PAID' : 'UNPAID',
      }),
    ),
  );

describe('arrangement (编排)', () => {
  it('numbers tickets campus + year + half + subject digit + room + seat, as the review rules read them', () => {
    const [first] = assignments(arrange({ session, enrolments: [enrolment(1)] }));
    expect(first).toEqual({ enrolmentId: 'e0001', campusCode: '993010', subjectCode: '1', room: '001', seat: 1, ticketNumber: '993010262100101' });
    expect(parseTicketNumber(first!.ticketNumber)).toEqual({
      testCentre: '993010',
      examYear: 2026,
      half: 2,
      subjectDigit: '1',
      room: '001',
      seat: '01',
    });
    const [oral] = assignments(arrange({ session: { examYear: 2027, half: 1 }, enrolments: [enrolment(2, { subjectCode: 'F' })] }));
    expect(oral?.ticketNumber).toBe('993010271700101');
  });

  it('fills 30 seats per room by default, then opens the next room; the size is configurable', () => {
    const enrolments = Array.from({ length: 61 }, (_, n) => enrolment(n));
    const seated = assignments(arrange({ session, enrolments }));
    expect(seated.slice(28, 32).map((seat) => [seat.room, seat.seat])).toEqual([
      ['001', 29],
      ['001', 30],
      ['002', 1],
      ['002', 2],
    ]);
    expect(seated.at(-1)).toMatchObject({ room: '003', seat: 1 });
    const small = assignments(arrange({ session, enrolments: enrolments.slice(0, 5), seatsPerRoom: 2 }));
    expect(small.map((seat) => `${seat.room}-${seat.seat}`)).toEqual(['001-1', '001-2', '002-1', '002-2', '003-1']);
  });

  it('seats by campus, subject, enrolment time, then student number', () => {
    const sameTime = new Date(base);
    const seated = assignments(
      arrange({
        session,
        enrolments: [
          enrolment(1, { campusCode: '993020' }),
          enrolment(2, { subjectCode: '2' }),
          enrolment(3, { enrolledAt: sameTime, studentNumber: '20240009' }),
          enrolment(4, { enrolledAt: sameTime, studentNumber: '20240001' }),
          enrolment(5, { enrolledAt: new Date(base - 60_000) }),
        ],
      }),
    );
    expect(seated.map((seat) => [seat.enrolmentId, seat.room, seat.seat])).toEqual([
      ['e0005', '001', 1],
      ['e0004', '001', 2],
      ['e0003', '001', 3],
      ['e0002', '001', 1],
      ['e0001', '001', 1],
    ]);
  });

  it('R9 leaves unpaid enrolments out', () => {
    const result = arrange({ session, enrolments: [enrolment(1, { paymentStatus: 'UNPAID' }), enrolment(2)] });
    expect(assignments(result).map((seat) => seat.enrolmentId)).toEqual(['e0002']);
  });

  it('gives the same seats whatever order the enrolments come in', () => {
    fc.assert(
      fc.property(arbitraryEnrolments, fc.func(fc.integer()), (enrolments, key) => {
        const shuffled = [...enrolments].sort((a, b) => key(a.enrolmentId) - key(b.enrolmentId));
        expect(assignments(arrange({ session, enrolments: shuffled }))).toEqual(assignments(arrange({ session, enrolments })));
      }),
    );
  });

  it('never puts more candidates in a room than it has seats, nor two on one ticket', () => {
    fc.assert(
      fc.property(arbitraryEnrolments, fc.integer({ min: 1, max: 40 }), (enrolments, seatsPerRoom) => {
        const seated = assignments(arrange({ session, enrolments, seatsPerRoom }));
        expect(seated).toHaveLength(enrolments.filter((item) => item.paymentStatus === 'PAID').length);
        expect(new Set(seated.map((seat) => seat.ticketNumber)).size).toBe(seated.length);
        const perRoom = new Map<string, number>();
        for (const seat of seated) {
          expect(seat.seat).toBeGreaterThanOrEqual(1);
          expect(seat.seat).toBeLessThanOrEqual(seatsPerRoom);
          const room = `${seat.campusCode}/${seat.subjectCode}/${seat.room}`;
          perRoom.set(room, (perRoom.get(room) ?? 0) + 1);
        }
        for (const count of perRoom.values()) expect(count).toBeLessThanOrEqual(seatsPerRoom);
      }),
    );
  });

  it('is idempotent: a second run moves nobody and seats late payers after the last seat', () => {
    fc.assert(
      fc.property(arbitraryEnrolments, arbitraryEnrolments, fc.integer({ min: 1, max: 40 }), (early, late, seatsPerRoom) => {
        const first = arrange({ session, enrolments: early, seatsPerRoom });
        if (!first.ok) throw new Error(first.error.code);
        const arranged = applied(early, first.value);

        const again = arrange({ session, enrolments: arranged, seatsPerRoom });
        expect(again).toEqual({ ok: true, value: { assignments: [], alreadyArranged: first.value.assignments.length } });

        const latecomers = late.map((item) => ({ ...item, enrolmentId: `late-${item.enrolmentId}` }));
        const second = arrange({ session, enrolments: [...arranged, ...latecomers], seatsPerRoom });
        if (!second.ok) throw new Error(second.error.code);
        expect(second.value.assignments.every((seat) => seat.enrolmentId.startsWith('late-'))).toBe(true);
        const everyTicket = [...first.value.assignments, ...second.value.assignments].map((seat) => seat.ticketNumber);
        expect(new Set(everyTicket).size).toBe(everyTicket.length);
      }),
    );
  });

  it('continues after the highest seat already given even when the room size changed', () => {
    const arranged = enrolment(1, { arrangement: { ticketNumber: '993010262100215', room: '002', seat: 15 } });
    const seated = assignments(arrange({ session, enrolments: [arranged, enrolment(2)], seatsPerRoom: 20 }));
    expect(seated).toMatchObject([{ enrolmentId: 'e0002', room: '002', seat: 16 }]);
  });

  it.each([
    ['a room size of 0', { seatsPerRoom: 0 }, 'ARRANGEMENT_ROOM_SIZE_INVALID'],
    ['a room size of 100, which two seat digits cannot hold', { seatsPerRoom: 100 }, 'ARRANGEMENT_ROOM_SIZE_INVALID'],
    ['a year outside the two-digit range', { session: { examYear: 2087, half: 1 as const } }, 'ARRANGEMENT_SESSION_INVALID'],
    ['a subject without a ticket digit', { enrolments: [enrolment(1, { subjectCode: 'Q' })] }, 'ARRANGEMENT_SUBJECT_UNNUMBERED'],
    ['a malformed campus code', { enrolments: [enrolment(1, { campusCode: '99301' })] }, 'VALIDATION_FAILED'],
    ['more candidates than 999 rooms hold', { enrolments: Array.from({ length: 1000 }, (_, n) => enrolment(n)), seatsPerRoom: 1 }, 'ARRANGEMENT_ROOMS_EXHAUSTED'],
  ])('refuses %s', (_, overrides, code) => {
    const result = arrange({ session, enrolments: [enrolment(1)], ...overrides });
    expect(result.ok ? null : result.error.code).toBe(code);
  });
});
