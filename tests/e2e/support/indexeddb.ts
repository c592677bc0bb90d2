// Reads every IndexedDB database of a page the way an attacker with the profile folder would: the plain IndexedDB API, no Dexie, binary decoded as text.
import type { Page } from '@playwright/test';

/** Each database's records as text: `database/store: <record as JSON>` lines, with any bytes (ArrayBuffer, typed arrays) shown as UTF-8 text as well. */
export async function rawIndexedDb(page: Page): Promise<{ databases: string[]; text: string }> {
  return page.evaluate(async () => {
    const asText = (value: unknown): unknown => {
      if (value instanceof ArrayBuffer) return { bytes: new TextDecoder('utf-8', { fatal: false }).decode(value) };
      if (ArrayBuffer.isView(value)) return { bytes: new TextDecoder('utf-8', { fatal: false }).decode(value) };
      if (typeof CryptoKey !== 'undefined' && value instanceof CryptoKey) return { cryptoKey: value.algorithm, extractable: value.extractable };
      return value;
    };
    const open = (name: string): Promise<IDBDatabase> =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const all = (store: IDBObjectStore): Promise<unknown[]> =>
      new Promise((resolve, reject) => {
        const request = store.getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const names = (await indexedDB.databases()).flatMap((database) => (database.name ? [database.name] : []));
    const lines: string[] = [];
    for (const name of names) {
      const db = await open(name);
      for (const storeName of Array.from(db.objectStoreNames)) {
        const records = await all(db.transaction(storeName, 'readonly').objectStore(storeName));
        for (const record of records) lines.push(`${name}/${storeName}: ${JSON.stringify(record, (_key, value: unknown) => asText(value))}`);
      }
      db.close();
    }
    return { databases: names, text: lines.join('\n') };
  });
}
