// R5–R8: written and oral enrolment with seats taken atomically, the choice lists with capacity colours, and cancelling unpaid enrolments.
import type { EnrolmentMethod } from '../../shared/domain/enrolment.js';
import type { Offering } from '../../shared/domain/offering.js';
import type { Subject } from '../../shared/domain/subject.js';
import { errorMessages, refuse, type DomainError } from '../../shared/errors/domain-error.js';
import {
  capacityColour,
  checkCancelEnrolment,
  checkOralEnrolment,
  checkWrittenSelection,
  enrolmentsRemovedWith,
  removalDeletesRegistration,
  selectableOralCampuses,
  type WrittenCampus,
} from '../../shared/rules/index.js';
import type { Transaction } from 'kysely';
import { isPostgresPool, uniqueViolation, type Executor } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { ServiceContext } from './context.js';
import { check, command, refuseWith } from './outcome.js';
import { offeringsOf, type ReferenceSnapshot } from './reference-cache.js';
import { offeringWire, type SessionWithAgreement } from './reference-data.js';
import {
  candidateQualifications,
  enrolmentView,
  heldEnrolment,
  readState,
  subjectOf,
  subjectRef,
  type EnrolmentRow,
  type HeldEnrolment,
  type PlaceNames,
  type RegistrationState,
  type StateRead,
  type StateWithSeats,
} from './registration-state.js';
import { claimSeats, releaseSeats, takeSeats } from './seats.js';
import { newId } from './secrets.js';

/** Who asks: the candidate for themself, or (later) a school enrolling on the candidate's behalf (学校代报). */
export interface EnrolmentRequest {
  readonly passportId: string;
  readonly offeringIds: readonly string[];
  readonly method?: EnrolmentMethod;
}

/**
 * The written campus decides where orals may be taken: the campus of a written enrolment, or the
 * roster's campus before there is one (the oral rule then refuses for want of a written subject).
 */
function writtenCampusOf(reference: ReferenceSnapshot, state: RegistrationState): WrittenCampus {
  const written = state.enrolments.find((enrolment) => enrolment.subject.kind === 'written');
  if (written !== undefined) return written.offering;
  const campus = reference.campuses.get(state.snapshot.campusCode);
  return { campusCode: state.snapshot.campusCode, allowsExternalOral: campus?.allowsExternalOral ?? false };
}

/** The candidate's state in the current session, with the seats of `seatsOf`; refuses without a registration. */
async function stateOrRefuse(db: Executor, reference: ReferenceSnapshot, passportId: string, read: StateRead = {}): Promise<StateWithSeats> {
  const session = reference.examSession ?? refuseWith('EXAM_SESSION_NOT_CONFIGURED');
  return (await readState(db, reference, passportId, session.id, read)) ?? refuseWith('REGISTRATION_REQUIRED');
}

/** Offerings' terms from the snapshot with the seat counts just read; those without a count are gone. */
function withSeats(offerings: readonly Offering[], seats: ReadonlyMap<string, number>): Offering[] {
  return offerings.flatMap((offering) => {
    const remaining = seats.get(offering.id);
    return remaining === undefined ? [] : [{ ...offering, remaining }];
  });
}

/** A submission's offerings, each with its subject, in the order asked. */
type Selection = readonly { readonly offering: Offering; readonly subject: Subject }[];

/**
 * R5 or R6 for a submission: the requested offerings of the current session in the order asked (an
 * unknown id is refused by name), judged against what the candidate holds and the seats just read.
 */
