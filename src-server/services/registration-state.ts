// A registration as the rules and pages need it: the row, its snapshot, its enrolments with subject and offering, and their wire views.
import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { EnrolmentWithSubject } from '../../shared/domain/enrolment.js';
import type { ExamSession } from '../../shared/domain/exam-session.js';
import type { Offering } from '../../shared/domain/offering.js';
import type { ReviewStatus } from '../../shared/domain/review-application.js';
import type { RosterRecord } from '../../shared/domain/roster-record.js';
import type { Subject, SubjectCode } from '../../shared/domain/subject.js';
import {
  canCancelEnrolment,
  canPrintAdmissionTicket,
  maskIdNumber,
  maskName,
  qualificationsAfterReview,
  totalFen,
  unpaidEnrolmentExpiresAt,
} from '../../shared/rules/index.js';
import { isPostgresPool, type Db, type Executor } from '../db/database.js';
import { batcherPer, GroupBatcher } from '../db/grouped.js';
import { preparedQuery } from '../db/prepared.js';
import type { Database } from '../db/schema.js';
import type { ReferenceSnapshot } from './reference-cache.js';
import { listOfferings, subjectsByCode } from './reference-data.js';
import { applicationOfJson, placeOfRegistration, reviewOfferOf, reviewStatusFor, reviewStatusOf, type ApplicationRow, type JsonRow } from './review.js';

export type RegistrationRow = Selectable<Database['registrations']>;
export type EnrolmentRow = Selectable<Database['enrolments']>;

/** An enrolment with everything the rules ask of it. */
export interface HeldEnrolment extends EnrolmentWithSubject {
  readonly offering: Offering;
  readonly row: EnrolmentRow;
}

export interface RegistrationState {
  readonly registration: RegistrationRow;
  readonly snapshot: RosterRecord;
  readonly enrolments: readonly HeldEnrolment[];
  readonly catalogue: ReadonlyMap<SubjectCode, Subject>;
  /** The passport's CET6 review for this candidate (C3/C4), null without one. */
  readonly reviewStatus: ReviewStatus | null;
}

export function subjectOf(catalogue: ReadonlyMap<SubjectCode, Subject>, code: SubjectCode): Subject {
  const subject = catalogue.get(code);
  if (subject === undefined) throw new Error(`subject ${code} is not in the catalogue`);
  return subject;
}

/** An enrolment row with its subject and offering, as the rules and views take it. */
export function heldEnrolment(row: EnrolmentRow, catalogue: ReadonlyMap<SubjectCode, Subject>, offering: Offering): HeldEnrolment {
  return {
    id: row.id,
    registrationId: row.registration_id,
    offeringId: row.offering_id,
    subjectCode: row.subject_code,
    feeFen: row.fee_fen,
    paymentStatus: row.payment_status,
    arrangementStatus: row.arrangement_status,
    method: row.method,
    createdAt: row.created_at,
    groupPaymentLock: row.group_payment_order_id !== null,
    subject: subjectOf(catalogue, row.subject_code),
    offering,
    row,
  };
}

export async function loadState(db: Executor, registration: RegistrationRow): Promise<RegistrationState> {
  const catalogue = await subjectsByCode(db);
  const rows = await db.selectFrom('enrolments').selectAll().where('registration_id', '=', registration.id).orderBy('created_at').orderBy('id').execute();
  const offerings = new Map(
    (await listOfferings(db, { examSessionId: registration.exam_session_id, ids: rows.map((row) => row.offering_id) })).map((offering) => [offering.id, offering]),
  );
  const enrolments = rows.map((row): HeldEnrolment => {
    const offering = offerings.get(row.offering_id);
    if (offering === undefined) throw new Error(`enrolment ${row.id} has no offering`);
    return heldEnrolment(row, catalogue, offering);
  });
  const reviewStatus = await reviewStatusOf(db, registration.passport_id, registration.roster_snapshot);
  return { registration, snapshot: registration.roster_snapshot, enrolments, catalogue, reviewStatus };
}

export interface StateRead {
  /** Lock the registration row for the rest of the transaction: one candidate's commands then run one at a time. */
  readonly forUpdate?: boolean;
  /** Offerings whose seat counts (`remaining`) to read in the same statement, for a submission's rules. */
  readonly seatsOf?: readonly string[];
  /** Read the seat counts of every offering of the session at the campus of the registration's roster snapshot instead. */
  readonly seatsAtRosterCampus?: boolean;
}

