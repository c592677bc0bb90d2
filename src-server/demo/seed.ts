// Demo data for `npm run server`: all of demo/data (测试省, schools, campuses, session, catalogue, offerings, roster, CET4 scores),
// an admin, a teacher per school and a few passports. Each step checks what exists first, so the seed can run on every start.
import type { RosterRecord } from '../../shared/domain/roster-record.js';
import { normalizeIdNumber, residentIdCheckCharacter } from '../../shared/rules/index.js';
import type { Db } from '../db/database.js';
import { hashPassword } from '../services/passwords.js';
import { rosterRecordRow } from '../services/reference-data.js';
import { DEMO_EXAM_SESSION_ID, DEMO_PROVINCE, DEMO_SCHOOLS } from './data/catalogue.js';
import { generateDemoData, type DemoData, type DemoPrintWindowMode } from './data/index.js';
import { newId, newPassportId } from '../services/secrets.js';
import { createStaffAccount } from '../services/staff.js';

export { DEMO_EXAM_SESSION_ID } from './data/catalogue.js';

/** The version of the 报名协议 demo candidates accept (R1). */
export const DEMO_AGREEMENT_VERSION = '2026-2';

export interface DemoLogin {
  readonly who: string;
  readonly where: string;
  readonly account: string;
  readonly password: string;
}

function residentId(first17: string): string {
  return first17 + residentIdCheckCharacter(first17);
}

export const DEMO_PASSPORTS = [
  { name: '张三', idNumber: residentId('11010520020315123'), email: 'zhangsan@example.com', mobile: '13800000001', password: 'Demo@2026', registered: true },
  { name: '李四', idNumber: residentId('31011520030808234'), email: 'lisi@example.com', mobile: '13800000002', password: 'Demo@2026', registered: false },
  { name: '王五', idNumber: residentId('44030520011201345'), email: 'wangwu@example.com', mobile: '13800000003', password: 'Demo@2026', registered: false },
] as const;

export const DEMO_STAFF_PASSWORD = 'Staff@2026';

async function seedPlaces(db: Db): Promise<void> {
  await db.insertInto('provinces').values({ code: DEMO_PROVINCE.code, name: DEMO_PROVINCE.name }).onConflict((oc) => oc.column('code').doNothing()).execute();
  for (const school of DEMO_SCHOOLS) {
    await db
      .insertInto('schools')
      .values({ code: school.code, name: school.name, province_code: school.provinceCode })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }
}

