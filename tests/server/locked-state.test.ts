// R5 under the registration's lock on PostgreSQL: a command that waited for another command of the same candidate judges what that one committed, not what was there when it started waiting.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGREEMENT_VERSION } from '../../src-server/demo/seed.js';
import { newId } from '../../src-server/services/secrets.js';
import { seatDrift, takeSeats } from '../../src-server/services/seats.js';
import { newCandidate, passportRegisterPayload } from '../support/candidates.js';
import { databaseKind } from '../support/database.js';
import { enrolmentRow, offeringId } from '../support/enrolment.js';
import { insertRosterRecord, rosterRecordFor } from '../support/registrations.js';
import { startServer, type TestServer } from '../support/server.js';
import { enrolDevice, Queue } from './sync-support.js';

const isPg = databaseKind() === 'pg';
if (!isPg) console.log('locked-state skipped on PGlite: it has one connection, so no command ever waits for another’s lock.');

const ENGLISH_CET4 = offeringId('993010', '1');
const JAPANESE_CET4 = offeringId('993010', '3');

describe.skipIf(!isPg)('R5 judged after the lock is granted', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    expect(await seatDrift(server.db)).toEqual([]);
    await server?.close();
  });

  /** Commands of this database waiting for a row lock (pg_stat_activity), so the test knows the replay is queued behind the holder. */
  async function waitForLockWaiter(): Promise<void> {
    for (let attempt = 0; attempt < 400; attempt += 1) {
      const { rows } = await sql<{ waiting: string }>`SELECT count(*) AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(server.db);
      if (Number(rows[0]?.waiting) > 0) return;
      await new Promise((done) => setTimeout(done, 25));
    }
    throw new Error('the replayed enrolment never waited for the registration lock');
  }

  it('R5 a replayed Japanese CET4 that waited for an English CET4 enrolment of the same candidate is refused SUBJECT_LEVEL_CONFLICT', async () => {
    const candidate = newCandidate();
    await insertRosterRecord(server.db, rosterRecordFor({ idType: candidate.idType, idNumber: candidate.idNumber, name: candidate.name }, { qualificationSubjectCodes: ['1', '3', 'F'] }), server.clock.now());
    const q = new Queue(await enrolDevice(server));
    const passport = q.add('passport.register', passportRegisterPayload(candidate));
    const identity = { idType: candidate.idType, idNumber: candidate.idNumber, name: candidate.name };
    q.add('registration.save', { candidate: { by: 'operation', seq: passport }, agreementVersion: DEMO_AGREEMENT_VERSION, ...identity, confirmed: true }, { dependsOn: [passport] });
    expect((await q.push()).map((result) => result.status)).toEqual(['applied', 'applied']);
    const registration = await server.db.selectFrom('registrations').select('id').where('id_number', '=', candidate.idNumber).executeTakeFirstOrThrow();

    // The candidate's other command (a second tab, another kiosk) holds the lock with English CET4 enrolled, not yet committed.
    let commit = () => {};
    const committing = new Promise<void>((done) => (commit = done));
    let locked = () => {};
    const holding = new Promise<void>((done) => (locked = done));
    const holder = server.db.transaction().execute(async (trx) => {
      await trx.selectFrom('registrations').select('id').where('id', '=', registration.id).forUpdate().execute();
      await trx.insertInto('enrolments').values(enrolmentRow(registration.id, ENGLISH_CET4, '1', newId(), server.clock.now())).execute();
      expect(await takeSeats(trx, [ENGLISH_CET4])).toBeNull();
      locked();
      await committing;
    });
    await holding;

    q.add('enrolment.written', { candidate: { by: 'operation', seq: passport }, offeringIds: [JAPANESE_CET4] }, { dependsOn: [passport] });
    const pushing = q.push();
    await waitForLockWaiter();
    commit();
    await holder;

    const [replayed] = await pushing;
    expect(replayed).toMatchObject({ status: 'refused', error: { code: 'SUBJECT_LEVEL_CONFLICT' } });
    const held = await server.db.selectFrom('enrolments').select('offering_id').where('registration_id', '=', registration.id).execute();
    expect(held.map((row) => row.offering_id)).toEqual([ENGLISH_CET4]);
  });
});
