// R7's seat claims committed in groups: claim_seats_batch judges many claims' guards, seats and enrolments in one transaction (issue #9); replaces 0025's claim_seats.
import { sql, type Kysely } from 'kysely';

/**
 * Why: in the seat race every claim was a transaction of its own (0025's claim_seats), and all of
 * them queue on the offering's row lock, so the seats went one hop of the lock chain after another:
 * wake the next waiter, re-check the row (EvalPlanQual), update, insert, COMMIT with its WAL flush.
 * On our CPU-saturated 2-core machine a hop cost ~3 ms (the UPDATE waited 4.4 ms on average), and
 * PostgreSQL spent ~60 % of the machine's CPU on it (bench/seats.bench.ts, BENCHMARKS.md). Group
 * commit: the server (src-server/services/seat-claim-batcher.ts) sends the claims that arrive while
 * earlier ones are in the database as one call, so a group pays one lock hop and one WAL flush.
 *
 *   SELECT claim_seats_batch('[{"registration", "expected", "offeringIds", "holders"}, …]')
 *
 * answers one word per claim, in order, the same words as claim_seats did: 'taken', 'changed'
 * (another command of that candidate committed since the server's reading; nothing of the claim is
 * written and the server judges it again under the lock) or 'full:<offering id>' (R7; the claim's
 * earlier seats given back by take_seats). Inside the statement's own transaction:
 *
 * 1. Every registration of the group is locked FOR UPDATE in id order (LockRows sits above the
 *    Sort, so rows are locked in sorted order), as the judging transaction of enrolment.ts does for
 *    one; then every offering of the group that still has a seat, FOR NO KEY UPDATE in id order.
 *    Every caller takes registrations before offerings and each kind in id order, so two groups
 *    in two server processes cannot deadlock however their claims are ordered inside. A full
 *    offering is not locked, so the refusals after the last seat do not queue on its row (0025).
 * 2. Per claim, in arrival order: registration_fingerprint (0024) against the server's reading, in
 *    a statement that sees everything committed before the locks were granted; a registration that
 *    already has a kept claim earlier in this group answers 'changed' too, since its enrolments are
 *    inserted only at step 3 and its fingerprint cannot show them yet. Then take_seats (0025).
 * 3. One INSERT of every kept claim's enrolment rows, after all the seat UPDATEs: inserted first,
 *    each enrolment's foreign key would take a KEY SHARE lock on the offering's row and turn it into
 *    a multixact (0025's comment); after our own UPDATE that lock is one we already hold.
 *
 * No EXCEPTION blocks: each is a subtransaction, and dozens per transaction overflow PostgreSQL's
 * cache of subtransaction ids, which slows every other session's snapshots. So any error (a unique
 * violation in one claim's rows, a deadlock with another writer, e.g. an offering that got a seat
 * back after step 1 and is locked late) aborts the whole group, and the server retries each of its
 * claims alone, so a bad claim costs only itself and its own error reaches its caller.
 *
 * claim_seats goes: the server's only caller now sends every claim through this function (a retried
 * claim is a group of one), and a landed migration's function that nothing calls would be dead code.
 */
const SCHEMA: readonly string[] = [
  'DROP FUNCTION claim_seats(text, text, text[], jsonb)',
  `CREATE FUNCTION claim_seats_batch(claims jsonb) RETURNS text[] LANGUAGE plpgsql AS $$
    DECLARE
      claim jsonb;
      registration text;
      full_offering text;
      outcomes text[] := '{}';
      kept text[] := '{}';
      holders jsonb := '[]';
    BEGIN
      PERFORM 1 FROM registrations
        WHERE id = ANY (ARRAY(SELECT c->>'registration' FROM jsonb_array_elements(claims) AS c))
        ORDER BY id FOR UPDATE;
      PERFORM 1 FROM offerings
        WHERE id = ANY (ARRAY(SELECT jsonb_array_elements_text(c->'offeringIds') FROM jsonb_array_elements(claims) AS c)) AND remaining > 0
        ORDER BY id FOR NO KEY UPDATE;
      FOR claim IN SELECT c FROM jsonb_array_elements(claims) WITH ORDINALITY AS e(c, n) ORDER BY n LOOP
        registration := claim->>'registration';
        -- A new statement, so under READ COMMITTED it sees whatever committed while we waited for the locks.
        IF registration = ANY (kept) OR registration_fingerprint(registration) IS DISTINCT FROM claim->>'expected' THEN
          outcomes := outcomes || 'changed'::text;
          CONTINUE;
        END IF;
        full_offering := take_seats(ARRAY(SELECT jsonb_array_elements_text(claim->'offeringIds')));
        IF full_offering IS NOT NULL THEN
          outcomes := outcomes || ('full:' || full_offering);
          CONTINUE;
        END IF;
        kept := kept || registration;
        holders := holders || (claim->'holders');
        outcomes := outcomes || 'taken'::text;
      END LOOP;
      INSERT INTO enrolments SELECT * FROM jsonb_populate_recordset(NULL::enrolments, holders);
      RETURN outcomes;
    END
  $$`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of SCHEMA) await sql.raw(statement).execute(db);
}
