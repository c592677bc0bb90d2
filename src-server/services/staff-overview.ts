// The teacher workstation's campus overview (K4): seats per offering counted from the enrolments, registrations by progress, pending reviews.
import { sql } from 'kysely';
import { capacityColour } from '../../shared/rules/index.js';
import type { StaffActor } from './actors.js';
import type { ServiceContext } from './context.js';
import { command, refuseWith } from './outcome.js';
import { currentExamSession, findCampus, listOfferings, subjectsByCode } from './reference-data.js';

const count = (value: string | number | bigint | null | undefined): number => Number(value ?? 0);

/**
 * Counts are derived from the enrolment rows, never from a maintained figure (STYLE: a seat count
 * is derived from the enrolments). Every enrolment row holds a seat until the sweeper deletes it,
 * so `enrolled` is paid plus unpaid. A teacher sees campuses of their own school only.
 */
export function campusOverview(ctx: ServiceContext, actor: StaffActor, input: { campusCode: string }) {
  return command(async () => {
    const campus = await findCampus(ctx.db, input.campusCode);
    if (campus === null) return refuseWith('NOT_FOUND', { field: 'campusCode' });
    if (actor.role === 'teacher' && campus.schoolCode !== actor.schoolCode) refuseWith('FORBIDDEN', { field: 'campusCode' });
    const session = await currentExamSession(ctx.db);
    const [offerings, subjects] = await Promise.all([listOfferings(ctx.db, { examSessionId: session.id, campusCode: campus.code }), subjectsByCode(ctx.db)]);
    const ids = offerings.map((offering) => offering.id);
    const seats =
      ids.length === 0
        ? []
        : await ctx.db
            .selectFrom('enrolments')
            .select(['offering_id', 'payment_status', (eb) => eb.fn.countAll<string | number | bigint>().as('count')])
            .where('offering_id', 'in', ids)
            .groupBy(['offering_id', 'payment_status'])
            .execute();
    const seatsOf = (offeringId: string, status: 'PAID' | 'UNPAID') => count(seats.find((row) => row.offering_id === offeringId && row.payment_status === status)?.count);

    // The registration's written campus is the one in its snapshot (R3), whatever the roster says now.
    const progress = await sql<{ total: string | number; without_enrolments: string | number; with_unpaid: string | number }>`
      SELECT count(*) AS total,
             count(*) FILTER (WHERE per.enrolments = 0) AS without_enrolments,
             count(*) FILTER (WHERE per.unpaid > 0) AS with_unpaid
      FROM (
        SELECT r.id, count(e.id) AS enrolments, count(e.id) FILTER (WHERE e.payment_status = 'UNPAID') AS unpaid
        FROM registrations r LEFT JOIN enrolments e ON e.registration_id = r.id
        WHERE r.exam_session_id = ${session.id} AND r.roster_snapshot ->> 'campusCode' = ${campus.code}
        GROUP BY r.id
      ) per`.execute(ctx.db);
    const registrations = progress.rows[0];
    const total = count(registrations?.total);
    const withoutEnrolments = count(registrations?.without_enrolments);
    const withUnpaid = count(registrations?.with_unpaid);
    const pending = await ctx.db
      .selectFrom('review_applications')
      .select((eb) => eb.fn.countAll<string | number | bigint>().as('count'))
      .where('campus_code', '=', campus.code)
      .where('status', '=', 'PENDING')
      .executeTakeFirstOrThrow();

    return {
      asOf: ctx.clock.now().toISOString(),
      school: { code: campus.schoolCode, name: campus.schoolName },
      campus: { code: campus.code, name: campus.name },
      offerings: offerings.flatMap((offering) => {
        const subject = subjects.get(offering.subjectCode);
        if (subject === undefined) return [];
        const paid = seatsOf(offering.id, 'PAID');
        const unpaid = seatsOf(offering.id, 'UNPAID');
        const remaining = Math.max(0, offering.capacity - paid - unpaid);
        return [{ offeringId: offering.id, subject, capacity: offering.capacity, enrolled: paid + unpaid, paid, unpaid, remaining, colour: capacityColour(remaining, offering.capacity) }];
      }),
      registrations: { total, withoutEnrolments, withUnpaid, allPaid: total - withoutEnrolments - withUnpaid },
      pendingReviews: count(pending.count),
    };
  });
}
