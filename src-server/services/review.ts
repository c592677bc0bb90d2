// CET6 qualification review (C1–C8): the candidate's one application, the teacher's queue, evidence and decisions, with history and audit.
import { sql, type Insertable, type Selectable } from 'kysely';
import type { MaskedReviewApplication, ProofKind, ReviewEventKind } from '../../shared/contracts/http/review.js';
import type { Identity, IdType } from '../../shared/domain/identity.js';
import type { Result } from '../../shared/errors/domain-error.js';
import { REVIEW_STATUSES, type ReviewStatus } from '../../shared/domain/review-application.js';
import type { SubjectCode } from '../../shared/domain/subject.js';
import type { RosterRecord } from '../../shared/domain/roster-record.js';
import {
  canDeleteReview,
  canEditReview,
  checkCet6ReviewOffered,
  checkManualReview,
  checkReviewChange,
  checkReviewSubmission,
  decideCet6Review,
  isEnglishCet6,
  isRepeatSubmitter,
  maskReviewApplication,
  normalizeIdNumber,
  normalizeName,
  normalizeTypedCode,
  qualificationsAfterReview,
  type Cet6ReviewSituation,
} from '../../shared/rules/index.js';
import { lockKey, uniqueViolation, type Executor } from '../db/database.js';
import { preparedQuery } from '../db/prepared.js';
import type { Database, ReviewApplicationTable } from '../db/schema.js';
import { auditActorOf, type CandidateActor, type StaffActor } from './actors.js';
import { auditRow, recordAudit } from './audit.js';
import type { ServiceContext } from './context.js';
import { check, command, Refused, refuseWith } from './outcome.js';
import type { ReferenceSnapshot } from './reference-cache.js';
import { findCet4Score, findRosterRecordByIdentity, listSubjects } from './reference-data.js';
import { newId } from './secrets.js';

export type ApplicationRow = Selectable<ReviewApplicationTable>;

interface HistoryActor {
  readonly kind: 'CANDIDATE' | 'TEACHER' | 'SYSTEM';
  readonly id: string | null;
  readonly name: string | null;
}

const SYSTEM: HistoryActor = { kind: 'SYSTEM', id: null, name: null };
const candidateOf = (actor: Pick<CandidateActor, 'passportId'>): HistoryActor => ({ kind: 'CANDIDATE', id: actor.passportId, name: null });
const teacherOf = (actor: StaffActor): HistoryActor => ({ kind: 'TEACHER', id: actor.staffId, name: actor.displayName });

function eventRow(row: Pick<ApplicationRow, 'id' | 'passport_id'>, kind: ReviewEventKind, actor: HistoryActor, reason: string | null, at: Date) {
  return { id: newId(), passport_id: row.passport_id, application_id: row.id, at, kind, actor_kind: actor.kind, actor_id: actor.id, actor_name: actor.name, reason };
}

async function recordEvent(db: Executor, row: Pick<ApplicationRow, 'id' | 'passport_id'>, kind: ReviewEventKind, actor: HistoryActor, reason: string | null, at: Date) {
  await db.insertInto('review_events').values(eventRow(row, kind, actor, reason, at)).execute();
}

