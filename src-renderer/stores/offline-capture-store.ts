// One candidate's offline capture in memory (K3): whose registration it is, the seqs each step was queued under, and what the summary lists;
// and, at a later login, the server's notices of how the capture went.
// The outbox holds the operations themselves, encrypted; this store holds nothing once the session ends (K2).
import { create } from 'zustand';
import type { CandidateRef, OperationKind, PassportRegisterPayload } from '../../shared/contracts/operations.js';
import type { OfferingChoice } from '../../shared/contracts/http/enrolment.js';
import type { ResponseOf } from '../../shared/contracts/http/endpoint.js';
import type { takeNotices } from '../../shared/contracts/http/offline.js';
import type { Identity } from '../../shared/domain/identity.js';

/** A line of the summary: the operation's seq, its kind, and what the candidate chose, as they saw it. */
export interface CapturedStep {
  readonly seq: number;
  readonly kind: OperationKind;
  readonly lines: readonly string[];
}

/** The server's notices of a logged-in candidate's offline outcomes: shown once by the server, so kept here until the candidate leaves. */
export type CandidateNotices = ResponseOf<typeof takeNotices>['notices'];

interface OfflineState {
  /** How the candidate identified: a passport captured now, or an existing passport's login checked at replay. */
  readonly candidate: CandidateRef | null;
  /** The A3 form awaiting the confirmation step; holds the password, so it lives only until confirmed. */
  readonly passportDraft: PassportRegisterPayload | null;
  /** The identity of the passport captured now: the registration step starts from it. */
  readonly identity: Identity | null;
  /** The campus whose written offerings the candidate chooses from (the kiosk's own by default). */
  readonly writtenCampusCode: string | null;
  readonly steps: readonly CapturedStep[];
  /** The written offerings chosen, which the oral screen's R6 checks need. */
  readonly written: readonly OfferingChoice[];
  /** Null until fetched after login. */
  readonly notices: CandidateNotices | null;
  patch(values: Partial<Pick<OfflineState, 'candidate' | 'passportDraft' | 'identity' | 'writtenCampusCode' | 'written' | 'notices'>>): void;
  addStep(step: CapturedStep): void;
  reset(): void;
}

const EMPTY = { candidate: null, passportDraft: null, identity: null, writtenCampusCode: null, steps: [], written: [], notices: null } as const;

export const useOfflineStore = create<OfflineState>()((set) => ({
  ...EMPTY,
  patch: (values) => set(values),
  addStep: (step) => set((state) => ({ steps: [...state.steps, step] })),
  reset: () => set(EMPTY),
}));

/**
 * The seqs a later step depends on: the passport captured in this session (if any) and every step
 * before it, so a refusal anywhere up the chain (register → save registration → enrol) cascades.
 */
export function dependsOnSoFar(): number[] {
  return useOfflineStore.getState().steps.map((step) => step.seq);
}
