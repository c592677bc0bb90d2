// The staff side of browser journeys: candidates prepared over HTTP (register, log in, submit a review, enrol), CSV files, and the staff window's login.
import { expect, type Page } from '@playwright/test';
import { TestClient } from '../../support/client.js';
import { newCandidate, passportForm, type NewCandidate } from './candidates.js';
import { fillCaptcha } from './kiosk.js';
import { smsCodeFor } from './outbox.js';
import { SERVER_URL, STAFF_HOST_URL } from './ports.js';

export const STAFF_PASSWORD = 'Staff@2026';

/** A candidate who is in no roster yet: the roster import adds them, the CET4 import gives them a record under another ID number (C4). */
export interface RosterCandidate extends NewCandidate {
  readonly studentNumber: string;
  /** English CET4 written, 2024 second half, at 993010 (shared/rules/review-ticket.ts). */
  readonly ticketNumber: string;
}

let seat = 0;
export function rosterCandidate(name: string): RosterCandidate {
  const candidate = newCandidate(name);
  seat += 1;
  // Room 9xx: the demo's own 2024 tickets at 993010 use the first few rooms only.
  const room = `9${String(Date.now() % 100).padStart(2, '0')}`;
  return { ...candidate, studentNumber: `E2E${candidate.idNumber.slice(-8)}`, ticketNumber: `9930102421${room}${String(seat).padStart(2, '0')}` };
}

const ROSTER_HEADER = '证件类型,证件号码,姓名,性别,学校代码,校区代码,学历,学制,入学年份,年级,院系,专业,班级,学号,备注,资格科目,限制报考六级';

export function rosterRow(candidate: Pick<RosterCandidate, 'idNumber' | 'name' | 'studentNumber'>, campusCode = '993010'): string {
  return `中华人民共和国居民身份证,${candidate.idNumber},${candidate.name},女,99301,${campusCode},本科,4,24,24级,外国语学院,英语,1,${candidate.studentNumber},,1;F,`;
}

export function rosterCsv(rows: readonly string[]): string {
  return `${[ROSTER_HEADER, ...rows].join('\n')}\n`;
}

/** The CET4 record the ticket points to: same name, but the number the candidate used back then (C4's pending case). */
export function cet4Csv(candidates: readonly RosterCandidate[], otherIdNumber: (candidate: RosterCandidate) => string): string {
  const rows = candidates.map((candidate) => `${candidate.ticketNumber},中华人民共和国居民身份证,${otherIdNumber(candidate)},${candidate.name},468,2024`);
  return `${['准考证号,证件类型,证件号码,姓名,成绩,考试年份', ...rows].join('\n')}\n`;
}

export async function staffClient(username: string, server = SERVER_URL): Promise<TestClient> {
  const client = new TestClient(server);
  const { status } = await client.post('/api/staff/session', { username, password: STAFF_PASSWORD, captcha: await client.captcha() });
  expect(status).toBe(200);
  return client;
}

/** Registers the passport (A3, SMS code from the dev outbox) and logs it in; `server` when the test runs a server of its own. */
export async function registeredCandidate(candidate: NewCandidate, server = SERVER_URL): Promise<TestClient> {
  const client = new TestClient(server);
  expect((await client.post('/api/passport/sms-code', { mobile: candidate.mobile })).status).toBe(200);
  const form = passportForm(candidate, await smsCodeFor(candidate.mobile, server));
  const preview = await client.post('/api/passport/register/preview', form);
  expect(preview.status, JSON.stringify(preview.body)).toBe(200);
  expect((await client.post('/api/passport/register', { ...form, confirmation: preview.body.confirmation })).status).toBe(200);
  const login = await client.post('/api/session', { provinceCode: '99', account: candidate.email, password: candidate.password, captcha: await client.captcha() });
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  const session = await client.get('/api/reference/exam-session');
  expect((await client.post('/api/registration/agreement', { agreementVersion: session.body.agreementVersion, accepted: true })).status).toBe(200);
  return client;
}

export async function openStaff(page: Page, host = STAFF_HOST_URL): Promise<void> {
  await page.goto(`${host}/index.html?window=staff`);
  await expect(page.getByRole('heading', { name: '工作人员登录' })).toBeVisible();
}

export async function staffLogIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(STAFF_PASSWORD);
  await fillCaptcha(page);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('button', { name: '退出' })).toBeVisible();
}

export async function staffLogOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出' }).click();
  await expect(page.getByRole('heading', { name: '工作人员登录' })).toBeVisible();
}