/** Submissions so far, across deleted applications too, so deleting and refiling does not reset C7's count. */
async function earlierSubmissions(db: Executor, passportId: string): Promise<number> {
  const row = await db
    .selectFrom('review_events')
    .select((eb) => eb.fn.countAll<string | number | bigint>().as('count'))
    .where('passport_id', '=', passportId)
    .where('kind', 'in', ['SUBMITTED', 'RESUBMITTED', 'FILED_ON_BEHALF'])
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Who the candidate is, where they sit the written exams and what they may take, as C1 judges it. */
export interface CandidatePlace {
  readonly idType: IdType;
  readonly idNumber: string;
  readonly rosterRecordId: string | null;
  readonly schoolCode: string;
  readonly campusCode: string;
  readonly qualificationSubjectCodes: readonly SubjectCode[];
  readonly restrictedFromCet6: boolean;
  readonly studentNumber: string;
}

/** A saved registration's place: its frozen roster snapshot (R3), as C1 judges it once the candidate is bound. */
export function placeOfRegistration(registration: { readonly roster_record_id: string | null; readonly roster_snapshot: RosterRecord }): CandidatePlace {
  return { ...registration.roster_snapshot, rosterRecordId: registration.roster_record_id };
}

/** A row as `to_jsonb` gives it: timestamps become strings. */
export type JsonRow<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

/** An application read as JSON (a subquery's `to_jsonb(ra)`), with its timestamps as dates again. */
export function applicationOfJson(json: JsonRow<ApplicationRow> | null): ApplicationRow | undefined {
  if (json === null) return undefined;
  return { ...json, submitted_at: new Date(json.submitted_at), reviewed_at: json.reviewed_at === null ? null : new Date(json.reviewed_at) };
}

/**
 * Everything C1 and the candidate's read-back need of the database, in one statement (compiled once,
 * db/prepared.ts): the passport's registration in the current session, its identity and its application.
 */
const candidateRows = preparedQuery((db: Executor, _shape: 'only', passportId: string) =>
  db.selectNoFrom((eb) => [
    eb
      .selectFrom('registrations as r')
      .innerJoin('exam_sessions as s', 's.id', 'r.exam_session_id')
      .select(sql<{ roster_record_id: string | null; roster_snapshot: RosterRecord }>`jsonb_build_object('roster_record_id', r.roster_record_id, 'roster_snapshot', r.roster_snapshot)`.as('registration'))
      .where('r.passport_id', '=', passportId)
      .where('s.is_current', '=', true)
      .as('registration'),
    eb
      .selectFrom('passports as p')
      .select(sql<{ id_type: IdType | null; id_number: string | null }>`jsonb_build_object('id_type', p.id_type, 'id_number', p.id_number)`.as('passport'))
      .where('p.id', '=', passportId)
      .as('passport'),
    eb.selectFrom('review_applications as ra').select(sql<JsonRow<ApplicationRow>>`to_jsonb(ra)`.as('application')).where('ra.passport_id', '=', passportId).as('application'),
  ]),
);

interface CandidateReads {
  readonly place: CandidatePlace | null;
  readonly application: ApplicationRow | undefined;
}

/**
 * The written campus of the passport's saved registration in the current session (its snapshot, R3);
 * before one is saved, the roster record of the passport's own identity, which is what the
 * qualification query shows on the 资格信息确认 page where the seed places the review action (a
 * second statement, only then). With the passport's application.
 */
async function candidateReads(db: Executor, passportId: string): Promise<CandidateReads> {
  const [row] = await candidateRows(db, 'only', passportId);
  if (row === undefined) throw new Error('a SELECT without FROM answered no row');
  const application = applicationOfJson(row.application);
  if (row.registration !== null) return { place: placeOfRegistration(row.registration), application };
  const passport = row.passport;
  if (passport?.id_type == null || passport.id_number === null) return { place: null, application };
  const record = await findRosterRecordByIdentity(db, { idType: passport.id_type, idNumber: passport.id_number });
  return { place: record === null ? null : { ...record, rosterRecordId: record.id }, application };
}

async function candidatePlace(db: Executor, passportId: string): Promise<CandidatePlace | null> {
  return (await candidateReads(db, passportId)).place;
}

/**
 * C1's situation from the cached reference data alone (subjects, and the current session's offerings,
 * whose existence and terms the snapshot holds): no round trip, where it used to take three on every
 * candidate page that shows the review action.
 */
function situationOf(reference: ReferenceSnapshot, place: CandidatePlace): Cet6ReviewSituation {
  const cet6Written = new Set(reference.subjects.filter((subject) => isEnglishCet6(subject) && subject.kind === 'written').map((subject) => subject.code));
  let writtenCampusOffersCet6 = false;
  for (const offering of reference.offerings.values()) {
    if (offering.campusCode === place.campusCode && cet6Written.has(offering.subjectCode)) writtenCampusOffersCet6 = true;
  }
  return {
    qualifications: reference.subjects.filter((subject) => place.qualificationSubjectCodes.includes(subject.code)),
    writtenCampusOffersCet6,
    restrictedFromCet6: place.restrictedFromCet6,
  };
}

function checkOffered(reference: ReferenceSnapshot, place: CandidatePlace | null): CandidatePlace {
  if (place === null) return refuseWith('REVIEW_NOT_OFFERED');
  check(checkCet6ReviewOffered(situationOf(reference, place)));
  return place;
}

/**
 * C8. shared/rules' maskReviewApplication takes a ticket number that is always there; a teacher may
 * file without one (forgotten ticket, C7), so a missing number stays null instead of becoming a mask.
 */
function maskedView(row: ApplicationRow): MaskedReviewApplication {
  const masked = maskReviewApplication({
    id: row.id,
    passportId: row.passport_id,
    idType: row.id_type,
    idNumber: row.id_number,
    name: row.name,
    ticketNumber: row.ticket_number ?? '',
    status: row.status,
    filedBy: row.filed_by,
    proofNote: row.proof_note,
    reviewerId: row.reviewer_id,
    reason: row.reason,
    submissionCount: row.submission_count,
  });
  return {
    id: row.id,
    ...masked,
    ticketNumber: row.ticket_number === null ? null : masked.ticketNumber,
    submissionCount: row.submission_count,
    submittedAt: row.submitted_at.toISOString(),
    reviewedAt: row.reviewed_at?.toISOString() ?? null,
    editable: canEditReview(row.status),
    deletable: canDeleteReview(row.status),
  };
}

export type ReviewOffer = { offered: boolean; application: MaskedReviewApplication | null };

/**
 * C1 for one place the passport is looking at (the qualification query may be for somebody else
 * before the window opens), from an application already read: the passport's application is shown
 * only when it concerns that place's identity.
 */
export function reviewOfferOf(reference: ReferenceSnapshot, place: CandidatePlace | null, application: ApplicationRow | undefined): ReviewOffer {
  const offered = place !== null && checkCet6ReviewOffered(situationOf(reference, place)) === null;
  const concernsPlace = application !== undefined && place !== null && application.id_type === place.idType && application.id_number === place.idNumber;
  return { offered, application: concernsPlace ? maskedView(application) : null };
}

/**
 * reviewStatusOf's answer from an application already read: its status when it concerns this
 * candidate, else null (C3/C4's qualificationsAfterReview takes it).
 */
export function reviewStatusFor(application: Pick<ApplicationRow, 'status' | 'id_type' | 'id_number'> | undefined, candidate: Pick<Identity, 'idType' | 'idNumber'>): ReviewStatus | null {
  return application !== undefined && application.id_type === candidate.idType && application.id_number === candidate.idNumber ? application.status : null;
}

/**
 * C1 and the candidate's read-back: whether the action is offered, and the masked application if
 * there is one, in one statement, judged on the request's reference snapshot.
 */
export async function reviewOfferFor(db: Executor, passportId: string, reference: ReferenceSnapshot): Promise<ReviewOffer> {
  const reads = await candidateReads(db, passportId);
  return reviewOfferOf(reference, reads.place, reads.application);
}

/**
 * The status of the passport's application for this candidate, or null without one: what
 * qualificationsAfterReview (C3/C4) takes. An application only ever concerns the passport's own identity.
 */
export async function reviewStatusOf(db: Executor, passportId: string, candidate?: Pick<Identity, 'idType' | 'idNumber'>): Promise<ReviewStatus | null> {
  let query = db.selectFrom('review_applications').select('status').where('passport_id', '=', passportId);
  if (candidate !== undefined) query = query.where('id_type', '=', candidate.idType).where('id_number', '=', candidate.idNumber);
  return (await query.executeTakeFirst())?.status ?? null;
}

/** C3/C4 for the enrolment rules: the roster's qualification subjects plus English CET6 once a review is approved. */
export async function qualificationsWithReview(db: Executor, passportId: string, rosterQualifications: readonly SubjectCode[]): Promise<SubjectCode[]> {
  return qualificationsAfterReview(rosterQualifications, await listSubjects(db), await reviewStatusOf(db, passportId));
}

export function getMyReview(ctx: ServiceContext, actor: CandidateActor) {
  return command(async () => reviewOfferFor(ctx.db, actor.passportId, await ctx.reference.snapshot(ctx.db)));
}

export interface ReviewSubmission {
  readonly idType: IdType;
  readonly idNumber: string;
  readonly name: string;
  readonly ticketNumber: string;
}

const passportLock = (passportId: string) => `review:${passportId}`;

/**
 * C2–C6. A first submission and the resubmission of a rejected application take the same path: the
 * rules refuse any other existing status, and a refusal (C5) rolls back, so nothing is stored.
 * The application is the passport holder's own (我确认提交复核的信息所有者为本人), so its identity
 * must be the passport's; the CET4 record is what may differ (C3, C4).
 */
export function submitReview(ctx: ServiceContext, actor: Pick<CandidateActor, 'passportId'>, input: ReviewSubmission, mode: 'SUBMIT' | 'RESUBMIT') {
  return command(async () => {
    // Read before the transaction opens: on PGlite's one connection, a load inside it would queue behind the transaction itself.
    const reference = await ctx.reference.snapshot(ctx.db);
    return ctx.db.transaction().execute(async (trx) => {
      await lockKey(trx, passportLock(actor.passportId));
      const now = ctx.clock.now();
      const passport = await trx.selectFrom('passports').select(['id_type', 'id_number', 'name']).where('id', '=', actor.passportId).executeTakeFirstOrThrow();
      const own =
        passport.id_type === input.idType &&
        passport.id_number === normalizeIdNumber(input.idType, input.idNumber) &&
        passport.name !== null &&
        normalizeName(passport.name) === normalizeName(input.name);
      if (!own || passport.id_number === null || passport.name === null) return refuseWith('REVIEW_IDENTITY_NOT_OWN', { field: 'idNumber' });

      const existing = await trx.selectFrom('review_applications').selectAll().where('passport_id', '=', actor.passportId).forUpdate().executeTakeFirst();
      if (mode === 'RESUBMIT' && existing === undefined) refuseWith('REVIEW_NOT_FOUND');
      check(checkReviewSubmission(existing?.status ?? null));
      const place = checkOffered(reference, await candidatePlace(trx, actor.passportId));

      const ticketNumber = normalizeTypedCode(input.ticketNumber);
      const record = /^\d{15}$/.test(ticketNumber) ? await findCet4Score(trx, ticketNumber) : null;
      const decision = decideCet6Review({
        application: { ticketNumber, idNumber: passport.id_number, name: passport.name },
        recordsForTicket: record === null ? [] : [record],
      });
      if (decision.decision === 'REFUSED') throw new Refused(decision.error);

      const status: ReviewStatus = decision.decision === 'AUTO_APPROVED' ? 'AUTO_APPROVED' : 'PENDING';
      const values = {
        school_code: place.schoolCode,
        campus_code: place.campusCode,
        roster_record_id: place.rosterRecordId,
        id_type: input.idType,
        id_number: passport.id_number,
        name: passport.name,
        ticket_number: ticketNumber,
        status,
        filed_by: 'CANDIDATE' as const,
        proof_kind: null,
        proof_note: null,
        reviewer_id: null,
        reason: null,
        submission_count: (await earlierSubmissions(trx, actor.passportId)) + 1,
        submitted_at: now,
        reviewed_at: status === 'AUTO_APPROVED' ? now : null,
      };
      const row = await writeApplication(trx, actor.passportId, existing, values);
      await recordEvent(trx, row, existing === undefined ? 'SUBMITTED' : 'RESUBMITTED', candidateOf(actor), null, now);
      if (status === 'AUTO_APPROVED') await recordEvent(trx, row, 'AUTO_APPROVED', SYSTEM, null, now);
      return maskedView(row);
    });
  });
}

type ApplicationValues = Omit<ApplicationRow, 'id' | 'passport_id' | 'repeat_flag'>;

/** Replaces a rejected application in place (its id stays), or inserts the passport's first one (C6). */
async function writeApplication(db: Executor, passportId: string, existing: ApplicationRow | undefined, values: ApplicationValues): Promise<ApplicationRow> {
  if (existing !== undefined) {
    return db.updateTable('review_applications').set(values).where('id', '=', existing.id).returningAll().executeTakeFirstOrThrow();
  }
  try {
    return await db.insertInto('review_applications').values({ id: newId(), passport_id: passportId, repeat_flag: null, ...values }).returningAll().executeTakeFirstOrThrow();
  } catch (error) {
    if (uniqueViolation(error) === 'review_applications_one_per_passport') refuseWith('REVIEW_ALREADY_EXISTS');
    throw error;
  }
}

/** C4/C6: only a rejected application may be deleted; its history stays with the passport. */
export function deleteReview(ctx: ServiceContext, actor: CandidateActor) {
  return command(() =>
    ctx.db.transaction().execute(async (trx) => {
      await lockKey(trx, passportLock(actor.passportId));
      const existing = await trx.selectFrom('review_applications').selectAll().where('passport_id', '=', actor.passportId).forUpdate().executeTakeFirst();
      if (existing === undefined) return refuseWith('REVIEW_NOT_FOUND');
      check(checkReviewChange(existing.status));
      await trx.deleteFrom('review_applications').where('id', '=', existing.id).execute();
      await recordEvent(trx, existing, 'DELETED', candidateOf(actor), null, ctx.clock.now());
      return { deleted: true as const };
    }),
  );
}

// ——— The teacher's side (K4): every query below filters on the teacher's school in SQL. ———

function schoolOf(teacher: StaffActor): string {
  if (teacher.schoolCode === null) throw new Error('a teacher session without a school');
  return teacher.schoolCode;
}

/** Another school's application answers exactly like one that does not exist, so its existence is not given away. */
async function applicationOfSchool(db: Executor, applicationId: string, schoolCode: string, forUpdate: boolean): Promise<ApplicationRow> {
  let query = db.selectFrom('review_applications').selectAll().where('id', '=', applicationId).where('school_code', '=', schoolCode);
  if (forUpdate) query = query.forUpdate();
  return (await query.executeTakeFirst()) ?? refuseWith('REVIEW_NOT_FOUND', { field: 'applicationId' });
}

function repeatSubmitter(row: ApplicationRow): boolean {
  return row.repeat_flag ?? isRepeatSubmitter(row.submission_count);
}

/** K4: the candidate's data beside the CET4 record the ticket points to, which fields agree, and the history. */
async function evidenceOf(db: Executor, row: ApplicationRow) {
  const [place, roster, reviewer, record, events] = await Promise.all([
    db
      .selectFrom('campuses')
      .innerJoin('schools', 'schools.code', 'campuses.school_code')
      .select(['campuses.name as campus_name', 'schools.name as school_name'])
      .where('campuses.code', '=', row.campus_code)
      .executeTakeFirstOrThrow(),
    row.roster_record_id === null
      ? undefined
      : db.selectFrom('roster_records').select(['student_number', 'restricted_from_cet6']).where('id', '=', row.roster_record_id).executeTakeFirst(),
    row.reviewer_id === null ? undefined : db.selectFrom('staff_accounts').select('display_name').where('id', '=', row.reviewer_id).executeTakeFirst(),
    row.ticket_number === null ? null : findCet4Score(db, row.ticket_number),
    db.selectFrom('review_events').selectAll().where('passport_id', '=', row.passport_id).orderBy('seq').execute(),
  ]);
  return {
    application: {
      id: row.id,
      idType: row.id_type,
      idNumber: row.id_number,
      name: row.name,
      ticketNumber: row.ticket_number,
      status: row.status,
      reason: row.reason,
      reviewerName: reviewer?.display_name ?? null,
      submissionCount: row.submission_count,
      repeatSubmitter: repeatSubmitter(row),
      filedBy: row.filed_by,
      proofKind: row.proof_kind,
      proofNote: row.proof_note,
      submittedAt: row.submitted_at.toISOString(),
      reviewedAt: row.reviewed_at?.toISOString() ?? null,
    },
    candidate: {
      idType: row.id_type,
      idNumber: row.id_number,
      name: row.name,
      school: { code: row.school_code, name: place.school_name },
      campus: { code: row.campus_code, name: place.campus_name },
      studentNumber: roster?.student_number ?? '',
      restrictedFromCet6: roster?.restricted_from_cet6 ?? false,
    },
    cet4Record: record,
    matches: {
      idNumber: record !== null && normalizeTypedCode(record.idNumber) === normalizeTypedCode(row.id_number),
      name: record !== null && normalizeName(record.name) === normalizeName(row.name),
    },
    history: events.map((event) => ({ at: event.at.toISOString(), kind: event.kind, actor: event.actor_kind, actorName: event.actor_name, reason: event.reason })),
  };
}

/** Keyset paging over (time, id) in the queue's own order. */
function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string') {
      const at = new Date(value[0]);
      if (!Number.isNaN(at.getTime())) return { at, id: value[1] };
    }
  } catch {
    // Falls through to the refusal: a cursor is opaque, so anything unreadable is the caller's mistake.
  }
  return refuseWith('VALIDATION_FAILED', { field: 'cursor' });
}

