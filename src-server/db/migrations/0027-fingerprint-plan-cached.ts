// registration_fingerprint (migration 0024) as PL/pgSQL, so PostgreSQL plans its query once per connection instead of on every call (issue #9).
import { sql, type Kysely } from 'kysely';

/**
 * Why: a SQL-language function whose body reads a table cannot be inlined into its caller, and
 * PostgreSQL plans such a body anew each time a statement calls it. Every enrolment's reading
 * (registration-state.ts readState) and every claim in a seat group (claim_seats_batch, migration
 * 0026) call it: in the seat race that was 0.08 ms of planning against 0.04 ms of running, twice per
 * claim (pg_stat_statements with track_planning). A PL/pgSQL body keeps its plan for the session.
 * Same arguments, same query, same answer, so fingerprints read before this migration still compare.
 */
const SCHEMA: readonly string[] = [
  `CREATE OR REPLACE FUNCTION registration_fingerprint(registration text) RETURNS text LANGUAGE plpgsql STABLE AS $$
    BEGIN
      RETURN (SELECT md5(concat_ws('|',
        r.passport_id,
        r.roster_snapshot::text,
        (SELECT string_agg(e.id, ',' ORDER BY e.id) FROM enrolments e WHERE e.registration_id = r.id),
        (SELECT ra.status FROM review_applications ra
          WHERE ra.passport_id = r.passport_id AND ra.id_type = r.roster_snapshot->>'idType' AND ra.id_number = r.roster_snapshot->>'idNumber'
          LIMIT 1)))
      FROM registrations r WHERE r.id = registration);
    END
  $$`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of SCHEMA) await sql.raw(statement).execute(db);
}
