// The staff window's session and the campuses it acts for, in memory only.
import { create } from 'zustand';
import type { Campus, School } from '../../shared/contracts/http/catalogue.js';
import type { SessionView } from '../../shared/contracts/http/session.js';
import { useStaffGroupPayment } from './staff-group-payment.js';
import { useStaffReviews } from './staff-reviews.js';

export type StaffSession = Extract<SessionView, { role: 'teacher' | 'admin' }>;

interface StaffSessionState {
  readonly session: StaffSession | null;
  /** The teacher's own school, or every school for an admin. */
  readonly schools: readonly School[];
  patch(values: Partial<Pick<StaffSessionState, 'session' | 'schools'>>): void;
  reset(): void;
}

export const useStaffSession = create<StaffSessionState>()((set) => ({
  session: null,
  schools: [],
  patch: (values) => set(values),
  reset: () => set({ session: null, schools: [] }),
}));

/** Logout or an expired session: nothing of the last staff member stays on screen or in memory. */
export function resetStaffStores(): void {
  useStaffSession.getState().reset();
  useStaffReviews.getState().patch({ status: 'PENDING', items: [], selectedId: null, evidence: null });
  useStaffGroupPayment.getState().patch({ order: null });
}

export function campusesOf(schools: readonly School[]): Campus[] {
  return schools.flatMap((school) => school.campuses);
}