export interface StateWithSeats {
  readonly state: RegistrationState;
  /** The seat counts of `seatsOf` as the statement saw them; an id that is not an offering is absent. */
  readonly seats: ReadonlyMap<string, number>;
  /**
   * What the rules read of the registration, hashed by the database (migrations 0024, 0027), for
   * seats.ts claimSeats; read only with a submission's seats (`seatsOf`), null otherwise.
   */
  readonly fingerprint: string | null;
  /** The passport's review application, whichever identity it concerns, for the page's review offer. */
  readonly application: ApplicationRow | undefined;
}

/** Which variant of the state statement: whose seat counts it reads. */
type StateShape = 'none' | 'ids' | 'roster-campus';

/**
 * A passport's registration in a session with its enrolments, the passport's review status and the
 * seats asked about, in one statement (a row per enrolment). The registration with its
 * per-registration columns (review application, fingerprint, seats) is a subquery fenced with
 * OFFSET 0, so PostgreSQL computes them once and then joins the enrolments, rather than once per
 * enrolment row of the join. `passport` is a passport id, or `ANY(array)` for a group's.
 */
function stateQuery(db: Executor, seats: StateShape, passport: string | RawBuilder<string>, examSessionId: string, seatIds: readonly string[]) {
  return db
    .selectFrom((inner) =>
      inner
        .selectFrom('registrations')
        .selectAll('registrations')
        .select((eb) => [
          // The passport's review application (one at most, C6): its status for the rules when it concerns
          // the snapshot's identity (reviewStatusFor), and the whole row for the page's review offer.
          eb
            .selectFrom('review_applications as ra')
            .select(sql<JsonRow<ApplicationRow>>`to_jsonb(ra)`.as('application'))
            .whereRef('ra.passport_id', '=', 'registrations.passport_id')
            .as('application'),
          // Only a submission's reading ('ids') is followed by a claim that compares it; the pages' readings skip it.
          seats === 'ids' ? sql<string | null>`registration_fingerprint(registrations.id)`.as('fingerprint') : sql<string | null>`NULL`.as('fingerprint'),
          seats === 'none'
            ? sql<Record<string, number> | null>`NULL`.as('seats')
            : eb
                .selectFrom('offerings')
                .select(sql<Record<string, number>>`json_object_agg(id, remaining)`.as('seats'))
                .where((where) =>
                  seats === 'ids'
                    ? where('offerings.id', '=', sql<string>`ANY(${seatIds})`)
                    : where.and([
                        where('offerings.exam_session_id', '=', where.ref('registrations.exam_session_id')),
                        where('offerings.campus_code', '=', sql<string>`registrations.roster_snapshot->>'campusCode'`),
                      ]),
                )
                .as('seats'),
        ])
        .where('registrations.passport_id', '=', passport)
        .where('registrations.exam_session_id', '=', examSessionId)
        .offset(0)
        .as('r'),
    )
    .leftJoin('enrolments as e', 'e.registration_id', 'r.id')
    .selectAll('r')
    .select([
      'e.id as e_id',
      'e.offering_id as e_offering_id',
      'e.subject_code as e_subject_code',
      'e.fee_fen as e_fee_fen',
      'e.payment_status as e_payment_status',
      'e.arrangement_status as e_arrangement_status',
      'e.method as e_method',
      'e.created_at as e_created_at',
      'e.paid_at as e_paid_at',
      'e.group_payment_order_id as e_group_payment_order_id',
    ])
    .orderBy('e.created_at')
    .orderBy('e.id');
}

/**
 * One passport's reading, compiled once per shape (db/prepared.ts): every enrolment request runs it,
 * some twice. A group of one goes this way too: `passport_id = $1` keeps the generic plan PostgreSQL
 * settles on after five runs, where `= ANY($1)` with one id would often be planned again (its
 * generic plan assumes ten ids; sessions.ts sessionRows).
 */
const stateRows = preparedQuery((db: Executor, seats: StateShape, passportId: string, examSessionId: string, seatIds: readonly string[]) =>
  stateQuery(db, seats, passportId, examSessionId, seatIds),
);

/** A group's readings in one statement, the passports as one array parameter so the text stays fixed (`stateReadings`). */
const groupStateRows = preparedQuery((db: Executor, seats: StateShape, passportIds: readonly string[], examSessionId: string, seatIds: readonly string[]) =>
  stateQuery(db, seats, sql<string>`ANY(${passportIds})`, examSessionId, seatIds),
);