function judgeSubmission(reference: ReferenceSnapshot, { state, seats }: StateWithSeats, request: EnrolmentRequest, kind: 'written' | 'oral', now: Date): Selection {
  const selection = [...new Set(request.offeringIds)].map((id) => {
    const terms = reference.offerings.get(id);
    const remaining = seats.get(id);
    if (terms === undefined || remaining === undefined) refuseWith('NOT_FOUND', { field: 'offeringIds', params: { offeringId: id } });
    return { offering: { ...terms, remaining }, subject: subjectOf(state.catalogue, terms.subjectCode) };
  });
  const qualifications = candidateQualifications(state);
  if (kind === 'written') {
    check(checkWrittenSelection({ candidateQualifications: qualifications, existingEnrolments: state.enrolments, selection, now }));
    return selection;
  }
  if (selection.length === 0) refuseWith('SUBJECT_SELECTION_EMPTY', { field: 'subjectCodes' });
  const writtenCampus = writtenCampusOf(reference, state);
  const held: { subject: Subject }[] = [...state.enrolments];
  for (const { offering, subject } of selection) {
    check(checkOralEnrolment({ candidateQualifications: qualifications, existingEnrolments: held, subject, offering, writtenCampus, now }));
    held.push({ subject });
  }
  return selection;
}

/** R7's refusal, naming the subject of the offering that had no seat left. */
function refuseFull(selection: Selection, offeringId: string): never {
  const subjectCode = selection.find(({ offering }) => offering.id === offeringId)?.offering.subjectCode ?? '';
  return refuseWith('OFFERING_FULL', { field: 'subjectCodes', params: { subjectCode } });
}

/** The enrolment rows of a selection, written out in full (no column defaults), so the answer is built from them without reading anything back. */
function enrolmentRows(state: RegistrationState, selection: Selection, request: EnrolmentRequest, now: Date): EnrolmentRow[] {
  return selection.map(({ offering }) => ({
    id: newId(),
    registration_id: state.registration.id,
    offering_id: offering.id,
    subject_code: offering.subjectCode,
    fee_fen: offering.feeFen,
    payment_status: 'UNPAID',
    arrangement_status: 'UNARRANGED',
    method: request.method ?? 'CANDIDATE',
    created_at: now,
    paid_at: null,
    group_payment_order_id: null,
  }));
}

/** The answer: the new enrolments in the order readState lists them (created_at, then id; one created_at for all). */
function enrolmentAnswer(reference: ReferenceSnapshot, session: SessionWithAgreement, state: RegistrationState, selection: Selection, rows: readonly EnrolmentRow[], now: Date) {
  const offerings = new Map(selection.map(({ offering }) => [offering.id, offering]));
  const enrolments = [...rows]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((row) => {
      const offering = offerings.get(row.offering_id);
      if (offering === undefined) throw new Error(`enrolment ${row.id} has no offering`);
      return enrolmentView(heldEnrolment(row, state.catalogue, offering), session, reference.names, now);
    });
  return { enrolments };
}

async function enrol(ctx: ServiceContext, request: EnrolmentRequest, kind: 'written' | 'oral') {
  const now = ctx.clock.now();
  const reference = await ctx.reference.snapshot(ctx.db);
  const session = reference.examSession ?? refuseWith('EXAM_SESSION_NOT_CONFIGURED');
  const seatsOf = request.offeringIds;
  try {
    if (isPostgresPool(ctx.db)) {
      // Judged on one statement, without a lock or a transaction: a refusal (in a rush, mostly for a
      // full offering) ends here, two round trips after the request arrived.
      const read = await stateOrRefuse(ctx.db, reference, request.passportId, { seatsOf });
      const selection = judgeSubmission(reference, read, request, kind, now);
      // Then the registration's lock, a check that nothing the rules read has changed since, the
      // seats and the enrolments, in one statement (seats.ts claimSeats, migration 0026), shared with
      // the other claims that arrive meanwhile: one lock hop and one commit for the group. A unique
      // violation is still this claim's own: a failed group's claims are retried alone.
      const rows = enrolmentRows(read.state, selection, request, now);
      const guard = { registrationId: read.state.registration.id, fingerprint: read.fingerprint };
      const claim = await claimSeats(ctx.db, guard, selection.map(({ offering }) => offering.id), rows);
      if (claim.outcome === 'taken') return enrolmentAnswer(reference, session, read.state, selection, rows, now);
      if (claim.outcome === 'full') refuseFull(selection, claim.offeringId);
      // 'changed': another command of this candidate committed meanwhile; judged again under the lock.
    }
    return await enrolUnderLock(ctx, reference, session, request, kind, now);
  } catch (error) {
    if (uniqueViolation(error) === 'enrolments_one_per_subject') refuseWith('SUBJECT_ALREADY_ENROLLED', { field: 'subjectCodes' });
    throw error;
  }
}

