// Group commit of seat claims (R7, issue #9): the claims that arrive while earlier ones are in the database go together as one claim_seats_batch call.
import { sql, type Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import { batcherPer, GroupBatcher, type GroupLimits } from '../db/grouped.js';
import type { Database } from '../db/schema.js';

/** One claim as migration 0026's claim_seats_batch reads it. */
export interface BatchedClaim {
  readonly registration: string;
  /** The registration's fingerprint as the server read it before judging the rules; null (never equal) answers 'changed'. */
  readonly expected: string | null;
  readonly offeringIds: readonly string[];
  readonly holders: readonly Selectable<Database['enrolments']>[];
}

/** Sends one group and answers one word per claim, in order ('taken', 'changed', 'full:<offering id>'). */
export type SendClaims = (claims: readonly BatchedClaim[]) => Promise<readonly string[]>;

/**
 * How many groups one process keeps in the database at once. Measured with the seat race
 * (bench/seats.bench.ts: 1,000 claims for 300 seats through two processes with pools of 10, on the
 * shared 2-core machine at load 5-7, two runs of five rounds each; BENCHMARKS.md, Seats):
 *
 *   in flight   groups per round   a group's mean time in PostgreSQL   claims/s (median of each run)
 *   1           13-17              8-17 ms                             1,992; 1,505
 *   2           16-21              10-29 ms                            1,563; 1,289
 *   4           22-30              22-50 ms                            1,325; 1,241
 *
 * (PostgreSQL CPU per claim, 0.45-0.48 ms, and server CPU per claim did not tell them apart.) Every
 * group for one offering queues on its row lock anyway, so more groups in flight only make smaller
 * groups that wait longer for each other. 1 it is; the price is that a process's claims for
 * an unrelated offering wait behind the group in the database, one group's time (~10 ms).
 */
export const MAX_IN_FLIGHT = 1;
/** The most claims in one group: the transaction holds every registration's and offering's lock until it commits. */
export const MAX_BATCH = 100;

/**
 * Seat claims through the generic smart batcher (db/grouped.ts): a lone claim is sent at once, the
 * claims that arrive while a group is in the database go together as the next one (up to
 * `maxBatch`). A group that fails (a deadlock, one claim's unique violation, anything) has written
 * nothing, and each of its claims is sent again alone, so its own error (e.g. the unique violation
 * enrolment.ts turns into SUBJECT_ALREADY_ENROLLED) reaches its own caller.
 */
export class SeatClaimBatcher {
  private readonly groups: GroupBatcher<BatchedClaim, string>;

  constructor(send: SendClaims, limits: GroupLimits = { maxInFlight: MAX_IN_FLIGHT, maxBatch: MAX_BATCH }) {
    this.groups = new GroupBatcher(send, limits, 'claim_seats_batch');
  }

  /** Groups and claims sent so far (retries alone included), for tests that show claims were grouped. */
  get sent(): { readonly groups: number; readonly claims: number } {
    return { groups: this.groups.sent.groups, claims: this.groups.sent.items };
  }

  claim(claim: BatchedClaim): Promise<string> {
    return this.groups.submit(claim);
  }
}

/** One statement, in a transaction of its own (migration 0026). */
export function sendClaimsTo(db: Db): SendClaims {
  return async (claims) => {
    const { rows } = await sql<{ outcomes: string[] }>`SELECT claim_seats_batch(${JSON.stringify(claims)}::jsonb) AS outcomes`.execute(db);
    return rows[0]?.outcomes ?? [];
  };
}

/** The database's batcher: one per pool, so every request of the process that claims seats on it joins the same groups. */
export const seatClaimBatcher: (db: Db) => SeatClaimBatcher = batcherPer((db: Db, _key: void) => new SeatClaimBatcher(sendClaimsTo(db)), () => 'seats');