/** Pending oldest first, as a queue is worked through; decided ones newest decision first. */
export function listReviewQueue(ctx: ServiceContext, teacher: StaffActor, input: { status: ReviewStatus; cursor?: string | undefined; limit: number }) {
  return command(async () => {
    const pending = input.status === 'PENDING';
    const key = pending ? ('review_applications.submitted_at' as const) : ('review_applications.reviewed_at' as const);
    const direction = pending ? ('asc' as const) : ('desc' as const);
    let query = ctx.db
      .selectFrom('review_applications')
      .innerJoin('campuses', 'campuses.code', 'review_applications.campus_code')
      .leftJoin('roster_records', 'roster_records.id', 'review_applications.roster_record_id')
      .selectAll('review_applications')
      .select(['campuses.name as campus_name', 'roster_records.student_number'])
      .where('review_applications.school_code', '=', schoolOf(teacher))
      .where('review_applications.status', '=', input.status)
      .orderBy(key, direction)
      .orderBy('review_applications.id', direction)
      .limit(input.limit + 1);
    if (input.cursor !== undefined) {
      const after = decodeCursor(input.cursor);
      const beyond = pending ? '>' : '<';
      query = query.where((eb) => eb.or([eb(key, beyond, after.at), eb.and([eb(key, '=', after.at), eb('review_applications.id', beyond, after.id)])]));
    }
    const rows = await query.execute();
    const page = rows.slice(0, input.limit);
    const last = page[page.length - 1];
    const lastAt = last === undefined ? null : pending ? last.submitted_at : last.reviewed_at;
    return {
      items: page.map((row) => ({
        id: row.id,
        name: row.name,
        status: row.status,
        campus: { code: row.campus_code, name: row.campus_name },
        studentNumber: row.student_number ?? '',
        submittedAt: row.submitted_at.toISOString(),
        submissionCount: row.submission_count,
        repeatSubmitter: repeatSubmitter(row),
        filedBy: row.filed_by,
      })),
      nextCursor: rows.length > input.limit && last !== undefined && lastAt !== null ? encodeCursor(lastAt, last.id) : null,
    };
  });
}

