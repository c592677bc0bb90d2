// C1–C8 over HTTP: the candidate's CET6 review application, the teacher's queue of their own school, evidence, decisions, history and audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSPORTS, DEMO_STAFF_PASSWORD } from '../../src-server/demo/seed.js';
import { generateDemoData } from '../../src-server/demo/data/index.js';
import { rosterRecordRow } from '../../src-server/services/reference-data.js';
import { qualificationsWithReview } from '../../src-server/services/review.js';
import type { TestClient } from '../support/client.js';
import { login, newCandidate, register, residentId, staffLogin } from '../support/candidates.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
let teacher: TestClient;
let otherTeacher: TestClient;
let admin: TestClient;
const featured = generateDemoData({ now: new Date() }).featured;

beforeAll(async () => {
  server = await startServer();
  // A campus of school 99302 with no offerings at all: C1's "the written campus offers CET6" fails there.
  await server.db.insertInto('campuses').values({ code: '993021', school_code: '99302', name: '无六级校区', allows_external_oral: false }).execute();
  teacher = server.client();
  otherTeacher = server.client();
  admin = server.client();
  expect((await staffLogin(teacher, 'teacher99301', DEMO_STAFF_PASSWORD)).status).toBe(200);
  expect((await staffLogin(otherTeacher, 'teacher99302', DEMO_STAFF_PASSWORD)).status).toBe(200);
  expect((await staffLogin(admin, 'admin', DEMO_STAFF_PASSWORD)).status).toBe(200);
});
afterAll(() => server?.close());

interface Student {
  readonly idType: 'RESIDENT_ID';
  readonly idNumber: string;
  readonly name: string;
  readonly ticketNumber: string;
  readonly rosterRecordId: string;
}

let studentSerial = 600;

/** A roster record of our own (campus, qualifications) and, unless told otherwise, a passing CET4 record under the same ID. */
async function student(options: { campusCode?: string; qualifications?: string[]; restricted?: boolean; record?: { idNumber?: string; name?: string; score?: number; examYear?: number } | null } = {}): Promise<Student> {
  studentSerial += 1;
  const campusCode = options.campusCode ?? '993010';
  const idNumber = residentId(studentSerial);
  const name = `复核${'甲乙丙丁戊己庚辛壬癸'[studentSerial % 10]}${'子丑寅卯辰巳午未申酉戌亥'[Math.floor(studentSerial / 10) % 12]}`;
  const rosterRecordId = `review-test-${studentSerial}`;
  await server.db
    .insertInto('roster_records')
    .values(
      rosterRecordRow(
        {
          id: rosterRecordId,
          idType: 'RESIDENT_ID',
          idNumber,
          name,
          gender: 'FEMALE',
          schoolCode: campusCode.slice(0, 5),
          campusCode,
          educationLevel: 'UNDERGRADUATE',
          lengthOfSchooling: 4,
          enrolmentYear: '24',
          grade: '2024',
          department: '外国语学院',
          major: '英语',
          className: '英语2401',
          studentNumber: `R${studentSerial}`,
          notes: '',
          qualificationSubjectCodes: options.qualifications ?? ['1', 'F'],
          restrictedFromCet6: options.restricted ?? false,
        },
        server.clock.now(),
      ),
    )
    .execute();
  const ticketNumber = `33001124110${String(studentSerial).padStart(4, '0')}`;
  if (options.record !== null) {
    const record = options.record ?? {};
    await server.db
      .insertInto('cet4_scores')
      .values({ ticket_number: ticketNumber, id_number: record.idNumber ?? idNumber, name: record.name ?? name, score: record.score ?? 500, exam_year: record.examYear ?? 2024 })
      .execute();
  }
  return { idType: 'RESIDENT_ID', idNumber, name, ticketNumber, rosterRecordId };
}

/** A passport holding the student's identity, logged in. */
async function candidateOf(identity: { idNumber: string; name: string }): Promise<{ client: TestClient; passportId: string }> {
  const client = server.client();
  const candidate = newCandidate({ idNumber: identity.idNumber, name: identity.name });
  const passportId = await register(server, client, candidate);
  expect((await login(client, candidate.email, candidate.password)).status).toBe(200);
  return { client, passportId };
}

