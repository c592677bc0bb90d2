// The end of an offline capture (K2): the candidate's provisional view leaves the outbox, every store is emptied, and the kiosk is back at home.
import { useCallback } from 'react';
import { startOutbox } from '../../outbox/index.js';
import { resetAllStores } from '../../stores/reset-stores.js';
import { PROVISIONAL_ID } from './queue.js';

export function useEndOfflineSession(): () => Promise<void> {
  return useCallback(async () => {
    // The queued operations stay (encrypted, the device's work); the summary that named the candidate does not.
    await startOutbox()
      .then((outbox) => outbox.forgetProvisional(PROVISIONAL_ID))
      .catch(() => undefined);
    resetAllStores();
  }, []);
}
