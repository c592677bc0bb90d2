// R7: taking and giving back offering seats, atomically and in the transaction that inserts or deletes the enrolment.
import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { Executor } from '../db/database.js';
import type { Database } from '../db/schema.js';

/**
 * Why a counter and a conditional UPDATE rather than counting enrolments under a lock:
 *
 *   UPDATE offerings SET remaining = remaining - 1 WHERE id = $1 AND remaining > 0 RETURNING id
 *
 * takes the offering's row lock; a second transaction on the same offering waits for it and, under
 * READ COMMITTED, re-evaluates `remaining > 0` against the committed row before it updates. So the
 * last seat goes to exactly one of them and the others get no row back (OFFERING_FULL), on one
 * process or many, without a retry loop or SERIALIZABLE. A count would need the same row lock
 * (SELECT … FOR UPDATE) plus a count per attempt. The counter never drifts because it changes only
 * here, in the transaction that inserts or deletes the enrolment holding the seat, and the table's
 * CHECK (0 ≤ remaining ≤ capacity) refuses any slip; tests/server/seats.test.ts compares it with
 * capacity − enrolments. Every change also draws a new reference version, so kiosks pull the new count.
 *
 * Offerings are taken and given back in id order, so two transactions touching the same offerings
 * lock them in the same order and cannot deadlock.
 */
export async function takeSeats(trx: Transaction<Database>, offeringIds: readonly string[]): Promise<string | null> {
  for (const offeringId of [...offeringIds].sort()) {
    const taken = await trx
      .updateTable('offerings')
      .set({ remaining: sql`remaining - 1`, version: sql`nextval('reference_version')` })
      .where('id', '=', offeringId)
      .where('remaining', '>', 0)
      .returning('id')
      .executeTakeFirst();
    if (taken === undefined) return offeringId;
  }
  return null;
}

const CHECK_VIOLATION = '23514';

/**
 * takeSeats and COMMIT in one round trip, for a transaction that owns its PostgreSQL connection:
 *
 *   UPDATE offerings SET remaining = remaining - 1, … WHERE id = 'a'; UPDATE … 'b'; COMMIT; BEGIN
 *
 * With takeSeats, the offering's row lock is held from the UPDATE's answer until the server sends
 * COMMIT: one round trip through the server's event loop, and on a busy machine one wait for a CPU
 * as well. Every contender for that offering queues behind it (bench/seats.bench.ts measured ~24 ms
 * per seat on our shared 2-core machine, against ~1 ms for the statement alone). Sent as one
 * simple-protocol message, PostgreSQL commits as soon as the UPDATE is done and releases the lock
 * without waiting for us. A full offering cannot simply match no row here, since the COMMIT would
 * follow anyway: the UPDATE has no `remaining > 0` and the table's CHECK refuses −1 instead, which
 * aborts the transaction and skips the COMMIT, so nothing is written (the caller's transaction
 * wrapper then rolls back). The ids are inlined as escaped literals (the simple protocol carries no
 * parameters); they are ids of offerings the caller has just read from the database. The trailing
 * BEGIN opens an empty transaction for the caller's wrapper to commit as usual (without it,
 * PostgreSQL would log a warning per enrolment); anything run after this call would land in that
 * new transaction, so nothing may follow it.
 *
 * `holders` (the enrolment insert) goes in the same message, after the seats: inserted earlier, each
 * enrolment's foreign key would take a KEY SHARE lock on the offering's row, and with dozens of
 * contenders holding one while the counter's UPDATE changes the row, PostgreSQL tracks them all in
 * a multixact per update: the seat UPDATE's mean time grew from under 1 ms to 26 ms in the seat race
 * (BENCHMARKS.md). After our own UPDATE the insert's KEY SHARE is a lock this transaction already
 * holds more strongly, and only winners insert at all. It is written with literals (`literalInsert`).
 *
 * Returns false when an offering was full.
 */
export async function takeSeatsAndCommit(trx: Transaction<Database>, offeringIds: readonly string[], holders?: RawBuilder<unknown>): Promise<boolean> {
  const updates = [...offeringIds]
    .sort()
    .map((offeringId) => sql`UPDATE offerings SET remaining = remaining - 1, version = nextval('reference_version') WHERE id = ${sql.lit(offeringId)}`);
  const statements = holders === undefined ? updates : [...updates, holders];
  try {
    await sql`${sql.join(statements, sql`; `)}; COMMIT; BEGIN`.execute(trx);
    return true;
  } catch (error) {
    // Only `remaining` changes here, and the rows were valid before, so the CHECK that failed is
    // 0 ≤ remaining ≤ capacity of migration 0002 (named by PostgreSQL, hence matched by table).
    const { code, table } = error as { code?: unknown; table?: unknown };
    if (code === CHECK_VIOLATION && table === 'offerings') return false;
    throw error;
  }
}

/**
 * An INSERT with its values written into the SQL as escaped literals, for a simple-protocol message
 * of several statements (takeSeatsAndCommit), which carries no parameters. Every row must have the
 * same columns; values are strings, numbers, booleans, dates or null.
 */
export function literalInsert(table: string, rows: readonly Readonly<Record<string, string | number | boolean | Date | null>>[]): RawBuilder<unknown> {
  const columns = Object.keys(rows[0] ?? {});
  if (columns.length === 0) throw new Error('literalInsert needs at least one row');
  const values = rows.map((row) => sql`(${sql.join(columns.map((column) => sql.lit(row[column] ?? null)))})`);
  return sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((column) => sql.id(column)))}) VALUES ${sql.join(values)}`;
}

/**
 * What this process last saw of offerings' seat counts: a hint for choosing how to try a claim,
 * never for deciding it (the UPDATE above decides). Counts change in other processes and come back
 * with cancellations, so a hint may be stale either way; a stale hint costs a round trip, no more.
 */
export class SeatHints {
  private readonly lastSeen = new Map<string, number>();

  observe(seats: ReadonlyMap<string, number>): void {
    for (const [offeringId, remaining] of seats) this.lastSeen.set(offeringId, remaining);
  }

  sawFull(offeringIds: readonly string[]): void {
    for (const offeringId of offeringIds) this.lastSeen.set(offeringId, 0);
  }

  /** True when one of the offerings had no seat left the last time this process looked. */
  anyFull(offeringIds: readonly string[]): boolean {
    return offeringIds.some((offeringId) => this.lastSeen.get(offeringId) === 0);
  }
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
