// The admin's 审计日志 in Chromium against the real server: a teacher's review decision and group payment appear with readable names and no personal data; a teacher has no such tab and is refused at the API.
import { expect, test } from '@playwright/test';
import { teacherSession } from './support/api.js';
import { expectAccessible, screenshot } from './support/artefacts.js';
import { enrol, importPendingReviewStudent, readyCandidate } from './support/roster.js';
import { openStaff, staffLogIn, staffLogOut } from './support/staff.js';

test.setTimeout(150_000);

test('K4 an admin reads a review decision and a group payment in the audit log, filtered by action and by actor; a teacher has no audit log', async ({ page }) => {
  // A teacher of 99301 rejects a CET6 review (C4) with a reason naming the candidate, and pays for a student as the school (R9).
  const { identity, ticketNumber } = await importPendingReviewStudent();
  const reviewer = await readyCandidate({ roster: identity, passport: { idNumber: identity.idNumber, name: identity.name } });
  const submitted = await reviewer.api.ok('POST', '/api/review', { ...identity, ticketNumber, confirmed: true });
  expect(submitted['status']).toBe('PENDING');
  const teacher = await teacherSession('teacher99301');
  const queue = (await teacher.ok('GET', '/api/staff/reviews?status=PENDING&limit=200'))['items'] as { id: string; name: string }[];
  const application = queue.find((item) => item.name === identity.name);
  if (application === undefined) throw new Error(`${identity.name}'s application is not in the queue`);
  const reason = `${identity.name}的四级成绩单与身份证号不符`;
  await teacher.ok('POST', `/api/staff/reviews/${application.id}/decision`, { decision: 'REJECTED', reason });

  const payer = await readyCandidate();
  const enrolmentIds = await enrol(payer, 'written', '993010', '1');
  const order = await teacher.ok('POST', '/api/staff/group-payments', { enrolmentIds, provider: 'BANK' });

  // The admin's log: both actions by the teacher, by name, with their targets and safe details only.
  await openStaff(page);
  await staffLogIn(page, 'admin');
  await page.getByRole('tab', { name: '审计日志' }).click();
  const log = page.getByTestId('audit-log');
  const rejection = log.getByRole('row').filter({ hasText: application.id });
  await expect(rejection).toContainText('复核不通过');
  await expect(rejection).toContainText('测试学校机构01负责老师');
  await expect(rejection).toContainText('复核申请');
  await expect(rejection).toContainText('另有记录，此处不显示：原因');
  const payment = log.getByRole('row').filter({ hasText: String(order['orderId']) });
  await expect(payment).toContainText('集体缴费下单');
  await expect(payment).toContainText('金额：¥30.00');
  await expect(payment).toContainText('支付方式：首信易支付');
  // No personal data on the screen: neither the rejection's free text nor the candidate's name or ID number.
  const shown = await log.innerText();
  for (const secret of [reason, identity.name, identity.idNumber]) expect(shown).not.toContain(secret);
  await screenshot(page, 'staff-audit-log');
  await expectAccessible(page);

  // Filtered to one action, only group payments remain; English names come from the same locale files.
  await page.getByLabel('操作', { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '集体缴费下单' }).click();
  await page.getByRole('button', { name: '查询' }).click();
  await expect(log.getByRole('row').filter({ hasText: application.id })).toHaveCount(0);
  await expect(log.getByRole('row').filter({ hasText: String(order['orderId']) })).toBeVisible();
  const actions = await log.locator('[data-action]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-action')));
  expect(actions.length).toBeGreaterThan(0);
  expect(new Set(actions)).toEqual(new Set(['group_payment.created']));
  await screenshot(page, 'staff-audit-log-filtered');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('tab', { name: 'Audit log' })).toBeVisible();
  await expect(log.getByRole('row').filter({ hasText: String(order['orderId']) })).toContainText('Group payment ordered');
  await screenshot(page, 'staff-audit-log-en');
  await page.getByRole('button', { name: '中文' }).click();

  // By actor instead: part of the admin's name finds the admin's own CET4 import, and none of the teacher's actions.
  await page.locator('.ant-select').filter({ has: page.getByLabel('操作', { exact: true }) }).hover();
  await page.locator('.ant-select').filter({ has: page.getByLabel('操作', { exact: true }) }).locator('.ant-select-clear').click();
  await page.getByLabel('操作人', { exact: true }).fill('客服');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(log.getByRole('row').filter({ hasText: String(order['orderId']) })).toHaveCount(0);
  await expect(log.locator('[data-action="cet4_scores.imported"]').first()).toBeVisible();
  const actors = await log.locator('tbody tr.ant-table-row td:nth-child(2)').allInnerTexts();
  expect(actors.length).toBeGreaterThan(0);
  for (const actor of actors) expect(actor).toContain('客服管理员');
  await staffLogOut(page);

  // A teacher: no 审计日志 or 编排 tab, and the server refuses the endpoints.
  await staffLogIn(page, 'teacher99301');
  await expect(page.getByRole('tab', { name: '复核' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '审计日志' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: '编排' })).toHaveCount(0);
  await screenshot(page, 'staff-audit-teacher-tabs');
  const refused = await teacher.call('GET', '/api/admin/audit');
  expect(refused.status).toBe(403);
  expect(refused.body.error?.code).toBe('FORBIDDEN');
  expect((await teacher.call('POST', '/api/admin/arrangement', {})).status).toBe(403);
});
