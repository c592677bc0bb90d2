// Driving the kiosk's offline capture (K3) like a candidate, and reading what the server made of it: enrolment of the kiosk, the status strip, the captured steps, the database.
import { expect, type Page } from '@playwright/test';
import { openDatabase, pgliteDirOf, type Db } from '../../../src-server/db/database.js';
import type { Identity } from '../../../shared/domain/identity.js';
import type { NewCandidate } from './candidates.js';
import { recordStep } from './journey.js';
import { choose } from './kiosk.js';
import { staffClient } from './staff.js';

export const KIOSK_CAMPUS = '993010';

/**
 * Enrols the kiosk host's device with a one-time code an admin issued over the API. The kiosk has no
 * enrolment screen (a technician enrols it), so the page makes the host's own `deviceEnrol` IPC call
 * over the host's WebSocket, which accepts only pages of its own origin. The page then reloads, so
 * its outbox opens with the device identity.
 */
export async function enrolKiosk(page: Page, hostUrl: string, serverUrl: string): Promise<void> {
  const admin = await staffClient('admin', serverUrl);
  const issued = await admin.post('/api/staff/devices/enrolment-codes', { campusCode: KIOSK_CAMPUS });
  expect(issued.status, JSON.stringify(issued.body)).toBe(200);
  await page.goto(`${hostUrl}/index.html?window=kiosk`);
  const result = await page.evaluate(
    (code) =>
      new Promise<unknown>((resolve, reject) => {
        const socket = new WebSocket(`ws://${location.host}/ipc?window=kiosk`);
        socket.onopen = () => socket.send(JSON.stringify({ type: 'call', id: 1, method: 'deviceEnrol', payload: { code, deviceName: '图书馆一楼 1号机' } }));
        socket.onmessage = (event) => {
          const frame = JSON.parse(String(event.data)) as { type: string; id?: number; result?: unknown };
          if (frame.type === 'result' && frame.id === 1) {
            socket.close();
            resolve(frame.result);
          }
        };
        socket.onerror = () => reject(new Error('the host refused the IPC socket'));
      }),
    String(issued.body.code),
  );
  expect(result).toMatchObject({ ok: true, value: { campusCode: KIOSK_CAMPUS } });
  await page.reload();
}

export function strip(page: Page) {
  return page.getByTestId('sync-strip');
}

export async function expectConnectivity(page: Page, state: 'online' | 'offline'): Promise<void> {
  // Ceiling, not expectation: the host polls every second online and backs off to 2 s offline.
  await expect(strip(page)).toHaveAttribute('data-connectivity', state, { timeout: 60_000 });
}

export async function expectPending(page: Page, pending: number, timeout = 60_000): Promise<void> {
  await expect(strip(page)).toHaveAttribute('data-pending', String(pending), { timeout });
}

/** Rows of the outbox's reference cache in this origin's IndexedDB (read raw, as a test of what is stored should). */
export async function cachedReferenceRows(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('cet-outbox');
        open.onerror = () => resolve(0);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('reference')) {
            db.close();
            return resolve(0);
          }
          const count = db.transaction('reference').objectStore('reference').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => {
            db.close();
            resolve(0);
          };
        };
      }),
  );
}

/** The catalogue is cached (the kiosk refreshes it while online), so an outage finds the offerings. */
export async function expectCatalogueCached(page: Page): Promise<void> {
  await expect.poll(() => cachedReferenceRows(page), { timeout: 60_000 }).toBeGreaterThan(10);
}

export interface OfflineCapture {
  readonly candidate: NewCandidate;
  readonly roster: Identity;
  /** Screenshot names start with this; null takes none (a second capture of the same screens). */
  readonly shots: string | null;
}

async function step(page: Page, shots: string | null, name: string): Promise<void> {
  if (shots !== null) await recordStep(page, `${shots}-${name}`);
}

