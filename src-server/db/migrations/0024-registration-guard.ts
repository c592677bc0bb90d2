// R7's seat taking as one function, and a registration's fingerprint with a guard that locks and checks it, so an enrolment judged on an unlocked reading can commit in one round trip (issue #9).
import { sql, type Kysely } from 'kysely';

/**
 * Why: an enrolment used to judge the rules under the registration's row lock (so two tabs of one
 * candidate cannot both pass R5) in a transaction of its own: BEGIN, the locked reading, the seat and
 * the insert, COMMIT, each a round trip, with a row lock on the offering held across the last ones.
 * In a rush every claim paid four or five round trips (bench/seats.bench.ts).
 *
 * Now the server judges on an unlocked reading that includes this fingerprint, then sends one
 * message with no parameters, run by PostgreSQL as one implicit transaction:
 *
 *   SELECT lock_registration_unchanged('<registration>', '<fingerprint>');
 *   SELECT take_seats(ARRAY['<offering>', …]);   -- R7: a full offering raises CE002
 *   INSERT INTO enrolments … ;
 *
 * The guard takes the registration's row lock, as the judging transaction did, and then compares the
 * fingerprint with a statement that sees everything committed before the lock was granted: if
 * another command of this candidate changed what the rules read (the enrolments, the review status,
 * the passport or roster snapshot the registration is bound to), it raises SQLSTATE CE001, nothing
 * is written, and the server judges again the old way, under the lock. So the rules still run once,
 * in TypeScript (shared/rules), on a state that is still the state when the seat is taken.
 *
 * take_seats is R7 for every caller (seats.ts takeSeats and claimSeats): one conditional UPDATE per
 * offering, in id order so that two claims sharing offerings lock them in the same order and cannot
 * deadlock, raising CE002 with the full offering's id as DETAIL when one has no seat left, which
 * aborts the transaction so no seat of the same claim is kept either. `remaining > 0` in the WHERE
 * rather than the table's CHECK: once an offering is full, a claim's UPDATE matches no row and takes
 * no row lock, so the refusals after the last seat do not queue behind each other on that row.
 */
const SCHEMA: readonly string[] = [
  `CREATE FUNCTION take_seats(offering_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      offering text;
    BEGIN
      FOREACH offering IN ARRAY (SELECT array_agg(id ORDER BY id) FROM unnest(offering_ids) AS id) LOOP
        UPDATE offerings SET remaining = remaining - 1, version = nextval('reference_version') WHERE id = offering AND remaining > 0;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'offering % is full', offering USING ERRCODE = 'CE002', DETAIL = offering;
        END IF;
      END LOOP;
    END
  $$`,
  `CREATE FUNCTION registration_fingerprint(registration text) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT md5(concat_ws('|',
      r.passport_id,
      r.roster_snapshot::text,
      (SELECT string_agg(e.id, ',' ORDER BY e.id) FROM enrolments e WHERE e.registration_id = r.id),
      (SELECT ra.status FROM review_applications ra
        WHERE ra.passport_id = r.passport_id AND ra.id_type = r.roster_snapshot->>'idType' AND ra.id_number = r.roster_snapshot->>'idNumber'
        LIMIT 1)))
    FROM registrations r WHERE r.id = registration
  $$`,
  `CREATE FUNCTION lock_registration_unchanged(registration text, expected text) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM 1 FROM registrations WHERE id = registration FOR UPDATE;
      -- A new statement, so under READ COMMITTED it sees whatever committed while we waited for the lock.
      IF registration_fingerprint(registration) IS DISTINCT FROM expected THEN
        RAISE EXCEPTION 'registration % changed since it was read', registration USING ERRCODE = 'CE001';
      END IF;
    END
  $$`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of SCHEMA) await sql.raw(statement).execute(db);
}
