// Grouped reads: on a PostgreSQL pool the session lookups and unlocked registration-state readings that arrive together go as one statement, each caller answered with its own row; on PGlite each is a statement of its own and answers the same.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src-server/config/config.js';
import type { Db } from '../../src-server/db/database.js';
import { DEMO_EXAM_SESSION_ID, seedDemo } from '../../src-server/demo/seed.js';
import { outboxEmail, outboxSms } from '../../src-server/messages/outbox.js';
import type { ServiceContext } from '../../src-server/services/context.js';
import { referenceReader, type ReferenceSnapshot } from '../../src-server/services/reference-cache.js';
import { readState, STATE_READINGS_IN_FLIGHT, stateReadingBatcher, type StateRead } from '../../src-server/services/registration-state.js';
import { newToken } from '../../src-server/services/secrets.js';
import { resolveSession, SESSION_LOOKUPS_IN_FLIGHT, sessionLookupBatcher } from '../../src-server/services/sessions.js';
import { TestClock } from '../support/clock.js';
import { databaseKind, freshDatabase, type TestDatabase } from '../support/database.js';
import { enrolmentRow, offeringId, passportWithSession } from '../support/enrolment.js';
import { insertSavedRegistration } from '../support/registrations.js';
import { readableCaptchas, TEST_SECRET } from '../support/server.js';

const isPg = databaseKind() === 'pg';
if (!isPg) console.log('grouped reads: on PGlite every lookup and reading is a statement of its own, so only the answers are checked here, not the group counts.');

/** Enough callers that, after the first groups went alone, the rest wait together. */
const N = 40;
const A = offeringId('993010', '1');
const B = offeringId('993010', '2');
const C = offeringId('993010', 'F');

interface Candidate {
  readonly passportId: string;
  readonly token: string;
  readonly registrationId: string;
  /** Each candidate's own enrolment ids, in readState's order, so a reading answered with another's rows shows. */
  readonly enrolmentIds: readonly string[];
  /** The roster campus, 993010 or 993020 by turns, so the roster-campus seats differ between neighbours. */
  readonly campusCode: string;
}

let database: TestDatabase;
let db: Db;
let ctx: ServiceContext;
let reference: ReferenceSnapshot;
let candidates: Candidate[];
/** A passport with a session but no registration: its reading answers undefined amid the others. */
let unregistered: { passportId: string; token: string };
let revokedToken: string;
let expiredToken: string;

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
  const clock = new TestClock(new Date());
  const now = clock.now();
  await seedDemo(db, now);
  ctx = {
    db,
    clock,
    config: loadConfig({ NODE_ENV: 'test', COOKIE_SECRET: TEST_SECRET }),
    messages: { sms: outboxSms(db, clock), email: outboxEmail(db, clock) },
    captchaImages: readableCaptchas,
    reference: referenceReader(),
  };
  reference = await ctx.reference.snapshot(db);
  candidates = [];
  for (let n = 0; n < N; n += 1) {
    const { passportId, identity, token } = await passportWithSession(db, now);
    const campusCode = n % 2 === 0 ? '993010' : '993020';
    const registrationId = await insertSavedRegistration(db, { passportId, identity, at: now, roster: { campusCode, schoolCode: campusCode === '993010' ? '99301' : '99302' } });
    // None, one or two enrolments by turns; the seat counters are not this suite's concern.
    const held = [[], [[A, '1']], [[A, '1'], [B, '2']]][n % 3]!;
    const enrolmentIds = held.map(([, code], at) => `grouped-${n}-${code}-${at}`);
    if (held.length > 0) {
      await db
        .insertInto('enrolments')
        .values(held.map(([offering, code], at) => enrolmentRow(registrationId, offering!, code!, enrolmentIds[at]!, new Date(now.getTime() + at))))
        .execute();
    }
    candidates.push({ passportId, token, registrationId, enrolmentIds, campusCode });
  }
  unregistered = await passportWithSession(db, now);
  const revoked = await passportWithSession(db, now);
  revokedToken = revoked.token;
  const expired = await passportWithSession(db, now);
  expiredToken = expired.token;
  await db.updateTable('sessions').set({ revoked_at: now }).where('passport_id', '=', revoked.passportId).execute();
  await db.updateTable('sessions').set({ expires_at: new Date(now.getTime() - 1000) }).where('passport_id', '=', expired.passportId).execute();
});
afterAll(() => database?.dispose());