export function getReviewEvidence(ctx: ServiceContext, teacher: StaffActor, input: { applicationId: string }) {
  return command(async () => evidenceOf(ctx.db, await applicationOfSchool(ctx.db, input.applicationId, schoolOf(teacher), false)));
}

/** Where an offline decision came from (K3): the device that captured it and its place in that device's queue, for the audit log. */
export interface OfflineDecisionOrigin {
  readonly deviceId: string;
  readonly seq: number;
  readonly capturedAt: Date;
}

/**
 * Where a replay run collects the append-only rows it writes at its end with one INSERT per table
 * (sync/run-writes.ts): a decision's event and audit entry go there instead of two statements.
 */
export interface AppendOnlyRows {
  add<T extends 'review_events' | 'audit_log'>(table: T, row: Insertable<Database[T]>): void;
}

/** A teacher's decision (C4), as `decideReview` takes it. */
export interface ReviewDecisionInput {
  readonly applicationId: string;
  readonly decision: 'APPROVED' | 'REJECTED';
  readonly reason?: string;
}

/**
 * C4's writes on a transaction the caller holds: the decided row, its event and its audit entry.
 * The common case is one UPDATE whose WHERE is the school scoping plus the statuses
 * checkManualReview accepts for this decision (the rule itself stays in shared/rules); only when it
 * matches nothing is the row read, locked and checked, which gives the precise refusal (not found,
 * not pending, reason missing) and covers a row changed in between.
 */
