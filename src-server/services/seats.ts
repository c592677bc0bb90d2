// R7: taking and giving back offering seats, atomically and in the transaction that inserts or deletes the enrolment.
import { sql, type Selectable, type Transaction } from 'kysely';
import type { Db, Executor } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { seatClaimBatcher } from './seat-claim-batcher.js';

/**
 * Why a counter and a conditional UPDATE rather than counting enrolments under a lock:
 *
 *   UPDATE offerings SET remaining = remaining - 1 WHERE id = $1 AND remaining > 0
 *
 * takes the offering's row lock; a second transaction on the same offering waits for it and, under
 * READ COMMITTED, re-evaluates `remaining > 0` against the committed row before it updates. So the
 * last seat goes to exactly one of them and the others match no row (OFFERING_FULL), on one process
 * or many, without a retry loop or SERIALIZABLE. A count would need the same row lock (SELECT … FOR
 * UPDATE) plus a count per attempt. The counter never drifts because it changes only here, in the
 * transaction that inserts or deletes the enrolment holding the seat, and the table's CHECK
 * (0 ≤ remaining ≤ capacity) refuses any slip; tests/server/seats.test.ts compares it with
 * capacity − enrolments. Every change also draws a new reference version, so kiosks pull the new count.
 *
 * The UPDATE lives in the database function take_seats (migration 0025): one per offering in id
 * order, so two transactions touching the same offerings lock them in the same order and cannot
 * deadlock; when one is full it gives back the seats it took before it and answers that offering's
 * id. Returns the id of a full offering, or null.
 */
export async function takeSeats(trx: Transaction<Database>, offeringIds: readonly string[]): Promise<string | null> {
  const { rows } = await sql<{ full: string | null }>`SELECT take_seats(${[...offeringIds]}::text[]) AS full`.execute(trx);
  return rows[0]?.full ?? null;
}

export type SeatClaim = { readonly outcome: 'taken' } | { readonly outcome: 'full'; readonly offeringId: string } | { readonly outcome: 'changed' };

/**
 * R7 on a PostgreSQL pool, in one round trip and a transaction that commits without waiting for us:
 * migration 0026's claim_seats_batch takes the registration's lock, checks that nothing the rules read
 * has changed since the caller's reading (`fingerprint`), takes the seats and inserts the enrolment
 * rows that hold them.
 *
 * Why one statement: the offering's row lock is taken by the seat UPDATE and released at the commit,
 * and every contender for that offering queues behind it. Held across a round trip through a busy
 * server, each seat took ~24 ms on our shared 2-core machine against ~1 ms for the statement alone
 * (bench/seats.bench.ts, BENCHMARKS.md); here PostgreSQL commits without waiting for us. Why a group:
 * the claims that arrive while earlier ones are in the database go together as one call
 * (seat-claim-batcher.ts), one lock hop and one commit for the group instead of one per seat; a lone
 * claim is sent at once, and a claim of a group that failed is sent again alone, so its own error
 * (a unique violation) reaches the caller.
 * 'changed': another command of the same candidate committed since the caller's reading, and
 * nothing was written; the caller judges again under the lock (enrolment.ts).
 */
export async function claimSeats(
  db: Db,
  guard: { readonly registrationId: string; readonly fingerprint: string | null },
  offeringIds: readonly string[],
  holders: readonly Selectable<Database['enrolments']>[],
): Promise<SeatClaim> {
  const outcome = await seatClaimBatcher(db).claim({ registration: guard.registrationId, expected: guard.fingerprint, offeringIds, holders });
  if (outcome === 'taken' || outcome === 'changed') return { outcome };
  if (outcome.startsWith('full:')) return { outcome: 'full', offeringId: outcome.slice('full:'.length) };
  throw new Error(`claim_seats_batch answered ${JSON.stringify(outcome)}`);
}

/** Gives one seat back per id (an id may repeat: several enrolments of one offering leaving together). */
export async function releaseSeats(trx: Transaction<Database>, offeringIds: readonly string[]): Promise<void> {
  const counts = new Map<string, number>();
  for (const id of offeringIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const [offeringId, count] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    await trx
      .updateTable('offerings')
      .set({ remaining: sql`remaining + ${count}`, version: sql`nextval('reference_version')` })
      .where('id', '=', offeringId)
      .execute();
  }
}

/** Offerings whose counter differs from capacity minus the enrolments holding a seat: empty unless a bug slipped. */
export async function seatDrift(db: Executor): Promise<{ offeringId: string; remaining: number; expected: number }[]> {
  const { rows } = await sql<{ id: string; remaining: number; expected: string | number }>`
    SELECT o.id, o.remaining, o.capacity - count(e.id) AS expected
    FROM offerings o LEFT JOIN enrolments e ON e.offering_id = o.id
    GROUP BY o.id, o.remaining, o.capacity
    HAVING o.remaining <> o.capacity - count(e.id)`.execute(db);
  return rows.map((row) => ({ offeringId: row.id, remaining: row.remaining, expected: Number(row.expected) }));
}
