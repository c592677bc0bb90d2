// R1–R3: the registration agreement, the qualification query and saving (binding) a registration, and the 报名信息 page.
import { sql, type Selectable } from 'kysely';
import type { Identity, IdType } from '../../shared/domain/identity.js';
import { provinceOfSchool } from '../../shared/domain/school.js';
import { registrationWindowFor } from '../../shared/domain/exam-session.js';
import type { RosterRecord } from '../../shared/domain/roster-record.js';
import { windowState } from '../../shared/domain/time-window.js';
import {
  checkQualificationQueryWindow,
  checkRegistrationAgreement,
  checkSaveRegistration,
  normalizeIdNumber,
  rosterRecordMatches,
} from '../../shared/rules/index.js';
import { snapshotRosterRecord } from '../../shared/domain/registration.js';
import type { Executor } from '../db/database.js';
import { preparedQuery } from '../db/prepared.js';
import type { ReviewApplicationTable, RosterRecordTable } from '../db/schema.js';
import { currentSession } from './catalogue.js';
import type { ServiceContext } from './context.js';
import { check, command, refuseWith } from './outcome.js';
import { rosterRecordOf, type SessionWithAgreement } from './reference-data.js';
import {
  candidateQualifications,
  readState,
  registrationView,
  rosterRecordView,
  type RegistrationState,
} from './registration-state.js';
import { applicationOfJson, reviewOfferOf, reviewStatusFor, type JsonRow } from './review.js';
import { newId } from './secrets.js';

type ReviewApplicationRow = Selectable<ReviewApplicationTable>;

/** R1: accepted once per passport and session, for the session's current agreement version. */
export function acceptAgreement(ctx: ServiceContext, passportId: string, input: { agreementVersion: string; accepted: boolean }) {
  return command(async () => {
    const now = ctx.clock.now();
    const { session } = await currentSession(ctx);
    check(checkRegistrationAgreement(input.accepted));
    if (input.agreementVersion !== session.agreementVersion) refuseWith('REGISTRATION_AGREEMENT_OUTDATED', { field: 'agreementVersion' });
    await ctx.db
      .insertInto('registration_agreements')
      .values({ passport_id: passportId, exam_session_id: session.id, agreement_version: session.agreementVersion, accepted_at: now })
      .onConflict((oc) => oc.columns(['passport_id', 'exam_session_id']).doUpdateSet({ agreement_version: session.agreementVersion, accepted_at: now }))
      .execute();
    return { acceptedAt: now };
  });
}

/** What the qualification query and the save read about the passport and the identity asked for. */
interface CandidateReads {
  /** The version of the R1 agreement the passport accepted for this session, null if none. */
  readonly agreementVersion: string | null;
  readonly record: RosterRecord | null;
  /** The passport's review application (C6), whichever identity it concerns. */
  readonly application: ReviewApplicationRow | undefined;
}


/**
 * The agreement, the roster record of the identity and the passport's review application in one
 * statement: three round trips were a fifth of the qualification query's cost in the rush
 * (bench/rush.bench.ts). Each subquery finds at most one row (primary key or unique index); the rows
 * come as JSON, so their timestamps are turned back into dates here. Compiled once (db/prepared.ts).
 */
const candidateRows = preparedQuery((db: Executor, _shape: 'only', passportId: string, sessionId: string, idType: IdType, idNumber: string) =>
  db.selectNoFrom((eb) => [
    eb.selectFrom('registration_agreements').select('agreement_version').where('passport_id', '=', passportId).where('exam_session_id', '=', sessionId).as('agreement_version'),
    eb
      .selectFrom('roster_records as rr')
      .select(sql<JsonRow<Selectable<RosterRecordTable>>>`to_jsonb(rr)`.as('record'))
      .where('rr.id_type', '=', idType)
      .where('rr.id_number', '=', idNumber)
      .as('record'),
    eb.selectFrom('review_applications as ra').select(sql<JsonRow<ReviewApplicationRow>>`to_jsonb(ra)`.as('application')).where('ra.passport_id', '=', passportId).as('application'),
  ]),
);

async function candidateReads(db: Executor, passportId: string, sessionId: string, identity: Pick<Identity, 'idType' | 'idNumber'>): Promise<CandidateReads> {
  const [row] = await candidateRows(db, 'only', passportId, sessionId, identity.idType, normalizeIdNumber(identity.idType, identity.idNumber));
  if (row === undefined) throw new Error('a SELECT without FROM answered no row');
  const record = row.record === null ? null : rosterRecordOf({ ...row.record, updated_at: new Date(row.record.updated_at) });
  const application = applicationOfJson(row.application);
  return { agreementVersion: row.agreement_version, record, application };
}

/** R1 before R2/R3: the passport accepted the session's current agreement. */
function requireAgreement(reads: CandidateReads, session: SessionWithAgreement): void {
  check(checkRegistrationAgreement(reads.agreementVersion === session.agreementVersion));
}

/** R2: the roster record of exactly this identity (type, number and name), or QUALIFICATION_NOT_FOUND. */
function matchingRosterRecord(reads: CandidateReads, identity: Identity): RosterRecord {
  const record = reads.record;
  if (record === null || !rosterRecordMatches(record, identity)) refuseWith('QUALIFICATION_NOT_FOUND', { field: 'idNumber' });
  return record;
}