function submission(s: Pick<Student, 'idType' | 'idNumber' | 'name' | 'ticketNumber'>, ticketNumber = s.ticketNumber) {
  return { idType: s.idType, idNumber: s.idNumber, name: s.name, ticketNumber, confirmed: true };
}

async function storedApplications(passportId: string): Promise<number> {
  const rows = await server.db.selectFrom('review_applications').select('id').where('passport_id', '=', passportId).execute();
  return rows.length;
}

async function auditActions(targetId: string): Promise<string[]> {
  const rows = await server.db.selectFrom('audit_log').select('action').where('target_id', '=', targetId).orderBy('at').execute();
  return rows.map((row) => row.action);
}

describe('C1 when the CET6资格复核 action is offered', () => {
  it('C1 offers it to a candidate without CET6 qualification whose written campus offers CET6', async () => {
    const s = await student();
    const { client } = await candidateOf(s);
    const { status, body } = await client.get('/api/review');
    expect(status).toBe(200);
    expect(body).toEqual({ offered: true, application: null });
  });

  it('C1 does not offer it to a candidate the school restricted from CET6, and refuses a submission', async () => {
    const { client } = await candidateOf(featured.restrictedFromCet6);
    expect((await client.get('/api/review')).body.offered).toBe(false);
    const s = await student({ restricted: true });
    const restricted = await candidateOf(s);
    const refused = await restricted.client.post('/api/review', submission(s));
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('REVIEW_NOT_OFFERED');
  });

  it('C1 does not offer it to a candidate already qualified for CET6', async () => {
    const s = await student({ qualifications: ['1', '2', 'F', 'S'] });
    const { client } = await candidateOf(s);
    expect((await client.get('/api/review')).body.offered).toBe(false);
    expect((await client.post('/api/review', submission(s))).body.error.code).toBe('REVIEW_NOT_OFFERED');
  });

  it('C1 does not offer it when the written campus has no CET6 offering', async () => {
    const s = await student({ campusCode: '993021' });
    const { client } = await candidateOf(s);
    expect((await client.get('/api/review')).body.offered).toBe(false);
  });

  it("C1 judges by the saved registration's written campus (its snapshot), not the live roster record", async () => {
    const s = await student();
    const { client, passportId } = await candidateOf(s);
    const roster = await server.db.selectFrom('roster_records').selectAll().where('id', '=', s.rosterRecordId).executeTakeFirstOrThrow();
    const session = await server.db.selectFrom('exam_sessions').select('id').where('is_current', '=', true).executeTakeFirstOrThrow();
    const snapshot = { id: roster.id, idType: roster.id_type, idNumber: roster.id_number, name: roster.name, schoolCode: '99302', campusCode: '993021', qualificationSubjectCodes: ['1', 'F'], restrictedFromCet6: false };
    await server.db
      .insertInto('registrations')
      .values({
        id: `review-test-registration-${passportId}`,
        exam_session_id: session.id,
        passport_id: passportId,
        id_type: roster.id_type,
        id_number: roster.id_number,
        name: roster.name,
        saved_at: server.clock.now(),
        roster_record_id: roster.id,
        roster_snapshot: JSON.stringify(snapshot),
      })
      .execute();
    expect((await client.get('/api/review')).body.offered).toBe(false);
  });
});

describe('C2 the admission ticket number', () => {
  it.each([
    ['an empty number', '', 'FIELD_REQUIRED'],
    ['a number that is not 15 digits', '33001124110', 'REVIEW_TICKET_FORMAT'],
    ['a CET6 ticket', '330011241200101', 'REVIEW_TICKET_NOT_CET4'],
    ['a ticket from before 2005', '330011041100101', 'REVIEW_TICKET_BEFORE_2005'],
  ])('C2 refuses %s and stores nothing', async (_what, ticketNumber, code) => {
    const s = await student();
    const { client, passportId } = await candidateOf(s);
    const { status, body } = await client.post('/api/review', submission(s, ticketNumber));
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code, field: 'ticketNumber' });
    expect(body.error.message['zh-CN']).not.toBe('');
    expect(await storedApplications(passportId)).toBe(0);
  });

  it('C2 refuses a matching record below 425 with its own message', async () => {
    const s = await student({ record: { score: 410 } });
    const { client, passportId } = await candidateOf(s);
    const { body } = await client.post('/api/review', submission(s));
    expect(body.error).toMatchObject({ code: 'REVIEW_SCORE_BELOW_PASS', params: { minimum: 425 } });
    expect(body.error.message['zh-CN']).toContain('425');
    expect(await storedApplications(passportId)).toBe(0);
  });
});