/** Groups and items the batcher sent during `work`. */
async function counted<T>(sent: () => { readonly groups: number; readonly items: number }, work: () => Promise<T>): Promise<{ result: T; groups: number; items: number }> {
  const before = { ...sent() };
  const result = await work();
  const after = sent();
  return { result, groups: after.groups - before.groups, items: after.items - before.items };
}

describe('A4 session lookups, grouped on a PostgreSQL pool', () => {
  it('A4 forty lookups at once with a revoked, an expired, an unknown and a repeated token: each answers its own candidate, those three nobody', async () => {
    const tokens = [
      ...candidates.slice(0, N / 2).map((candidate) => candidate.token),
      revokedToken,
      newToken(),
      ...candidates.slice(N / 2).map((candidate) => candidate.token),
      expiredToken,
      candidates[3]!.token,
    ];
    const { result, groups, items } = await counted(
      () => sessionLookupBatcher(db).sent,
      () => Promise.all(tokens.map((token) => resolveSession(ctx, token))),
    );
    const passportOf = (at: number) => {
      const actor = result[at]!.actor;
      return actor?.role === 'candidate' ? actor.passportId : actor;
    };
    expect(tokens.map((_, at) => passportOf(at))).toEqual([
      ...candidates.slice(0, N / 2).map((candidate) => candidate.passportId),
      null,
      null,
      ...candidates.slice(N / 2).map((candidate) => candidate.passportId),
      null,
      candidates[3]!.passportId,
    ]);
    // The reference generation rides with every row found, and only with those.
    const generation = result[0]!.referenceGeneration;
    expect(generation).toEqual(expect.any(Number));
    expect(result.map((resolved) => resolved.referenceGeneration)).toEqual(tokens.map((_, at) => (at === N / 2 + 1 ? null : generation)));
    if (isPg) {
      // The first SESSION_LOOKUPS_IN_FLIGHT went alone at once; everything else waited and went as one statement.
      expect({ groups, items }).toEqual({ groups: SESSION_LOOKUPS_IN_FLIGHT + 1, items: tokens.length });
    }
  });

  it.skipIf(!isPg)('A4 a lone lookup is sent at once as a group of one', async () => {
    const { result, groups, items } = await counted(
      () => sessionLookupBatcher(db).sent,
      () => resolveSession(ctx, candidates[7]!.token),
    );
    expect(result.actor).toMatchObject({ role: 'candidate', passportId: candidates[7]!.passportId });
    expect({ groups, items }).toEqual({ groups: 1, items: 1 });
  });

  it.skipIf(!isPg)('A4 a group holding one token twice answers both callers with it', async () => {
    const fillers = candidates.slice(0, SESSION_LOOKUPS_IN_FLIGHT).map((candidate) => candidate.token);
    const twice = candidates[9]!.token;
    const { result, groups } = await counted(
      () => sessionLookupBatcher(db).sent,
      () => Promise.all([...fillers, twice, twice].map((token) => resolveSession(ctx, token))),
    );
    expect(result.slice(SESSION_LOOKUPS_IN_FLIGHT).map((resolved) => resolved.actor)).toEqual([
      expect.objectContaining({ passportId: candidates[9]!.passportId }),
      expect.objectContaining({ passportId: candidates[9]!.passportId }),
    ]);
    expect(groups).toBe(SESSION_LOOKUPS_IN_FLIGHT + 1);
  });
});

