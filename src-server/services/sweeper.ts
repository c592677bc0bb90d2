// R4/R8: the sweep that deletes unpaid enrolments 24 h after they were added and empty registrations after the session's TTL, returning seats.
import { sql } from 'kysely';
import { isEmptyRegistrationExpired, isUnpaidEnrolmentExpired, enrolmentsRemovedWith } from '../../shared/rules/index.js';
import type { ServiceContext } from './context.js';
import { removeEnrolments } from './enrolment.js';
import { examSessionById } from './reference-data.js';
import { loadState } from './registration-state.js';

export interface SweepResult {
  readonly enrolmentsRemoved: number;
  readonly registrationsRemoved: number;
}

/** How many registrations one sweep looks at per kind: a backlog drains over several runs rather than in one long pass. */
const BATCH = 500;

/**
 * Safe with several server processes and the CLI at once: each registration is handled in its own
 * transaction that locks its row with SKIP LOCKED, so a registration another sweeper (or the
 * candidate's own command) holds is left for the next run instead of waited on or done twice.
 * The rules decide; SQL only narrows the candidates (the TTLs are per session).
 */
export async function sweepExpired(ctx: ServiceContext): Promise<SweepResult> {
  const now = ctx.clock.now();
  let enrolmentsRemoved = 0;
  let registrationsRemoved = 0;

  const withExpiredEnrolments = await ctx.db
    .selectFrom('enrolments')
    .innerJoin('registrations', 'registrations.id', 'enrolments.registration_id')
    .innerJoin('exam_sessions', 'exam_sessions.id', 'registrations.exam_session_id')
    .select('registrations.id')
    .distinct()
    .where('enrolments.payment_status', '=', 'UNPAID')
    .where('enrolments.group_payment_order_id', 'is', null)
    .where(sql<boolean>`enrolments.created_at + exam_sessions.unpaid_enrolment_ttl_ms * interval '1 millisecond' <= ${now}`)
    .limit(BATCH)
    .execute();
  for (const { id } of withExpiredEnrolments) {
    const removed = await ctx.db.transaction().execute(async (trx) => {
      const registration = await trx.selectFrom('registrations').selectAll().where('id', '=', id).forUpdate().skipLocked().executeTakeFirst();
      if (registration === undefined) return { enrolments: 0, registration: false };
      const session = await examSessionById(trx, registration.exam_session_id);
      if (session === null) return { enrolments: 0, registration: false };
      const state = await loadState(trx, registration);
      const expired = state.enrolments.filter((enrolment) => isUnpaidEnrolmentExpired(enrolment, session, now));
      const going = new Map(expired.flatMap((enrolment) => enrolmentsRemovedWith(enrolment, state.enrolments)).map((enrolment) => [enrolment.id, enrolment]));
      const deleted = await removeEnrolments(trx, state, [...going.values()]);
      return { enrolments: going.size, registration: deleted };
    });
    enrolmentsRemoved += removed.enrolments;
    if (removed.registration) registrationsRemoved += 1;
  }

  const empty = await ctx.db
    .selectFrom('registrations')
    .innerJoin('exam_sessions', 'exam_sessions.id', 'registrations.exam_session_id')
    .select('registrations.id')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('enrolments').select('enrolments.id').whereRef('enrolments.registration_id', '=', 'registrations.id'))))
    .where(sql<boolean>`registrations.saved_at + exam_sessions.empty_registration_ttl_ms * interval '1 millisecond' <= ${now}`)
    .limit(BATCH)
    .execute();
  for (const { id } of empty) {
    const deleted = await ctx.db.transaction().execute(async (trx) => {
      const registration = await trx.selectFrom('registrations').selectAll().where('id', '=', id).forUpdate().skipLocked().executeTakeFirst();
      if (registration === undefined) return false;
      const session = await examSessionById(trx, registration.exam_session_id);
      const held = await trx.selectFrom('enrolments').select('id').where('registration_id', '=', id).execute();
      if (session === null || !isEmptyRegistrationExpired({ savedAt: registration.saved_at }, held.length, session, now)) return false;
      await trx.deleteFrom('registrations').where('id', '=', id).execute();
      return true;
    });
    if (deleted) registrationsRemoved += 1;
  }
  return { enrolmentsRemoved, registrationsRemoved };
}