/**
 * The plain way, in a transaction: judged under the registration's row lock, which serialises one
 * candidate's commands (two tabs cannot both pass R5), then the insert and R7's seats. A replayed
 * kiosk operation runs inside its batch's transaction, which must commit with its seq record, and
 * PGlite runs one statement at a time anyway, so they come straight here, with no reading before
 * the lock; on a PostgreSQL pool only a claim whose registration changed after its reading does.
 */
function enrolUnderLock(ctx: ServiceContext, reference: ReferenceSnapshot, session: SessionWithAgreement, request: EnrolmentRequest, kind: 'written' | 'oral', now: Date) {
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await stateOrRefuse(trx, reference, request.passportId, { forUpdate: true, seatsOf: request.offeringIds });
    const selection = judgeSubmission(reference, locked, request, kind, now);
    const rows = enrolmentRows(locked.state, selection, request, now);
    await trx.insertInto('enrolments').values(rows).execute();
    const full = await takeSeats(trx, selection.map(({ offering }) => offering.id));
    if (full !== null) refuseFull(selection, full);
    return enrolmentAnswer(reference, session, locked.state, selection, rows, now);
  });
}

/** R5 (with R7): every written subject of one submission, or none of them. */
export function enrolWritten(ctx: ServiceContext, request: EnrolmentRequest) {
  return command(() => enrol(ctx, request, 'written'));
}

/** R6 (with R7): oral subjects at the chosen campus, after their written subjects. */
export function enrolOral(ctx: ServiceContext, request: EnrolmentRequest) {
  return command(() => enrol(ctx, request, 'oral'));
}

/**
 * R8: an unpaid, unlocked enrolment inside its window goes, with the oral that depends on it; their
 * seats come back in the same transaction, and the registration goes too when nothing is left.
 */
export function cancelEnrolment(ctx: ServiceContext, passportId: string, enrolmentId: string) {
  return command(async () => {
    const now = ctx.clock.now();
    const reference = await ctx.reference.snapshot(ctx.db);
    return ctx.db.transaction().execute(async (trx) => {
      const { state } = await stateOrRefuse(trx, reference, passportId, { forUpdate: true });
      const target = state.enrolments.find((enrolment) => enrolment.id === enrolmentId);
      if (target === undefined) refuseWith('NOT_FOUND', { field: 'enrolmentId' });
      const removed = enrolmentsRemovedWith(target, state.enrolments);
      for (const enrolment of removed) check(checkCancelEnrolment(enrolment, target.offering, now));
      const registrationDeleted = await removeEnrolments(trx, state, removed);
      return { cancelled: true as const, registrationDeleted };
    });
  });
}

/** Deletes enrolments and gives their seats back; deletes the registration when they were its last (R8). */
export async function removeEnrolments(trx: Transaction<Database>, state: RegistrationState, removed: readonly HeldEnrolment[]): Promise<boolean> {
  if (removed.length === 0) return false;
  const ids = removed.map((enrolment) => enrolment.id);
  await trx.deleteFrom('enrolments').where('id', 'in', ids).execute();
  await releaseSeats(trx, removed.map((enrolment) => enrolment.offeringId));
  if (!removalDeletesRegistration(state.enrolments, ids)) return false;
  await trx.deleteFrom('registrations').where('id', '=', state.registration.id).execute();
  return true;
}

/** Why an offering is not selectable for this candidate now, in the words of the rule that says so. */
function choiceOf(offering: Offering, subject: Subject, refusal: DomainError | null, enrolled: boolean, names: PlaceNames, timeZone: string) {
  const shown = enrolled ? refuse('SUBJECT_ALREADY_ENROLLED', { field: 'subjectCodes', params: { subjectCode: subject.code } }) : refusal;
  return {
    offering: offeringWire(offering, timeZone),
    subject: subjectRef(subject),
    school: names.school(offering.schoolCode),
    campus: names.campus(offering.campusCode),
    colour: capacityColour(offering.remaining, offering.capacity),
    selectable: shown === null,
    // The body a refused request would carry, message in both languages, so the page shows it as is.
    refusal: shown === null ? null : { ...shown, params: shown.params === undefined ? undefined : { ...shown.params }, message: errorMessages(shown) },
    enrolled,
  };
}

