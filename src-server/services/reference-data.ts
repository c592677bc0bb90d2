// Reads of the reference data (exam session, places, subjects, offerings, roster, CET4 scores) as shared/domain values, for every service.
import { sql } from 'kysely';
import type { Cet4ScoreRecord } from '../../shared/domain/cet4-score-record.js';
import type { ExamSession } from '../../shared/domain/exam-session.js';
import type { Identity } from '../../shared/domain/identity.js';
import type { Offering } from '../../shared/domain/offering.js';
import type { RosterRecord } from '../../shared/domain/roster-record.js';
import type { Campus, Province, School } from '../../shared/domain/school.js';
import type { Subject, SubjectKind } from '../../shared/domain/subject.js';
import { normalizeIdNumber } from '../../shared/rules/index.js';
import type { Executor } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { Insertable, Selectable } from 'kysely';
import { refuseWith } from './outcome.js';

export interface SessionWithAgreement extends ExamSession {
  /** The 报名协议 version a candidate accepts for this session (R1). */
  readonly agreementVersion: string;
}

export type CampusWithOralPolicy = Campus & { readonly allowsExternalOral: boolean };

export interface PlaceTree {
  readonly provinces: readonly (Province & {
    readonly notice: readonly string[];
    readonly schools: readonly (School & { readonly notice: readonly string[]; readonly campuses: readonly CampusWithOralPolicy[] })[];
  })[];
}

/** The current exam session, or null when none is configured. */
export async function findCurrentExamSession(db: Executor): Promise<SessionWithAgreement | null> {
  return sessionWithWindows(db, { current: true });
}

/** The current exam session; a service that needs one refuses when the server has none. */
export async function currentExamSession(db: Executor): Promise<SessionWithAgreement> {
  return (await findCurrentExamSession(db)) ?? refuseWith('EXAM_SESSION_NOT_CONFIGURED');
}

export async function examSessionById(db: Executor, id: string): Promise<SessionWithAgreement | null> {
  return sessionWithWindows(db, { id });
}

/**
 * The session and its provincial windows in one statement (a row per window): nearly every request
 * reads the current session, so one round trip instead of two shows in the rush (bench/rush.bench.ts).
 */
async function sessionWithWindows(db: Executor, filter: { readonly current: true } | { readonly id: string }): Promise<SessionWithAgreement | null> {
  const query = db
    .selectFrom('exam_sessions')
    .leftJoin('exam_session_province_windows as w', 'w.exam_session_id', 'exam_sessions.id')
    .selectAll('exam_sessions')
    .select(['w.province_code as window_province_code', 'w.opens_at as window_opens_at', 'w.closes_at as window_closes_at']);
  const rows = await ('id' in filter ? query.where('exam_sessions.id', '=', filter.id) : query.where('exam_sessions.is_current', '=', true)).execute();
  const first = rows[0];
  if (first === undefined) return null;
  const windows = rows.flatMap((row) =>
    row.id === first.id && row.window_province_code !== null && row.window_opens_at !== null && row.window_closes_at !== null
      ? [{ province_code: row.window_province_code, opens_at: row.window_opens_at, closes_at: row.window_closes_at }]
      : [],
  );
  return examSessionOf(first, windows);
}

function examSessionOf(
  row: Selectable<Database['exam_sessions']>,
  windows: readonly { readonly province_code: string; readonly opens_at: Date; readonly closes_at: Date }[],
): SessionWithAgreement {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    agreementVersion: row.agreement_version,
    qualificationQueryOpensAt: row.qualification_query_opens_at,
    registrationWindow: { opensAt: row.registration_opens_at, closesAt: row.registration_closes_at },
    provincialRegistrationWindows: Object.fromEntries(windows.map((window) => [window.province_code, { opensAt: window.opens_at, closesAt: window.closes_at }])),
    unpaidEnrolmentTtlMs: Number(row.unpaid_enrolment_ttl_ms),
    emptyRegistrationTtlMs: Number(row.empty_registration_ttl_ms),
    writtenExamDate: row.written_exam_date,
    oralExamDates: row.oral_exam_dates.map((date) => new Date(date)),
    admissionTicketPrintWindows: {
      written: { opensAt: row.written_print_opens_at, closesAt: row.written_print_closes_at },
      oral: { opensAt: row.oral_print_opens_at, closesAt: row.oral_print_closes_at },
    },
  };
}

