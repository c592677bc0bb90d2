// Demo roster students (学籍) for browser journeys: the featured ones by case, and ordinary ones handed to fresh passports through the API.
import { generateDemoData } from '../../../src-server/demo/data/index.js';
import type { RosterRecord } from '../../../shared/domain/roster-record.js';
import type { Identity } from '../../../shared/domain/identity.js';
import { candidateSession, offeringId, registerPassport, saveRegistration, teacherSession, type ApiClient } from './api.js';
import { newCandidate, type NewCandidate } from './candidates.js';

// The identities do not depend on `now` (only the windows do), so this is the roster the server seeded.
const demo = generateDemoData({ now: new Date() });

export const FEATURED = demo.featured;

function identityOf(record: RosterRecord): Identity {
  return { idType: record.idType, idNumber: record.idNumber, name: record.name };
}

/** Ordinary CET4 students of 993010 (资格科目 英语四级笔试 and 口试), not one of the featured cases. */
export const ORDINARY_993010 = demo.rosterRecords.filter(
  (record) =>
    !record.id.startsWith('demo-roster-00') &&
    record.campusCode === '993010' &&
    record.idType === 'RESIDENT_ID' &&
    !record.restrictedFromCet6 &&
    record.qualificationSubjectCodes.join() === '1,F',
);

export interface ReadyCandidate extends NewCandidate {
  readonly api: ApiClient;
  readonly roster: Identity;
}

/**
 * A fresh passport with a saved registration. Without a roster identity it takes the first ordinary
 * student nobody has bound yet in this database (R3 refuses a taken one), starting at a random place
 * so the tests of one run rarely try the same students.
 */
export async function readyCandidate(options: { roster?: Identity; passport?: Partial<Pick<Identity, 'idNumber' | 'name'>> } = {}): Promise<ReadyCandidate> {
  const fresh = newCandidate(options.passport?.name);
  const candidate = { ...fresh, idNumber: options.passport?.idNumber ?? fresh.idNumber };
  await registerPassport(candidate);
  const api = await candidateSession(candidate);
  if (options.roster !== undefined) {
    const saved = await saveRegistration(api, options.roster);
    if (saved.body.error !== undefined) throw new Error(`saving ${options.roster.name}: ${saved.body.error.code}`);
    return { ...candidate, api, roster: options.roster };
  }
  const start = Math.floor(Math.random() * ORDINARY_993010.length);
  for (let step = 0; step < ORDINARY_993010.length; step += 1) {
    const record = ORDINARY_993010[(start + step) % ORDINARY_993010.length];
    if (record === undefined) continue;
    const saved = await saveRegistration(api, identityOf(record));
    if (saved.body.error === undefined) return { ...candidate, api, roster: identityOf(record) };
    if (saved.body.error.code !== 'REGISTRATION_CANDIDATE_ALREADY_BOUND') throw new Error(`saving ${record.name}: ${saved.body.error.code}`);
  }
  throw new Error('every ordinary 993010 student is bound already');
}

/** Pays through the sandbox as a phone would: an order for the enrolments, then 确认支付 on its pay page. */
export async function payInSandbox(candidate: ReadyCandidate, enrolmentIds: readonly string[]): Promise<void> {
  const order = await candidate.api.ok('POST', '/api/payment/orders', { enrolmentIds, provider: 'ALIPAY' });
  const paid = await fetch(String(order['payUrl']), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'outcome=PAID' });
  if (!paid.ok) throw new Error(`the sandbox pay page answered ${paid.status}`);
}

/** Enrols through the API and answers the new enrolments' ids. */
export async function enrol(candidate: ReadyCandidate, kind: 'written' | 'oral', campusCode: string, subjectCode: string): Promise<string[]> {
  const answer = await candidate.api.ok('POST', `/api/enrolment/${kind}`, { offeringIds: [offeringId(campusCode, subjectCode)] });
  return (answer['enrolments'] as { id: string }[]).map((enrolment) => enrolment.id);
}

/** Another student taking a seat of 993010's oral: written CET4 first, as R6 requires. */
export async function takeOralSeat(campusCode: string, subjectCode: string): Promise<{ candidate: ReadyCandidate; oralEnrolmentId: string }> {
  const candidate = await readyCandidate();
  await enrol(candidate, 'written', '993010', '1');
  const [oralEnrolmentId] = await enrol(candidate, 'oral', campusCode, subjectCode);
  if (oralEnrolmentId === undefined) throw new Error('the oral enrolment came back empty');
  return { candidate, oralEnrolmentId };
}

function csv(rows: readonly (readonly string[])[]): string {
  return Buffer.from(rows.map((row) => row.join(',')).join('\n') + '\n').toString('base64');
}

/**
 * A C4 case of its own, since the demo roster has one (the journey's): a new 993010 student imported by
 * the school's teacher, and a passing CET4 record the admin imports under the same name with another ID number.
 */
export async function importPendingReviewStudent(): Promise<{ identity: Identity; ticketNumber: string }> {
  const student = newCandidate('宋晨曦');
  const earlierId = newCandidate().idNumber;
  const identity: Identity = { idType: 'RESIDENT_ID', idNumber: student.idNumber, name: student.name };
  const ticketNumber = `99301024210${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
  const teacher = await teacherSession();
  const roster = await teacher.ok('POST', '/api/staff/imports/roster', {
    schoolCode: '99301',
    fileName: 'roster.csv',
    contentBase64: csv([
      ['证件类型', '证件号码', '姓名', '性别', '学校代码', '校区代码', '学历', '学制', '入学年份', '学号', '资格科目'],
      ['中华人民共和国居民身份证', identity.idNumber, identity.name, '女', '99301', '993010', '本科', '4', '24', `2024${student.mobile.slice(-5)}`, '1;F'],
    ]),
  });
  const admin = await teacherSession('admin');
  const scores = await admin.ok('POST', '/api/admin/imports/cet4-scores', {
    fileName: 'cet4.csv',
    contentBase64: csv([
      ['准考证号', '证件号码', '姓名', '成绩', '考试年份'],
      [ticketNumber, earlierId, identity.name, '503', '2024'],
    ]),
  });
  if (roster['imported'] !== true || scores['imported'] !== true) throw new Error(`imports refused: ${JSON.stringify([roster['issues'], scores['issues']])}`);
  return { identity, ticketNumber };
}
