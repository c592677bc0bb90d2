// R6: oral subjects: never alone, only where and when the written campus allows, and only when fully set up.
import type { CampusCode } from '../domain/school.js';
import type { Offering } from '../domain/offering.js';
import type { Subject, SubjectCode } from '../domain/subject.js';
import { isWithinWindow } from '../domain/time-window.js';
import { refuse, type DomainError, type ErrorCode } from '../errors/domain-error.js';
import { checkOfferingAvailable } from './offering-availability.js';
import { checkNotEnrolled, checkQualified, type HeldEnrolment } from './subject-eligibility.js';

/** What the candidate's written campus decides about orals: it is the campus of any of their written offerings. */
export type WrittenCampus = Pick<Offering, 'campusCode' | 'allowsExternalOral'>;

export interface OralEnrolmentRequest {
  readonly candidateQualifications: readonly SubjectCode[];
  readonly existingEnrolments: readonly HeldEnrolment[];
  readonly subject: Subject;
  readonly offering: Offering;
  readonly writtenCampus: WrittenCampus;
  readonly now: Date;
}

/**
 * In the order of the seed's 口试科目报考须知: qualification, same-level written subject already
 * enrolled, campus allowed, exam date set, window open, seats left, fee set above zero.
 */
export function checkOralEnrolment(request: OralEnrolmentRequest): DomainError | null {
  const { subject, offering, existingEnrolments } = request;
  if (subject.kind !== 'oral' || offering.subjectCode !== subject.code) {
    return refuse('VALIDATION_FAILED', { field: 'subjectCodes' });
  }
  const unless = (holds: boolean, code: ErrorCode, field = 'subjectCodes'): DomainError | null =>
    holds ? null : refuse(code, { field, params: { subjectCode: subject.code } });
  return (
    checkQualified(request.candidateQualifications, subject) ??
    checkNotEnrolled(existingEnrolments, subject) ??
    unless(hasWrittenCounterpart(existingEnrolments, subject), 'ORAL_WRITTEN_REQUIRED') ??
    unless(isCampusAllowed(request.writtenCampus, offering.campusCode), 'ORAL_CAMPUS_NOT_ALLOWED', 'campusCode') ??
    unless(offering.examDate !== null, 'ORAL_EXAM_DATE_NOT_SET') ??
    checkOfferingAvailable(offering, request.now) ??
    unless(offering.feeFen > 0, 'ORAL_FEE_NOT_SET')
  );
}

/**
 * The written subject of the same level and language: the seeds list 日语四级口试 beside 英语四级口试,
 * and each oral is the spoken part of its own language's exam, so Japanese CET4 written does not
 * open the English CET4 oral.
 */
export function isWrittenCounterpart(written: Subject, oral: Subject): boolean {
  return (
    written.kind === 'written' && oral.kind === 'oral' && written.level === oral.level && written.language === oral.language
  );
}

function hasWrittenCounterpart(existingEnrolments: readonly HeldEnrolment[], oral: Subject): boolean {
  return existingEnrolments.some((held) => isWrittenCounterpart(held.subject, oral));
}

function isCampusAllowed(writtenCampus: WrittenCampus, campusCode: CampusCode): boolean {
  return writtenCampus.allowsExternalOral || writtenCampus.campusCode === campusCode;
}

export interface OralCampusChoice {
  /** The written campus forbids other campuses: the seed hides the 选择 button and picks it. */
  readonly fixedToWrittenCampus: boolean;
  /** Campuses with at least one oral offering open now, sorted by code. Full ones stay listed (shown red). */
  readonly campusCodes: readonly CampusCode[];
}

/** R6: the 选择报名校区 list: only campuses open now, and only the written one if it forbids the others. */
export function selectableOralCampuses(input: {
  readonly writtenCampus: WrittenCampus;
  readonly oralOfferings: readonly Offering[];
  readonly now: Date;
}): OralCampusChoice {
  const { writtenCampus } = input;
  const open = input.oralOfferings.filter(
    (offering) => isCampusAllowed(writtenCampus, offering.campusCode) && isWithinWindow(offering.window, input.now),
  );
  return {
    fixedToWrittenCampus: !writtenCampus.allowsExternalOral,
    campusCodes: [...new Set(open.map((offering) => offering.campusCode))].sort(),
  };
}
