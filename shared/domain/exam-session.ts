// An exam session (考次), e.g. 2026年下半年CET考试: its dates, windows and time-to-live settings.
import { HOUR_MS } from './clock.js';
import type { ProvinceCode } from './school.js';
import type { SubjectKind } from './subject.js';
import type { TimeWindow } from './time-window.js';

/** Seeds: unpaid subjects are deleted 24 h after they were added. */
export const DEFAULT_UNPAID_ENROLMENT_TTL_MS = 24 * HOUR_MS;
/** The detailed guide says 12 h, the short one 24 h: the session carries the value, 12 h by default. */
export const DEFAULT_EMPTY_REGISTRATION_TTL_MS = 12 * HOUR_MS;

export interface ExamSession {
  readonly id: string;
  readonly name: string;
  /** IANA zone the dates are shown in; every stored time is an instant. */
  readonly timeZone: string;
  /** From here a passport may query qualifications, even before it may save a registration. */
  readonly qualificationQueryOpensAt: Date;
  /** 考生网上报名时间, unless the candidate's province has its own. */
  readonly registrationWindow: TimeWindow;
  readonly provincialRegistrationWindows: Readonly<Record<ProvinceCode, TimeWindow>>;
  readonly unpaidEnrolmentTtlMs: number;
  readonly emptyRegistrationTtlMs: number;
  readonly writtenExamDate: Date;
  /** Oral exams run on their own days, one per level in the seeds. */
  readonly oralExamDates: readonly Date[];
  /** Written and oral tickets print in different periods, since the oral exams come first. */
  readonly admissionTicketPrintWindows: Readonly<Record<SubjectKind, TimeWindow>>;
}

/** The candidate's province decides the window when it has one of its own (SPEC §3). */
export function registrationWindowFor(session: ExamSession, provinceCode?: ProvinceCode): TimeWindow {
  return (provinceCode === undefined ? undefined : session.provincialRegistrationWindows[provinceCode]) ??
    session.registrationWindow;
}
