// R1–R3: the registration agreement, the qualification query and saving (binding) a registration, and the 报名信息 page.
import type { Identity } from '../../shared/domain/identity.js';
import { provinceOfSchool } from '../../shared/domain/school.js';
import { registrationWindowFor } from '../../shared/domain/exam-session.js';
import { windowState } from '../../shared/domain/time-window.js';
import {
  checkQualificationQueryWindow,
  checkRegistrationAgreement,
  checkSaveRegistration,
  rosterRecordMatches,
} from '../../shared/rules/index.js';
import { snapshotRosterRecord } from '../../shared/domain/registration.js';
import { uniqueViolation, type Executor } from '../db/database.js';
import type { ServiceContext } from './context.js';
import { check, command, refuseWith } from './outcome.js';
import { currentExamSession, findRosterRecordByIdentity, subjectsByCode, type SessionWithAgreement } from './reference-data.js';
import {
  candidateQualifications,
  findRegistration,
  loadState,
  placeNames,
  registrationView,
  rosterRecordView,
} from './registration-state.js';
import { reviewOfferAt, reviewStatusOf } from './review.js';
import { newId } from './secrets.js';

/** R1: accepted once per passport and session, for the session's current agreement version. */
export function acceptAgreement(ctx: ServiceContext, passportId: string, input: { agreementVersion: string; accepted: boolean }) {
  return command(async () => {
    const now = ctx.clock.now();
    const session = await currentExamSession(ctx.db);
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

async function requireAgreement(db: Executor, passportId: string, session: SessionWithAgreement): Promise<void> {
  const accepted = await db
    .selectFrom('registration_agreements')
    .select('agreement_version')
    .where('passport_id', '=', passportId)
    .where('exam_session_id', '=', session.id)
    .executeTakeFirst();
  check(checkRegistrationAgreement(accepted?.agreement_version === session.agreementVersion));
}

/** R2: the roster record of exactly this identity (type, number and name), or QUALIFICATION_NOT_FOUND. */
async function matchingRosterRecord(db: Executor, identity: Identity) {
  const record = await findRosterRecordByIdentity(db, identity);
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
    const session = await currentExamSession(ctx.db);
    await requireAgreement(ctx.db, passportId, session);
    const record = await matchingRosterRecord(ctx.db, identity);
    const provinceCode = provinceOfSchool(record.schoolCode);
    check(checkQualificationQueryWindow(session, now, provinceCode));
    const catalogue = await subjectsByCode(ctx.db);
    const reviewStatus = await reviewStatusOf(ctx.db, passportId, record);
    const qualifications = candidateQualifications({ snapshot: record, catalogue, reviewStatus });
    const window = registrationWindowFor(session, provinceCode);
    return {
      rosterRecord: rosterRecordView(record, qualifications, catalogue, await placeNames(ctx.db)),
      cet6Review: await reviewOfferAt(ctx.db, passportId, { ...record, rosterRecordId: record.id }),
      saving: { allowed: windowState(window, now) === 'OPEN', opensAt: window.opensAt, closesAt: window.closesAt },
    };
  });
}

/**
 * R3: binds this passport and this roster record, one to one per session, with a frozen copy of the
 * record. Saving the same binding again answers with it (a replayed operation is not an error); the
 * unique indexes settle two passports racing for one candidate, or one passport for two.
 */
export function saveRegistration(ctx: ServiceContext, passportId: string, input: Identity & { confirmed: boolean }) {
  return command(async () => {
    const now = ctx.clock.now();
    const session = await currentExamSession(ctx.db);
    await requireAgreement(ctx.db, passportId, session);
    const record = await matchingRosterRecord(ctx.db, input);
    check(checkSaveRegistration({ session, now, provinceCode: provinceOfSchool(record.schoolCode), rosterConfirmed: input.confirmed }));
    const existing = await findRegistration(ctx.db, passportId, session.id);
    if (existing !== undefined) {
      if (existing.roster_record_id !== record.id) refuseWith('REGISTRATION_PASSPORT_ALREADY_BOUND');
      return registrationView(ctx.db, await loadState(ctx.db, existing), session, now);
    }
    const snapshot = snapshotRosterRecord(record);
    try {
      const saved = await ctx.db
        .insertInto('registrations')
        .values({
          id: newId(),
          exam_session_id: session.id,
          passport_id: passportId,
          id_type: snapshot.idType,
          id_number: snapshot.idNumber,
          name: snapshot.name,
          saved_at: now,
          roster_record_id: snapshot.id,
          roster_snapshot: JSON.stringify(snapshot),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return registrationView(ctx.db, await loadState(ctx.db, saved), session, now);
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === 'registrations_one_per_passport') refuseWith('REGISTRATION_PASSPORT_ALREADY_BOUND');
      if (constraint === 'registrations_one_per_identity' || constraint === 'registrations_one_per_roster_record') {
        refuseWith('REGISTRATION_CANDIDATE_ALREADY_BOUND');
      }
      throw error;
    }
  });
}

export function getMyRegistration(ctx: ServiceContext, passportId: string) {
  return command(async () => {
    const now = ctx.clock.now();
    const session = await currentExamSession(ctx.db);
    const registration = await findRegistration(ctx.db, passportId, session.id);
    return { registration: registration === undefined ? null : await registrationView(ctx.db, await loadState(ctx.db, registration), session, now) };
  });
}
