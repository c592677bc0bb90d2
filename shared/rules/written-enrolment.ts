// R5: which written subjects a candidate may enrol in, one at a time or as the seed's checkbox list.
import { LEVEL_NAMES_ZH, type Subject, type SubjectCode } from '../domain/subject.js';
import type { Offering } from '../domain/offering.js';
import { refuse, type DomainError } from '../errors/domain-error.js';
import { checkOfferingAvailable } from './offering-availability.js';
import { checkNotEnrolled, checkQualified, type HeldEnrolment } from './subject-eligibility.js';

export interface WrittenEnrolmentRequest {
  readonly candidateQualifications: readonly SubjectCode[];
  readonly existingEnrolments: readonly HeldEnrolment[];
  readonly subject: Subject;
  readonly offering: Offering;
  readonly now: Date;
}

export function checkWrittenEnrolment(request: WrittenEnrolmentRequest): DomainError | null {
  const { subject, existingEnrolments } = request;
  if (subject.kind !== 'written' || request.offering.subjectCode !== subject.code) {
    return refuse('VALIDATION_FAILED', { field: 'subjectCodes' });
  }
  return (
    checkQualified(request.candidateQualifications, subject) ??
    checkNotEnrolled(existingEnrolments, subject) ??
    checkOneWrittenPerLevel(existingEnrolments, subject) ??
    checkOfferingAvailable(request.offering, request.now)
  );
}

/**
 * At most one written subject per level across languages: English CET4 and Japanese CET4 exclude
 * each other. `levelName` carries the Chinese word the seed's message uses (四级/六级), `level` the
 * code other languages use, since one set of params fills every catalogue.
 */
function checkOneWrittenPerLevel(existingEnrolments: readonly HeldEnrolment[], subject: Subject): DomainError | null {
  const conflict = existingEnrolments.some((held) => held.subject.kind === 'written' && held.subject.level === subject.level);
  return conflict
    ? refuse('SUBJECT_LEVEL_CONFLICT', {
        field: 'subjectCodes',
        params: { level: subject.level, levelName: LEVEL_NAMES_ZH[subject.level], subjectCode: subject.code },
      })
    : null;
}

export interface WrittenSelection {
  readonly candidateQualifications: readonly SubjectCode[];
  readonly existingEnrolments: readonly HeldEnrolment[];
  readonly selection: readonly { readonly subject: Subject; readonly offering: Offering }[];
  readonly now: Date;
}

/**
 * The seed's form submits several written subjects at once. Each is checked against what is held
 * plus the ones before it in the selection, so two same-level boxes ticked together are refused
 * exactly as a second one added later would be. The first refusal is returned.
 */
export function checkWrittenSelection(input: WrittenSelection): DomainError | null {
  if (input.selection.length === 0) return refuse('SUBJECT_SELECTION_EMPTY', { field: 'subjectCodes' });
  const held: HeldEnrolment[] = [...input.existingEnrolments];
  for (const { subject, offering } of input.selection) {
    const error = checkWrittenEnrolment({ ...input, existingEnrolments: held, subject, offering });
    if (error !== null) return error;
    held.push({ subject });
  }
  return null;
}
