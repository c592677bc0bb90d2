// Builders for the rule tests: a seed-like catalogue, offerings, an exam session and enrolments, overridable per case.
import type { EnrolmentWithSubject } from '../../shared/domain/enrolment.js';
import { DEFAULT_EMPTY_REGISTRATION_TTL_MS, DEFAULT_UNPAID_ENROLMENT_TTL_MS, type ExamSession } from '../../shared/domain/exam-session.js';
import type { Offering } from '../../shared/domain/offering.js';
import type { RosterRecord } from '../../shared/domain/roster-record.js';
import type { Subject } from '../../shared/domain/subject.js';
import type { TimeWindow } from '../../shared/domain/time-window.js';

/** Instants in China time, as the seeds write them. */
export function at(chinaLocal: string): Date {
  return new Date(`${chinaLocal}+08:00`);
}

export function timeWindow(opensAt: string, closesAt: string): TimeWindow {
  return { opensAt: at(opensAt), closesAt: at(closesAt) };
}

/** The seeds' catalogue: (1) 英语四级笔试 … (F) 英语四级口试, plus the English CET6 subjects. */
export const SUBJECTS = {
  englishCet4Written: { code: '1', name: '英语四级笔试', kind: 'written', language: 'english', level: 'CET4' },
  englishCet6Written: { code: '2', name: '英语六级笔试', kind: 'written', language: 'english', level: 'CET6' },
  japaneseCet4Written: { code: '3', name: '日语四级笔试', kind: 'written', language: 'japanese', level: 'CET4' },
  japaneseCet6Written: { code: '4', name: '日语六级笔试', kind: 'written', language: 'japanese', level: 'CET6' },
  germanCet4Written: { code: '5', name: '德语四级笔试', kind: 'written', language: 'german', level: 'CET4' },
  germanCet6Written: { code: '6', name: '德语六级笔试', kind: 'written', language: 'german', level: 'CET6' },
  englishCet4Oral: { code: 'F', name: '英语四级口试', kind: 'oral', language: 'english', level: 'CET4' },
  englishCet6Oral: { code: 'S', name: '英语六级口试', kind: 'oral', language: 'english', level: 'CET6' },
  japaneseCet4Oral: { code: 'J', name: '日语四级口试', kind: 'oral', language: 'japanese', level: 'CET4' },
} as const satisfies Record<string, Subject>;

export const CATALOGUE: readonly Subject[] = Object.values(SUBJECTS);
export const ALL_CODES = CATALOGUE.map((subject) => subject.code);

/** The registration window of the seeds' 2017 session. */
export const REGISTRATION_WINDOW = timeWindow('2017-03-08T08:00:00', '2017-03-20T17:00:00');
export const DURING_REGISTRATION = at('2017-03-10T10:00:00');

export function offering(subject: Subject, overrides: Partial<Offering> = {}): Offering {
  return {
    id: `offering-${subject.code}-993010`,
    examSessionId: '2017H1',
    subjectCode: subject.code,
    schoolCode: '99301',
    campusCode: '993010',
    feeFen: 1,
    capacity: 100,
    remaining: 60,
    window: REGISTRATION_WINDOW,
    examDate: at('2017-06-17T09:00:00'),
    allowsExternalOral: true,
    ...overrides,
  };
}

export function session(overrides: Partial<ExamSession> = {}): ExamSession {
  return {
    id: '2017H1',
    name: '2017年上半年CET考试',
    timeZone: 'Asia/Shanghai',
    qualificationQueryOpensAt: at('2017-03-01T08:00:00'),
    registrationWindow: REGISTRATION_WINDOW,
    provincialRegistrationWindows: {},
    unpaidEnrolmentTtlMs: DEFAULT_UNPAID_ENROLMENT_TTL_MS,
    emptyRegistrationTtlMs: DEFAULT_EMPTY_REGISTRATION_TTL_MS,
    writtenExamDate: at('2017-06-17T09:00:00'),
    oralExamDates: [at('2017-05-20T08:00:00'), at('2017-05-21T08:00:00')],
    admissionTicketPrintWindows: {
      written: timeWindow('2017-06-01T00:00:00', '2017-06-17T09:00:00'),
      oral: timeWindow('2017-05-10T00:00:00', '2017-05-20T08:00:00'),
    },
    ...overrides,
  };
}

let nextEnrolment = 0;

export function enrolment(subject: Subject, overrides: Partial<EnrolmentWithSubject> = {}): EnrolmentWithSubject {
  nextEnrolment += 1;
  return {
    id: `enrolment-${nextEnrolment}`,
    registrationId: 'registration-1',
    offeringId: `offering-${subject.code}-993010`,
    subjectCode: subject.code,
    feeFen: 3000,
    paymentStatus: 'UNPAID',
    arrangementStatus: 'UNARRANGED',
    method: 'CANDIDATE',
    createdAt: at('2017-03-10T10:00:00'),
    groupPaymentLock: false,
    subject,
    ...overrides,
  };
}

/** The seeds' 资格信息确认 example, 廖晓儿 of (99101)测试学校. */
export function rosterRecord(overrides: Partial<RosterRecord> = {}): RosterRecord {
  return {
    id: 'roster-1',
    idType: 'RESIDENT_ID',
    idNumber: '11010519491231002X',
    name: '廖晓儿',
    gender: 'FEMALE',
    schoolCode: '99101',
    campusCode: '991010',
    educationLevel: 'JUNIOR_COLLEGE',
    lengthOfSchooling: 3,
    enrolmentYear: '16',
    grade: '11',
    department: '化学学院',
    major: '高分子化学与物理',
    className: '1',
    studentNumber: '00001',
    notes: '',
    qualificationSubjectCodes: ['1', 'F'],
    restrictedFromCet6: false,
    ...overrides,
  };
}
