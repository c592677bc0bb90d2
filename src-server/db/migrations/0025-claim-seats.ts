// R7 answered instead of raised, and the enrolment's lock, check, seats and insert in one database call (issue #9); replaces migration 0024's guard.
import { sql, type Kysely } from 'kysely';

/**
 * Why: an enrolment used to judge the rules under the registration's row lock (so two tabs of one
 * candidate cannot both pass R5) in a transaction of its own: BEGIN, the locked reading, the seat and
 * the insert, COMMIT, each a round trip, with a row lock on the offering held across the last ones.
 * In a rush every claim paid four or five round trips (bench/seats.bench.ts).
 *
 * Migration 0024 sent the guard, the seats and a literal insert as one message of statements; now the
 * server judges on an unlocked reading that includes `registration_fingerprint` (unchanged from 0024),
 * then makes one call, a statement of its own that PostgreSQL commits as soon as it is done:
 *
 *   SELECT claim_seats(registration, fingerprint, offering ids, enrolment rows as JSON)
 *
 * It takes the registration's row lock, as the judging transaction did, and compares the fingerprint
 * with a statement that sees everything committed before the lock was granted: if another command of
 * this candidate changed what the rules read (the enrolments, the review status, the passport or
 * roster snapshot the registration is bound to), it answers 'changed', writes nothing, and the server
 * judges again the old way, under the lock. So the rules still run once, in TypeScript
 * (shared/rules), on a state that is still the state when the seat is taken. Then the seats, then the
 * enrolment rows that hold them: inserted first, each enrolment's foreign key would take a KEY SHARE
 * lock on the offering's row, and with dozens of contenders holding one while the counter changes,
 * PostgreSQL tracks them in a multixact per update (the seat UPDATE's mean time grew from under 1 ms
 * to 26 ms); after our own UPDATE that lock is one the transaction already holds more strongly.
 *
 * take_seats is R7 for every caller (seats.ts takeSeats, and claim_seats): one conditional UPDATE per
 * offering, in id order so that two claims sharing offerings lock them in the same order and cannot
 * deadlock. `remaining > 0` in the WHERE: once an offering is full, a claim's UPDATE matches no row
 * and takes no row lock, so the refusals after the last seat do not queue behind each other on it.
 * A full offering is answered, not raised: the seats this claim took before it are given back in the
 * same transaction (nobody else saw them gone), and its id is returned. Raising instead cost
 * PostgreSQL about 3 ms per refused claim in the seat race, seven times the seat itself.
 */
const SCHEMA: readonly string[] = [
  'DROP FUNCTION lock_registration_unchanged(text, text)',
  // Its result type changes (void → the full offering's id), which CREATE OR REPLACE cannot do.
  'DROP FUNCTION take_seats(text[])',
  `CREATE FUNCTION take_seats(offering_ids text[]) RETURNS text LANGUAGE plpgsql AS $$
    DECLARE
      offering text;
      taken text[] := '{}';
    BEGIN
      FOREACH offering IN ARRAY (SELECT array_agg(id ORDER BY id) FROM unnest(offering_ids) AS id) LOOP
        UPDATE offerings SET remaining = remaining - 1, version = nextval('reference_version') WHERE id = offering AND remaining > 0;
        IF NOT FOUND THEN
          UPDATE offerings SET remaining = remaining + 1 WHERE id = ANY (taken);
          RETURN offering;
        END IF;
        taken := taken || offering;
      END LOOP;
      RETURN NULL;
    END
  $$`,
  // 'taken', 'changed', or 'full:' and the id of the offering without a seat.
  `CREATE FUNCTION claim_seats(registration text, expected text, offering_ids text[], holders jsonb) RETURNS text LANGUAGE plpgsql AS $$
    DECLARE
      full_offering text;
    BEGIN
      PERFORM 1 FROM registrations WHERE id = registration FOR UPDATE;
      -- A new statement, so under READ COMMITTED it sees whatever committed while we waited for the lock.
      IF registration_fingerprint(registration) IS DISTINCT FROM expected THEN
        RETURN 'changed';
      END IF;
      full_offering := take_seats(offering_ids);
      IF full_offering IS NOT NULL THEN
        RETURN 'full:' || full_offering;
      END IF;
      INSERT INTO enrolments SELECT * FROM jsonb_populate_recordset(NULL::enrolments, holders);
      RETURN 'taken';
    END
  $$`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of SCHEMA) await sql.raw(statement).execute(db);
}
