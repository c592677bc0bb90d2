// The outbox's status for the UI (status bar, offline banner, outbox monitor): one zustand store per page, fed by the outbox and the host's syncStatusChanged.
import { create } from 'zustand';
import type { OutboxStatus } from './index.js';

export const INITIAL_OUTBOX_STATUS: OutboxStatus = {
  ready: false,
  connectivity: 'offline',
  pending: 0,
  refused: 0,
  expired: 0,
  lastSyncAt: null,
  replay: null,
  blocked: null,
  nextRetryAt: null,
  pumping: false,
};

interface OutboxStatusState extends OutboxStatus {
  patch(values: Partial<OutboxStatus>): void;
}

/** Not reset by the K2 wipe: the queue is the device's, not the candidate's, and holds no personal data in the clear. */
export const useOutboxStatus = create<OutboxStatusState>()((set) => ({
  ...INITIAL_OUTBOX_STATUS,
  patch: (values) => set(values),
}));