async function candidateState(ctx: ServiceContext, passportId: string, read: (reference: ReferenceSnapshot) => StateRead = () => ({})) {
  const reference = await ctx.reference.snapshot(ctx.db);
  const session = reference.examSession ?? refuseWith('EXAM_SESSION_NOT_CONFIGURED');
  const { state, seats } = await stateOrRefuse(ctx.db, reference, passportId, read(reference));
  return { reference, session, state, seats };
}

/** The written subjects of the roster campus, each judged alone against what is already held. */
export function listWrittenChoices(ctx: ServiceContext, passportId: string) {
  return command(async () => {
    const now = ctx.clock.now();
    const { reference, session, state, seats } = await candidateState(ctx, passportId, () => ({ seatsAtRosterCampus: true }));
    const qualifications = candidateQualifications(state);
    const offerings = withSeats(offeringsOf(reference, { campusCode: state.snapshot.campusCode, kind: 'written' }), seats);
    return {
      choices: offerings.map((offering) => {
        const subject = subjectOf(state.catalogue, offering.subjectCode);
        const refusal = checkWrittenSelection({ candidateQualifications: qualifications, existingEnrolments: state.enrolments, selection: [{ offering, subject }], now });
        return choiceOf(offering, subject, refusal, state.enrolments.some((held) => held.offeringId === offering.id), reference.names, session.timeZone);
      }),
    };
  });
}

/** R6: the 选择报名校区 list: campuses with an oral offering open now, only the written one if it forbids the others. */
export function listOralCampuses(ctx: ServiceContext, passportId: string) {
  return command(async () => {
    const now = ctx.clock.now();
    const { reference, state } = await candidateState(ctx, passportId);
    const names = reference.names;
    // Windows and campuses only: a full campus stays listed (its subjects show red), so no seat counts.
    const choice = selectableOralCampuses({ writtenCampus: writtenCampusOf(reference, state), oralOfferings: offeringsOf(reference, { kind: 'oral' }), now });
    return {
      fixed: choice.fixedToWrittenCampus,
      campuses: choice.campusCodes.map((code) => ({ school: names.school(reference.campuses.get(code)?.schoolCode ?? code.slice(0, 5)), campus: names.campus(code) })),
    };
  });
}

/** The oral subjects of one campus with their colours; a campus the candidate may not use is refused outright. */
export function listOralChoices(ctx: ServiceContext, passportId: string, campusCode: string) {
  return command(async () => {
    const now = ctx.clock.now();
    const campusOffers = (reference: ReferenceSnapshot) => offeringsOf(reference, { campusCode, kind: 'oral' });
    const { reference, session, state, seats } = await candidateState(ctx, passportId, (reference) => ({ seatsOf: campusOffers(reference).map((offering) => offering.id) }));
    const campus = reference.campuses.get(campusCode);
    if (campus === undefined) refuseWith('NOT_FOUND', { field: 'campusCode' });
    const names = reference.names;
    const writtenCampus = writtenCampusOf(reference, state);
    const qualifications = candidateQualifications(state);
    return {
      school: names.school(campus.schoolCode),
      campus: names.campus(campus.code),
      notice: campus.schoolNotice,
      choices: withSeats(campusOffers(reference), seats).map((offering) => {
        const subject = subjectOf(state.catalogue, offering.subjectCode);
        const refusal = checkOralEnrolment({ candidateQualifications: qualifications, existingEnrolments: state.enrolments, subject, offering, writtenCampus, now });
        return choiceOf(offering, subject, refusal, state.enrolments.some((held) => held.offeringId === offering.id), names, session.timeZone);
      }),
    };
  });
}
