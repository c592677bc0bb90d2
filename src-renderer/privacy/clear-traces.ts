// SPEC K2, the page's storage half: nothing of a candidate may outlive them in this browser profile.
import { resetAllStores } from '../stores/reset-stores.js';

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    // Blocked only while another tab holds it open; the kiosk has none, and the reload that follows ends any.
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/**
 * Clears stores, sessionStorage, localStorage and every IndexedDB database. There is no outbox
 * yet, so nothing is spared; once the outbox exists its (encrypted) database is the one exception.
 */
export async function clearCandidateTraces(): Promise<void> {
  resetAllStores();
  sessionStorage.clear();
  localStorage.clear();
  const databases = await indexedDB.databases();
  await Promise.all(databases.flatMap((database) => (database.name ? [deleteDatabase(database.name)] : [])));
}
