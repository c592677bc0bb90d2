// R10: the arrangement (编排) run that stores ticket numbers, rooms and seats for paid enrolments, and the candidate's admission tickets in the print window.
import { canPrintAdmissionTicket } from '../../shared/rules/index.js';
import { arrange } from '../arrangement/arrange.js';
import { lockKey } from '../db/database.js';
import { auditActorOf, type StaffActor } from './actors.js';
import { recordAudit, type AuditActor } from './audit.js';
import type { ServiceContext } from './context.js';
import { command, refuseWith } from './outcome.js';
import { currentSession } from './catalogue.js';
import { calendarDateIn, type SessionWithAgreement } from './reference-data.js';
import { readState, subjectRef, type HeldEnrolment } from './registration-state.js';

/** The CLI runs as the system; over HTTP an admin does, and the audit log names them. */
const SYSTEM: AuditActor = { kind: 'SYSTEM', id: null, name: 'cli arrange' };

/** The ticket layout's year and half (上半年 1, 下半年 2), from the written exam day in the session's zone. */
function arrangementSession(session: SessionWithAgreement) {
  const [year, month] = calendarDateIn(session.writtenExamDate, session.timeZone).split('-').map(Number);
  return { examYear: year ?? 0, half: (month ?? 1) <= 6 ? (1 as const) : (2 as const) };
}

/**
 * One transaction under an advisory lock: two runs (CLI and HTTP, or two admins) queue instead of
 * numbering the same seats twice; arrange() keeps tickets already given and only adds.
 */
export function runArrangement(ctx: ServiceContext, admin: StaffActor | null, input: { campusCode?: string; seatsPerRoom: number }) {
  return command(async () => {
    const now = ctx.clock.now();
    const { session } = await currentSession(ctx);
    return ctx.db.transaction().execute(async (trx) => {
      await lockKey(trx, `arrangement:${session.id}`);
      let query = trx
        .selectFrom('enrolments')
        .innerJoin('registrations', 'registrations.id', 'enrolments.registration_id')
        .innerJoin('offerings', 'offerings.id', 'enrolments.offering_id')
        .leftJoin('admission_tickets', 'admission_tickets.enrolment_id', 'enrolments.id')
        .select([
          'enrolments.id',
          'enrolments.subject_code',
          'enrolments.payment_status',
          'enrolments.created_at',
          'offerings.campus_code',
          'registrations.roster_snapshot',
          'admission_tickets.ticket_number',
          'admission_tickets.room',
          'admission_tickets.seat',
        ])
        .where('registrations.exam_session_id', '=', session.id)
        .where('enrolments.payment_status', '=', 'PAID');
      if (input.campusCode !== undefined) query = query.where('offerings.campus_code', '=', input.campusCode);
      const rows = await query.execute();
      const result = arrange({
        session: arrangementSession(session),
        seatsPerRoom: input.seatsPerRoom,
        enrolments: rows.map((row) => ({
          enrolmentId: row.id,
          campusCode: row.campus_code,
          subjectCode: row.subject_code,
          paymentStatus: row.payment_status,
          enrolledAt: row.created_at,
          studentNumber: row.roster_snapshot.studentNumber,
          arrangement: row.ticket_number === null || row.room === null || row.seat === null ? null : { ticketNumber: row.ticket_number, room: row.room, seat: row.seat },
        })),
      });
      if (!result.ok) refuseWith(result.error.code, result.error);
      const { assignments, alreadyArranged } = result.value;
      if (assignments.length > 0) {
        await trx
          .insertInto('admission_tickets')
          .values(assignments.map((a) => ({ enrolment_id: a.enrolmentId, ticket_number: a.ticketNumber, room: a.room, seat: a.seat, arranged_at: now })))
          .execute();
        await trx.updateTable('enrolments').set({ arrangement_status: 'ARRANGED' }).where('id', 'in', assignments.map((a) => a.enrolmentId)).execute();
      }
      await recordAudit(
        trx,
        { actor: admin === null ? SYSTEM : auditActorOf(admin), action: 'arrangement.ran', target: { kind: 'exam_session', id: session.id }, details: { campusCode: input.campusCode ?? null, seatsPerRoom: input.seatsPerRoom, newlyArranged: assignments.length, alreadyArranged } },
        now,
      );
      return { ranAt: now, newlyArranged: assignments.length, alreadyArranged };
    });
  });
}

async function printableTickets(ctx: ServiceContext, passportId: string) {
  const now = ctx.clock.now();
  const { reference, session } = await currentSession(ctx);
  const read = await readState(ctx.db, reference, passportId, session.id);
  if (read === undefined) return { session, tickets: [] };
  const { state } = read;
  const printable = state.enrolments.filter((enrolment) => canPrintAdmissionTicket(enrolment, session, now));
  const rows = printable.length === 0 ? [] : await ctx.db.selectFrom('admission_tickets').selectAll().where('enrolment_id', 'in', printable.map((e) => e.id)).execute();
  const { names } = reference;
  const ticketOf = (enrolment: HeldEnrolment) => {
    const row = rows.find((ticket) => ticket.enrolment_id === enrolment.id);
    if (row === undefined) return [];
    return [
      {
        enrolmentId: enrolment.id,
        examSessionName: session.name,
        ticketNumber: row.ticket_number,
        candidateName: state.snapshot.name,
        idType: state.snapshot.idType,
        idNumber: state.snapshot.idNumber,
        subject: subjectRef(enrolment.subject),
        examDate: calendarDateIn(enrolment.offering.examDate ?? session.writtenExamDate, session.timeZone),
        school: names.school(enrolment.offering.schoolCode),
        campus: names.campus(enrolment.offering.campusCode),
        room: row.room,
        seat: row.seat,
      },
    ];
  };
  return { session, tickets: printable.flatMap(ticketOf) };
}

export function listMyTickets(ctx: ServiceContext, passportId: string) {
  return command(async () => {
    const { session, tickets } = await printableTickets(ctx, passportId);
    return { printWindows: session.admissionTicketPrintWindows, tickets };
  });
}

/** R10: paid, arranged and inside its kind's print window; otherwise TICKET_NOT_PRINTABLE. */
export function getMyTicket(ctx: ServiceContext, passportId: string, enrolmentId: string) {
  return command(async () => {
    const { tickets } = await printableTickets(ctx, passportId);
    return tickets.find((ticket) => ticket.enrolmentId === enrolmentId) ?? refuseWith('TICKET_NOT_PRINTABLE');
  });
}
