// The offline screens' view of the reference data the device cached (K3): parsed at this boundary, then judged by the same shared rules as online.
//
// What cannot be judged offline is said, not guessed: the candidate's roster record and qualification
// are personal data the kiosk never caches, so they are checked by the server at replay; so is the
// seat itself (R7), since the cached remaining count may be stale.
import { z } from 'zod';
import { campus as campusSchema, offering as offeringSchema, subject as subjectSchema, type Offering as WireOffering } from '../../../shared/contracts/http/catalogue.js';
import type { OfferingChoice } from '../../../shared/contracts/http/enrolment.js';
import { calendarDate, instant, provinceCode, schoolCode, timeWindow } from '../../../shared/contracts/http/fields.js';
import type { ExamSession } from '../../../shared/domain/exam-session.js';
import type { Offering } from '../../../shared/domain/offering.js';
import type { Subject } from '../../../shared/domain/subject.js';
import { errorMessages, type DomainError } from '../../../shared/errors/domain-error.js';
import { capacityColour } from '../../../shared/rules/offering-availability.js';
import { checkOralEnrolment, selectableOralCampuses, type WrittenCampus } from '../../../shared/rules/oral-enrolment.js';
import { checkWrittenEnrolment, checkWrittenSelection } from '../../../shared/rules/written-enrolment.js';
import { offeringOf } from '../subjects/wire-to-domain.js';

// The server's pull hands out values as its domain types went through JSON: an exam date as a full instant.
const cachedDate = z.union([calendarDate, instant]).transform((value) => value.slice(0, 10));

const cachedOffering = offeringSchema.extend({ examDate: cachedDate.nullable() });
const cachedSession = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  agreementVersion: z.string(),
  isCurrent: z.boolean(),
  qualificationQueryOpensAt: instant,
  registrationWindow: timeWindow,
  provincialRegistrationWindows: z.record(provinceCode, timeWindow),
  unpaidEnrolmentTtlMs: z.number(),
  emptyRegistrationTtlMs: z.number(),
  writtenExamDate: cachedDate,
  oralExamDates: z.array(cachedDate),
  admissionTicketPrintWindows: z.object({ written: timeWindow, oral: timeWindow }),
});
const cachedProvince = z.object({ code: provinceCode, name: z.string() });
const cachedSchool = z.object({ code: schoolCode, name: z.string(), provinceCode });

export type CachedSession = z.infer<typeof cachedSession>;
export type CachedCampus = z.infer<typeof campusSchema>;

/** The cache as the offline screens read it; rows that do not parse are left out, never half-used. */
export interface CachedCatalogue {
  readonly session: CachedSession | null;
  readonly provinces: readonly z.infer<typeof cachedProvince>[];
  readonly schools: readonly z.infer<typeof cachedSchool>[];
  readonly campuses: readonly CachedCampus[];
  readonly subjects: readonly Subject[];
  /** The current session's offerings only. */
  readonly offerings: readonly WireOffering[];
  /** When the cache was last refreshed from the server, for the "seats may have changed" notice. */
  readonly refreshedAt: string | null;
}

export interface RawReference {
  readonly province: readonly unknown[];
  readonly school: readonly unknown[];
  readonly campus: readonly unknown[];
  readonly examSession: readonly unknown[];
  readonly subject: readonly unknown[];
  readonly offering: readonly unknown[];
  readonly refreshedAt: string | null;
}

function parsed<T>(schema: z.ZodType<T>, rows: readonly unknown[]): T[] {
  return rows.flatMap((row) => {
    const result = schema.safeParse(row);
    return result.success ? [result.data] : [];
  });
}

export function catalogueOf(raw: RawReference): CachedCatalogue {
  const session = parsed(cachedSession, raw.examSession).find((candidate) => candidate.isCurrent) ?? null;
  return {
    session,
    provinces: parsed(cachedProvince, raw.province).sort((a, b) => a.code.localeCompare(b.code)),
    schools: parsed(cachedSchool, raw.school),
    campuses: parsed(campusSchema, raw.campus).sort((a, b) => a.code.localeCompare(b.code)),
    subjects: parsed(subjectSchema, raw.subject),
    offerings: session === null ? [] : parsed(cachedOffering, raw.offering).filter((offering) => offering.examSessionId === session.id),
    refreshedAt: raw.refreshedAt,
  };
}

/** The cached session as shared/domain's ExamSession, for the registration-window rule. */
export function examSessionOf(session: CachedSession): ExamSession {
  const window = (w: { opensAt: string; closesAt: string }) => ({ opensAt: new Date(w.opensAt), closesAt: new Date(w.closesAt) });
  return {
    id: session.id,
    name: session.name,
    timeZone: session.timeZone,
    qualificationQueryOpensAt: new Date(session.qualificationQueryOpensAt),
    registrationWindow: window(session.registrationWindow),
    provincialRegistrationWindows: Object.fromEntries(Object.entries(session.provincialRegistrationWindows).map(([code, w]) => [code, window(w)])),
    unpaidEnrolmentTtlMs: session.unpaidEnrolmentTtlMs,
    emptyRegistrationTtlMs: session.emptyRegistrationTtlMs,
    writtenExamDate: new Date(`${session.writtenExamDate}T00:00:00Z`),
    oralExamDates: session.oralExamDates.map((date) => new Date(`${date}T00:00:00Z`)),
    admissionTicketPrintWindows: { written: window(session.admissionTicketPrintWindows.written), oral: window(session.admissionTicketPrintWindows.oral) },
  };
}

