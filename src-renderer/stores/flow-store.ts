// Which kiosk screen is showing: the flow is a state machine, not URLs, so a kiosk has no address bar to wander off with.
import { create } from 'zustand';

export type Screen =
  | { readonly name: 'home' }
  | { readonly name: 'register' }
  | { readonly name: 'registerConfirm' }
  | { readonly name: 'registerDone' }
  | { readonly name: 'login' }
  | { readonly name: 'passwordReset' }
  | { readonly name: 'resetLink'; readonly token: string }
  | { readonly name: 'retrieval' }
  | { readonly name: 'welcome' }
  | { readonly name: 'agreement' }
  | { readonly name: 'qualification' }
  | { readonly name: 'qualificationConfirm' }
  | { readonly name: 'review'; readonly returnTo: 'qualificationConfirm' | 'registration' }
  | { readonly name: 'registration' }
  | { readonly name: 'written' }
  | { readonly name: 'oral' }
  | { readonly name: 'payment' }
  | { readonly name: 'receipt' }
  | { readonly name: 'tickets' }
  // Offline capture (K3): the same steps, queued in the outbox while the server cannot be reached.
  | { readonly name: 'offlineStart' }
  | { readonly name: 'offlinePassport' }
  | { readonly name: 'offlineLogin' }
  | { readonly name: 'offlineRegistration' }
  | { readonly name: 'offlineWritten' }
  | { readonly name: 'offlineOral' }
  | { readonly name: 'offlineSummary' }
  | { readonly name: 'verifyMobile' };

export type ScreenName = Screen['name'];

interface FlowState {
  readonly screen: Screen;
  go(screen: Screen): void;
  reset(): void;
}

const START: Screen = { name: 'home' };

export const useFlowStore = create<FlowState>()((set) => ({
  screen: START,
  go: (screen) => set({ screen }),
  reset: () => set({ screen: START }),
}));

/** Navigation for event handlers outside React's render. */
export function go(screen: Screen): void {
  useFlowStore.getState().go(screen);
}