async function writeDecision(db: Executor, now: Date, teacher: StaffActor, input: ReviewDecisionInput, offline: OfflineDecisionOrigin | undefined, rows?: AppendOnlyRows): Promise<ApplicationRow> {
  const reason = input.reason ?? '';
  const set = { status: input.decision, reviewer_id: teacher.staffId, reason: input.decision === 'REJECTED' ? reason : null, reviewed_at: now };
  const accepted = REVIEW_STATUSES.filter((status) => checkManualReview(status, input.decision, reason) === null);
  let decided =
    accepted.length === 0
      ? undefined
      : await db.updateTable('review_applications').set(set).where('id', '=', input.applicationId).where('school_code', '=', schoolOf(teacher)).where('status', 'in', accepted).returningAll().executeTakeFirst();
  if (decided === undefined) {
    const row = await applicationOfSchool(db, input.applicationId, schoolOf(teacher), true);
    check(checkManualReview(row.status, input.decision, reason));
    decided = await db.updateTable('review_applications').set(set).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
  }
  const event = eventRow(decided, input.decision, teacherOf(teacher), decided.reason, now);
  const audit = auditRow(
    {
      actor: auditActorOf(teacher),
      action: input.decision === 'APPROVED' ? 'review.approved' : 'review.rejected',
      target: { kind: 'review_application', id: decided.id },
      details: {
        passportId: decided.passport_id,
        schoolCode: decided.school_code,
        reason: decided.reason,
        ...(offline === undefined ? {} : { offline: true, deviceId: offline.deviceId, seq: offline.seq, capturedAt: offline.capturedAt.toISOString() }),
      },
    },
    now,
  );
  if (rows === undefined) {
    await db.insertInto('review_events').values(event).execute();
    await db.insertInto('audit_log').values(audit).execute();
  } else {
    rows.add('review_events', event);
    rows.add('audit_log', audit);
  }
  return decided;
}

