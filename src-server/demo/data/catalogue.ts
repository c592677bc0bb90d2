// Demo reference data: 99 测试省, its two schools and three campuses, the subject catalogue, the exam session and its offerings.
import { HOUR_MS } from '../../../shared/domain/clock.js';
import {
  DEFAULT_EMPTY_REGISTRATION_TTL_MS,
  DEFAULT_UNPAID_ENROLMENT_TTL_MS,
  type ExamSession,
} from '../../../shared/domain/exam-session.js';
import type { Fen } from '../../../shared/domain/money.js';
import type { Offering } from '../../../shared/domain/offering.js';
import type { Campus, CampusCode, Province, School, SchoolCode } from '../../../shared/domain/school.js';
import type { Subject, SubjectCode } from '../../../shared/domain/subject.js';
import type { TimeWindow } from '../../../shared/domain/time-window.js';

const DAY_MS = 24 * HOUR_MS;
const CHINA_OFFSET_MS = 8 * HOUR_MS;

/** The catalogue the seeds show, plus 英语六级口试 (S), which they mention by name. */
export const DEMO_SUBJECTS: readonly Subject[] = [
  { code: '1', name: '英语四级笔试', kind: 'written', language: 'english', level: 'CET4' },
  { code: '2', name: '英语六级笔试', kind: 'written', language: 'english', level: 'CET6' },
  { code: '3', name: '日语四级笔试', kind: 'written', language: 'japanese', level: 'CET4' },
  { code: '4', name: '日语六级笔试', kind: 'written', language: 'japanese', level: 'CET6' },
  { code: '5', name: '德语四级笔试', kind: 'written', language: 'german', level: 'CET4' },
  { code: '6', name: '德语六级笔试', kind: 'written', language: 'german', level: 'CET6' },
  { code: 'F', name: '英语四级口试', kind: 'oral', language: 'english', level: 'CET4' },
  { code: 'S', name: '英语六级口试', kind: 'oral', language: 'english', level: 'CET6' },
];

export const DEMO_PROVINCE: Province = { code: '99', name: '测试省' };

export const DEMO_SCHOOLS: readonly School[] = [
  { code: '99301', name: '测试学校机构01', provinceCode: '99' },
  { code: '99302', name: '测试学校机构02', provinceCode: '99' },
];

/** `allowsExternalOral` is the campus's 外校口语 setting, which its written offerings carry. */
export type DemoCampus = Campus & { readonly allowsExternalOral: boolean };

export const DEMO_CAMPUSES: readonly DemoCampus[] = [
  { code: '993010', name: '测试校区机构001', schoolCode: '99301', allowsExternalOral: true },
  /** Forbids other campuses: its candidates' oral campus is fixed (R6). */
  { code: '993011', name: '测试校区机构002', schoolCode: '99301', allowsExternalOral: false },
  { code: '993020', name: '测试校区机构003', schoolCode: '99302', allowsExternalOral: true },
];

/** 省通告 as the seed prints it. */
export const DEMO_PROVINCE_NOTICES: Readonly<Record<string, readonly string[]>> = {
  '99': ['一、遵守时间', '二、遵守记录', '三、不得迟到，不许早退', '四、尊敬老师、友爱同学'],
};

export const DEMO_SCHOOL_NOTICES: Readonly<Record<SchoolCode, readonly string[]>> = {
  '99301': ['口试在第一教学楼进行，请提前30分钟到达。'],
  '99302': ['口试报名校区于报名开始3天后开放，请关注学校通知。'],
};

/** Midnight in China of the day `at` falls on there: exam dates are China calendar days. */
export function chinaDayStart(at: Date): Date {
  const shifted = new Date(at.getTime() + CHINA_OFFSET_MS);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()) - CHINA_OFFSET_MS);
}

function window(now: Date, fromDays: number, toDays: number): TimeWindow {
  return { opensAt: new Date(now.getTime() + fromDays * DAY_MS), closesAt: new Date(now.getTime() + toDays * DAY_MS) };
}

export const DEMO_EXAM_SESSION_ID = 'demo-2026-2';

/**
 * `scheduled`: the admission tickets print in the days before each exam, as in a real session, so
 * nobody prints one while registration is open. `open`: both print windows open a day before `now`
 * (and close as scheduled), so a demo or a browser test can walk on to 打印准考证 once 编排 has run.
 */
export const DEMO_PRINT_WINDOW_MODES = ['scheduled', 'open'] as const;
export type DemoPrintWindowMode = (typeof DEMO_PRINT_WINDOW_MODES)[number];

