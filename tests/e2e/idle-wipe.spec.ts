// K2 on a shared kiosk: after the idle warning the candidate is logged out and nothing of them stays in the DOM, localStorage, sessionStorage or IndexedDB.
import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot } from './support/artefacts.js';
import { ZHANG_SAN } from './support/candidates.js';
import { rawIndexedDb } from './support/indexeddb.js';
import { logIn, openKiosk } from './support/kiosk.js';
import { E2E, IDLE_HOST_URL } from './support/ports.js';

test.setTimeout((E2E.idleTimeoutSeconds + 60) * 1000);

declare global {
  interface Window {
    putProvisionalRows(ids: readonly string[]): Promise<void>;
    provisionalIds(): Promise<string[]>;
  }
}

/** Raw IndexedDB access to the outbox's provisional table, installed in every page (the kiosk reloads after the wipe). */
function installProvisionalProbe(): void {
  const withStore = <T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> =>
    new Promise((resolve, reject) => {
      const open = indexedDB.open('cet-outbox');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('provisional', mode);
        const request = use(tx.objectStore('provisional'));
        tx.oncomplete = () => {
          open.result.close();
          resolve(request ? request.result : undefined);
        };
        tx.onerror = () => reject(tx.error);
      };
    });
  window.putProvisionalRows = async (ids) => {
    await withStore('readwrite', (store) => {
      for (const id of ids) store.put({ id, sealed: { iv: new Uint8Array(12), data: new ArrayBuffer(16) }, seqs: [], updatedAt: new Date().toISOString() });
    });
  };
  window.provisionalIds = async () => ((await withStore('readonly', (store) => store.getAllKeys())) ?? []).map(String);
}

test('K2 the idle warning counts down, then logout and wipe leave nothing of the candidate in DOM, storage or IndexedDB', async ({ page }) => {
  await page.addInitScript(installProvisionalProbe);
  await openKiosk(page, IDLE_HOST_URL);
  await logIn(page, ZHANG_SAN.idNumber, ZHANG_SAN.password);
  await page.getByRole('button', { name: '查看报名信息' }).click();
  await expect(page.getByRole('heading', { name: '报名信息' })).toBeVisible();
  // Traces a page could leave behind (a cache, a draft): planted so the wipe has something to remove.
  await page.evaluate(async (idNumber) => {
    localStorage.setItem('cet-draft', idNumber);
    sessionStorage.setItem('cet-draft', idNumber);
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('cet-candidate-cache', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('drafts');
      open.onsuccess = () => {
        const write = open.result.transaction('drafts', 'readwrite');
        write.objectStore('drafts').put({ idNumber }, 'me');
        write.oncomplete = () => {
          open.result.close();
          resolve();
        };
      };
      open.onerror = () => reject(open.error);
    });
  }, ZHANG_SAN.idNumber);
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name))).toContain('cet-candidate-cache');
  // A kiosk provisional view (an offline capture's summary, sealed) and the staff window's own sealed
  // cache, side by side in the outbox the two windows share: the wipe must take the first only.
  await page.evaluate(() => window.putProvisionalRows(['kiosk:offline-capture', 'staff:review-cache']));

  // No touch from here on: the warning comes with its countdown...
  const warning = page.getByRole('dialog', { name: '您还在吗？' });
  await expect(warning).toBeVisible({ timeout: E2E.idleTimeoutSeconds * 1000 });
  await expect(warning.getByRole('timer')).toContainText('秒后将自动退出');
  await screenshot(page, 'idle-warning');
  await expectAccessible(page);

  // ...then the wipe, and the page reloads to the start.
  await expect(page.getByRole('button', { name: '进入报名' })).toBeVisible({ timeout: (E2E.idleWarningSeconds + 15) * 1000 });
  await screenshot(page, 'idle-wiped');
  const traces = await page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((database) => database.name),
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    text: document.body.innerText,
    html: document.documentElement.outerHTML,
  }));
  // The device's outbox is the one database kept (its queued work must still reach the server), and
  // it holds nothing of the candidate in the clear: read raw, no ID number or name appears in it.
  expect(traces.databases.filter((name) => name !== 'cet-outbox')).toEqual([]);
  const kept = await rawIndexedDb(page);
  for (const trace of [ZHANG_SAN.idNumber, ZHANG_SAN.name]) expect(kept.text).not.toContain(trace);
  expect(await page.evaluate(() => window.provisionalIds())).toEqual(['staff:review-cache']);
  expect(traces.localStorage).toBe(0);
  expect(traces.sessionStorage).toBe(0);
  for (const trace of [ZHANG_SAN.idNumber, ZHANG_SAN.idNumber.slice(0, 4), ZHANG_SAN.name, '退出']) {
    expect(traces.text).not.toContain(trace);
  }
  expect(traces.html).not.toContain(ZHANG_SAN.idNumber);
  // And the server session is gone with it: the registration page is not reachable without logging in again.
  await page.getByRole('button', { name: '进入报名' }).click();
  await expect(page.getByRole('heading', { name: '考生登录' })).toBeVisible();
});