/**
 * C4: a teacher of the candidate's school approves (qualification granted) or rejects with a reason;
 * audited. Answers with the evidence as the teacher's screen shows it next.
 */
export function decideReview(ctx: ServiceContext, teacher: StaffActor, input: ReviewDecisionInput) {
  return command(() => ctx.db.transaction().execute(async (trx) => evidenceOf(trx, await writeDecision(trx, ctx.clock.now(), teacher, input, undefined))));
}

/**
 * C4 replayed from a device under the teacher's offline grant (K3): the same writes as online, with
 * the device and seq in the audit entry, on the replay's own transaction (`db`), whose savepoint
 * per operation already undoes a refusal, so no nested savepoint is opened here; the event and audit
 * entry join the run's `rows`. Answers only what the operation's result and the candidate's notice
 * need, not the evidence a screen would show.
 */
export async function decideReviewReplayed(
  db: Executor,
  now: Date,
  teacher: StaffActor,
  input: ReviewDecisionInput,
  offline: OfflineDecisionOrigin,
  rows: AppendOnlyRows,
): Promise<Result<{ id: string; status: ReviewStatus; passportId: string }>> {
  return command(async () => {
    const decided = await writeDecision(db, now, teacher, input, offline, rows);
    return { id: decided.id, status: decided.status, passportId: decided.passport_id };
  });
}

