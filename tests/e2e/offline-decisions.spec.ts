// Issue #8 items 6–7 in Chromium against real processes: a teacher's CET6 review decisions taken while the central
// server is down (offline grant and review queue cached sealed at login), replayed when it is back; and the device
// queue monitor (refused operations with their reason, retry and discard each audited on the server).
// The server and the staff host are this file's own (free ports), since the test stops and restarts the server.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, screenshot } from './support/artefacts.js';
import { newCandidate } from './support/candidates.js';
import { OwnServer, OwnStaffHost } from './support/own-processes.js';
import { cet4Csv, openStaff, registeredCandidate, rosterCandidate, rosterCsv, rosterRow, staffClient, staffLogIn, staffLogOut, type RosterCandidate } from './support/staff.js';
import type { TestClient } from '../support/client.js';

test.describe.configure({ mode: 'serial' });
// One test, in steps: the outbox lives in this page's IndexedDB, which a fresh test context would not have.
test.setTimeout(420_000);

let server: OwnServer;
let host: OwnStaffHost;
const approved = rosterCandidate('林思远');
const rejected = rosterCandidate('高梓萱');
const decidedOnline = rosterCandidate('何嘉懿');
const discarded = rosterCandidate('罗晨曦');
const all = [approved, rejected, decidedOnline, discarded];
const sessions = new Map<string, TestClient>();
const REJECT_REASON = '四级成绩记录的证件号码与本人不一致，请带身份证到教务处核对';

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** C4 pending applications of school 99301: imported students whose CET4 records carry another ID number. */
async function pendingApplications(list: readonly RosterCandidate[]): Promise<void> {
  const teacher = await staffClient('teacher99301', server.url);
  const roster = await teacher.post('/api/staff/imports/roster', { schoolCode: '99301', fileName: 'roster.csv', contentBase64: base64(rosterCsv(list.map((c) => rosterRow(c)))) });
  expect(roster.body.imported, JSON.stringify(roster.body)).toBe(true);
  const admin = await staffClient('admin', server.url);
  const scores = await admin.post('/api/admin/imports/cet4-scores', { fileName: 'cet4.csv', contentBase64: base64(cet4Csv(list, () => newCandidate().idNumber)) });
  expect(scores.body.imported, JSON.stringify(scores.body)).toBe(true);
  for (const candidate of list) {
    const client = await registeredCandidate(candidate, server.url);
    const submitted = await client.post('/api/review', { idType: 'RESIDENT_ID', idNumber: candidate.idNumber, name: candidate.name, ticketNumber: candidate.ticketNumber, confirmed: true });
    expect(submitted.body.status, JSON.stringify(submitted.body)).toBe('PENDING');
    sessions.set(candidate.idNumber, client);
  }
}

async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('tab', { name, exact: true, selected: true })).toBeVisible();
}

async function connectivity(page: Page, state: 'online' | 'offline'): Promise<void> {
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-connectivity', state, { timeout: 60_000 });
}

function row(page: Page, seq: number) {
  return page.getByTestId('local-queue').locator(`tr[data-seq="${seq}"]`);
}

async function pick(page: Page, candidate: RosterCandidate): Promise<void> {
  await page.getByRole('navigation', { name: '复核申请列表' }).getByRole('button', { name: new RegExp(candidate.name) }).click();
  await expect(page.getByRole('heading', { name: `${candidate.name} 的复核材料` })).toBeVisible();
}

async function discard(page: Page, seq: number, reason: string): Promise<void> {
  await row(page, seq).getByRole('button', { name: '放弃' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('放弃后该操作不会再提交');
  await dialog.getByRole('button', { name: '确认放弃' }).click();
  await expect(dialog.getByText('请填写放弃原因')).toBeVisible();
  await dialog.getByLabel('放弃原因').fill(reason);
  await dialog.getByRole('button', { name: '确认放弃' }).click();
  await expect(dialog).toBeHidden();
}

/** Every string of every record of the outbox database, read raw (no Dexie), as an attacker with the disk would. */
async function rawOutboxText(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const opened = indexedDB.open('cet-outbox');
        opened.onerror = () => reject(opened.error);
        opened.onsuccess = () => {
          const db = opened.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const texts: string[] = [];
          for (const name of names) {
            const all = tx.objectStore(name).getAll();
            all.onsuccess = () => texts.push(JSON.stringify(all.result));
          }
          tx.oncomplete = () => resolve(texts.join('\n'));
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

async function provisionalIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const opened = indexedDB.open('cet-outbox');
        opened.onerror = () => reject(opened.error);
        opened.onsuccess = () => {
          const keys = opened.result.transaction('provisional', 'readonly').objectStore('provisional').getAllKeys();
          keys.onsuccess = () => resolve(keys.result.map(String));
          keys.onerror = () => reject(keys.error);
        };
      }),
  );
}

test.beforeAll(async () => {
  server = await OwnServer.create();
  host = await OwnStaffHost.create();
  await server.start();
  await host.start(server.url);
  await pendingApplications(all);
});

