// SPEC K2, the page's storage half: nothing of a candidate may outlive them in this browser profile.
import { OUTBOX_DATABASE, OutboxDatabase } from '../outbox/database.js';
import { resetAllStores } from '../stores/reset-stores.js';

/**
 * The one database that survives: the device's outbox and reference cache. Queued work of earlier
 * candidates must still reach the server after this one leaves, and it is no trace of anyone in
 * the clear: payloads and provisional views are sealed with AES-GCM under a key the page cannot
 * read, and applied or voided operations keep no payload at all.
 */
export const KEPT_DATABASES: ReadonlySet<string> = new Set([OUTBOX_DATABASE]);

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    // Blocked only while another tab holds it open; the kiosk has none, and the reload that follows ends any.
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/** Provisional views the kiosk keeps in the outbox while a candidate captures offline; the staff window's own (its review cache) share the table. */
export const KIOSK_PROVISIONAL_PREFIX = 'kiosk:';

/**
 * The outbox keeps the queued operations (the device's work) but not the kiosk's provisional view
 * of a candidate: sealed or not, it names someone who has left. Deleting needs no key, so this
 * works even when the host cannot hand one over.
 */
async function forgetKioskProvisionalViews(): Promise<void> {
  if (!(await indexedDB.databases()).some((database) => database.name === OUTBOX_DATABASE)) return;
  const outbox = new OutboxDatabase();
  try {
    await outbox.provisional.where(':id').startsWith(KIOSK_PROVISIONAL_PREFIX).delete();
  } finally {
    outbox.close();
  }
}

/** Clears stores, sessionStorage, localStorage, every IndexedDB database but the (sealed) outbox, and the kiosk's provisional views inside it. */
export async function clearCandidateTraces(): Promise<void> {
  resetAllStores();
  sessionStorage.clear();
  localStorage.clear();
  const databases = await indexedDB.databases();
  await Promise.all(databases.flatMap((database) => (database.name && !KEPT_DATABASES.has(database.name) ? [deleteDatabase(database.name)] : [])));
  await forgetKioskProvisionalViews();
}
