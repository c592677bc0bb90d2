// R7 on PostgreSQL: claimSeats locks and checks the registration, takes the seats and inserts their holders in one round trip, or writes nothing at all; takeSeats names the full offering.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgresPool, type Db } from '../../src-server/db/database.js';
import { seedDemo } from '../../src-server/demo/seed.js';
import { claimSeats, literalInsert, takeSeats } from '../../src-server/services/seats.js';
import { databaseKind, freshDatabase, type TestDatabase } from '../support/database.js';
import { offeringId } from '../support/enrolment.js';

const isPg = databaseKind() === 'pg';
if (!isPg) console.log('claimSeats skipped on PGlite: it sends several statements in one simple-protocol message, which only a pooled PostgreSQL connection takes; enrolment on PGlite judges under a lock and uses takeSeats (tests/server/enrolment.test.ts).');

const A = offeringId('993010', '1');
const C = offeringId('993010', '3');

describe.skipIf(!isPg)('R7 seats claimed in one round trip', () => {
  let database: TestDatabase;
  let db: Db;
  let registrationId: string;
  beforeAll(async () => {
    database = await freshDatabase();
    db = database.db;
    await seedDemo(db, new Date());
    // The rows a claim inserts stand in for enrolments here, so the seed's registrations stay as they are.
    await sql`CREATE TABLE seat_holder_probe (note text PRIMARY KEY, at timestamptz NOT NULL, quoted text NOT NULL)`.execute(db);
    registrationId = (await db.selectFrom('registrations').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => database?.dispose());

  const remaining = async (id: string) => (await db.selectFrom('offerings').select('remaining').where('id', '=', id).executeTakeFirstOrThrow()).remaining;
  const fingerprint = async () => (await sql<{ fingerprint: string }>`SELECT registration_fingerprint(${registrationId}) AS fingerprint`.execute(db)).rows[0]?.fingerprint ?? '';
  const probes = async () => (await sql<{ note: string; at: Date; quoted: string }>`SELECT note, at, quoted FROM seat_holder_probe ORDER BY note`.execute(db)).rows;
  const claim = async (ids: string[], note: string, seen?: string) =>
    await claimSeats(db, { registrationId, fingerprint: seen ?? (await fingerprint()) }, ids, literalInsert('seat_holder_probe', [{ note, at: new Date('2026-11-22T08:00:00Z'), quoted: "it's" }]));

  it('R7 the pool is recognised as PostgreSQL, so enrolment takes this path', () => {
    expect(isPostgresPool(db)).toBe(true);
  });

  it('R7 the last seat is taken and its holder committed with it, the literals intact', async () => {
    await db.updateTable('offerings').set({ capacity: 1, remaining: 1 }).where('id', '=', A).execute();
    expect(await claim([A], 'first')).toEqual({ outcome: 'taken' });
    expect({ remaining: await remaining(A), probes: await probes() }).toEqual({ remaining: 0, probes: [{ note: 'first', at: new Date('2026-11-22T08:00:00Z'), quoted: "it's" }] });
  });

  it('R7 a full offering refuses, and neither its holder nor another offering’s seat is kept', async () => {
    await db.updateTable('offerings').set({ capacity: 5, remaining: 5 }).where('id', '=', C).execute();
    expect(await claim([C, A], 'second')).toEqual({ outcome: 'full', offeringId: A });
    expect({ a: await remaining(A), c: await remaining(C), probes: (await probes()).map((row) => row.note) }).toEqual({ a: 0, c: 5, probes: ['first'] });
  });

  it('R5 a registration changed since it was read (an enrolment added) is reported, and nothing is written', async () => {
    const seen = await fingerprint();
    const offering = await db.selectFrom('offerings').select(['id', 'subject_code', 'fee_fen']).where('id', '=', C).executeTakeFirstOrThrow();
    await db
      .insertInto('enrolments')
      .values({ id: 'probe-enrolment', registration_id: registrationId, offering_id: offering.id, subject_code: offering.subject_code, fee_fen: offering.fee_fen, method: 'CANDIDATE', created_at: new Date(), paid_at: null, group_payment_order_id: null })
      .execute();
    expect(await fingerprint()).not.toBe(seen);
    expect(await claim([C], 'third', seen)).toEqual({ outcome: 'changed' });
    expect({ c: await remaining(C), probes: (await probes()).map((row) => row.note) }).toEqual({ c: 5, probes: ['first'] });
    await db.deleteFrom('enrolments').where('id', '=', 'probe-enrolment').execute();
  });

  it('R5 the fingerprint also moves with the review status the rules read', async () => {
    const before = await fingerprint();
    const registration = await db.selectFrom('registrations').select(['passport_id', 'roster_snapshot']).where('id', '=', registrationId).executeTakeFirstOrThrow();
    await db
      .insertInto('review_applications')
      .values({
        id: 'probe-review',
        passport_id: registration.passport_id,
        id_type: registration.roster_snapshot.idType,
        id_number: registration.roster_snapshot.idNumber,
        name: registration.roster_snapshot.name,
        ticket_number: '000000000000000',
        status: 'PENDING',
        submitted_at: new Date(),
        school_code: registration.roster_snapshot.schoolCode,
        campus_code: registration.roster_snapshot.campusCode,
        roster_record_id: null,
        filed_by: 'CANDIDATE',
        proof_kind: null,
        proof_note: null,
        reviewer_id: null,
        reason: null,
        submission_count: 1,
        repeat_flag: null,
        reviewed_at: null,
      })
      .execute();
    expect(await fingerprint()).not.toBe(before);
    await db.deleteFrom('review_applications').where('id', '=', 'probe-review').execute();
    expect(await fingerprint()).toBe(before);
  });

  it('R7 takeSeats in a transaction names the full offering and keeps no seat of the claim', async () => {
    const outcome = await db
      .transaction()
      .execute(async (trx) => {
        const full = await takeSeats(trx, [C, A]);
        throw new Error(`full: ${full}`);
      })
      .catch((error: Error) => error.message);
    expect({ outcome, a: await remaining(A), c: await remaining(C) }).toEqual({ outcome: `full: ${A}`, a: 0, c: 5 });
  });
});
