// R7 on PostgreSQL: takeSeatsAndCommit takes the seats and commits in one round trip, or, with any offering full, writes nothing at all.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgresPool, type Db } from '../../src-server/db/database.js';
import { seedDemo } from '../../src-server/demo/seed.js';
import { literalInsert, takeSeatsAndCommit } from '../../src-server/services/seats.js';
import { databaseKind, freshDatabase, type TestDatabase } from '../support/database.js';
import { offeringId } from '../support/enrolment.js';

const isPg = databaseKind() === 'pg';
if (!isPg) console.log('takeSeatsAndCommit skipped on PGlite: it sends several statements in one simple-protocol message, which only a pooled PostgreSQL connection takes; enrolment on PGlite uses takeSeats (tests/server/enrolment.test.ts).');

const A = offeringId('993010', '1');
const B = offeringId('993010', '2');
const C = offeringId('993010', '3');

describe.skipIf(!isPg)('R7 seats taken with the COMMIT in one round trip', () => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await freshDatabase();
    db = database.db;
    await seedDemo(db, new Date());
  });
  afterAll(() => database?.dispose());

  const remaining = async (id: string) => (await db.selectFrom('offerings').select('remaining').where('id', '=', id).executeTakeFirstOrThrow()).remaining;
  const fee = async (id: string) => (await db.selectFrom('offerings').select('fee_fen').where('id', '=', id).executeTakeFirstOrThrow()).fee_fen;
  /** A write earlier in the same transaction stands for the enrolment insert: it commits with the seats or not at all. */
  const attempt = (ids: string[], marker: number) =>
    db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('offerings').set({ fee_fen: marker }).where('id', '=', B).execute();
        if (!(await takeSeatsAndCommit(trx, ids))) throw new Error('full');
        return 'committed';
      })
      .catch((error: Error) => error.message);

  it('R7 the pool is recognised as PostgreSQL, so enrolment takes this path', () => {
    expect(isPostgresPool(db)).toBe(true);
  });

  it('R7 the last seat is taken and the earlier write committed with it', async () => {
    await db.updateTable('offerings').set({ capacity: 1, remaining: 1 }).where('id', '=', A).execute();
    expect(await attempt([A], 1111)).toBe('committed');
    expect({ remaining: await remaining(A), fee: await fee(B) }).toEqual({ remaining: 0, fee: 1111 });
  });

  it('R7 a full offering refuses, and neither the earlier write nor another offering’s seat is kept', async () => {
    await db.updateTable('offerings').set({ capacity: 5, remaining: 5 }).where('id', '=', C).execute();
    expect(await attempt([C, A], 2222)).toBe('full');
    expect({ a: await remaining(A), c: await remaining(C), fee: await fee(B) }).toEqual({ a: 0, c: 5, fee: 1111 });
  });

  /** The seats, then a literal insert of the rows that hold them, then COMMIT, in one message. */
  const attemptWithHolder = (ids: string[], note: string) =>
    db
      .transaction()
      .execute(async (trx) => {
        const holder = literalInsert('seat_holder_probe', [{ note, at: new Date('2026-11-22T08:00:00Z'), quoted: "it's" }]);
        if (!(await takeSeatsAndCommit(trx, ids, holder))) throw new Error('full');
        return 'committed';
      })
      .catch((error: Error) => error.message);
  const probes = async () => (await sql<{ note: string; at: Date; quoted: string }>`SELECT note, at, quoted FROM seat_holder_probe ORDER BY note`.execute(db)).rows;

  it('R7 the rows holding the seats are inserted after them and commit with them, their literals intact', async () => {
    await sql`CREATE TABLE seat_holder_probe (note text PRIMARY KEY, at timestamptz NOT NULL, quoted text NOT NULL)`.execute(db);
    await db.updateTable('offerings').set({ capacity: 5, remaining: 5 }).where('id', '=', C).execute();
    expect(await attemptWithHolder([C], 'first')).toBe('committed');
    expect({ c: await remaining(C), probes: await probes() }).toEqual({ c: 4, probes: [{ note: 'first', at: new Date('2026-11-22T08:00:00Z'), quoted: "it's" }] });
  });

  it('R7 a full offering leaves no holder row behind', async () => {
    expect(await attemptWithHolder([A], 'second')).toBe('full');
    expect({ a: await remaining(A), probes: (await probes()).map((row) => row.note) }).toEqual({ a: 0, probes: ['first'] });
  });
});
