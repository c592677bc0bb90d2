// Roster (学籍, feeding R2) and CET4 score (C3's evidence) CSV imports over HTTP: row-level reports, all or nothing, scope by school, audit, R3 snapshots untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSPORTS, DEMO_STAFF_PASSWORD } from '../../src-server/demo/seed.js';
import { ROSTER_COLUMNS } from '../../src-server/imports/roster.js';
import type { TestClient } from '../support/client.js';
import { login, residentId, staffLogin } from '../support/candidates.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
let admin: TestClient;
let teacher: TestClient;
let otherTeacher: TestClient;

beforeAll(async () => {
  server = await startServer();
  admin = server.client();
  teacher = server.client();
  otherTeacher = server.client();
  expect((await staffLogin(admin, 'admin', DEMO_STAFF_PASSWORD)).status).toBe(200);
  expect((await staffLogin(teacher, 'teacher99301', DEMO_STAFF_PASSWORD)).status).toBe(200);
  expect((await staffLogin(otherTeacher, 'teacher99302', DEMO_STAFF_PASSWORD)).status).toBe(200);
});
afterAll(() => server?.close());

const ROSTER_HEADER = ROSTER_COLUMNS.map((column) => column.zh).join(',');
let serial = 800;

function rosterRow(overrides: Partial<Record<string, string>> = {}): string {
  serial += 1;
  const cells: Record<string, string> = {
    idType: '中华人民共和国居民身份证',
    idNumber: residentId(serial),
    name: '导入学生',
    gender: '女',
    schoolCode: '99301',
    campusCode: '993010',
    educationLevel: '本科',
    lengthOfSchooling: '4',
    enrolmentYear: '24',
    grade: '24级',
    department: '化学学院',
    major: '应用化学',
    className: '1',
    studentNumber: `I${serial}`,
    notes: '',
    qualificationSubjects: '1;F',
    restrictedFromCet6: '',
    ...overrides,
  };
  return ROSTER_COLUMNS.map((column) => cells[column.key] ?? '').join(',');
}

function upload(lines: readonly string[], extra: Record<string, unknown> = {}) {
  return { fileName: 'roster.csv', contentBase64: Buffer.from(`${lines.join('\n')}\n`, 'utf8').toString('base64'), ...extra };
}

async function rosterCount(): Promise<number> {
  const rows = await server.db.selectFrom('roster_records').select('id').execute();
  return rows.length;
}

describe('R2 roster (学籍) import', () => {
  it('R2 a teacher imports their school’s roster: every row written in one go, audited', async () => {
    const before = await rosterCount();
    const { status, body } = await teacher.post('/api/staff/imports/roster', { schoolCode: '99301', ...upload([ROSTER_HEADER, rosterRow(), rosterRow({ campusCode: '993011' })]) });
    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: 'ROSTER', fileName: 'roster.csv', encoding: 'UTF-8', totalRows: 2, validRows: 2, issues: [], imported: true });
    expect(await rosterCount()).toBe(before + 2);
    const audit = await server.db.selectFrom('audit_log').select(['actor_kind', 'target_id', 'details']).where('action', '=', 'roster.imported').execute();
    expect(audit).toContainEqual({ actor_kind: 'TEACHER', target_id: '99301', details: { fileName: 'roster.csv', rows: 2, encoding: 'UTF-8' } });
  });

  it('R2 one bad row writes nothing, and the report names each line, column and reason in both languages', async () => {
    const before = await rosterCount();
    const { status, body } = await teacher.post('/api/staff/imports/roster', {
      schoolCode: '99301',
      ...upload([ROSTER_HEADER, rosterRow(), rosterRow({ gender: '未知' }), rosterRow({ campusCode: '993020', schoolCode: '99302' })]),
    });
    expect(status).toBe(200);
    expect(body.imported).toBe(false);
    expect(body.totalRows).toBe(3);
    expect(body.validRows).toBe(1);
    expect(body.issues.map((issue: { line: number; column: string | null; error: { code: string } }) => [issue.line, issue.column, issue.error.code])).toEqual([
      [3, '性别', 'IMPORT_VALUE_NOT_ALLOWED'],
      [4, '学校代码', 'IMPORT_SCHOOL_MISMATCH'],
      [4, '校区代码', 'IMPORT_CAMPUS_UNKNOWN'],
    ]);
    expect(body.issues[0].error.message['zh-CN']).toContain('性别');
    expect(body.issues[0].error.message.en).not.toBe('');
    expect(await rosterCount()).toBe(before);
  });

  it('R2 a dry run checks and writes nothing', async () => {
    const before = await rosterCount();
    const { body } = await teacher.post('/api/staff/imports/roster', { schoolCode: '99301', ...upload([ROSTER_HEADER, rosterRow()], { dryRun: true }) });
    expect(body).toMatchObject({ imported: false, issues: [], validRows: 1 });
    expect(await rosterCount()).toBe(before);
  });

  it('R2 refuses a student whose roster record another school holds', async () => {
    const idNumber = residentId(++serial);
    expect((await otherTeacher.post('/api/staff/imports/roster', { schoolCode: '99302', ...upload([ROSTER_HEADER, rosterRow({ idNumber, schoolCode: '99302', campusCode: '993020' })]) })).body.imported).toBe(true);
    const { body } = await teacher.post('/api/staff/imports/roster', { schoolCode: '99301', ...upload([ROSTER_HEADER, rosterRow({ idNumber })]) });
    expect(body.imported).toBe(false);
    expect(body.issues[0]).toMatchObject({ line: 2, error: { code: 'IMPORT_IDENTITY_OF_OTHER_SCHOOL', params: { school: '99302' } } });
    const record = await server.db.selectFrom('roster_records').select('school_code').where('id_number', '=', idNumber).executeTakeFirstOrThrow();
    expect(record.school_code).toBe('99302');
  });

  it("R2 a teacher cannot import another school's roster; an admin can; candidates and anonymous callers cannot", async () => {
    const file = upload([ROSTER_HEADER, rosterRow({ schoolCode: '99302', campusCode: '993020' })]);
    const forbidden = await teacher.post('/api/staff/imports/roster', { schoolCode: '99302', ...file });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error).toMatchObject({ code: 'FORBIDDEN', field: 'schoolCode' });
    expect((await admin.post('/api/staff/imports/roster', { schoolCode: '99302', ...file })).body.imported).toBe(true);
    expect((await admin.post('/api/staff/imports/roster', { schoolCode: '99399', ...file })).status).toBe(404);
    const candidate = server.client();
    expect((await login(candidate, DEMO_PASSPORTS[1].email, DEMO_PASSPORTS[1].password)).status).toBe(200);
    expect((await candidate.post('/api/staff/imports/roster', { schoolCode: '99301', ...file })).status).toBe(403);
    expect((await server.client().post('/api/staff/imports/roster', { schoolCode: '99301', ...file })).status).toBe(401);
  });

  it('R2 refuses content that is not base64, and a file that is not CSV text', async () => {
    const notBase64 = await teacher.post('/api/staff/imports/roster', { schoolCode: '99301', fileName: 'x.csv', contentBase64: '%%%' });
    expect(notBase64.status).toBe(400);
    expect(notBase64.body.error.field).toBe('contentBase64');
    const binary = await teacher.post('/api/staff/imports/roster', { schoolCode: '99301', fileName: 'x.xlsx', contentBase64: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00]).toString('base64') });
    expect(binary.status).toBe(200);
    expect(binary.body.imported).toBe(false);
    expect(binary.body.issues[0].line).toBe(0);
  });
});

