// The review queue on the staff screen: the list for one status, the application being read and its evidence.
import { create } from 'zustand';
import type { ResponseOf } from '../../shared/contracts/http/endpoint.js';
import type { listReviews, ReviewEvidence } from '../../shared/contracts/http/review.js';
import type { ReviewStatus } from '../../shared/domain/review-application.js';

export type ReviewListItem = ResponseOf<typeof listReviews>['items'][number];

interface StaffReviewsState {
  readonly status: ReviewStatus;
  readonly items: readonly ReviewListItem[];
  readonly selectedId: string | null;
  readonly evidence: ReviewEvidence | null;
  patch(values: Partial<Omit<StaffReviewsState, 'patch'>>): void;
}

export const useStaffReviews = create<StaffReviewsState>()((set) => ({
  status: 'PENDING',
  items: [],
  selectedId: null,
  evidence: null,
  patch: (values) => set(values),
}));
