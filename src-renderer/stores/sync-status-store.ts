// The host's sync status (connectivity, pending, last sync, replay progress), kept current from the syncStatusChanged event for every screen.
import { create } from 'zustand';
import type { IpcBridge } from '../../shared/contracts/ipc.js';
import type { SyncStatus } from '../../shared/contracts/sync.js';

interface SyncStatusState {
  /** Null until the host has answered once: the strip then says nothing rather than guess. */
  readonly status: SyncStatus | null;
  set(status: SyncStatus): void;
}

export const useSyncStatusStore = create<SyncStatusState>()((set) => ({
  status: null,
  set: (status) => set({ status }),
}));

/**
 * Subscribes before asking, so an event that arrives while the first answer is on its way is not
 * overwritten by that older answer. Returns the unsubscribe.
 */
export function watchSyncStatus(bridge: Pick<IpcBridge, 'syncStatus' | 'onSyncStatusChanged'>): () => void {
  let heard = false;
  const stop = bridge.onSyncStatusChanged((status) => {
    heard = true;
    useSyncStatusStore.getState().set(status);
  });
  void bridge.syncStatus({}).then((result) => {
    if (result.ok && !heard) useSyncStatusStore.getState().set(result.value);
  });
  return stop;
}

/** Offline is what the host says; a status not yet known counts as online, so nothing is disabled on a guess. */
export function useOffline(): boolean {
  return useSyncStatusStore((state) => state.status?.connectivity === 'offline');
}
