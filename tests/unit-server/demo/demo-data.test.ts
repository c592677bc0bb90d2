// Demo data: deterministic, valid under the shared rules, and with a candidate for every review case.
import { describe, expect, it } from 'vitest';
import { generateDemoData, type DemoReviewCase } from '../../../src-server/demo/data/index.js';
import { PASSING_CET4_SCORE } from '../../../shared/domain/cet4-score-record.js';
import { isWithinWindow } from '../../../shared/domain/time-window.js';
import { checkIdNumber } from '../../../shared/rules/id-number.js';
import { canSaveRegistration, canQueryQualification } from '../../../shared/rules/registration-window.js';
import { decideCet6Review } from '../../../shared/rules/review-decision.js';
import { isCet6ReviewOffered } from '../../../shared/rules/review-eligibility.js';

const now = new Date('2026-09-01T02:00:00.000Z');
const demo = generateDemoData({ now });

function qualificationsOf(idNumber: string) {
  const record = demo.rosterRecords.find((candidate) => candidate.idNumber === idNumber);
  if (record === undefined) throw new Error(`no roster record ${idNumber}`);
  return record;
}

function review(reviewCase: DemoReviewCase) {
  const { identity, ticketNumber } = reviewCase;
  return decideCet6Review({
    application: { ticketNumber, idNumber: identity.idNumber, name: identity.name },
    recordsForTicket: demo.cet4Scores.filter((record) => record.ticketNumber === ticketNumber),
  });
}

function reviewOffered(idNumber: string): boolean {
  const record = qualificationsOf(idNumber);
  return isCet6ReviewOffered({
    qualifications: demo.subjects.filter((subject) => record.qualificationSubjectCodes.includes(subject.code)),
    writtenCampusOffersCet6: demo.offerings.some((offering) => offering.campusCode === record.campusCode && offering.subjectCode === '2'),
    restrictedFromCet6: record.restrictedFromCet6,
  });
}