test.afterAll(async () => {
  await host?.dispose();
  await server?.dispose();
});

test('K3 K4 C4 a teacher decides reviews offline, the decisions replay as hers; the device queue shows a refusal with its reason, and retry and discard are audited on the server', async ({ page }) => {
  const teacher = await staffClient('teacher99301', server.url);
  const pendingIds = new Map<string, string>();
  for (const item of (await teacher.get('/api/staff/reviews?status=PENDING&limit=200')).body.items as { id: string; name: string }[]) pendingIds.set(item.name, item.id);
  const idOf = (candidate: RosterCandidate) => pendingIds.get(candidate.name) ?? '';
  for (const candidate of all) expect(idOf(candidate), candidate.name).not.toBe('');

  await test.step('the teacher enrols this workstation with a one-time code issued in the staff window', async () => {
    await openStaff(page, host.url);
    await staffLogIn(page, 'teacher99301');
    await connectivity(page, 'online');
    await tab(page, '设备');
    await page.getByLabel('校区').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '(993010)' }).click();
    await page.getByRole('button', { name: '生成登记码' }).click();
    await expect(page.getByTestId('enrolment-code')).toHaveText(/\S{8}/);
    const code = (await page.getByTestId('enrolment-code').textContent()) ?? '';
    await tab(page, '设备队列');
    const device = page.getByTestId('this-device');
    await expect(device).toContainText('本机尚未登记');
    await device.getByRole('button', { name: '登记本机' }).click();
    await expect(device.getByText('请输入登记码')).toBeVisible();
    await device.getByLabel('登记码').fill(code);
    await device.getByLabel('设备名称').fill('外国语学院办公室 工作站');
    await device.getByRole('button', { name: '登记本机' }).click();
    await expect(device).toContainText('已登记到校区 993010：外国语学院办公室 工作站');
    await expect(device).toContainText('浏览器模式下设备凭据以普通文件保存');
    await expect(page.getByTestId('local-queue')).toContainText('本机没有待处理的操作');
    await screenshot(page, 'staff-outbox-enrolled');
    await expectAccessible(page);
  });

  await test.step('online, the grant and the pending queue are cached sealed for offline review', async () => {
    await tab(page, '复核');
    await expect(page.getByTestId('offline-ready')).toContainText('4 份待复核申请已加密缓存在本机');
    // Meanwhile another session of the school decides one of them online: the cached copy still shows it pending.
    const decided = await teacher.post(`/api/staff/reviews/${idOf(decidedOnline)}/decision`, { decision: 'APPROVED' });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  });

  await test.step('the server goes away: the review screen works from the cache, marked offline and provisional', async () => {
    await server.stop();
    await connectivity(page, 'offline');
    await expect(page.getByTestId('offline-review')).toContainText('离线模式');
    await expect(page.getByRole('button', { name: '代为申请' })).toBeDisabled();
    await expect(page.getByText('离线时不能办理，网络恢复后可用').first()).toBeVisible();

    await pick(page, approved);
    await page.getByRole('button', { name: '复核通过 (A)' }).click();
    await pick(page, approved);
    await expect(page.getByTestId('decision-waiting')).toContainText('待同步');

    await pick(page, rejected);
    await page.getByLabel('复核意见').fill(REJECT_REASON);
    await page.getByRole('button', { name: '复核不通过 (R)' }).click();
    await pick(page, decidedOnline);
    await page.getByRole('button', { name: '复核通过 (A)' }).click();
    await pick(page, discarded);
    await page.getByRole('button', { name: '复核通过 (A)' }).click();
    const queue = page.getByRole('navigation', { name: '复核申请列表' });
    for (const candidate of all) await expect(queue.getByRole('button', { name: new RegExp(candidate.name) })).toContainText('待同步');
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', '4');
    await screenshot(page, 'staff-offline-review');
    await expectAccessible(page);
  });

  await test.step('the device queue lists them waiting; one is discarded with a reason, its audit waiting for the server', async () => {
    await tab(page, '设备队列');
    for (const seq of [1, 2, 3, 4]) {
      await expect(row(page, seq)).toHaveAttribute('data-state', 'pending');
      await expect(row(page, seq)).toContainText('六级资格复核决定');
    }
    await expect(row(page, 2)).toContainText('复核不通过');
    await discard(page, 4, '考生当面说明已改为下学期再申请');
    await expect(row(page, 4)).toHaveAttribute('data-state', 'discarded');
    await expect(page.getByTestId('audit-waiting')).toContainText('1 条处理记录尚未上报服务器');
    await expect(page.getByTestId('audit-waiting').getByRole('button', { name: '立即上报' })).toBeDisabled();
    await expect(page.getByText('离线时无法查看服务器记录')).toBeVisible();
    await screenshot(page, 'staff-outbox-offline');
    await expectAccessible(page);
  });

  await test.step('the server is back: the queue replays, the stale decision is refused with its reason, the waiting audit is sent', async () => {
    await server.start();
    await connectivity(page, 'online');
    await expect(row(page, 1)).toHaveAttribute('data-state', 'applied', { timeout: 60_000 });
    await expect(row(page, 2)).toHaveAttribute('data-state', 'applied');
    await expect(row(page, 3)).toHaveAttribute('data-state', 'refused');
    await expect(row(page, 3)).toContainText('该申请不是“未复核”状态，不能进行手动复核');
    await expect(page.getByTestId('audit-waiting')).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByTestId('audit-trail')).toContainText('已上报');
    const refusals = page.getByTestId('server-refusals');
    await expect(refusals).toContainText('外国语学院办公室 工作站');
    await expect(refusals).toContainText('该申请不是“未复核”状态');
    await screenshot(page, 'staff-outbox-replayed');
    await expectAccessible(page);
  });

  await test.step('retry sends the refused decision again under a new number; discarding its refusal is audited too', async () => {
    await row(page, 3).getByRole('button', { name: '重试' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已重新排队为第5号操作' })).toBeVisible();
    await expect(row(page, 3)).toHaveAttribute('data-state', 'retried');
    await expect(row(page, 5)).toHaveAttribute('data-state', 'refused', { timeout: 60_000 });
    await discard(page, 5, '已由本校另一位老师在线复核通过');
    await expect(row(page, 5)).toHaveAttribute('data-state', 'discarded');
    await expect(row(page, 5).getByRole('button', { name: '重试' })).toHaveCount(0);
    await expect(page.getByTestId('audit-waiting')).toHaveCount(0, { timeout: 30_000 });
    await screenshot(page, 'staff-outbox-retry-discard');
  });

  await test.step('the server holds the decisions as the teacher’s, the candidates see them, and the audit log has each action', async () => {
    const a = (await teacher.get(`/api/staff/reviews/${idOf(approved)}`)).body;
    expect(a.application.status).toBe('APPROVED');
    expect(a.application.reviewerName).not.toBeNull();
    const b = (await teacher.get(`/api/staff/reviews/${idOf(rejected)}`)).body;
    expect(b.application).toMatchObject({ status: 'REJECTED', reason: REJECT_REASON });
    expect(b.application.reviewerName).toBe(a.application.reviewerName);
    expect((await teacher.get(`/api/staff/reviews/${idOf(discarded)}`)).body.application.status).toBe('PENDING');

    expect((await sessions.get(approved.idNumber)!.get('/api/review')).body.application).toMatchObject({ status: 'APPROVED' });
    expect((await sessions.get(rejected.idNumber)!.get('/api/review')).body.application).toMatchObject({ status: 'REJECTED', reason: REJECT_REASON });

    const admin = await staffClient('admin', server.url);
    const retries = (await admin.get('/api/admin/audit?action=sync.outbox_retry')).body.entries as { actor: { kind: string; name: string | null }; target: { id: string } | null }[];
    expect(retries.map((entry) => entry.target?.id.split(':')[1])).toEqual(['3']);
    expect(retries[0]?.actor.kind).toBe('TEACHER');
    const discards = (await admin.get('/api/admin/audit?action=sync.outbox_discard')).body.entries as { actor: { kind: string }; target: { id: string } | null }[];
    expect(discards.map((entry) => entry.target?.id.split(':')[1]).sort()).toEqual(['4', '5']);
    expect(discards.every((entry) => entry.actor.kind === 'TEACHER')).toBe(true);
    const approvals = (await admin.get('/api/admin/audit?action=review.approved')).body.entries as { actor: { kind: string; name: string | null }; target: { id: string } | null }[];
    expect(approvals.find((entry) => entry.target?.id === idOf(approved))?.actor).toMatchObject({ kind: 'TEACHER', name: a.application.reviewerName });
  });

  await test.step('nothing personal is plaintext in the outbox, and logout takes the cached queue and the grant away', async () => {
    const raw = await rawOutboxText(page);
    for (const candidate of all) {
      expect(raw).not.toContain(candidate.name);
      expect(raw).not.toContain(candidate.idNumber);
    }
    expect(raw).not.toContain(REJECT_REASON);
    expect(await provisionalIds(page)).toContain('staff:offline-review');
    await staffLogOut(page);
    await expect.poll(() => provisionalIds(page)).not.toContain('staff:offline-review');
  });

  await test.step('an admin sees every device’s refusals; a teacher of another school sees none of this school’s', async () => {
    await staffLogIn(page, 'admin');
    await tab(page, '设备队列');
    await expect(page.getByRole('heading', { name: /全部设备被拒绝的操作/ })).toBeVisible();
    await expect(page.getByTestId('server-refusals')).toContainText('外国语学院办公室 工作站');
    await screenshot(page, 'staff-outbox-admin');
    await staffLogOut(page);

    await staffLogIn(page, 'teacher99302');
    await tab(page, '设备队列');
    await expect(page.getByTestId('server-refusals')).toContainText('服务器上没有被拒绝的操作');
    const other = await staffClient('teacher99302', server.url);
    const listed = await other.get('/api/staff/device-operations?status=refused');
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([]);
    await staffLogOut(page);
  });
});