/**
 * The registration's row lock, in a statement of its own before the reading. Why not `FOR UPDATE` on
 * the reading itself: under READ COMMITTED a statement that waited for the lock re-reads only the
 * locked row, and its join and subqueries (the enrolments, the review status, the fingerprint) stay
 * as they were when it started waiting. The reading after the lock is a new statement, so it sees
 * what the command that held the lock committed (tests/server/locked-state.test.ts).
 */
const lockRows = preparedQuery((db: Executor, _shape: 'only', passportId: string, examSessionId: string) =>
  db.selectFrom('registrations').select('id').where('passport_id', '=', passportId).where('exam_session_id', '=', examSessionId).forUpdate(),
);

type StateRow = Awaited<ReturnType<typeof stateRows>>[number];

/**
 * Unlocked readings in flight at once per process and statement shape, out of the pool's
 * DEFAULT_POOL_SIZE (4) connections. In the rush (BENCHMARKS.md, Seats, "Grouped reads") 2 made
 * more statements (389-414 against 319-369 for 840 readings) and no more requests/s (1,648-1,729
 * against 1,584-1,836 in the runs beside them); a connection less for the writes instead.
 */
export const STATE_READINGS_IN_FLIGHT = 1;
/** The most passports in one reading: far above what two processes at the rush's concurrency gather. */
const STATE_READING_BATCH = 100;

interface StateReading {
  readonly passportId: string;
  readonly seatIds: readonly string[];
}

/**
 * The pool's unlocked readings, grouped (db/grouped.ts) by statement shape and exam session: under a
 * rush most enrolment, choice and 报名信息 requests start with this reading and wait for a connection
 * anyway, so the readings that arrive while others are in the database go as one statement. Rows are
 * matched to their callers by passport id, never by position (a passport without a registration has
 * no row, another has one per enrolment). For the 'ids' shape the statement reads the seats of the
 * union of the group's ids; readState keeps only the caller's own. The locked reading runs in its
 * transaction, on that transaction's connection, and is never grouped.
 */
const stateReadings = batcherPer(
  (db: Db, key: { readonly shape: StateShape; readonly examSessionId: string }) =>
    new GroupBatcher<StateReading, readonly StateRow[]>(
      async (readings) => {
        const passportIds = [...new Set(readings.map((reading) => reading.passportId))];
        const seatIds = [...new Set(readings.flatMap((reading) => reading.seatIds))];
        const rows =
          passportIds.length === 1
            ? await stateRows(db, key.shape, passportIds[0]!, key.examSessionId, seatIds)
            : await groupStateRows(db, key.shape, passportIds, key.examSessionId, seatIds);
        const byPassport = new Map<string, StateRow[]>();
        // Each passport's rows keep the statement's order (enrolments by created_at, then id).
        for (const row of rows) {
          const rows = byPassport.get(row.passport_id);
          if (rows === undefined) byPassport.set(row.passport_id, [row]);
          else rows.push(row);
        }
        return readings.map((reading) => byPassport.get(reading.passportId) ?? []);
      },
      { maxInFlight: STATE_READINGS_IN_FLIGHT, maxBatch: STATE_READING_BATCH },
      'the registration state reading',
    ),
  (key) => `${key.shape} ${key.examSessionId}`,
);

/** The pool's batcher of unlocked readings of one shape and session, for tests that count its groups. */
export function stateReadingBatcher(db: Db, shape: StateShape, examSessionId: string): GroupBatcher<StateReading, readonly StateRow[]> {
  return stateReadings(db, { shape, examSessionId });
}

/**
 * The registration with everything the rules ask of it and the seats of `read`: the enrolment
 * commands read this first, and each statement is a round trip (bench/seats.bench.ts). Subjects and
 * the enrolments' offering terms come from the reference snapshot. Undefined without a registration.
 * On a PostgreSQL pool an unlocked reading joins the process's next group of readings; still a
 * statement started after the call, so it sees all that was committed before the request arrived.
 */