describe('demo data', () => {
  it('is the same for the same seed and now, and differs for another seed', () => {
    expect(generateDemoData({ now })).toEqual(demo);
    expect(generateDemoData({ now, seed: 7 }).rosterRecords).not.toEqual(demo.rosterRecords);
  });

  it('has one province, two schools, three campuses, the eight subjects and 200 roster records', () => {
    expect(demo.provinces).toEqual([{ code: '99', name: '测试省' }]);
    expect(demo.schools.map((school) => school.code)).toEqual(['99301', '99302']);
    expect(demo.campuses.map((campus) => campus.code)).toEqual(['993010', '993011', '993020']);
    expect(demo.subjects.map((subject) => `(${subject.code}) ${subject.name}`)).toEqual([
      '(1) 英语四级笔试', '(2) 英语六级笔试', '(3) 日语四级笔试', '(4) 日语六级笔试',
      '(5) 德语四级笔试', '(6) 德语六级笔试', '(F) 英语四级口试', '(S) 英语六级口试',
    ]);
    expect(demo.rosterRecords).toHaveLength(200);
    expect(generateDemoData({ now, rosterSize: 50 }).rosterRecords).toHaveLength(50);
  });

  it('A2 gives every roster record an ID number the shared rules accept, in every supported type', () => {
    for (const record of demo.rosterRecords) expect(checkIdNumber(record.idType, record.idNumber, now), record.idNumber).toBeNull();
    expect(new Set(demo.rosterRecords.map((record) => record.idType))).toEqual(
      new Set(['RESIDENT_ID', 'TAIWAN_PERMIT', 'HK_MACAO_PERMIT', 'PASSPORT', 'HK_ID', 'MACAO_ID']),
    );
  });

  it('gives resident IDs the gender of their 17th digit', () => {
    for (const record of demo.rosterRecords.filter((candidate) => candidate.idType === 'RESIDENT_ID')) {
      expect(Number(record.idNumber[16]) % 2 === 1 ? 'MALE' : 'FEMALE').toBe(record.gender);
    }
  });

  it('keeps identities, student numbers per school and ticket numbers unique', () => {
    const unique = (values: string[]) => expect(new Set(values).size).toBe(values.length);
    unique(demo.rosterRecords.map((record) => `${record.idType}:${record.idNumber}`));
    unique(demo.rosterRecords.map((record) => `${record.schoolCode}:${record.studentNumber}`));
    unique(demo.cet4Scores.map((record) => record.ticketNumber));
    unique(demo.rosterRecords.map((record) => record.id));
  });

  it('puts every roster record on a demo campus of its school, with catalogue subjects only', () => {
    const codes = new Set(demo.subjects.map((subject) => subject.code));
    for (const record of demo.rosterRecords) {
      const campus = demo.campuses.find((candidate) => candidate.code === record.campusCode);
      expect(campus?.schoolCode).toBe(record.schoolCode);
      expect(record.qualificationSubjectCodes.every((code) => codes.has(code))).toBe(true);
    }
  });

  it('varies qualifications: CET4 written and oral for all, CET6 for some, Japanese, German and restricted for a few', () => {
    const count = (test: (codes: readonly string[], restricted: boolean) => boolean) =>
      demo.rosterRecords.filter((record) => test(record.qualificationSubjectCodes, record.restrictedFromCet6)).length;
    expect(count((codes) => codes.includes('1') && codes.includes('F'))).toBe(200);
    expect(count((codes) => codes.includes('2'))).toBeGreaterThan(20);
    expect(count((codes) => codes.includes('S'))).toBeGreaterThan(10);
    expect(count((codes) => codes.includes('3') && codes.includes('4'))).toBeGreaterThanOrEqual(2);
    expect(count((codes) => codes.includes('5'))).toBeGreaterThanOrEqual(2);
    expect(count((_, restricted) => restricted)).toBeGreaterThanOrEqual(3);
  });

  it('C3 approves the featured auto case at once; C4 sends the name-only match to a teacher', () => {
    expect(reviewOffered(demo.featured.reviewAutoApproved.identity.idNumber)).toBe(true);
    expect(review(demo.featured.reviewAutoApproved).decision).toBe('AUTO_APPROVED');
    expect(reviewOffered(demo.featured.reviewPending.identity.idNumber)).toBe(true);
    const pending = review(demo.featured.reviewPending);
    expect(pending.decision).toBe('PENDING');
    expect(pending.decision === 'PENDING' && pending.record.idNumber).not.toBe(demo.featured.reviewPending.identity.idNumber);
  });

  it('C2 and C5 refuse the pre-2005 and the failing record, which the score data holds', () => {
    expect(review(demo.featured.reviewBefore2005)).toMatchObject({ decision: 'REFUSED', error: { code: 'REVIEW_TICKET_BEFORE_2005' } });
    expect(review(demo.featured.reviewBelowPass)).toMatchObject({ decision: 'REFUSED', error: { code: 'REVIEW_SCORE_BELOW_PASS' } });
    expect(demo.cet4Scores.some((record) => record.examYear < 2005)).toBe(true);
    expect(demo.cet4Scores.some((record) => record.score < PASSING_CET4_SCORE)).toBe(true);
  });

  it('C1 offers no review to the restricted or the already CET6-qualified candidate', () => {
    expect(reviewOffered(demo.featured.restrictedFromCet6.idNumber)).toBe(false);
    expect(reviewOffered(demo.featured.cet6Qualified.idNumber)).toBe(false);
    expect(qualificationsOf(demo.featured.japanese.idNumber).qualificationSubjectCodes).toEqual(['1', '3', '4', 'F']);
    expect(qualificationsOf(demo.featured.fixedOralCampus.idNumber).campusCode).toBe('993011');
  });

  it('R2/R3 has the qualification query and registration open at now, in province 99 too', () => {
    expect(demo.examSession.name).toBe('2026年下半年CET考试');
    expect(canQueryQualification(demo.examSession, now, '99')).toBe(true);
    expect(canSaveRegistration(demo.examSession, now, '99')).toBe(true);
    expect(canSaveRegistration(demo.examSession, new Date(now.getTime() + 13 * 86_400_000), '99')).toBe(false);
  });

  it('sets exam dates at midnight China time, orals before the written exam, each with a print window before it', () => {
    const { writtenExamDate, oralExamDates, admissionTicketPrintWindows } = demo.examSession;
    for (const date of [writtenExamDate, ...oralExamDates]) expect(date.getUTCHours()).toBe(16);
    expect(oralExamDates.every((date) => date < writtenExamDate)).toBe(true);
    expect(admissionTicketPrintWindows.written.opensAt < writtenExamDate).toBe(true);
    expect(admissionTicketPrintWindows.oral.closesAt > (oralExamDates.at(-1) ?? writtenExamDate)).toBe(true);
    // Scheduled: nothing prints while registration is open.
    expect(isWithinWindow(admissionTicketPrintWindows.written, now)).toBe(false);
    expect(isWithinWindow(admissionTicketPrintWindows.oral, now)).toBe(false);
  });

  it('R10 opens both print windows at now when the demo asks for it, closing them as scheduled', () => {
    const open = generateDemoData({ now, printWindows: 'open' }).examSession;
    for (const kind of ['written', 'oral'] as const) {
      expect(isWithinWindow(open.admissionTicketPrintWindows[kind], now)).toBe(true);
      expect(open.admissionTicketPrintWindows[kind].closesAt).toEqual(demo.examSession.admissionTicketPrintWindows[kind].closesAt);
    }
  });

  it('R6 offers small oral capacities so that full is reachable, a late-opening campus and an oral without a date', () => {
    const offering = (campusCode: string, subjectCode: string) =>
      demo.offerings.find((candidate) => candidate.campusCode === campusCode && candidate.subjectCode === subjectCode);
    expect(offering('993010', 'F')).toMatchObject({ capacity: 5, remaining: 5, feeFen: 5000, allowsExternalOral: true });
    expect(offering('993010', '1')).toMatchObject({ capacity: 30, feeFen: 3000, examDate: demo.examSession.writtenExamDate });
    expect(offering('993011', 'F')?.allowsExternalOral).toBe(false);
    expect(offering('993011', 'S')?.examDate).toBeNull();
    const lateOrals = demo.offerings.filter((candidate) => candidate.campusCode === '993020' && ['F', 'S'].includes(candidate.subjectCode));
    expect(lateOrals.map((candidate) => isWithinWindow(candidate.window, now))).toEqual([false, false]);
    const others = demo.offerings.filter((candidate) => !lateOrals.includes(candidate));
    expect(others.every((candidate) => isWithinWindow(candidate.window, now))).toBe(true);
  });
});
