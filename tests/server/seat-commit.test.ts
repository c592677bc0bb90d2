// R7 on PostgreSQL: claimSeats locks and checks the registration, takes the seats and inserts the enrolments in one statement, or writes nothing at all; takeSeats names a full offering and keeps none of the claim's seats.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgresPool, type Db } from '../../src-server/db/database.js';
import { seedDemo } from '../../src-server/demo/seed.js';
import type { EnrolmentRow } from '../../src-server/services/registration-state.js';
import { claimSeats, takeSeats } from '../../src-server/services/seats.js';
import { databaseKind, freshDatabase, type TestDatabase } from '../support/database.js';
import { enrolmentRow, offeringId } from '../support/enrolment.js';
import { pendingReviewRow } from '../support/review-applications.js';

const isPg = databaseKind() === 'pg';
if (!isPg) console.log('claimSeats skipped on PGlite: it is the PostgreSQL pool path (claim_seats_batch, migration 0026, claims of concurrent requests grouped into one call); enrolment on PGlite judges under a lock and uses takeSeats (tests/server/enrolment.test.ts).');

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
    registrationId = (await db.selectFrom('registrations').select('id').executeTakeFirstOrThrow()).id;
    await db.deleteFrom('enrolments').where('registration_id', '=', registrationId).execute();
  });
  afterAll(() => database?.dispose());

  const remaining = async (id: string) => (await db.selectFrom('offerings').select('remaining').where('id', '=', id).executeTakeFirstOrThrow()).remaining;
  const fingerprint = async () => (await sql<{ fingerprint: string }>`SELECT registration_fingerprint(${registrationId}) AS fingerprint`.execute(db)).rows[0]?.fingerprint ?? '';
  const held = async () => (await db.selectFrom('enrolments').select(['id', 'offering_id', 'created_at']).where('registration_id', '=', registrationId).orderBy('id').execute());
  let serial = 0;
  const holder = (offeringId: string, subjectCode: string): EnrolmentRow => enrolmentRow(registrationId, offeringId, subjectCode, `probe-${(serial += 1)}`);
  const claim = async (holders: EnrolmentRow[], seen?: string) =>
    await claimSeats(db, { registrationId, fingerprint: seen ?? (await fingerprint()) }, holders.map((row) => row.offering_id), holders);

  it('R7 the pool is recognised as PostgreSQL, so enrolment takes this path', () => {
    expect(isPostgresPool(db)).toBe(true);
  });

  it('R7 the last seat is taken and its enrolment committed with it, as sent', async () => {
    await db.updateTable('offerings').set({ capacity: 1, remaining: 1 }).where('id', '=', A).execute();
    expect(await claim([holder(A, '1')])).toEqual({ outcome: 'taken' });
    expect({ remaining: await remaining(A), held: await held() }).toEqual({ remaining: 0, held: [{ id: 'probe-1', offering_id: A, created_at: new Date('2026-11-22T08:00:00Z') }] });
  });

  it('R7 a full offering refuses by name, and neither its enrolments nor another offering’s seat is kept', async () => {
    await db.updateTable('offerings').set({ capacity: 5, remaining: 5 }).where('id', '=', C).execute();
    await db.deleteFrom('enrolments').where('id', '=', 'probe-1').execute();
    expect(await claim([holder(C, '3'), holder(A, '1')])).toEqual({ outcome: 'full', offeringId: A });
    expect({ a: await remaining(A), c: await remaining(C), held: await held() }).toEqual({ a: 0, c: 5, held: [] });
  });

  it('R5 a registration changed since it was read (an enrolment added) is reported, and nothing is written', async () => {
    const seen = await fingerprint();
    await db.insertInto('enrolments').values(holder(C, '3')).execute();
    expect(await fingerprint()).not.toBe(seen);
    const before = await held();
    expect(await claim([holder(A, '1')], seen)).toEqual({ outcome: 'changed' });
    expect({ c: await remaining(C), held: await held() }).toEqual({ c: 5, held: before });
  });

  it('R5 the fingerprint also moves with the review status the rules read', async () => {
    const before = await fingerprint();
    const registration = await db.selectFrom('registrations').select(['passport_id', 'roster_snapshot']).where('id', '=', registrationId).executeTakeFirstOrThrow();
    await db
      .insertInto('review_applications')
      .values(
        pendingReviewRow({
          id: 'probe-review',
          passportId: registration.passport_id,
          identity: registration.roster_snapshot,
          schoolCode: registration.roster_snapshot.schoolCode,
          campusCode: registration.roster_snapshot.campusCode,
          ticketNumber: '993010242100001',
          submittedAt: new Date(),
        }),
      )
      .execute();
    expect(await fingerprint()).not.toBe(before);
    await db.deleteFrom('review_applications').where('id', '=', 'probe-review').execute();
    expect(await fingerprint()).toBe(before);
  });

  it('R7 takeSeats names the full offering and gives back the seats it took before it', async () => {
    const outcome = await db.transaction().execute(async (trx) => {
      const full = await takeSeats(trx, [C, A]);
      return { full, c: (await trx.selectFrom('offerings').select('remaining').where('id', '=', C).executeTakeFirstOrThrow()).remaining };
    });
    expect({ ...outcome, a: await remaining(A) }).toEqual({ full: A, c: 5, a: 0 });
  });
});
