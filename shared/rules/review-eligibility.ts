// C1: when the CET6资格复核 action is offered, and which qualifications an approved review adds.
import { grantsCet6Qualification, type ReviewStatus } from '../domain/review-application.js';
import type { Subject, SubjectCode } from '../domain/subject.js';
import { refuse, type DomainError } from '../errors/domain-error.js';

/** The seed's wording is 英语六级报考资格: the review concerns English CET6 only. */
export function isEnglishCet6(subject: Subject): boolean {
  return subject.language === 'english' && subject.level === 'CET6';
}

function hasEnglishCet6Written(qualifications: readonly Subject[]): boolean {
  return qualifications.some((subject) => isEnglishCet6(subject) && subject.kind === 'written');
}

export interface Cet6ReviewSituation {
  /** The candidate's qualification subjects, resolved against the session's catalogue. */
  readonly qualifications: readonly Subject[];
  /** The candidate's written campus has an English CET6 written offering. */
  readonly writtenCampusOffersCet6: boolean;
  readonly restrictedFromCet6: boolean;
}

/**
 * Whether a new application can be started. An application the passport already has is always
 * viewable (the seed lets the candidate check its status any time); that is not decided here.
 */
export function checkCet6ReviewOffered(situation: Cet6ReviewSituation): DomainError | null {
  const offered =
    !hasEnglishCet6Written(situation.qualifications) && situation.writtenCampusOffersCet6 && !situation.restrictedFromCet6;
  return offered ? null : refuse('REVIEW_NOT_OFFERED');
}

export function isCet6ReviewOffered(situation: Cet6ReviewSituation): boolean {
  return checkCet6ReviewOffered(situation) === null;
}

/**
 * C3/C4: an approved review (by the system or a teacher) grants English CET6 at once: every English
 * CET6 subject of the catalogue, written and oral, since the oral still needs the written one (R6).
 */
export function qualificationsAfterReview(
  rosterQualifications: readonly SubjectCode[],
  catalogue: readonly Subject[],
  reviewStatus: ReviewStatus | null,
): SubjectCode[] {
  if (reviewStatus === null || !grantsCet6Qualification(reviewStatus)) return [...rosterQualifications];
  const granted = catalogue.filter(isEnglishCet6).map((subject) => subject.code);
  return [...new Set([...rosterQualifications, ...granted])];
}
