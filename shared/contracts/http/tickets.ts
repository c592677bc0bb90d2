// Admission ticket contracts (R10) and the arrangement (编排) run that gives paid enrolments their ticket, room and seat.
import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { calendarDate, campusCode, campusRef, entityId, idType, instant, schoolRef, subjectRef, ticketNumber, timeWindow } from './fields.js';

/** Everything printed on a 准考证, without a photo. */
export const admissionTicket = z.object({
  enrolmentId: entityId,
  examSessionName: z.string(),
  ticketNumber,
  candidateName: z.string(),
  idType,
  idNumber: z.string(),
  subject: subjectRef,
  examDate: calendarDate,
  school: schoolRef,
  campus: campusRef,
  /** e.g. `001`; rooms are numbered per campus and subject. */
  room: z.string().regex(/^\d{3}$/),
  seat: z.int().min(1).max(99),
});
export type AdmissionTicket = z.infer<typeof admissionTicket>;

/** R10: the tickets of arranged, paid enrolments whose kind's print window is open now. */
export const listMyTickets = endpoint({
  method: 'GET',
  path: '/api/tickets',
  audience: 'candidate',
  request: z.object({}),
  response: z.object({ printWindows: z.object({ written: timeWindow, oral: timeWindow }), tickets: z.array(admissionTicket) }),
});

export const getMyTicket = endpoint({
  method: 'GET',
  path: '/api/tickets/:enrolmentId',
  audience: 'candidate',
  request: z.object({ enrolmentId: entityId }),
  response: admissionTicket,
});

/**
 * Runs the arrangement over paid enrolments (one campus, or all). Idempotent: enrolments that already
 * have a ticket keep it; only new ones are numbered, after the last seat already given.
 */
export const runArrangement = endpoint({
  method: 'POST',
  path: '/api/admin/arrangement',
  audience: 'admin',
  request: z.object({ campusCode: campusCode.optional(), seatsPerRoom: z.int().min(1).max(99).default(30) }),
  response: z.object({ ranAt: instant, newlyArranged: z.int().nonnegative(), alreadyArranged: z.int().nonnegative() }),
});
