// Steps of the candidate journey at the kiosk that several browser tests take: register, log in to 报名信息, record a step's artefacts.
import { expect, type Page } from '@playwright/test';
import type { Identity } from '../../../shared/domain/identity.js';
import { expectAccessible, screenshot } from './artefacts.js';
import type { NewCandidate } from './candidates.js';
import { choose, logIn, openKiosk } from './kiosk.js';
import { smsCodeFor } from './outbox.js';

/** Every step of a journey leaves a screenshot and passes axe (no serious or critical violation). */
export async function recordStep(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await expectAccessible(page);
}

/** The 证件类型/证件号码/姓名 fields of the qualification query and the review form. */
export async function fillIdentity(page: Page, identity: Pick<Identity, 'idNumber' | 'name'>): Promise<void> {
  await choose(page, '证件类型', '中华人民共和国居民身份证');
  await page.getByLabel('证件号码').fill(identity.idNumber);
  await page.getByLabel('姓名').fill(identity.name);
}

/** A3 at the kiosk with the SMS code from the dev outbox, through the confirm step; `shots` names each step's artefacts. */
export async function registerAtKiosk(page: Page, candidate: NewCandidate, shots: string): Promise<void> {
  await openKiosk(page);
  await page.getByRole('button', { name: '注册新用户' }).click();
  await page.getByLabel('电子邮箱').fill(candidate.email);
  await page.getByLabel('手机号').fill(candidate.mobile);
  await page.getByLabel('密码', { exact: true }).fill(candidate.password);
  await page.getByLabel('确认密码').fill(candidate.password);
  await fillIdentity(page, candidate);
  await page.getByRole('button', { name: '发送验证码' }).click();
  await page.getByLabel('短信验证码').fill(await smsCodeFor(candidate.mobile));
  await page.getByRole('checkbox', { name: '已仔细阅读并同意' }).check();
  await recordStep(page, `${shots}-01-register`);
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await expect(page.getByRole('heading', { name: '注册信息确认' })).toBeVisible();
  await recordStep(page, `${shots}-02-register-confirm`);
  await page.getByRole('button', { name: '确认' }).click();
  await expect(page.getByRole('heading', { name: '注册成功' })).toBeVisible();
}

/** Logs in at a fresh kiosk page and opens the 报名信息 page of a passport whose registration is saved. */
export async function openRegistration(page: Page, candidate: NewCandidate): Promise<void> {
  await openKiosk(page);
  await logIn(page, candidate.email, candidate.password);
  await page.getByRole('button', { name: '查看报名信息' }).click();
  await expect(page.getByRole('heading', { name: '报名信息', exact: true })).toBeVisible();
}

/** The offering's row in a 笔试/口试 choice table, found by the subject as the candidate reads it. */
export function choiceRow(page: Page, subject: string) {
  return page.getByRole('row').filter({ has: page.getByRole('checkbox', { name: subject }) });
}
