// R5/R6: the checks written and oral enrolment share: qualification and not enrolling twice.
import type { Subject, SubjectCode } from '../domain/subject.js';
import { refuse, type DomainError } from '../errors/domain-error.js';

/** What a rule needs to know of an enrolment the registration already holds. */
export interface HeldEnrolment {
  readonly subject: Subject;
}

/** The candidate may enrol only in their qualification subjects (roster, plus CET6 from a review). */
export function checkQualified(candidateQualifications: readonly SubjectCode[], subject: Subject): DomainError | null {
  return candidateQualifications.includes(subject.code)
    ? null
    : refuse('SUBJECT_NOT_QUALIFIED', { field: 'subjectCodes', params: { subjectCode: subject.code } });
}

export function checkNotEnrolled(existingEnrolments: readonly HeldEnrolment[], subject: Subject): DomainError | null {
  return existingEnrolments.some((held) => held.subject.code === subject.code)
    ? refuse('SUBJECT_ALREADY_ENROLLED', { field: 'subjectCodes', params: { subjectCode: subject.code } })
    : null;
}