describe('registration-state readings, grouped on a PostgreSQL pool', () => {
  const fingerprintOf = async (registrationId: string) =>
    (await sql<{ fingerprint: string }>`SELECT registration_fingerprint(${registrationId}) AS fingerprint`.execute(db)).rows[0]!.fingerprint;
  const remainingOf = async (ids: readonly string[]) =>
    new Map((await db.selectFrom('offerings').select(['id', 'remaining']).where('id', 'in', ids).execute()).map((row) => [row.id, row.remaining]));
  /** Every candidate, the unregistered passport in the middle, all read at once. */
  const readAll = (read: (candidate: Candidate, at: number) => StateRead) => {
    const order = [...candidates.slice(0, N / 2).map((candidate, at) => ({ candidate, at })), null, ...candidates.slice(N / 2).map((candidate, at) => ({ candidate, at: N / 2 + at }))];
    return Promise.all(
      order.map((entry) =>
        entry === null
          ? readState(db, reference, unregistered.passportId, DEMO_EXAM_SESSION_ID, read(candidates[0]!, 0))
          : readState(db, reference, entry.candidate.passportId, DEMO_EXAM_SESSION_ID, read(entry.candidate, entry.at)),
      ),
    ).then((answers) => ({ unregistered: answers[N / 2], answers: [...answers.slice(0, N / 2), ...answers.slice(N / 2 + 1)] }));
  };

  it('R5 forty readings at once, each asking for its own seats: each answers its own registration, enrolments, fingerprint and only the seats it asked for', async () => {
    // Even candidates ask for A, odd ones for B and C: the statement reads all three, each caller keeps its own.
    const asked = (at: number) => (at % 2 === 0 ? [A] : [B, C, B]);
    const { result, groups, items } = await counted(
      () => stateReadingBatcher(db, 'ids', DEMO_EXAM_SESSION_ID).sent,
      () => readAll((_, at) => ({ seatsOf: asked(at) })),
    );
    expect(result.unregistered).toBeUndefined();
    const remaining = await remainingOf([A, B, C]);
    for (const [at, candidate] of candidates.entries()) {
      const answer = result.answers[at];
      expect({
        registration: answer?.state.registration.id,
        passport: answer?.state.registration.passport_id,
        enrolments: answer?.state.enrolments.map((enrolment) => enrolment.id),
        campus: answer?.state.snapshot.campusCode,
        fingerprint: answer?.fingerprint,
        seats: answer === undefined ? undefined : Object.fromEntries(answer.seats),
      }).toEqual({
        registration: candidate.registrationId,
        passport: candidate.passportId,
        enrolments: candidate.enrolmentIds,
        campus: candidate.campusCode,
        fingerprint: await fingerprintOf(candidate.registrationId),
        seats: Object.fromEntries([...new Set(asked(at))].map((id) => [id, remaining.get(id)])),
      });
    }
    if (isPg) expect({ groups, items }).toEqual({ groups: STATE_READINGS_IN_FLIGHT + 1, items: N + 1 });
  });

  it('R7 forty readings of the roster campus seats at once: each answers the seats of its own campus', async () => {
    const { result, groups } = await counted(
      () => stateReadingBatcher(db, 'roster-campus', DEMO_EXAM_SESSION_ID).sent,
      () => readAll(() => ({ seatsAtRosterCampus: true })),
    );
    expect(result.unregistered).toBeUndefined();
    const offerings = await db.selectFrom('offerings').select(['id', 'campus_code', 'remaining']).where('exam_session_id', '=', DEMO_EXAM_SESSION_ID).execute();
    const seatsAt = (campusCode: string) => Object.fromEntries(offerings.filter((offering) => offering.campus_code === campusCode).map((offering) => [offering.id, offering.remaining]));
    expect(seatsAt('993010')).not.toEqual(seatsAt('993020'));
    expect(result.answers.map((answer) => ({ registration: answer?.state.registration.id, seats: answer === undefined ? undefined : Object.fromEntries(answer.seats) }))).toEqual(
      candidates.map((candidate) => ({ registration: candidate.registrationId, seats: seatsAt(candidate.campusCode) })),
    );
    if (isPg) expect(groups).toBe(STATE_READINGS_IN_FLIGHT + 1);
  });

  it('R5 readings without seats, and the locked reading in a transaction, answer the same as alone; the locked one never joins a group', async () => {
    const { result, groups } = await counted(
      () => stateReadingBatcher(db, 'none', DEMO_EXAM_SESSION_ID).sent,
      () => readAll(() => ({})),
    );
    // A page's reading carries no fingerprint: only a submission's reading is followed by a claim.
    expect(result.answers.map((answer) => [answer?.state.registration.id, answer?.state.enrolments.map((enrolment) => enrolment.id), answer?.seats.size, answer?.fingerprint])).toEqual(
      candidates.map((candidate) => [candidate.registrationId, candidate.enrolmentIds, 0, null]),
    );
    if (isPg) expect(groups).toBe(STATE_READINGS_IN_FLIGHT + 1);
    const candidate = candidates[5]!;
    const locked = await counted(
      () => stateReadingBatcher(db, 'ids', DEMO_EXAM_SESSION_ID).sent,
      () => db.transaction().execute((trx) => readState(trx, reference, candidate.passportId, DEMO_EXAM_SESSION_ID, { forUpdate: true, seatsOf: [A] })),
    );
    expect(locked.result?.state.enrolments.map((enrolment) => enrolment.id)).toEqual(candidate.enrolmentIds);
    expect(locked.groups).toBe(0);
  });
});
