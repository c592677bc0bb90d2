// Reference data contracts: the exam session and its windows, provinces → schools → campuses, subjects and offerings.
import { z } from 'zod';
import { endpoint } from './endpoint.js';
import {
  calendarDate,
  campusCode,
  entityId,
  fen,
  instant,
  provinceCode,
  schoolCode,
  subjectKind,
  subjectLanguage,
  subjectLevel,
  subjectCode,
  timeWindow,
} from './fields.js';

/** shared/domain's ExamSession on the wire: instants as ISO strings, exam days as calendar dates. */
export const examSession = z.object({
  id: entityId,
  name: z.string(),
  /** IANA zone the dates and windows are shown in, e.g. Asia/Shanghai. */
  timeZone: z.string(),
  qualificationQueryOpensAt: instant,
  registrationWindow: timeWindow,
  /** A province with a window of its own overrides `registrationWindow` for its candidates (SPEC §3). */
  provincialRegistrationWindows: z.record(provinceCode, timeWindow),
  unpaidEnrolmentTtlMs: z.int().positive(),
  emptyRegistrationTtlMs: z.int().positive(),
  writtenExamDate: calendarDate,
  oralExamDates: z.array(calendarDate),
  admissionTicketPrintWindows: z.object({ written: timeWindow, oral: timeWindow }),
  /** Version of the registration agreement (报名协议) a candidate accepts for this session (R1). */
  agreementVersion: z.string(),
});
export type ExamSession = z.infer<typeof examSession>;

export const campus = z.object({
  code: campusCode,
  name: z.string(),
  schoolCode,
  /** 外校口语: whether this campus's written candidates may take the oral exam at another campus (R6). */
  allowsExternalOral: z.boolean(),
});
export const school = z.object({ code: schoolCode, name: z.string(), provinceCode, campuses: z.array(campus) });
export const province = z.object({
  code: provinceCode,
  name: z.string(),
  /** 省通告: shown above the subject choice, one paragraph per entry. */
  notice: z.array(z.string()),
  schools: z.array(school),
});
export type Campus = z.infer<typeof campus>;
export type School = z.infer<typeof school>;
export type Province = z.infer<typeof province>;

export const subject = z.object({
  code: subjectCode,
  name: z.string(),
  kind: subjectKind,
  language: subjectLanguage,
  level: subjectLevel,
});
export type Subject = z.infer<typeof subject>;

export const offering = z.object({
  id: entityId,
  examSessionId: entityId,
  subjectCode,
  schoolCode,
  campusCode,
  feeFen: fen,
  capacity: z.int().nonnegative(),
  /** Capacity minus the enrolments holding a seat, kept in the transaction that adds or removes one (R7). */
  remaining: z.int().nonnegative(),
  window: timeWindow,
  /** Empty until the school sets it; an oral offering without an exam date is not selectable (R6). */
  examDate: calendarDate.nullable(),
  allowsExternalOral: z.boolean(),
});
export type Offering = z.infer<typeof offering>;

export const getExamSession = endpoint({
  method: 'GET',
  path: '/api/reference/exam-session',
  audience: 'public',
  request: z.object({}),
  response: examSession,
});

export const listProvinces = endpoint({
  method: 'GET',
  path: '/api/reference/provinces',
  audience: 'public',
  request: z.object({}),
  response: z.object({ provinces: z.array(province) }),
});

export const listSubjects = endpoint({
  method: 'GET',
  path: '/api/reference/subjects',
  audience: 'public',
  request: z.object({}),
  response: z.object({ subjects: z.array(subject) }),
});

export const listOfferings = endpoint({
  method: 'GET',
  path: '/api/reference/offerings',
  audience: 'public',
  request: z.object({ campusCode: campusCode.optional(), kind: subjectKind.optional() }),
  response: z.object({ offerings: z.array(offering) }),
});

/**
 * Everything a kiosk caches to check queued work offline (K3). Without `since` it is all of it; with
 * the `version` of an earlier answer it carries only what changed after it (the exam session always
 * comes whole). Reference data is public, so the pull needs no device credential.
 */
export const getReferenceBundle = endpoint({
  method: 'GET',
  path: '/api/reference/bundle',
  audience: 'public',
  request: z.object({ since: z.coerce.number().int().nonnegative().optional() }),
  response: z.object({
    fetchedAt: instant,
    /** Pass back as `since` to get only what changed. */
    version: z.int().nonnegative(),
    examSession,
    provinces: z.array(province),
    subjects: z.array(subject),
    offerings: z.array(offering),
    /** Rows deleted after `since`, for the cache to drop. */
    removed: z.array(z.object({ entity: z.string(), key: z.string() })),
  }),
});
