// Reference data the screens share: the exam session (its time zone and windows) and the provinces for login.
import { create } from 'zustand';
import type { ExamSession, Province } from '../../shared/contracts/http/catalogue.js';

/** Until the exam session has loaded, times are shown in China's zone, where every CET session is held. */
export const FALLBACK_TIME_ZONE = 'Asia/Shanghai';

interface ReferenceState {
  readonly examSession: ExamSession | null;
  readonly provinces: readonly Province[] | null;
  patch(values: Partial<Pick<ReferenceState, 'examSession' | 'provinces'>>): void;
  reset(): void;
}

export const useReferenceStore = create<ReferenceState>()((set) => ({
  examSession: null,
  provinces: null,
  patch: (values) => set(values),
  reset: () => set({ examSession: null, provinces: null }),
}));

export function useTimeZone(): string {
  return useReferenceStore((state) => state.examSession?.timeZone ?? FALLBACK_TIME_ZONE);
}