/** Registration is open at `now`: queries opened three days ago, saving two days ago, for two more weeks. */
export function demoExamSession(now: Date, printWindows: DemoPrintWindowMode = 'scheduled'): ExamSession {
  const writtenExamDate = chinaDayStart(new Date(now.getTime() + 60 * DAY_MS));
  const oralExamDates = [45, 46].map((days) => chinaDayStart(new Date(now.getTime() + days * DAY_MS)));
  const firstOral = oralExamDates[0] ?? writtenExamDate;
  const lastOral = oralExamDates[oralExamDates.length - 1] ?? writtenExamDate;
  const printOpens = (scheduled: Date) => (printWindows === 'open' ? new Date(now.getTime() - DAY_MS) : scheduled);
  return {
    id: DEMO_EXAM_SESSION_ID,
    name: '2026年下半年CET考试',
    timeZone: 'Asia/Shanghai',
    qualificationQueryOpensAt: new Date(now.getTime() - 3 * DAY_MS),
    registrationWindow: window(now, -2, 14),
    provincialRegistrationWindows: { '99': window(now, -2, 12) },
    unpaidEnrolmentTtlMs: DEFAULT_UNPAID_ENROLMENT_TTL_MS,
    emptyRegistrationTtlMs: DEFAULT_EMPTY_REGISTRATION_TTL_MS,
    writtenExamDate,
    oralExamDates,
    admissionTicketPrintWindows: {
      written: { opensAt: printOpens(new Date(writtenExamDate.getTime() - 10 * DAY_MS)), closesAt: new Date(writtenExamDate.getTime() + DAY_MS) },
      oral: { opensAt: printOpens(new Date(firstOral.getTime() - 7 * DAY_MS)), closesAt: new Date(lastOral.getTime() + DAY_MS) },
    },
  };
}

interface OfferingPlan {
  readonly campusCode: CampusCode;
  readonly subjectCode: SubjectCode;
  readonly capacity: number;
  readonly feeFen: Fen;
  /** Days from `now` the window opens; most open with registration, one oral campus opens late. */
  readonly opensInDays?: number;
  /** False for an oral offering whose school has not set the date yet (R6 refuses it). */
  readonly examDateSet?: boolean;
}

const WRITTEN_FEE: Fen = 3000;
const ORAL_FEE: Fen = 5000;

/**
 * Small capacities so every state is reachable by hand: the 993010 orals (5 seats) fill up and turn
 * yellow, then red; 993011's CET6 oral has no exam date; 993020's orals open three days late.
 */
const OFFERING_PLANS: readonly OfferingPlan[] = [
  ...(['1', '2', '3', '4', '5', '6'] as const).map((subjectCode) => ({ campusCode: '993010', subjectCode, capacity: 30, feeFen: WRITTEN_FEE })),
  { campusCode: '993010', subjectCode: 'F', capacity: 5, feeFen: ORAL_FEE },
  { campusCode: '993010', subjectCode: 'S', capacity: 5, feeFen: ORAL_FEE },
  ...(['1', '2'] as const).map((subjectCode) => ({ campusCode: '993011', subjectCode, capacity: 30, feeFen: WRITTEN_FEE })),
  { campusCode: '993011', subjectCode: 'F', capacity: 10, feeFen: ORAL_FEE },
  { campusCode: '993011', subjectCode: 'S', capacity: 10, feeFen: ORAL_FEE, examDateSet: false },
  ...(['1', '2', '3', '5'] as const).map((subjectCode) => ({ campusCode: '993020', subjectCode, capacity: 30, feeFen: WRITTEN_FEE })),
  { campusCode: '993020', subjectCode: 'F', capacity: 8, feeFen: ORAL_FEE, opensInDays: 3 },
  { campusCode: '993020', subjectCode: 'S', capacity: 8, feeFen: ORAL_FEE, opensInDays: 3 },
];

/** Written offerings take the written exam date; each oral level has its own day (F the first, S the second). */
export function demoOfferings(session: ExamSession, now: Date): Offering[] {
  return OFFERING_PLANS.map((plan) => {
    const campus = DEMO_CAMPUSES.find((candidate) => candidate.code === plan.campusCode);
    const subject = DEMO_SUBJECTS.find((candidate) => candidate.code === plan.subjectCode);
    if (campus === undefined || subject === undefined) throw new Error(`demo offering ${plan.campusCode}/${plan.subjectCode} has no campus or subject`);
    const oralDate = session.oralExamDates[subject.level === 'CET4' ? 0 : 1] ?? null;
    const examDate = subject.kind === 'written' ? session.writtenExamDate : plan.examDateSet === false ? null : oralDate;
    return {
      id: `demo-offering-${plan.campusCode}-${plan.subjectCode}`,
      examSessionId: session.id,
      subjectCode: plan.subjectCode,
      schoolCode: campus.schoolCode,
      campusCode: plan.campusCode,
      feeFen: plan.feeFen,
      capacity: plan.capacity,
      remaining: plan.capacity,
      window: { opensAt: new Date(now.getTime() + (plan.opensInDays ?? -2) * DAY_MS), closesAt: session.registrationWindow.closesAt },
      examDate,
      allowsExternalOral: campus.allowsExternalOral,
    };
  });
}