/** C7: the teacher's mark on a candidate who resubmits again and again (or its removal); audited, and kept in the history. */
export function flagRepeatSubmitter(ctx: ServiceContext, teacher: StaffActor, input: { applicationId: string; flagged: boolean; note?: string | undefined }) {
  return command(() =>
    ctx.db.transaction().execute(async (trx) => {
      const now = ctx.clock.now();
      const row = await applicationOfSchool(trx, input.applicationId, schoolOf(teacher), true);
      const flagged = await trx.updateTable('review_applications').set({ repeat_flag: input.flagged }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
      const note = input.note ?? null;
      await recordEvent(trx, flagged, input.flagged ? 'REPEAT_SUBMITTER_FLAGGED' : 'REPEAT_SUBMITTER_CLEARED', teacherOf(teacher), note, now);
      await recordAudit(
        trx,
        {
          actor: auditActorOf(teacher),
          action: input.flagged ? 'review.repeat_submitter_flagged' : 'review.repeat_submitter_cleared',
          target: { kind: 'review_application', id: row.id },
          details: { passportId: row.passport_id, submissionCount: row.submission_count, note },
        },
        now,
      );
      return evidenceOf(trx, flagged);
    }),
  );
}

export interface OnBehalfFiling {
  readonly idType: IdType;
  readonly idNumber: string;
  readonly name: string;
  readonly ticketNumber?: string | undefined;
  readonly proofKind: ProofKind;
  readonly proofNote: string;
}

/**
 * C7: the teacher has seen the proof (pre-2005 score, forgotten ticket), so the application is
 * stored approved with the teacher as reviewer, bound to the passport holding the identity (C6).
 * The candidate must be one of the teacher's school and otherwise eligible (C1): a school's
 * CET6 restriction is not something a review lifts.
 */
export function fileReviewOnBehalf(ctx: ServiceContext, teacher: StaffActor, input: OnBehalfFiling) {
  return command(async () => {
    const idNumber = normalizeIdNumber(input.idType, input.idNumber);
    const passport = await ctx.db.selectFrom('passports').select(['id', 'name']).where('id_type', '=', input.idType).where('id_number', '=', idNumber).executeTakeFirst();
    if (passport === undefined || passport.name === null || normalizeName(passport.name) !== normalizeName(input.name)) {
      return refuseWith('PASSPORT_NOT_FOUND', { field: 'idNumber' });
    }
    const reference = await ctx.reference.snapshot(ctx.db);
    return ctx.db.transaction().execute(async (trx) => {
      await lockKey(trx, passportLock(passport.id));
      const now = ctx.clock.now();
      const place = await candidatePlace(trx, passport.id);
      if (place !== null && place.schoolCode !== schoolOf(teacher)) refuseWith('FORBIDDEN', { field: 'idNumber' });
      const offeredPlace = checkOffered(reference, place);
      const existing = await trx.selectFrom('review_applications').selectAll().where('passport_id', '=', passport.id).forUpdate().executeTakeFirst();
      check(checkReviewSubmission(existing?.status ?? null));
      const row = await writeApplication(trx, passport.id, existing, {
        school_code: offeredPlace.schoolCode,
        campus_code: offeredPlace.campusCode,
        roster_record_id: offeredPlace.rosterRecordId,
        id_type: input.idType,
        id_number: idNumber,
        name: passport.name ?? input.name,
        ticket_number: input.ticketNumber ?? null,
        status: 'APPROVED',
        filed_by: 'TEACHER',
        proof_kind: input.proofKind,
        proof_note: input.proofNote,
        reviewer_id: teacher.staffId,
        reason: null,
        submission_count: (await earlierSubmissions(trx, passport.id)) + 1,
        submitted_at: now,
        reviewed_at: now,
      });
      await recordEvent(trx, row, 'FILED_ON_BEHALF', teacherOf(teacher), `${input.proofKind}: ${input.proofNote}`, now);
      await recordEvent(trx, row, 'APPROVED', teacherOf(teacher), null, now);
      await recordAudit(
        trx,
        {
          actor: auditActorOf(teacher),
          action: 'review.filed_on_behalf',
          target: { kind: 'review_application', id: row.id },
          details: { passportId: passport.id, schoolCode: row.school_code, proofKind: input.proofKind, proofNote: input.proofNote, ticketNumber: row.ticket_number },
        },
        now,
      );
      return evidenceOf(trx, row);
    });
  });
}