/** Plain inserts that skip what exists: a restarted server keeps the windows placed around its first start. */
async function seedReferenceData(db: Db, data: DemoData, now: Date): Promise<void> {
  const session = data.examSession;
  await db.transaction().execute(async (trx) => {
    for (const province of data.provinces) {
      await trx.updateTable('provinces').set({ notice: JSON.stringify(data.provinceNotices[province.code] ?? []) }).where('code', '=', province.code).execute();
    }
    for (const school of data.schools) {
      await trx.updateTable('schools').set({ notice: JSON.stringify(data.schoolNotices[school.code] ?? []) }).where('code', '=', school.code).execute();
    }
    await trx
      .insertInto('campuses')
      .values(data.campuses.map((campus) => ({ code: campus.code, school_code: campus.schoolCode, name: campus.name, allows_external_oral: campus.allowsExternalOral })))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    const hasCurrent = await trx.selectFrom('exam_sessions').select('id').where('is_current', '=', true).executeTakeFirst();
    await trx
      .insertInto('exam_sessions')
      .values({
        id: session.id,
        name: session.name,
        time_zone: session.timeZone,
        agreement_version: DEMO_AGREEMENT_VERSION,
        qualification_query_opens_at: session.qualificationQueryOpensAt,
        registration_opens_at: session.registrationWindow.opensAt,
        registration_closes_at: session.registrationWindow.closesAt,
        unpaid_enrolment_ttl_ms: session.unpaidEnrolmentTtlMs,
        empty_registration_ttl_ms: session.emptyRegistrationTtlMs,
        written_exam_date: session.writtenExamDate,
        oral_exam_dates: JSON.stringify(session.oralExamDates.map((date) => date.toISOString())),
        written_print_opens_at: session.admissionTicketPrintWindows.written.opensAt,
        written_print_closes_at: session.admissionTicketPrintWindows.written.closesAt,
        oral_print_opens_at: session.admissionTicketPrintWindows.oral.opensAt,
        oral_print_closes_at: session.admissionTicketPrintWindows.oral.closesAt,
        is_current: hasCurrent === undefined,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    for (const [provinceCode, window] of Object.entries(session.provincialRegistrationWindows)) {
      await trx
        .insertInto('exam_session_province_windows')
        .values({ exam_session_id: session.id, province_code: provinceCode, opens_at: window.opensAt, closes_at: window.closesAt })
        .onConflict((oc) => oc.columns(['exam_session_id', 'province_code']).doNothing())
        .execute();
    }
    await trx
      .insertInto('subjects')
      .values(data.subjects.map((subject) => ({ code: subject.code, name: subject.name, kind: subject.kind, language: subject.language, level: subject.level })))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    await trx
      .insertInto('offerings')
      .values(
        data.offerings.map((offering) => ({
          id: offering.id,
          exam_session_id: offering.examSessionId,
          subject_code: offering.subjectCode,
          campus_code: offering.campusCode,
          fee_fen: offering.feeFen,
          capacity: offering.capacity,
          remaining: offering.capacity,
          opens_at: offering.window.opensAt,
          closes_at: offering.window.closesAt,
          exam_date: offering.examDate,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await trx
      .insertInto('roster_records')
      .values([...data.rosterRecords, ...demoPassportRosterRecords()].map((record) => rosterRecordRow(record, now)))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await trx
      .insertInto('cet4_scores')
      .values(data.cet4Scores.map((score) => ({ ticket_number: score.ticketNumber, id_number: score.idNumber, name: score.name, score: score.score, exam_year: score.examYear })))
      .onConflict((oc) => oc.column('ticket_number').doNothing())
      .execute();
  });
}

/** 学籍 for the demo passports, so each of them can query and save a registration with their own identity. */
function demoPassportRosterRecords(): RosterRecord[] {
  return DEMO_PASSPORTS.map((demo, index) => ({
    id: `demo-roster-passport-${index + 1}`,
    idType: 'RESIDENT_ID' as const,
    idNumber: normalizeIdNumber('RESIDENT_ID', demo.idNumber),
    name: demo.name,
    gender: 'MALE' as const,
    schoolCode: '99301',
    campusCode: '993010',
    educationLevel: 'UNDERGRADUATE' as const,
    lengthOfSchooling: 4,
    enrolmentYear: '23',
    grade: '2023',
    department: '计算机学院',
    major: '软件工程',
    className: '软件2301',
    studentNumber: `2023000${index + 1}`,
    notes: '',
    qualificationSubjectCodes: index === 0 ? ['1', '2', 'F', 'S'] : ['1', 'F'],
    restrictedFromCet6: false,
  }));
}

async function seedStaff(db: Db, now: Date): Promise<DemoLogin[]> {
  const staff = [
    { username: 'admin', displayName: '客服管理员', role: 'admin' as const, schoolCode: null, where: '管理员 admin' },
    ...DEMO_SCHOOLS.map((school) => ({
      username: `teacher${school.code}`,
      displayName: `${school.name}负责老师`,
      role: 'teacher' as const,
      schoolCode: school.code,
      where: `学校负责老师 teacher of (${school.code})${school.name}`,
    })),
  ];
  for (const account of staff) {
    const exists = await db.selectFrom('staff_accounts').select('id').where('username', '=', account.username).executeTakeFirst();
    if (exists !== undefined) continue;
    const created = await createStaffAccount(db, { ...account, password: DEMO_STAFF_PASSWORD }, now);
    if (!created.ok) throw new Error(`demo staff ${account.username}: ${created.error.code}`);
  }
  return staff.map((account) => ({ who: account.displayName, where: account.where, account: account.username, password: DEMO_STAFF_PASSWORD }));
}

async function seedPassports(db: Db, now: Date): Promise<DemoLogin[]> {
  const rosters = demoPassportRosterRecords();
  for (const [index, demo] of DEMO_PASSPORTS.entries()) {
    const exists = await db.selectFrom('passports').select('id').where('email', '=', demo.email).executeTakeFirst();
    if (exists !== undefined) continue;
    const id = newPassportId();
    await db
      .insertInto('passports')
      .values({
        id,
        email: demo.email,
        mobile: demo.mobile,
        password_hash: await hashPassword(demo.password),
        id_type: 'RESIDENT_ID',
        id_number: demo.idNumber,
        name: demo.name,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const record = rosters[index];
    if (demo.registered && record !== undefined) {
      await db
        .insertInto('registrations')
        .values({
          id: newId(),
          exam_session_id: DEMO_EXAM_SESSION_ID,
          passport_id: id,
          id_type: 'RESIDENT_ID',
          id_number: demo.idNumber,
          name: demo.name,
          saved_at: now,
          roster_record_id: record.id,
          roster_snapshot: JSON.stringify(record),
        })
        .execute();
    }
  }
  return DEMO_PASSPORTS.map((demo) => ({
    who: `考生 ${demo.name}${demo.registered ? '（已报名）' : ''}`,
    where: `考点省份 ${DEMO_PROVINCE.code} ${DEMO_PROVINCE.name}`,
    account: `${demo.idNumber} / ${demo.email} / ${demo.mobile}`,
    password: demo.password,
  }));
}

/** Seeds what is missing and returns every demo login, to be printed at start. */
export async function seedDemo(db: Db, now: Date, options: { printWindows?: DemoPrintWindowMode } = {}): Promise<DemoLogin[]> {
  await seedPlaces(db);
  await seedReferenceData(db, generateDemoData({ now, printWindows: options.printWindows }), now);
  return [...(await seedStaff(db, now)), ...(await seedPassports(db, now))];
}