describe('C3 automatic approval', () => {
  it('C3 approves at once when ticket and ID number match a passing record, and grants CET6 immediately', async () => {
    const { client, passportId } = await candidateOf(featured.reviewAutoApproved.identity);
    const { status, body } = await client.post('/api/review', submission({ ...featured.reviewAutoApproved.identity, idType: 'RESIDENT_ID', ticketNumber: featured.reviewAutoApproved.ticketNumber }));
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'AUTO_APPROVED', submissionCount: 1, editable: false, deletable: false, reason: null });
    expect(body.reviewedAt).not.toBeNull();
    const granted = await qualificationsWithReview(server.db, passportId, ['1', 'F']);
    expect(granted).toEqual(expect.arrayContaining(['1', 'F', '2', 'S']));
  });

  it('C3 approves even when the name on the record differs', async () => {
    const s = await student({ record: { name: '别的名字' } });
    const { client } = await candidateOf(s);
    expect((await client.post('/api/review', submission(s))).body.status).toBe('AUTO_APPROVED');
  });
});

describe('C4 pending applications and the teacher of the school', () => {
  async function pendingCandidate() {
    const s = await student({ record: { idNumber: `OLD${studentSerial}` } });
    const candidate = await candidateOf(s);
    const submitted = await candidate.client.post('/api/review', submission(s));
    expect(submitted.body.status).toBe('PENDING');
    return { s, ...candidate, applicationId: submitted.body.id as string };
  }

  it('C4 stores ticket + name matches with a different ID number as 未复核, frozen for the candidate', async () => {
    const { client, passportId } = await candidateOf(featured.reviewPending.identity);
    const form = submission({ ...featured.reviewPending.identity, idType: 'RESIDENT_ID', ticketNumber: featured.reviewPending.ticketNumber });
    const { body } = await client.post('/api/review', form);
    expect(body).toMatchObject({ status: 'PENDING', editable: false, deletable: false, reviewedAt: null });
    expect((await client.put('/api/review', form)).body.error.code).toBe('REVIEW_PENDING_LOCKED');
    const deleted = await client.delete('/api/review');
    expect(deleted.status).toBe(409);
    expect(deleted.body.error.code).toBe('REVIEW_PENDING_LOCKED');
    expect((await client.post('/api/review', form)).body.error.code).toBe('REVIEW_PENDING_LOCKED');
    expect(await qualificationsWithReview(server.db, passportId, ['1'])).toEqual(['1']);
  });

  it('C4 lists pending applications of the own school only, oldest first, with keyset paging', async () => {
    const first = await pendingCandidate();
    server.clock.advance(1000);
    const second = await pendingCandidate();
    const queue = await teacher.get('/api/staff/reviews?limit=200');
    expect(queue.status).toBe(200);
    const ids = queue.body.items.map((item: { id: string }) => item.id);
    expect(ids.indexOf(first.applicationId)).toBeLessThan(ids.indexOf(second.applicationId));
    expect(queue.body.items.every((item: { status: string; campus: { code: string } }) => item.status === 'PENDING' && item.campus.code.startsWith('99301'))).toBe(true);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await teacher.get(`/api/staff/reviews?limit=1${cursor === null ? '' : `&cursor=${cursor}`}`);
      paged.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    expect(paged).toEqual(ids);
    const others = await otherTeacher.get('/api/staff/reviews');
    expect(others.body.items.map((item: { id: string }) => item.id)).not.toContain(first.applicationId);
  });

  it('C4 shows the evidence side by side: candidate data, the CET4 record, which fields agree, and the history', async () => {
    const { s, applicationId } = await pendingCandidate();
    const { status, body } = await teacher.get(`/api/staff/reviews/${applicationId}`);
    expect(status).toBe(200);
    expect(body.candidate).toMatchObject({ idNumber: s.idNumber, name: s.name, campus: { code: '993010' }, school: { code: '99301' }, studentNumber: expect.stringMatching(/^R/) });
    expect(body.cet4Record).toMatchObject({ ticketNumber: s.ticketNumber, name: s.name, score: 500, examYear: 2024 });
    expect(body.cet4Record.idNumber).not.toBe(s.idNumber);
    expect(body.matches).toEqual({ idNumber: false, name: true });
    expect(body.history.map((event: { kind: string }) => event.kind)).toEqual(['SUBMITTED']);
  });

  it('C4 approval by the teacher grants the qualification, and is audited', async () => {
    const { client, passportId, applicationId } = await pendingCandidate();
    const { status, body } = await teacher.post(`/api/staff/reviews/${applicationId}/decision`, { decision: 'APPROVED' });
    expect(status).toBe(200);
    expect(body.application).toMatchObject({ status: 'APPROVED', reviewerName: expect.stringContaining('负责老师') });
    expect((await client.get('/api/review')).body.application).toMatchObject({ status: 'APPROVED', editable: false, deletable: false });
    expect(await qualificationsWithReview(server.db, passportId, ['1', 'F'])).toEqual(expect.arrayContaining(['2', 'S']));
    expect(await auditActions(applicationId)).toEqual(['review.approved']);
    expect((await teacher.post(`/api/staff/reviews/${applicationId}/decision`, { decision: 'REJECTED', reason: '迟了' })).body.error.code).toBe('REVIEW_NOT_PENDING');
  });

  it('C4 rejection needs a reason, which the candidate reads; then edit and resubmit, or delete', async () => {
    const { s, client, passportId, applicationId } = await pendingCandidate();
    const noReason = await teacher.post(`/api/staff/reviews/${applicationId}/decision`, { decision: 'REJECTED', reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error).toMatchObject({ code: 'FIELD_REQUIRED', field: 'reason' });
    const rejected = await teacher.post(`/api/staff/reviews/${applicationId}/decision`, { decision: 'REJECTED', reason: '请携带成绩证明到外国语学院' });
    expect(rejected.body.application).toMatchObject({ status: 'REJECTED', reason: '请携带成绩证明到外国语学院' });
    expect(await auditActions(applicationId)).toEqual(['review.rejected']);
    const seen = (await client.get('/api/review')).body.application;
    expect(seen).toMatchObject({ status: 'REJECTED', reason: '请携带成绩证明到外国语学院', editable: true, deletable: true });

    const resubmitted = await client.put('/api/review', submission(s));
    expect(resubmitted.body).toMatchObject({ id: applicationId, status: 'PENDING', submissionCount: 2 });
    await teacher.post(`/api/staff/reviews/${applicationId}/decision`, { decision: 'REJECTED', reason: '证明不足' });
    expect((await client.delete('/api/review')).body).toEqual({ deleted: true });
    expect((await client.get('/api/review')).body.application).toBeNull();
    expect(await storedApplications(passportId)).toBe(0);

    // The history stays with the passport: a new application counts the earlier submissions (C7).
    const again = await client.post('/api/review', submission(s));
    expect(again.body.submissionCount).toBe(3);
    const evidence = await teacher.get(`/api/staff/reviews/${again.body.id}`);
    expect(evidence.body.history.map((event: { kind: string }) => event.kind)).toEqual(['SUBMITTED', 'REJECTED', 'RESUBMITTED', 'REJECTED', 'DELETED', 'SUBMITTED']);
    expect(evidence.body.application.repeatSubmitter).toBe(true);
  });

  it("C4 a teacher of another school gets 404 on the application, for reading and for deciding", async () => {
    const { applicationId } = await pendingCandidate();
    const read = await otherTeacher.get(`/api/staff/reviews/${applicationId}`);
    expect(read.status).toBe(404);
    expect(read.body.error.code).toBe('REVIEW_NOT_FOUND');
    const decide = await otherTeacher.post(`/api/staff/reviews/${applicationId}/decision`, { decision: 'APPROVED' });
    expect(decide.status).toBe(404);
    const flag = await otherTeacher.put(`/api/staff/reviews/${applicationId}/repeat-submitter`, { flagged: true });
    expect(flag.status).toBe(404);
    const untouched = await teacher.get(`/api/staff/reviews/${applicationId}`);
    expect(untouched.body.application.status).toBe('PENDING');
  });

  it('C4 teacher routes refuse candidates, admins and anonymous callers', async () => {
    const { client } = await candidateOf(await student());
    expect((await client.get('/api/staff/reviews')).status).toBe(403);
    expect((await admin.get('/api/staff/reviews')).status).toBe(403);
    expect((await server.client().get('/api/staff/reviews')).status).toBe(401);
    expect((await server.client().get('/api/review')).status).toBe(401);
  });
});

describe('C5 refusals store nothing', () => {
  it.each([
    ['a ticket with no record', (s: Student) => submission(s, '330011241109999')],
    ['neither ID number nor name matching the record', (s: Student) => submission(s)],
  ])('C5 refuses %s', async (_what, form) => {
    const s = await student({ record: { idNumber: `OTHER${studentSerial}`, name: '另一个人' } });
    const { client, passportId } = await candidateOf(s);
    const { status, body } = await client.post('/api/review', form(s));
    expect(status).toBe(400);
    expect(body.error.code).toBe('REVIEW_NO_MATCHING_RECORD');
    expect(await storedApplications(passportId)).toBe(0);
    expect((await client.get('/api/review')).body.application).toBeNull();
  });
});

describe('C6 one application per passport', () => {
  it('C6 an approved application is final: no second submission, no edit, no delete', async () => {
    const s = await student();
    const { client } = await candidateOf(s);
    expect((await client.post('/api/review', submission(s))).body.status).toBe('AUTO_APPROVED');
    for (const answer of [await client.post('/api/review', submission(s)), await client.put('/api/review', submission(s)), await client.delete('/api/review')]) {
      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe('REVIEW_APPROVED_FINAL');
    }
  });

  it('C6 the database holds one application per passport even past the service', async () => {
    const s = await student();
    const { client, passportId } = await candidateOf(s);
    const { body } = await client.post('/api/review', submission(s));
    const row = await server.db.selectFrom('review_applications').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
    await expect(server.db.insertInto('review_applications').values({ ...row, id: 'second', passport_id: passportId }).execute()).rejects.toThrow();
  });

  it("C6 the application is the passport holder's own: another identity is refused", async () => {
    const s = await student();
    const { client, passportId } = await candidateOf(s);
    const other = await student();
    const { body } = await client.post('/api/review', submission(other));
    expect(body.error).toMatchObject({ code: 'REVIEW_IDENTITY_NOT_OWN', field: 'idNumber' });
    expect(await storedApplications(passportId)).toBe(0);
  });

  it('C6 resubmitting without an application is refused', async () => {
    const s = await student();
    const { client } = await candidateOf(s);
    const { status, body } = await client.put('/api/review', submission(s));
    expect(status).toBe(404);
    expect(body.error.code).toBe('REVIEW_NOT_FOUND');
  });
});

describe('C7 repeat submitters and applications on behalf', () => {
  it('C7 a teacher flags and clears a repeat submitter, audited and in the history', async () => {
    const s = await student({ record: { idNumber: `OLD${studentSerial}` } });
    const { client } = await candidateOf(s);
    const { body } = await client.post('/api/review', submission(s));
    const flagged = await teacher.put(`/api/staff/reviews/${body.id}/repeat-submitter`, { flagged: true, note: '一天内重复提交多次' });
    expect(flagged.status).toBe(200);
    expect(flagged.body.application.repeatSubmitter).toBe(true);
    const listed = await teacher.get('/api/staff/reviews?limit=200');
    expect(listed.body.items.find((item: { id: string }) => item.id === body.id).repeatSubmitter).toBe(true);
    server.clock.advance(1000);
    const cleared = await teacher.put(`/api/staff/reviews/${body.id}/repeat-submitter`, { flagged: false });
    expect(cleared.body.application.repeatSubmitter).toBe(false);
    expect(cleared.body.history.map((event: { kind: string; reason: string | null }) => [event.kind, event.reason])).toEqual([
      ['SUBMITTED', null],
      ['REPEAT_SUBMITTER_FLAGGED', '一天内重复提交多次'],
      ['REPEAT_SUBMITTER_CLEARED', null],
    ]);
    expect(await auditActions(body.id)).toEqual(['review.repeat_submitter_flagged', 'review.repeat_submitter_cleared']);
  });

  it('C7 a teacher files a pre-2005 score on the candidate’s behalf with a proof note: approved, audited, masked for the candidate', async () => {
    const identity = featured.reviewBefore2005.identity;
    const { client, passportId } = await candidateOf(identity);
    expect((await client.post('/api/review', submission({ ...identity, idType: 'RESIDENT_ID', ticketNumber: featured.reviewBefore2005.ticketNumber }))).body.error.code).toBe('REVIEW_TICKET_BEFORE_2005');
    const filed = await teacher.post('/api/staff/reviews/on-behalf', {
      ...identity,
      ticketNumber: featured.reviewBefore2005.ticketNumber,
      proofKind: 'PRE_2005_SCORE',
      proofNote: '查验2004年成绩单原件，480分',
    });
    expect(filed.status).toBe(200);
    expect(filed.body.application).toMatchObject({ status: 'APPROVED', filedBy: 'TEACHER', proofKind: 'PRE_2005_SCORE', proofNote: '查验2004年成绩单原件，480分' });
    expect(filed.body.history.map((event: { kind: string }) => event.kind)).toEqual(['FILED_ON_BEHALF', 'APPROVED']);
    expect(await auditActions(filed.body.application.id)).toEqual(['review.filed_on_behalf']);
    expect(await qualificationsWithReview(server.db, passportId, ['1'])).toContain('2');
    const seen = (await client.get('/api/review')).body.application;
    expect(seen.status).toBe('APPROVED');
    expect(seen.ticketNumber).not.toBe(featured.reviewBefore2005.ticketNumber);
  });

  it('C7 a forgotten ticket is filed without a number, shown as null to the candidate', async () => {
    const s = await student({ record: null });
    const { client } = await candidateOf(s);
    const filed = await teacher.post('/api/staff/reviews/on-behalf', { idType: s.idType, idNumber: s.idNumber, name: s.name, proofKind: 'FORGOTTEN_TICKET', proofNote: '学校存档成绩单' });
    expect(filed.body.application.ticketNumber).toBeNull();
    expect(filed.body.cet4Record).toBeNull();
    expect((await client.get('/api/review')).body.application).toMatchObject({ status: 'APPROVED', ticketNumber: null });
  });

  it('C7 filing on behalf is refused for another school’s student, an identity without a passport, or a restricted student', async () => {
    const elsewhere = await student({ campusCode: '993020' });
    await candidateOf(elsewhere);
    const note = { proofKind: 'OTHER', proofNote: '证明' };
    const forbidden = await teacher.post('/api/staff/reviews/on-behalf', { idType: elsewhere.idType, idNumber: elsewhere.idNumber, name: elsewhere.name, ...note });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('FORBIDDEN');
    const nobody = await student();
    const absent = await teacher.post('/api/staff/reviews/on-behalf', { idType: nobody.idType, idNumber: nobody.idNumber, name: nobody.name, ...note });
    expect(absent.body.error.code).toBe('PASSPORT_NOT_FOUND');
    const restricted = await student({ restricted: true });
    await candidateOf(restricted);
    const barred = await teacher.post('/api/staff/reviews/on-behalf', { idType: restricted.idType, idNumber: restricted.idNumber, name: restricted.name, ...note });
    expect(barred.body.error.code).toBe('REVIEW_NOT_OFFERED');
  });
});

describe('C8 masked read-back', () => {
  it('C8 shows name, ID type, ID number and ticket masked to the candidate', async () => {
    const s = await student({ record: { idNumber: `OLD${studentSerial}` } });
    const { client } = await candidateOf(s);
    await client.post('/api/review', submission(s));
    const { body } = await client.get('/api/review');
    const application = body.application;
    expect(application.name).toBe(`${[...s.name][0]}${'*'.repeat([...s.name].length - 1)}`);
    expect(application.idType).toBe('***');
    expect(application.idNumber).toBe(`${s.idNumber.slice(0, 4)}**********${s.idNumber.slice(-4)}`);
    expect(application.ticketNumber).toMatch(/^\d{3}\*+\d{3}$/);
    expect(JSON.stringify(body)).not.toContain(s.idNumber);
    expect(JSON.stringify(body)).not.toContain(s.ticketNumber);
  });

  it('C8 the demo passport with a saved registration can read back its offer', async () => {
    const client = server.client();
    expect((await login(client, DEMO_PASSPORTS[1].email, DEMO_PASSPORTS[1].password)).status).toBe(200);
    expect((await client.get('/api/review')).status).toBe(200);
  });
});