export async function readState(db: Executor, reference: ReferenceSnapshot, passportId: string, examSessionId: string, read: StateRead = {}): Promise<StateWithSeats | undefined> {
  const seats = read.seatsAtRosterCampus === true ? 'roster-campus' : read.seatsOf === undefined || read.seatsOf.length === 0 ? 'none' : 'ids';
  const seatIds = [...new Set(read.seatsOf ?? [])];
  if (read.forUpdate === true && (await lockRows(db, 'only', passportId, examSessionId)).length === 0) return undefined;
  const rows =
    read.forUpdate !== true && isPostgresPool(db)
      ? await stateReadings(db, { shape: seats, examSessionId }).submit({ passportId, seatIds })
      : await stateRows(db, seats, passportId, examSessionId, seatIds);
  const first = rows[0];
  if (first === undefined) return undefined;
  const registration: RegistrationRow = {
    id: first.id,
    exam_session_id: first.exam_session_id,
    passport_id: first.passport_id,
    id_type: first.id_type,
    id_number: first.id_number,
    name: first.name,
    saved_at: first.saved_at,
    roster_record_id: first.roster_record_id,
    roster_snapshot: first.roster_snapshot,
  };
  const enrolmentRows = rows.flatMap((row): EnrolmentRow[] =>
    row.e_id === null || row.e_offering_id === null || row.e_subject_code === null || row.e_fee_fen === null || row.e_payment_status === null ||
    row.e_arrangement_status === null || row.e_method === null || row.e_created_at === null
      ? []
      : [
          {
            id: row.e_id,
            registration_id: registration.id,
            offering_id: row.e_offering_id,
            subject_code: row.e_subject_code,
            fee_fen: row.e_fee_fen,
            payment_status: row.e_payment_status,
            arrangement_status: row.e_arrangement_status,
            method: row.e_method,
            created_at: row.e_created_at,
            paid_at: row.e_paid_at,
            group_payment_order_id: row.e_group_payment_order_id,
          },
        ],
  );
  const application = applicationOfJson(first.application);
  const state = await stateOfRows(db, reference, registration, enrolmentRows, reviewStatusFor(application, registration.roster_snapshot));
  return { state, seats: ownSeats(seats, seatIds, first.seats), fingerprint: first.fingerprint, application };
}

/**
 * The seat counts this call asked for. A grouped 'ids' reading holds the whole group's ids; the
 * callers only look up their own (enrolment.ts judgeSubmission, withSeats), and keeping just those
 * here means none can come to depend on another candidate's ids. The roster campus's seats are the
 * registration's own in any statement.
 */
function ownSeats(shape: StateShape, seatIds: readonly string[], read: Record<string, number> | null): ReadonlyMap<string, number> {
  const all = Object.entries(read ?? {});
  if (shape !== 'ids') return new Map(all);
  const asked = new Set(seatIds);
  return new Map(all.filter(([id]) => asked.has(id)));
}

/** The state from its rows; an enrolment's offering comes from the snapshot, or from the database when the snapshot does not hold it. */
async function stateOfRows(db: Executor, reference: ReferenceSnapshot, registration: RegistrationRow, rows: readonly EnrolmentRow[], reviewStatus: ReviewStatus | null): Promise<RegistrationState> {
  const missing = rows.filter((row) => !reference.offerings.has(row.offering_id)).map((row) => row.offering_id);
  const fetched =
    missing.length === 0 ? new Map<string, Offering>() : new Map((await listOfferings(db, { examSessionId: registration.exam_session_id, ids: missing })).map((offering) => [offering.id, offering]));
  const enrolments = rows.map((row): HeldEnrolment => {
    const offering = reference.offerings.get(row.offering_id) ?? fetched.get(row.offering_id);
    if (offering === undefined) throw new Error(`enrolment ${row.id} has no offering`);
    return heldEnrolment(row, reference.catalogue, offering);
  });
  return { registration, snapshot: registration.roster_snapshot, enrolments, catalogue: reference.catalogue, reviewStatus };
}

/** What the candidate may enrol in: the snapshot's 资格科目 plus English CET6 once a review granted it (C3/C4). */
export function candidateQualifications(state: Pick<RegistrationState, 'snapshot' | 'catalogue' | 'reviewStatus'>): SubjectCode[] {
  return qualificationsAfterReview(state.snapshot.qualificationSubjectCodes, [...state.catalogue.values()], state.reviewStatus);
}

export interface PlaceNames {
  school(code: string): { code: string; name: string };
  campus(code: string): { code: string; name: string };
}

export function subjectRef(subject: Subject) {
  return { code: subject.code, name: subject.name, kind: subject.kind, level: subject.level, language: subject.language };
}

