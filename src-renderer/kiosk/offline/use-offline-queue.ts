// The kiosk's side of the outbox, for as long as the kiosk window is open: the outbox opened at once (so a reloaded page pumps
// what an earlier one queued), and its reference cache kept fresh while the server answers, so an outage finds the catalogue
// and seat counts of a minute ago (K3).
import { useEffect } from 'react';
import { startOutbox } from '../../outbox/index.js';
import { useSyncStatusStore } from '../../stores/sync-status-store.js';

/** Seats change as candidates enrol: a minute old is as stale as an offline capture should start from. */
export const REFERENCE_REFRESH_MS = 60_000;

export function useOfflineQueue(): void {
  useEffect(() => {
    // A failed open (no key yet, host still starting) is tried again by the next call that needs it.
    void startOutbox().catch(() => undefined);
  }, []);
  const online = useSyncStatusStore((state) => state.status?.connectivity === 'online');
  useEffect(() => {
    if (!online) return;
    // Pulls are incremental (a cursor): a refresh with nothing new is one small request.
    const refresh = () => void startOutbox().then((outbox) => outbox.refreshReference()).catch(() => undefined);
    refresh();
    const timer = setInterval(refresh, REFERENCE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [online]);
}