/**
 * Qualification is not known offline (the roster is not cached): every subject of the kind counts
 * as qualified here, and the server refuses at replay what the roster does not allow. The other
 * R5/R6 checks (one per level, windows, cached seats, oral after written) run as online.
 */
function assumedQualified(catalogue: CachedCatalogue): string[] {
  return catalogue.subjects.map((subject) => subject.code);
}

function refOf(catalogue: CachedCatalogue, offering: WireOffering) {
  const campus = catalogue.campuses.find((c) => c.code === offering.campusCode);
  const school = catalogue.schools.find((s) => s.code === offering.schoolCode);
  return { campus: { code: offering.campusCode, name: campus?.name ?? '' }, school: { code: offering.schoolCode, name: school?.name ?? '' } };
}

function choiceOf(catalogue: CachedCatalogue, offering: WireOffering, subject: Subject, refusal: DomainError | null): OfferingChoice {
  return {
    offering,
    subject,
    ...refOf(catalogue, offering),
    colour: capacityColour(offering.remaining, offering.capacity),
    selectable: refusal === null,
    refusal:
      refusal === null
        ? null
        : { code: refusal.code, message: errorMessages(refusal), ...(refusal.field === undefined ? {} : { field: refusal.field }), ...(refusal.params === undefined ? {} : { params: { ...refusal.params } }) },
    enrolled: false,
  };
}

function withSubjects(catalogue: CachedCatalogue, kind: Subject['kind']): { offering: WireOffering; subject: Subject }[] {
  return catalogue.offerings.flatMap((offering) => {
    const subject = catalogue.subjects.find((s) => s.code === offering.subjectCode && s.kind === kind);
    return subject === undefined ? [] : [{ offering, subject }];
  });
}

/** 笔试 offerings at the written campus, each judged by R5 as if it were the only one ticked. */
export function writtenChoices(catalogue: CachedCatalogue, campusCode: string, now: Date): OfferingChoice[] {
  const candidateQualifications = assumedQualified(catalogue);
  return withSubjects(catalogue, 'written')
    .filter(({ offering }) => offering.campusCode === campusCode)
    .map(({ offering, subject }) =>
      choiceOf(catalogue, offering, subject, checkWrittenEnrolment({ candidateQualifications, existingEnrolments: [], subject, offering: offeringOf(offering), now })),
    );
}

/** R5 over the whole selection (two of one level refused together, as online). */
export function checkWrittenChoice(catalogue: CachedCatalogue, chosen: readonly OfferingChoice[], now: Date): DomainError | null {
  return checkWrittenSelection({
    candidateQualifications: assumedQualified(catalogue),
    existingEnrolments: [],
    selection: chosen.map((choice) => ({ subject: choice.subject, offering: offeringOf(choice.offering) })),
    now,
  });
}

/** The written campus as R6 sees it: the campus of the written offerings just chosen. */
export function writtenCampusOf(chosen: readonly OfferingChoice[]): WrittenCampus | null {
  const first = chosen[0];
  return first === undefined ? null : { campusCode: first.offering.campusCode, allowsExternalOral: first.offering.allowsExternalOral };
}

/** R6's campus list for the oral choice, from the cached oral offerings. */
export function oralCampuses(catalogue: CachedCatalogue, writtenCampus: WrittenCampus, now: Date): { fixed: boolean; campuses: CachedCampus[] } {
  const oralOfferings: Offering[] = withSubjects(catalogue, 'oral').map(({ offering }) => offeringOf(offering));
  const choice = selectableOralCampuses({ writtenCampus, oralOfferings, now });
  return { fixed: choice.fixedToWrittenCampus, campuses: catalogue.campuses.filter((campus) => choice.campusCodes.includes(campus.code)) };
}

/** 口试 offerings at one campus, judged by R6 against the written subjects chosen in this capture. */
export function oralChoices(catalogue: CachedCatalogue, campusCode: string, written: readonly OfferingChoice[], writtenCampus: WrittenCampus, now: Date): OfferingChoice[] {
  const candidateQualifications = assumedQualified(catalogue);
  const existingEnrolments = written.map((choice) => ({ subject: choice.subject }));
  return withSubjects(catalogue, 'oral')
    .filter(({ offering }) => offering.campusCode === campusCode)
    .map(({ offering, subject }) =>
      choiceOf(catalogue, offering, subject, checkOralEnrolment({ candidateQualifications, existingEnrolments, subject, offering: offeringOf(offering), writtenCampus, now })),
    );
}