describe('R3 saved registrations keep their snapshot', () => {
  it('R3 re-importing a roster record updates it in place but leaves the saved registration’s snapshot as it was', async () => {
    const zhang = DEMO_PASSPORTS[0];
    const record = await server.db.selectFrom('roster_records').selectAll().where('id_number', '=', zhang.idNumber).executeTakeFirstOrThrow();
    const registration = await server.db.selectFrom('registrations').select(['roster_record_id', 'roster_snapshot']).where('id_number', '=', zhang.idNumber).executeTakeFirstOrThrow();
    const row = rosterRow({ idNumber: zhang.idNumber, name: zhang.name, major: '人工智能', studentNumber: record.student_number, qualificationSubjects: '1' });
    const { body } = await teacher.post('/api/staff/imports/roster', { schoolCode: '99301', ...upload([ROSTER_HEADER, row]) });
    expect(body.imported).toBe(true);
    const updated = await server.db.selectFrom('roster_records').selectAll().where('id_number', '=', zhang.idNumber).executeTakeFirstOrThrow();
    expect(updated).toMatchObject({ id: record.id, major: '人工智能', qualification_subject_codes: ['1'] });
    const after = await server.db.selectFrom('registrations').select(['roster_record_id', 'roster_snapshot']).where('id_number', '=', zhang.idNumber).executeTakeFirstOrThrow();
    expect(after).toEqual(registration);
    expect(after.roster_snapshot.major).toBe(record.major);
  });
});

describe('C3 CET4 score import (the evidence reviews are judged against)', () => {
  const SCORE_HEADER = '准考证号,证件号码,姓名,成绩,考试年份';

  it('C3 an admin imports score records, replacing a record by its ticket number, audited', async () => {
    const lines = [SCORE_HEADER, `993010251100199,${residentId(901)},成绩甲,512,2025`, `993010251100198,${residentId(902)},成绩乙,410,2025`];
    const { status, body } = await admin.post('/api/admin/imports/cet4-scores', upload(lines));
    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: 'CET4_SCORES', totalRows: 2, validRows: 2, imported: true });
    const again = await admin.post('/api/admin/imports/cet4-scores', upload([SCORE_HEADER, `993010251100199,${residentId(901)},成绩甲,530,2025`]));
    expect(again.body.imported).toBe(true);
    const record = await server.db.selectFrom('cet4_scores').selectAll().where('ticket_number', '=', '993010251100199').executeTakeFirstOrThrow();
    expect(record.score).toBe(530);
    const audit = await server.db.selectFrom('audit_log').select('actor_kind').where('action', '=', 'cet4_scores.imported').execute();
    expect(audit).toHaveLength(2);
  });

  it('C3 a bad row imports nothing', async () => {
    const lines = [SCORE_HEADER, `993010251100197,${residentId(903)},成绩丙,512,2025`, `99301025110,${residentId(904)},成绩丁,900,2025`];
    const { body } = await admin.post('/api/admin/imports/cet4-scores', upload(lines));
    expect(body.imported).toBe(false);
    expect(body.issues.map((issue: { line: number; error: { code: string } }) => [issue.line, issue.error.code])).toEqual([
      [3, 'REVIEW_TICKET_FORMAT'],
      [3, 'IMPORT_NUMBER_INVALID'],
    ]);
    expect(await server.db.selectFrom('cet4_scores').select('ticket_number').where('ticket_number', '=', '993010251100197').executeTakeFirst()).toBeUndefined();
  });

  it('C3 teachers cannot import scores', async () => {
    const { status } = await teacher.post('/api/admin/imports/cet4-scores', upload([SCORE_HEADER, `993010251100196,${residentId(905)},成绩戊,512,2025`]));
    expect(status).toBe(403);
  });
});