export async function placeTree(db: Executor): Promise<PlaceTree> {
  const [provinces, schools, campuses] = await Promise.all([
    db.selectFrom('provinces').select(['code', 'name', 'notice']).orderBy('code').execute(),
    db.selectFrom('schools').select(['code', 'name', 'province_code', 'notice']).orderBy('code').execute(),
    listCampuses(db),
  ]);
  return {
    provinces: provinces.map((province) => ({
      code: province.code,
      name: province.name,
      notice: province.notice,
      schools: schools
        .filter((school) => school.province_code === province.code)
        .map((school) => ({
          code: school.code,
          name: school.name,
          provinceCode: school.province_code,
          notice: school.notice,
          campuses: campuses.filter((campus) => campus.schoolCode === school.code),
        })),
    })),
  };
}

export async function listCampuses(db: Executor): Promise<CampusWithOralPolicy[]> {
  const rows = await db.selectFrom('campuses').selectAll().orderBy('code').execute();
  return rows.map((row) => ({ code: row.code, name: row.name, schoolCode: row.school_code, allowsExternalOral: row.allows_external_oral }));
}

export async function findCampus(db: Executor, code: string): Promise<(CampusWithOralPolicy & { readonly schoolName: string; readonly schoolNotice: readonly string[] }) | null> {
  const row = await db
    .selectFrom('campuses')
    .innerJoin('schools', 'schools.code', 'campuses.school_code')
    .select(['campuses.code', 'campuses.name', 'campuses.school_code', 'campuses.allows_external_oral', 'schools.name as school_name', 'schools.notice as school_notice'])
    .where('campuses.code', '=', code)
    .executeTakeFirst();
  return row === undefined
    ? null
    : { code: row.code, name: row.name, schoolCode: row.school_code, allowsExternalOral: row.allows_external_oral, schoolName: row.school_name, schoolNotice: row.school_notice };
}

export async function listSubjects(db: Executor): Promise<Subject[]> {
  const rows = await db.selectFrom('subjects').select(['code', 'name', 'kind', 'language', 'level']).orderBy('code').execute();
  return rows.map((row) => ({ ...row }));
}

/** A code → subject map, since most rules want the subject of an offering or enrolment. */
export async function subjectsByCode(db: Executor): Promise<ReadonlyMap<string, Subject>> {
  return new Map((await listSubjects(db)).map((subject) => [subject.code, subject]));
}

function offeringQuery(db: Executor) {
  return db
    .selectFrom('offerings')
    .innerJoin('campuses', 'campuses.code', 'offerings.campus_code')
    .selectAll('offerings')
    .select(['campuses.school_code', 'campuses.allows_external_oral']);
}

type OfferingRow = Selectable<Database['offerings']> & { school_code: string; allows_external_oral: boolean };

export function offeringOf(row: OfferingRow): Offering {
  return {
    id: row.id,
    examSessionId: row.exam_session_id,
    subjectCode: row.subject_code,
    schoolCode: row.school_code,
    campusCode: row.campus_code,
    feeFen: row.fee_fen,
    capacity: row.capacity,
    remaining: row.remaining,
    window: { opensAt: row.opens_at, closesAt: row.closes_at },
    examDate: row.exam_date,
    allowsExternalOral: row.allows_external_oral,
  };
}

export interface OfferingFilter {
  readonly examSessionId: string;
  readonly campusCode?: string;
  readonly kind?: SubjectKind;
  readonly ids?: readonly string[];
}

export async function listOfferings(db: Executor, filter: OfferingFilter): Promise<Offering[]> {
  let query = offeringQuery(db).where('offerings.exam_session_id', '=', filter.examSessionId);
  if (filter.campusCode !== undefined) query = query.where('offerings.campus_code', '=', filter.campusCode);
  if (filter.kind !== undefined) {
    const kind = filter.kind;
    query = query.where('offerings.subject_code', 'in', db.selectFrom('subjects').select('code').where('kind', '=', kind));
  }
  if (filter.ids !== undefined) {
    if (filter.ids.length === 0) return [];
    query = query.where('offerings.id', 'in', [...filter.ids]);
  }
  const rows = await query.orderBy('offerings.campus_code').orderBy('offerings.subject_code').execute();
  return rows.map(offeringOf);
}

export async function findOffering(db: Executor, id: string): Promise<Offering | null> {
  const row = await offeringQuery(db).where('offerings.id', '=', id).executeTakeFirst();
  return row === undefined ? null : offeringOf(row);
}

