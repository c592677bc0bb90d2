// C4, C6, C7: what may happen to a review application in each status, and repeat submitters.
import { describe, expect, it } from 'vitest';
import type { ReviewStatus } from '../../shared/domain/review-application.js';
import {
  canDeleteReview,
  canEditReview,
  canSubmitReview,
  checkManualReview,
  checkReviewChange,
  isRepeatSubmitter,
} from '../../shared/rules/review-lifecycle.js';

describe('C4 and C6 changing an application', () => {
  it.each<[ReviewStatus, boolean, string | null]>([
    ['PENDING', false, 'REVIEW_PENDING_LOCKED'],
    ['REJECTED', true, null],
    ['AUTO_APPROVED', false, 'REVIEW_APPROVED_FINAL'],
    ['APPROVED', false, 'REVIEW_APPROVED_FINAL'],
  ])('C6 a %s application: edit and delete allowed %s (%s)', (status, allowed, code) => {
    expect(canEditReview(status)).toBe(allowed);
    expect(canDeleteReview(status)).toBe(allowed);
    expect(checkReviewChange(status)?.code ?? null).toBe(code);
  });

  it.each<[ReviewStatus | null, boolean]>([
    [null, true],
    ['REJECTED', true],
    ['PENDING', false],
    ['AUTO_APPROVED', false],
    ['APPROVED', false],
  ])('C6 one application per passport: with %s held, a submission is allowed %s', (existing, allowed) => {
    expect(canSubmitReview(existing)).toBe(allowed);
  });
});

describe('C4 a teacher’s manual review', () => {
  it.each<[ReviewStatus, 'APPROVED' | 'REJECTED', string, string | null]>([
    ['PENDING', 'APPROVED', '', null],
    ['PENDING', 'REJECTED', '证件号码与成绩记录不一致', null],
    ['PENDING', 'REJECTED', '   ', 'FIELD_REQUIRED'],
    ['REJECTED', 'APPROVED', '', 'REVIEW_NOT_PENDING'],
    ['AUTO_APPROVED', 'REJECTED', '重复提交', 'REVIEW_NOT_PENDING'],
    ['APPROVED', 'REJECTED', '误批', 'REVIEW_NOT_PENDING'],
  ])('C4 a %s application %s with reason %j → %s', (status, decision, reason, code) => {
    expect(checkManualReview(status, decision, reason)?.code ?? null).toBe(code);
  });
});

describe('C7 repeat submitters', () => {
  it.each([
    [1, 3, false],
    [2, 3, false],
    [3, 3, true],
    [7, 3, true],
    [2, 2, true],
  ])('C7 %i submissions against a threshold of %i → repeat submitter %s', (count, threshold, repeat) => {
    expect(isRepeatSubmitter(count, threshold)).toBe(repeat);
  });

  it('C7 uses three submissions when the session sets no threshold', () => {
    expect([2, 3].map((count) => isRepeatSubmitter(count))).toEqual([false, true]);
  });
});