export function enrolmentView(enrolment: HeldEnrolment, session: ExamSession, names: PlaceNames, now: Date) {
  return {
    id: enrolment.id,
    offeringId: enrolment.offeringId,
    subject: subjectRef(enrolment.subject),
    feeFen: enrolment.feeFen,
    paymentStatus: enrolment.paymentStatus,
    arrangementStatus: enrolment.arrangementStatus,
    method: enrolment.method,
    school: names.school(enrolment.offering.schoolCode),
    campus: names.campus(enrolment.offering.campusCode),
    createdAt: enrolment.createdAt,
    expiresAt: unpaidEnrolmentExpiresAt(enrolment, session),
    groupPaymentLock: enrolment.groupPaymentLock,
    cancellable: canCancelEnrolment(enrolment, enrolment.offering, now),
  };
}

function enrolmentGroup(enrolments: readonly HeldEnrolment[], session: ExamSession, names: PlaceNames, now: Date) {
  const paid = enrolments.filter((enrolment) => enrolment.paymentStatus === 'PAID').length;
  const unpaid = enrolments.filter((enrolment) => enrolment.paymentStatus === 'UNPAID');
  const paymentSummary = enrolments.length === 0 ? 'NONE' : paid === 0 ? 'ALL_UNPAID' : unpaid.length === 0 ? 'ALL_PAID' : 'PARTLY_PAID';
  return {
    enrolments: enrolments.map((enrolment) => enrolmentView(enrolment, session, names, now)),
    paymentSummary: paymentSummary as 'NONE' | 'ALL_UNPAID' | 'PARTLY_PAID' | 'ALL_PAID',
    unpaidFen: totalFen(unpaid),
  };
}

/** The roster record as the 资格信息确认 page shows it, with place names and the qualification subjects spelled out. */
export function rosterRecordView(record: RosterRecord, qualifications: readonly SubjectCode[], catalogue: ReadonlyMap<SubjectCode, Subject>, names: PlaceNames) {
  return {
    idType: record.idType,
    idNumber: record.idNumber,
    name: record.name,
    gender: record.gender,
    school: names.school(record.schoolCode),
    campus: names.campus(record.campusCode),
    educationLevel: record.educationLevel,
    lengthOfSchooling: record.lengthOfSchooling,
    enrolmentYear: record.enrolmentYear,
    grade: record.grade,
    department: record.department,
    major: record.major,
    className: record.className,
    studentNumber: record.studentNumber,
    notes: record.notes,
    qualificationSubjects: qualifications.flatMap((code) => {
      const subject = catalogue.get(code);
      return subject === undefined ? [] : [subjectRef(subject)];
    }),
    restrictedFromCet6: record.restrictedFromCet6,
  };
}

/** The 报名信息 page; `application` is the passport's review application as readState (or the save's reading) brought it. */
export function registrationView(reference: ReferenceSnapshot, state: RegistrationState, application: ApplicationRow | undefined, session: ExamSession, now: Date) {
  const names = reference.names;
  const { registration, snapshot, enrolments, catalogue } = state;
  const qualifications = candidateQualifications(state);
  const written = enrolments.filter((enrolment) => enrolment.subject.kind === 'written');
  const oral = enrolments.filter((enrolment) => enrolment.subject.kind === 'oral');
  return {
    id: registration.id,
    examSessionId: registration.exam_session_id,
    savedAt: registration.saved_at,
    masked: { name: maskName(snapshot.name), gender: '*', idType: '*', idNumber: maskIdNumber(snapshot.idNumber) },
    school: names.school(snapshot.schoolCode),
    campus: names.campus(snapshot.campusCode),
    qualificationSubjects: rosterRecordView(snapshot, qualifications, catalogue, names).qualificationSubjects,
    written: enrolmentGroup(written, session, names, now),
    oral: enrolmentGroup(oral, session, names, now),
    unpaidTotalFen: totalFen(enrolments.filter((enrolment) => enrolment.paymentStatus === 'UNPAID')),
    deletedIfEmptyAt:
      enrolments.length === 0 ? new Date(registration.saved_at.getTime() + session.emptyRegistrationTtlMs) : null,
    cet6Review: reviewOfferOf(reference, placeOfRegistration(registration), application),
    ticketsPrintable: enrolments.some((enrolment) => canPrintAdmissionTicket(enrolment, session, now)),
  };
}