export function rosterRecordOf(row: Selectable<Database['roster_records']>): RosterRecord {
  return {
    id: row.id,
    idType: row.id_type,
    idNumber: row.id_number,
    name: row.name,
    gender: row.gender,
    schoolCode: row.school_code,
    campusCode: row.campus_code,
    educationLevel: row.education_level,
    lengthOfSchooling: row.length_of_schooling,
    enrolmentYear: row.enrolment_year,
    grade: row.grade,
    department: row.department,
    major: row.major,
    className: row.class_name,
    studentNumber: row.student_number,
    notes: row.notes,
    qualificationSubjectCodes: row.qualification_subject_codes,
    restrictedFromCet6: row.restricted_from_cet6,
  };
}

/**
 * The roster record of an identity. Looked up by the normalised ID number (upper-case X, no spaces);
 * the caller confirms the name with shared/rules' rosterRecordMatches (R2).
 */
export async function findRosterRecordByIdentity(db: Executor, identity: Pick<Identity, 'idType' | 'idNumber'>): Promise<RosterRecord | null> {
  const row = await db
    .selectFrom('roster_records')
    .selectAll()
    .where('id_type', '=', identity.idType)
    .where('id_number', '=', normalizeIdNumber(identity.idType, identity.idNumber))
    .executeTakeFirst();
  return row === undefined ? null : rosterRecordOf(row);
}

export async function findRosterRecord(db: Executor, id: string): Promise<RosterRecord | null> {
  const row = await db.selectFrom('roster_records').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : rosterRecordOf(row);
}

export async function findCet4Score(db: Executor, ticketNumber: string): Promise<Cet4ScoreRecord | null> {
  const row = await db.selectFrom('cet4_scores').selectAll().where('ticket_number', '=', ticketNumber).executeTakeFirst();
  return row === undefined ? null : { ticketNumber: row.ticket_number, idNumber: row.id_number, name: row.name, score: row.score, examYear: row.exam_year };
}

/** The highest reference version handed out so far: a device that holds it has everything. */
export async function referenceVersion(db: Executor): Promise<number> {
  const { rows } = await sql<{ version: string | number | bigint | null }>`
    SELECT greatest(
      (SELECT max(version) FROM provinces), (SELECT max(version) FROM schools), (SELECT max(version) FROM campuses),
      (SELECT max(version) FROM exam_sessions), (SELECT max(version) FROM subjects), (SELECT max(version) FROM offerings),
      (SELECT max(version) FROM reference_tombstones)
    ) AS version`.execute(db);
  return Number(rows[0]?.version ?? 0);
}

/** A roster record as a row of `roster_records`, for the demo seed and the roster import alike. */
export function rosterRecordRow(record: RosterRecord, updatedAt: Date): Insertable<Database['roster_records']> {
  return {
    id: record.id,
    id_type: record.idType,
    id_number: normalizeIdNumber(record.idType, record.idNumber),
    name: record.name,
    gender: record.gender,
    school_code: record.schoolCode,
    campus_code: record.campusCode,
    education_level: record.educationLevel,
    length_of_schooling: record.lengthOfSchooling,
    enrolment_year: record.enrolmentYear,
    grade: record.grade,
    department: record.department,
    major: record.major,
    class_name: record.className,
    student_number: record.studentNumber,
    notes: record.notes,
    qualification_subject_codes: JSON.stringify(record.qualificationSubjectCodes),
    restricted_from_cet6: record.restrictedFromCet6,
    updated_at: updatedAt,
  };
}

/** The calendar day an instant falls on in the session's zone, as the contracts' `YYYY-MM-DD`. */
export function calendarDateIn(at: Date, timeZone: string): string {
  return dayFormat(timeZone).format(at);
}

/** Making an Intl.DateTimeFormat costs far more than using one, and the choice lists format a date per offering. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** An offering as shared/contracts/http/catalogue.ts sends it: the exam day as a calendar date. */
export function offeringWire(offering: Offering, timeZone: string) {
  return { ...offering, examDate: offering.examDate === null ? null : calendarDateIn(offering.examDate, timeZone) };
}

/** The exam session as the catalogue contract sends it. */
export function examSessionWire(session: SessionWithAgreement) {
  const day = (at: Date) => calendarDateIn(at, session.timeZone);
  return { ...session, writtenExamDate: day(session.writtenExamDate), oralExamDates: session.oralExamDates.map(day) };
}
