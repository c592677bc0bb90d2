// Field schemas the registration-area HTTP contracts share: codes, money, instants and the registration vocabulary.
import { z } from 'zod';
import { ARRANGEMENT_STATUSES, ENROLMENT_METHODS, PAYMENT_STATUSES } from '../../domain/enrolment.js';
import { ID_TYPES } from '../../domain/identity.js';
import { REVIEW_STATUSES } from '../../domain/review-application.js';
import { EDUCATION_LEVELS, GENDERS } from '../../domain/roster-record.js';
import { LANGUAGES, SUBJECT_KINDS, SUBJECT_LEVELS } from '../../domain/subject.js';
import type { CapacityColour } from '../../rules/offering-availability.js';
import { errorBody } from './endpoint.js';

/** The six supported ID types (A2); format rules live in shared/rules, the contract only bounds sizes. */
export const idType = z.enum(ID_TYPES);
export const idNumber = z.string().trim().min(1).max(32);
export const personName = z.string().trim().min(1).max(50);
export const identityFields = { idType, idNumber, name: personName };

/** Opaque database identifiers; clients never parse them. */
export const entityId = z.string().min(1).max(64);
/** ETEST passport id: 32 upper-case hex (SPEC §3). */
export const passportId = z.string().regex(/^[0-9A-F]{32}$/);

/** Money travels as integer fen (STYLE: yuan exist only on screen). */
export const fen = z.int().nonnegative();
/** UTC instants; the exam session's time zone is for display only. */
export const instant = z.iso.datetime();
/** A calendar day in the exam session's time zone, e.g. an exam date. */
export const calendarDate = z.iso.date();
export const timeWindow = z.object({ opensAt: instant, closesAt: instant });
export type TimeWindow = z.infer<typeof timeWindow>;

export const provinceCode = z.string().regex(/^\d{2}$/);
export const schoolCode = z.string().regex(/^\d{5}$/);
export const campusCode = z.string().regex(/^\d{6}$/);
/** Subject codes as the seeds print them: `1`…`6` for written subjects, `F`, `S` for oral ones. */
export const subjectCode = z.string().regex(/^[0-9A-Z]{1,2}$/);
/** 准考证号: 15 digits, laid out as shared/rules/review-ticket.ts's parseTicketNumber reads them. */
export const ticketNumber = z.string().regex(/^\d{15}$/);

/** R6's capacity colours, in the words of shared/rules' `capacityColour`. */
const CAPACITY_COLOURS = ['green', 'yellow', 'red'] as const satisfies readonly CapacityColour[];

export const subjectKind = z.enum(SUBJECT_KINDS);
export const subjectLevel = z.enum(SUBJECT_LEVELS);
export const subjectLanguage = z.enum(LANGUAGES);
export const educationLevel = z.enum(EDUCATION_LEVELS);
export const gender = z.enum(GENDERS);
export const paymentStatus = z.enum(PAYMENT_STATUSES);
export const arrangementStatus = z.enum(ARRANGEMENT_STATUSES);
export const enrolmentMethod = z.enum(ENROLMENT_METHODS);
export const reviewStatus = z.enum(REVIEW_STATUSES);
export const capacityColour = z.enum(CAPACITY_COLOURS);

/** A code with its display name, e.g. `(99301)测试学校机构01` on screen. */
export const codeAndName = <C extends z.ZodType>(code: C) => z.object({ code, name: z.string() });
export const schoolRef = codeAndName(schoolCode);
export const campusRef = codeAndName(campusCode);
export const subjectRef = z.object({ code: subjectCode, name: z.string(), kind: subjectKind, level: subjectLevel, language: subjectLanguage });
export type SubjectRef = z.infer<typeof subjectRef>;

/** A refusal as the server sends it: the same shape as the body of a refused request. */
export const refusalBody = errorBody.shape.error;

/** Keyset paging for long staff lists: pass back `nextCursor` to continue. */
export const pageRequest = {
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};
export const nextCursor = z.string().nullable();
