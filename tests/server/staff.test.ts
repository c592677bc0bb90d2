// K4 campus overview over HTTP: seats per offering counted from the enrolments, registrations by progress, pending reviews, scoped to the teacher's school.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSPORTS, DEMO_STAFF_PASSWORD } from '../../src-server/demo/seed.js';
import type { TestClient } from '../support/client.js';
import { login, residentId, staffLogin } from '../support/candidates.js';
import { pendingReviewRow } from '../support/review-applications.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
let teacher: TestClient;
let otherTeacher: TestClient;
let admin: TestClient;
let serial = 900;

beforeAll(async () => {
  server = await startServer();
  teacher = server.client();
  otherTeacher = server.client();
  admin = server.client();
  expect((await staffLogin(teacher, 'teacher99301', DEMO_STAFF_PASSWORD)).status).toBe(200);
  expect((await staffLogin(otherTeacher, 'teacher99302', DEMO_STAFF_PASSWORD)).status).toBe(200);
  expect((await staffLogin(admin, 'admin', DEMO_STAFF_PASSWORD)).status).toBe(200);
});
afterAll(() => server?.close());

/** A passport with a saved registration whose snapshot puts it at `campusCode`, and its enrolments as (subject, paid). */
async function registration(campusCode: string, enrolments: readonly (readonly [string, boolean])[]): Promise<string> {
  serial += 1;
  const now = server.clock.now();
  const passportId = String(serial).padStart(32, 'F');
  const idNumber = residentId(serial);
  await server.db
    .insertInto('passports')
    .values({ id: passportId, email: `overview${serial}@example.com`, mobile: `137${String(serial).padStart(8, '0')}`, password_hash: 'x', id_type: 'RESIDENT_ID', id_number: idNumber, name: '概览', created_at: now, updated_at: now })
    .execute();
  const rosterId = `overview-roster-${serial}`;
  const snapshot = { id: rosterId, idType: 'RESIDENT_ID', idNumber, name: '概览', gender: 'MALE', schoolCode: campusCode.slice(0, 5), campusCode, educationLevel: 'UNDERGRADUATE', lengthOfSchooling: 4, enrolmentYear: '24', grade: '24', department: '', major: '', className: '', studentNumber: `O${serial}`, notes: '', qualificationSubjectCodes: ['1', '2', 'F', 'S'], restrictedFromCet6: false };
  await server.db
    .insertInto('roster_records')
    .values({ id: rosterId, id_type: 'RESIDENT_ID', id_number: idNumber, name: '概览', gender: 'MALE', school_code: campusCode.slice(0, 5), campus_code: campusCode, education_level: 'UNDERGRADUATE', length_of_schooling: 4, enrolment_year: '24', grade: '24', department: '', major: '', class_name: '', student_number: `O${serial}`, qualification_subject_codes: JSON.stringify(snapshot.qualificationSubjectCodes), updated_at: now })
    .execute();
  const session = await server.db.selectFrom('exam_sessions').select('id').where('is_current', '=', true).executeTakeFirstOrThrow();
  const registrationId = `overview-registration-${serial}`;
  await server.db
    .insertInto('registrations')
    .values({ id: registrationId, exam_session_id: session.id, passport_id: passportId, id_type: 'RESIDENT_ID', id_number: idNumber, name: '概览', saved_at: now, roster_record_id: rosterId, roster_snapshot: JSON.stringify(snapshot) })
    .execute();
  for (const [subjectCode, paid] of enrolments) {
    await server.db
      .insertInto('enrolments')
      .values({ id: `${registrationId}-${subjectCode}`, registration_id: registrationId, offering_id: `demo-offering-${campusCode}-${subjectCode}`, subject_code: subjectCode, fee_fen: 3000, payment_status: paid ? 'PAID' : 'UNPAID', method: 'CANDIDATE', created_at: now, paid_at: paid ? now : null })
      .execute();
  }
  return passportId;
}

describe('K4 campus overview', () => {
  it('K4 counts seats per offering from the enrolments, registrations by progress, and pending reviews of the campus', async () => {
    const first = await registration('993011', [['1', true], ['2', false], ['S', true]]);
    await registration('993011', []);
    await registration('993011', [['1', true], ['S', false]]);
    for (let i = 0; i < 3; i += 1) await registration('993011', [['S', true]]);
    await registration('993010', [['1', true]]);
    await server.db
      .insertInto('review_applications')
      .values(
        pendingReviewRow({
          id: 'overview-review',
          passportId: first,
          identity: { idType: 'RESIDENT_ID', idNumber: 'x', name: '概览' },
          schoolCode: '99301',
          campusCode: '993011',
          ticketNumber: '330011241100101',
          submittedAt: server.clock.now(),
        }),
      )
      .execute();

    const { status, body } = await teacher.get('/api/staff/campuses/993011/overview');
    expect(status).toBe(200);
    expect(body.school).toEqual({ code: '99301', name: '测试学校机构01' });
    expect(body.campus.code).toBe('993011');
    const load = Object.fromEntries(body.offerings.map((offering: { subject: { code: string } }) => [offering.subject.code, offering]));
    expect(load['1']).toMatchObject({ capacity: 30, enrolled: 2, paid: 2, unpaid: 0, remaining: 28, colour: 'green' });
    expect(load['2']).toMatchObject({ enrolled: 1, paid: 0, unpaid: 1, remaining: 29 });
    expect(load.S).toMatchObject({ capacity: 10, enrolled: 5, paid: 4, unpaid: 1, remaining: 5, colour: 'yellow' });
    expect(load.F).toMatchObject({ enrolled: 0, remaining: 10, colour: 'green' });
    expect(body.registrations).toEqual({ total: 6, withoutEnrolments: 1, withUnpaid: 2, allPaid: 3 });
    expect(body.pendingReviews).toBe(1);
  });

  it("K4 shows a teacher their own school's campuses only; admins see any; others are refused", async () => {
    const elsewhere = await otherTeacher.get('/api/staff/campuses/993011/overview');
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.code).toBe('FORBIDDEN');
    expect((await admin.get('/api/staff/campuses/993020/overview')).status).toBe(200);
    expect((await admin.get('/api/staff/campuses/999999/overview')).status).toBe(404);
    const candidate = server.client();
    expect((await login(candidate, DEMO_PASSPORTS[1].email, DEMO_PASSPORTS[1].password)).status).toBe(200);
    expect((await candidate.get('/api/staff/campuses/993010/overview')).status).toBe(403);
    expect((await server.client().get('/api/staff/campuses/993010/overview')).status).toBe(401);
  });
});