/**
 * R2: any number of queries, for any identity, from the query opening time to the end of the
 * registration window; `saving` says whether this identity could be saved now and from when.
 */
export function queryQualification(ctx: ServiceContext, passportId: string, identity: Identity) {
  return command(async () => {
    const now = ctx.clock.now();
    const { reference, session } = await currentSession(ctx);
    const reads = await candidateReads(ctx.db, passportId, session.id, identity);
    requireAgreement(reads, session);
    const record = matchingRosterRecord(reads, identity);
    const provinceCode = provinceOfSchool(record.schoolCode);
    check(checkQualificationQueryWindow(session, now, provinceCode));
    const { catalogue } = reference;
    const qualifications = candidateQualifications({ snapshot: record, catalogue, reviewStatus: reviewStatusFor(reads.application, record) });
    const window = registrationWindowFor(session, provinceCode);
    return {
      rosterRecord: rosterRecordView(record, qualifications, catalogue, reference.names),
      cet6Review: reviewOfferOf(reference, { ...record, rosterRecordId: record.id }, reads.application),
      saving: { allowed: windowState(window, now) === 'OPEN', opensAt: window.opensAt, closesAt: window.closesAt },
    };
  });
}

/** The save's insert, compiled once per process (db/prepared.ts): the row when it was inserted, none when it collided. */
const insertRegistration = preparedQuery(
  (db: Executor, _shape: 'only', id: string, sessionId: string, passportId: string, idType: IdType, idNumber: string, name: string, savedAt: Date, rosterRecordId: string, rosterSnapshot: string) =>
    db
      .insertInto('registrations')
      .values({ id, exam_session_id: sessionId, passport_id: passportId, id_type: idType, id_number: idNumber, name, saved_at: savedAt, roster_record_id: rosterRecordId, roster_snapshot: rosterSnapshot })
      .onConflict((oc) => oc.doNothing())
      .returningAll(),
);

/**
 * R3: binds this passport and this roster record, one to one per session, with a frozen copy of the
 * record. Saving the same binding again answers with it (a replayed operation is not an error); the
 * unique indexes settle two passports racing for one candidate, or one passport for two.
 *
 * The insert comes first and the existing registration is read only when it collides: a save is
 * nearly always the first. ON CONFLICT DO NOTHING rather than catching the unique violation, because
 * a replayed save runs inside the replay's transaction, which a failed statement would abort; it also
 * waits for a racing insert's outcome, so the indexes still settle every race.
 */
export function saveRegistration(ctx: ServiceContext, passportId: string, input: Identity & { confirmed: boolean }) {
  return command(async () => {
    const now = ctx.clock.now();
    const { reference, session } = await currentSession(ctx);
    const reads = await candidateReads(ctx.db, passportId, session.id, input);
    requireAgreement(reads, session);
    const record = matchingRosterRecord(reads, input);
    check(checkSaveRegistration({ session, now, provinceCode: provinceOfSchool(record.schoolCode), rosterConfirmed: input.confirmed }));
    const snapshot = snapshotRosterRecord(record);
    // Twice at most: a registration found in the way can be swept (R4, empty) before it is read.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const [saved] = await insertRegistration(ctx.db, 'only', newId(), session.id, passportId, snapshot.idType, snapshot.idNumber, snapshot.name, now, snapshot.id, JSON.stringify(snapshot));
      if (saved !== undefined) {
        // Just inserted: no enrolments yet, and the review status and offer come from the application read above.
        const state: RegistrationState = { registration: saved, snapshot: saved.roster_snapshot, enrolments: [], catalogue: reference.catalogue, reviewStatus: reviewStatusFor(reads.application, saved.roster_snapshot) };
        return registrationView(reference, state, reads.application, session, now);
      }
      const existing = await readState(ctx.db, reference, passportId, session.id);
      if (existing !== undefined) {
        if (existing.state.registration.roster_record_id !== record.id) refuseWith('REGISTRATION_PASSPORT_ALREADY_BOUND');
        return registrationView(reference, existing.state, existing.application, session, now);
      }
      // Not this passport's: another passport holds this identity or roster record.
      const held = await ctx.db
        .selectFrom('registrations')
        .select('id')
        .where('exam_session_id', '=', session.id)
        .where((eb) => eb.or([eb.and([eb('id_type', '=', snapshot.idType), eb('id_number', '=', snapshot.idNumber)]), eb('roster_record_id', '=', snapshot.id)]))
        .executeTakeFirst();
      if (held !== undefined) refuseWith('REGISTRATION_CANDIDATE_ALREADY_BOUND');
    }
    throw new Error(`registration of passport ${passportId} kept colliding with registrations that vanished`);
  });
}

/** The 报名信息 page: the registration, its enrolments and review status in one statement (readState). */
export function getMyRegistration(ctx: ServiceContext, passportId: string) {
  return command(async () => {
    const now = ctx.clock.now();
    const { reference, session } = await currentSession(ctx);
    const read = await readState(ctx.db, reference, passportId, session.id);
    return { registration: read === undefined ? null : registrationView(reference, read.state, read.application, session, now) };
  });
}
