// R7 group commit on PostgreSQL: seat claims that arrive together go to claim_seats_batch as one call, judged in order under the registrations' and offerings' locks; a failed group's claims are retried alone.
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { uniqueViolation, type Db } from '../../src-server/db/database.js';
import { seedDemo } from '../../src-server/demo/seed.js';
import type { EnrolmentRow } from '../../src-server/services/registration-state.js';
import { MAX_IN_FLIGHT, seatClaimBatcher, sendClaimsTo, type BatchedClaim } from '../../src-server/services/seat-claim-batcher.js';
import { claimSeats, seatDrift, type SeatClaim } from '../../src-server/services/seats.js';
import { databaseKind, freshDatabase, type TestDatabase } from '../support/database.js';
import { enrolmentRow, offeringId, passportWithSession } from '../support/enrolment.js';
import { waitFor } from '../support/processes.js';
import { insertSavedRegistration } from '../support/registrations.js';

const isPg = databaseKind() === 'pg';
if (!isPg) console.log('seat claim groups skipped on PGlite: claimSeats is the PostgreSQL pool path; enrolment on PGlite judges under a lock and uses takeSeats (tests/server/enrolment.test.ts).');

const A = offeringId('993010', '1');
const C = offeringId('993010', '3');

describe.skipIf(!isPg)('R7 seat claims committed in groups', () => {
  let database: TestDatabase;
  let db: Db;
  let registrations: string[];
  beforeAll(async () => {
    database = await freshDatabase();
    db = database.db;
    const now = new Date();
    await seedDemo(db, now);
    registrations = [];
    for (let n = 0; n < 60; n += 1) {
      const { passportId, identity } = await passportWithSession(db, now);
      registrations.push(await insertSavedRegistration(db, { passportId, identity, at: now }));
    }
  });
  afterAll(() => database?.dispose());

  /** Every offering back at `capacity` seats, none held by our registrations. */
  const reset = async (capacity: number) => {
    await db.deleteFrom('enrolments').where('registration_id', 'in', registrations).execute();
    await db.updateTable('offerings').set({ capacity, remaining: capacity }).where('id', 'in', [A, C]).execute();
  };
  beforeEach(() => reset(100));

  const fingerprint = async (registrationId: string) =>
    (await sql<{ fingerprint: string }>`SELECT registration_fingerprint(${registrationId}) AS fingerprint`.execute(db)).rows[0]?.fingerprint ?? '';
  const remaining = async (id: string) => (await db.selectFrom('offerings').select('remaining').where('id', '=', id).executeTakeFirstOrThrow()).remaining;
  const heldBy = async (registrationId: string) => (await db.selectFrom('enrolments').select('subject_code').where('registration_id', '=', registrationId).execute()).map((row) => row.subject_code);
  let serial = 0;
  const holder = (registrationId: string, offering: string, subjectCode: string): EnrolmentRow => enrolmentRow(registrationId, offering, subjectCode, `batch-probe-${(serial += 1)}`);
  /** A claim as enrol() makes it: the registration's fingerprint read first, then the seats and the rows holding them. */
  const prepared = async (registrationId: string, offering = A, subjectCode = '1') => ({
    guard: { registrationId, fingerprint: await fingerprint(registrationId) },
    rows: [holder(registrationId, offering, subjectCode)],
  });
  const send = (claim: Awaited<ReturnType<typeof prepared>>) =>
    claimSeats(db, claim.guard, claim.rows.map((row) => row.offering_id), claim.rows);
  const asBatched = (claim: Awaited<ReturnType<typeof prepared>>): BatchedClaim => ({
    registration: claim.guard.registrationId,
    expected: claim.guard.fingerprint,
    offeringIds: claim.rows.map((row) => row.offering_id),
    holders: claim.rows,
  });
  /** Claims sent in the same tick after MAX_IN_FLIGHT others: the batcher sends those at once and keeps these for the next group. */
  const fillers = async (from: number) => await Promise.all(Array.from({ length: MAX_IN_FLIGHT }, (_, n) => prepared(registrations[from + n]!)));
  const sentSoFar = () => ({ ...seatClaimBatcher(db).sent });
  /** claim_seats_batch calls waiting for a lock: where a test's blocked group has got to. */
  const waitingGroups = async () =>
    Number(
      (
        await sql<{ n: string }>`SELECT count(*) AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%claim_seats_batch%'`.execute(db)
      ).rows[0]?.n ?? 0,
    );

  it('R7 sixty claims at once for ten seats: ten taken, fifty full, the counter equal to capacity minus enrolments, in a few groups', async () => {
    await reset(10);
    const claims = await Promise.all(registrations.map((id) => prepared(id)));
    const before = sentSoFar();
    const outcomes = await Promise.all(claims.map(send));
    const sent = sentSoFar();
    expect(outcomes.filter((o) => o.outcome === 'taken')).toHaveLength(10);
    expect(outcomes.filter((o) => o.outcome === 'full')).toEqual(Array.from({ length: 50 }, () => ({ outcome: 'full', offeringId: A })));
    const held = await db.selectFrom('enrolments').select(({ fn }) => fn.countAll<string>().as('n')).where('offering_id', '=', A).executeTakeFirstOrThrow();
    expect({ held: Number(held.n), remaining: await remaining(A), drift: await seatDrift(db) }).toEqual({ held: 10, remaining: 0, drift: [] });
    // The first MAX_IN_FLIGHT were sent alone at once; the other claims waited and went as one group.
    expect({ groups: sent.groups - before.groups, claims: sent.claims - before.claims }).toEqual({ groups: MAX_IN_FLIGHT + 1, claims: 60 });
  });

  it('R7 a lone claim is sent at once as a group of one and answered', async () => {
    const before = sentSoFar();
    expect(await send(await prepared(registrations[0]!))).toEqual({ outcome: 'taken' });
    const sent = sentSoFar();
    expect({ groups: sent.groups - before.groups, claims: sent.claims - before.claims }).toEqual({ groups: 1, claims: 1 });
    expect(await heldBy(registrations[0]!)).toEqual(['1']);
  });

  it('R5 two claims of one registration in the same group: the first is taken, the second answers changed and writes nothing', async () => {
    const first = await fillers(10);
    const registration = registrations[0]!;
    const written = await prepared(registration, A, '1');
    const oral = await prepared(registration, C, '3');
    const before = sentSoFar();
    const outcomes = await Promise.all([...first, written, oral].map(send));
    const sent = sentSoFar();
    expect(outcomes.slice(MAX_IN_FLIGHT)).toEqual<SeatClaim[]>([{ outcome: 'taken' }, { outcome: 'changed' }]);
    expect({ held: await heldBy(registration), c: await remaining(C) }).toEqual({ held: ['1'], c: 100 });
    // One group for the pair, none retried alone: the answer came from the group itself.
    expect(sent.groups - before.groups).toBe(MAX_IN_FLIGHT + 1);
  });

  it('R7 a group where one claim breaks a unique constraint: the others are taken, that one alone rejects with the unique violation', async () => {
    const first = await fillers(10);
    const bad = registrations[1]!;
    // Already enrolled in subject 1 before the reading, so the claim's row for subject 1 again is refused by the index.
    await db.insertInto('enrolments').values(holder(bad, A, '1')).execute();
    await db.updateTable('offerings').set({ remaining: sql`remaining - 1` }).where('id', '=', A).execute();
    const group = [await prepared(registrations[0]!), await prepared(bad), await prepared(registrations[2]!)];
    const before = sentSoFar();
    const outcomes = await Promise.allSettled([...first, ...group].map(send));
    const sent = sentSoFar();
    const [good1, refused, good2] = outcomes.slice(MAX_IN_FLIGHT);
    expect([good1, good2]).toEqual([
      { status: 'fulfilled', value: { outcome: 'taken' } },
      { status: 'fulfilled', value: { outcome: 'taken' } },
    ]);
    expect(refused?.status === 'rejected' ? uniqueViolation(refused.reason) : refused).toBe('enrolments_one_per_subject');
    expect({ bad: await heldBy(bad), good: [await heldBy(registrations[0]!), await heldBy(registrations[2]!)], drift: await seatDrift(db) }).toEqual({ bad: ['1'], good: [['1'], ['1']], drift: [] });
    // The fillers alone, the failed group, then its three claims alone.
    expect(sent.groups - before.groups).toBe(MAX_IN_FLIGHT + 1 + 3);
  });

  it('R5 a claim waits for the registration lock another command holds, and sees what that command committed', async () => {
    const registration = registrations[3]!;
    const claim = await prepared(registration, A, '1');
    let settled = false;
    // The claim's promise is wrapped: returned bare, the transaction would wait for it before committing.
    const { pending } = await db.transaction().execute(async (trx) => {
      await sql`SELECT 1 FROM registrations WHERE id = ${registration} FOR UPDATE`.execute(trx);
      await trx.insertInto('enrolments').values(holder(registration, C, '3')).execute();
      const pending = send(claim).finally(() => (settled = true));
      await waitFor(async () => settled || (await waitingGroups()) === 1, 10_000);
      expect(settled).toBe(false);
      return { pending };
    });
    expect(await pending).toEqual({ outcome: 'changed' });
    expect({ held: await heldBy(registration), a: await remaining(A) }).toEqual({ held: ['3'], a: 100 });
  });

  it('R7 two groups naming the same offerings in opposite orders do not deadlock: each locks them in id order before taking any seat', async () => {
    const send = sendClaimsTo(db);
    const [r0, r1, r2, r3] = registrations;
    // group one takes A then C, group two C then A, claim by claim.
    const one = [asBatched(await prepared(r0!, A, '1')), asBatched(await prepared(r1!, C, '3'))];
    const two = [asBatched(await prepared(r2!, C, '3')), asBatched(await prepared(r3!, A, '1'))];
    const { groups } = await db.transaction().execute(async (trx) => {
      // C held elsewhere: group two queues on it first; group one, had it not locked A first, would take A and wait on C.
      await sql`SELECT 1 FROM offerings WHERE id = ${C} FOR NO KEY UPDATE`.execute(trx);
      const second = send(two);
      await waitFor(async () => (await waitingGroups()) === 1, 10_000);
      const first = send(one);
      await waitFor(async () => (await waitingGroups()) === 2, 10_000);
      // Wrapped, so the transaction commits (and lets C go) without waiting for them.
      return { groups: Promise.allSettled([first, second]) };
    });
    expect(await groups).toEqual([
      { status: 'fulfilled', value: ['taken', 'taken'] },
      { status: 'fulfilled', value: ['taken', 'taken'] },
    ]);
    expect({ a: await remaining(A), c: await remaining(C), drift: await seatDrift(db) }).toEqual({ a: 98, c: 98, drift: [] });
  });
});
