// The qualification query and the save read the exam session and place names from each server's reference cache: an edit committed anywhere is seen by the next request on every server.
import { pino } from 'pino';
import type { RosterRecord } from '../../shared/domain/roster-record.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src-server/config/config.js';
import { openDatabase, type Db } from '../../src-server/db/database.js';
import { DEMO_EXAM_SESSION_ID, seedDemo } from '../../src-server/demo/seed.js';
import { buildApp } from '../../src-server/http/app.js';
import { outboxEmail, outboxSms } from '../../src-server/messages/outbox.js';
import { TestClient } from '../support/client.js';
import { TestClock } from '../support/clock.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { acceptedAgreement, offeringId, passportWithSession } from '../support/enrolment.js';
import { insertRosterRecord, rosterRecordFor } from '../support/registrations.js';
import { TEST_SECRET } from '../support/server.js';

/**
 * Two apps on one database, as two server processes are: each builds its own reference cache. On
 * PostgreSQL each has its own pool; PGlite's one embedded database can only be shared as one handle,
 * which changes nothing here, since the caches are what is under test.
 */
interface TwoServers {
  readonly database: TestDatabase;
  readonly urls: readonly [string, string];
  readonly dbs: readonly [Db, Db];
  readonly clock: TestClock;
  close(): Promise<void>;
}

async function twoServers(): Promise<TwoServers> {
  const database = await freshDatabase();
  const clock = new TestClock(new Date());
  await seedDemo(database.db, clock.now());
  const second = database.url === null ? database.db : openDatabase({ databaseUrl: database.url, pgliteDir: null });
  const config = loadConfig({ NODE_ENV: 'test', COOKIE_SECRET: TEST_SECRET });
  const apps = [database.db, second].map((db) => buildApp({ db, clock, config, messages: { sms: outboxSms(db, clock), email: outboxEmail(db, clock) }, logger: pino({ level: 'silent' }) }));
  const urls = await Promise.all(
    apps.map(async (app) => {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address();
      if (typeof address !== 'object' || address === null) throw new Error('server has no address');
      return `http://127.0.0.1:${address.port}`;
    }),
  );
  return {
    database,
    urls: [urls[0] ?? '', urls[1] ?? ''],
    dbs: [database.db, second],
    clock,
    async close() {
      await Promise.all(apps.map((app) => app.close()));
      if (second !== database.db) await second.destroy();
      await database.dispose();
    },
  };
}

let servers: TwoServers;
beforeAll(async () => {
  servers = await twoServers();
});
afterAll(() => servers?.close());

/** A candidate at the qualification query (agreement accepted, roster record waiting), with a client on each server. */
async function candidateOnBoth(roster: Partial<RosterRecord> = {}) {
  const { db } = servers.database;
  const now = servers.clock.now();
  const { passportId, identity, token } = await passportWithSession(db, now);
  await acceptedAgreement(db, passportId, now);
  await insertRosterRecord(db, rosterRecordFor(identity, roster), now);
  const clients = servers.urls.map((url) => new TestClient(url, { authorization: `Bearer ${token}` }));
  return { identity, first: clients[0]!, second: clients[1]! };
}

describe('reference data edited on one server, read on the other', () => {
  it('R2/R3 a provincial registration window postponed through one server is postponed at once for the next query and save on the other', async () => {
    const { identity, first, second } = await candidateOnBoth();
    // Both servers have loaded and kept the reference data with the window open.
    for (const client of [first, second]) {
      const query = await client.post('/api/registration/qualification', identity);
      expect(query.status).toBe(200);
      expect(query.body.saving.allowed).toBe(true);
    }
    const windowOf = (db: Db) => db.updateTable('exam_session_province_windows').where('exam_session_id', '=', DEMO_EXAM_SESSION_ID).where('province_code', '=', '99');
    const { opens_at: opened } = await servers.dbs[1].selectFrom('exam_session_province_windows').select('opens_at').where('exam_session_id', '=', DEMO_EXAM_SESSION_ID).where('province_code', '=', '99').executeTakeFirstOrThrow();
    const postponed = new Date(servers.clock.now().getTime() + 3600_000);
    await windowOf(servers.dbs[1]).set({ opens_at: postponed }).execute();
    try {
      // The query stays open (from the query opening time), but saving now waits for the new opening.
      const query = await first.post('/api/registration/qualification', identity);
      expect(query.status).toBe(200);
      expect(query.body.saving).toMatchObject({ allowed: false, opensAt: postponed.toISOString() });
      expect((await first.post('/api/registration', { ...identity, confirmed: true })).body.error?.code).toBe('REGISTRATION_NOT_OPEN');
    } finally {
      await windowOf(servers.dbs[1]).set({ opens_at: opened }).execute();
    }
    // Opened again: the first server follows, and the save goes through.
    expect((await first.post('/api/registration', { ...identity, confirmed: true })).status).toBe(200);
  });

  it('R2 a school renamed on one server is named so on the other’s next qualification query and 报名信息', async () => {
    const { identity, first, second } = await candidateOnBoth();
    const before = await first.post('/api/registration/qualification', identity);
    const schoolCode: string = before.body.rosterRecord.school.code;
    const oldName: string = before.body.rosterRecord.school.name;
    expect((await second.post('/api/registration', { ...identity, confirmed: true })).status).toBe(200);
    await servers.dbs[1].updateTable('schools').set({ name: '更名后的测试大学' }).where('code', '=', schoolCode).execute();
    try {
      expect((await first.post('/api/registration/qualification', identity)).body.rosterRecord.school).toEqual({ code: schoolCode, name: '更名后的测试大学' });
      expect((await first.get('/api/registration')).body.registration.school).toEqual({ code: schoolCode, name: '更名后的测试大学' });
    } finally {
      await servers.dbs[1].updateTable('schools').set({ name: oldName }).where('code', '=', schoolCode).execute();
    }
    expect((await first.post('/api/registration/qualification', identity)).body.rosterRecord.school.name).toBe(oldName);
  });

  it('C1 the CET6 review stops being offered at once on one server when the campus’s CET6 written offering is taken away through the other', async () => {
    // Without English CET6 among the roster's subjects, at a campus that offers it: the review is offered.
    const { identity, first, second } = await candidateOnBoth({ qualificationSubjectCodes: ['1', 'F'] });
    expect((await second.post('/api/registration', { ...identity, confirmed: true })).status).toBe(200);
    const offered = async () => ({
      page: (await first.get('/api/registration')).body.registration.cet6Review.offered,
      query: (await first.post('/api/registration/qualification', identity)).body.cet6Review.offered,
    });
    expect(await offered()).toEqual({ page: true, query: true });
    const cet6 = offeringId('993010', '2');
    const row = await servers.dbs[1].selectFrom('offerings').selectAll().where('id', '=', cet6).executeTakeFirstOrThrow();
    await servers.dbs[1].deleteFrom('offerings').where('id', '=', cet6).execute();
    try {
      expect(await offered()).toEqual({ page: false, query: false });
    } finally {
      // Put back as it was, under a new reference version (the column's default).
      const { version: _version, ...terms } = row;
      await servers.dbs[1].insertInto('offerings').values(terms).execute();
    }
    expect(await offered()).toEqual({ page: true, query: true });
  });
});