/** The whole offline capture from the home screen: new passport (A3 without SMS), registration, 英语四级笔试, 英语四级口试, the summary. */
export async function captureOffline(page: Page, { candidate, roster, shots }: OfflineCapture): Promise<void> {
  await expect(page.getByRole('button', { name: '进入报名' })).toBeDisabled();
  await expect(page.getByText('需要连接服务器，网络恢复后可用').first()).toBeVisible();
  await step(page, shots, '01-home-offline');
  await page.getByRole('button', { name: '离线登记' }).click();
  await expect(page.getByRole('heading', { name: '离线登记' })).toBeVisible();
  await step(page, shots, '02-start');
  await page.getByRole('button', { name: '注册新通行证并报名' }).click();

  await expect(page.getByRole('heading', { name: '注册ETEST通行证（离线）' })).toBeVisible();
  await page.getByLabel('电子邮箱').fill(candidate.email);
  await page.getByLabel('手机号').fill(candidate.mobile);
  await page.getByLabel('密码', { exact: true }).fill(candidate.password);
  await page.getByLabel('确认密码').fill(candidate.password);
  await choose(page, '证件类型', '中华人民共和国居民身份证');
  await page.getByLabel('证件号码').fill(roster.idNumber);
  await page.getByLabel('姓名').fill(roster.name);
  await page.getByRole('checkbox', { name: '已仔细阅读并同意' }).check();
  await expect(page.getByLabel('短信验证码')).toHaveCount(0);
  await step(page, shots, '03-passport');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('heading', { name: '注册信息确认（离线）' })).toBeVisible();
  await step(page, shots, '04-passport-confirm');
  await page.getByRole('button', { name: '确认', exact: true }).click();

  await expect(page.getByRole('heading', { name: '报名信息确认（离线）' })).toBeVisible();
  await expect(page.getByRole('button', { name: '保存并继续' })).toBeDisabled();
  await page.getByRole('checkbox', { name: '我已阅读并接受遵守本网站报名协议' }).check();
  await page.getByRole('checkbox', { name: '我确认以上证件信息与学籍信息一致' }).check();
  await step(page, shots, '05-registration');
  await page.getByRole('button', { name: '保存并继续' }).click();

  await expect(page.getByRole('heading', { name: '笔试科目报考（离线）' })).toBeVisible();
  await expect(page.getByText(/剩余容量为.*缓存的数据/)).toBeVisible();
  await page.getByRole('checkbox', { name: '(1) 英语四级笔试' }).check();
  await step(page, shots, '06-written');
  await page.getByRole('button', { name: '提交' }).click();

  await expect(page.getByRole('heading', { name: '口试科目报考（离线）' })).toBeVisible();
  const fixed = page.getByText('您的笔试报名校区不允许报考外校口语', { exact: false });
  if (!(await fixed.isVisible())) await choose(page, '报名学校校区', `(${KIOSK_CAMPUS})测试校区机构001`, KIOSK_CAMPUS);
  await page.getByRole('checkbox', { name: '(F) 英语四级口试' }).check();
  await step(page, shots, '07-oral');
  await page.getByRole('button', { name: '提交' }).click();

  await expect(page.getByRole('heading', { name: '离线登记完成' })).toBeVisible();
  for (const kind of ['passport.register', 'registration.save', 'enrolment.written', 'enrolment.oral']) {
    await expect(page.getByTestId(`offline-step-${kind}`)).toContainText('将在网络恢复后确认');
  }
  await step(page, shots, '08-summary');
}

/** The server's database, opened after the server process has stopped (PGlite allows one process). */
export async function withServerDatabase<T>(dataDir: string, read: (db: Db) => Promise<T>): Promise<T> {
  const db = openDatabase({ databaseUrl: null, pgliteDir: pgliteDirOf(dataDir) });
  try {
    return await read(db);
  } finally {
    await db.destroy();
  }
}

/** What the database holds for one captured passport: its registration's identity and enrolments. */
export async function capturedState(db: Db, email: string) {
  const passport = await db.selectFrom('passports').select(['id', 'mobile', 'id_number', 'name']).where('email', '=', email).executeTakeFirst();
  if (passport === undefined) return null;
  const registration = await db.selectFrom('registrations').select(['id', 'id_number', 'name']).where('passport_id', '=', passport.id).executeTakeFirst();
  const enrolments =
    registration === undefined
      ? []
      : await db.selectFrom('enrolments').select(['offering_id', 'subject_code']).where('registration_id', '=', registration.id).orderBy('subject_code').execute();
  const provisional = await db.selectFrom('provisional_passports').select(['seq']).where('passport_id', '=', passport.id).executeTakeFirst();
  return { passport, registration: registration ?? null, enrolments, provisionalSeq: provisional === undefined ? null : Number(provisional.seq) };
}
