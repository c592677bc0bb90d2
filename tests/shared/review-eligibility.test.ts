// C1 when the CET6 review is offered, and C3/C4 the qualifications an approved review adds.
import { describe, expect, it } from 'vitest';
import type { ReviewStatus } from '../../shared/domain/review-application.js';
import type { Subject } from '../../shared/domain/subject.js';
import { isCet6ReviewOffered, qualificationsAfterReview } from '../../shared/rules/review-eligibility.js';
import { CATALOGUE, SUBJECTS } from './fixtures.js';

const { englishCet4Written, englishCet4Oral, englishCet6Written, japaneseCet6Written } = SUBJECTS;

describe('C1 CET6 review offered', () => {
  it.each<[string, Subject[], boolean, boolean, boolean]>([
    ['CET4 only, campus offers CET6, not restricted', [englishCet4Written, englishCet4Oral], true, false, true],
    ['Japanese CET6 is not English CET6', [englishCet4Written, japaneseCet6Written], true, false, true],
    ['already qualified for English CET6', [englishCet4Written, englishCet6Written], true, false, false],
    ['the written campus does not offer CET6', [englishCet4Written], false, false, false],
    ['restricted from CET6 by the school', [englishCet4Written], true, true, false],
  ])('C1 %s → offered %s', (_, qualifications, writtenCampusOffersCet6, restrictedFromCet6, offered) => {
    expect(isCet6ReviewOffered({ qualifications, writtenCampusOffersCet6, restrictedFromCet6 })).toBe(offered);
  });
});

describe('C3 qualifications after a review', () => {
  it.each<[ReviewStatus | null, string[]]>([
    [null, ['1', 'F']],
    ['PENDING', ['1', 'F']],
    ['REJECTED', ['1', 'F']],
    ['AUTO_APPROVED', ['1', 'F', '2', 'S']],
    ['APPROVED', ['1', 'F', '2', 'S']],
  ])('C3 a review that is %s leaves the candidate qualified for %o', (status, codes) => {
    expect(qualificationsAfterReview(['1', 'F'], CATALOGUE, status)).toEqual(codes);
  });

  it('C3 adds nothing twice', () => {
    expect(qualificationsAfterReview(['1', '2'], CATALOGUE, 'APPROVED')).toEqual(['1', '2', 'S']);
  });
});
