// The teacher workstation (K4) in Chromium against the real server: imports, CET6 reviews across two schools, campus overview, group payment and device codes.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, screenshot } from './support/artefacts.js';
import { newCandidate } from './support/candidates.js';
import { expectQrOfPayUrl } from './support/pay-qr.js';
import { cet4Csv, openStaff, registeredCandidate, rosterCandidate, rosterCsv, rosterRow, staffClient, staffLogIn, staffLogOut } from './support/staff.js';
import type { TestClient } from '../support/client.js';

// One database for the whole file: the imports create the candidates the reviews and payments use.
test.describe.configure({ mode: 'serial' });

const approved = rosterCandidate('周雨桐');
const rejected = rosterCandidate('吴浩然');
const filedFor = rosterCandidate('郑佳怡');
const candidates = new Map<string, TestClient>();

async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('tab', { name, exact: true, selected: true })).toBeVisible();
}

async function upload(page: Page, fileName: string, csv: string): Promise<void> {
  await page.getByLabel('选择CSV文件').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
}

test('K4 a teacher logs in to the staff window: school in the header, the five tasks, language switch, logout', async ({ page }) => {
  await openStaff(page);
  await screenshot(page, 'staff-login');
  await expectAccessible(page);
  await staffLogIn(page, 'teacher99301');
  await expect(page.getByTestId('staff-identity')).toContainText('99301');
  for (const name of ['复核', '校区概况', '集体缴费', '导入', '设备']) await expect(page.getByRole('tab', { name, exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('tab', { name: 'Campus overview' })).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('tab', { name: '校区概况' })).toBeVisible();
  await staffLogOut(page);
});

test('R2 roster import: a CSV with bad rows shows a row-level report and writes nothing; the corrected CSV is imported', async ({ page }) => {
  for (const candidate of [approved, rejected, filedFor]) candidates.set(candidate.idNumber, await registeredCandidate(candidate));
  const probe = candidates.get(approved.idNumber)!;
  const identity = { idType: 'RESIDENT_ID', idNumber: approved.idNumber, name: approved.name };

  await openStaff(page);
  await staffLogIn(page, 'teacher99301');
  await tab(page, '导入');
  const bad = rosterCsv([rosterRow(approved), rosterRow({ ...rejected, idNumber: '110101199001011234' }), rosterRow(filedFor, '993999')]);
  await upload(page, 'roster-bad.csv', bad);
  await page.getByRole('button', { name: '检查文件' }).click();
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('文件有错误，未导入任何数据');
  const rows = report.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('3');
  await expect(rows.nth(0)).toContainText('证件号码');
  await expect(rows.nth(1)).toContainText('4');
  await expect(page.getByRole('button', { name: '导入', exact: true })).toBeDisabled();
  await expect(page.getByText('文件有错误，请修改后重新选择')).toBeVisible();
  await screenshot(page, 'staff-import-errors');
  await expectAccessible(page);
  // All or nothing: even the good row of the refused file is not in the roster.
  expect((await probe.post('/api/registration/qualification', identity)).status).not.toBe(200);

  await upload(page, 'roster.csv', rosterCsv([rosterRow(approved), rosterRow(rejected), rosterRow(filedFor)]));
  await page.getByRole('button', { name: '检查文件' }).click();
  await expect(report).toContainText('检查通过，可以导入');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await expect(report).toContainText('导入成功：已写入3行');
  await expect(page.getByTestId('import-progress')).toContainText('写入数据');
  await screenshot(page, 'staff-import-done');
  expect((await probe.post('/api/registration/qualification', identity)).status).toBe(200);
});

test('C3 an admin imports CET4 score records whose ID numbers differ from the candidates’ (the C4 pending case)', async ({ page }) => {
  await openStaff(page);
  await staffLogIn(page, 'admin');
  await tab(page, '导入');
  await page.getByRole('radio', { name: 'CET4成绩导入' }).check();
  await upload(page, 'cet4.csv', cet4Csv([approved, rejected], () => newCandidate().idNumber));
  await page.getByRole('button', { name: '检查文件' }).click();
  await expect(page.getByTestId('import-report')).toContainText('检查通过，可以导入');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await expect(page.getByTestId('import-report')).toContainText('导入成功：已写入2行');
  // Reviews and group payment belong to a school's teacher: the admin is told so.
  await tab(page, '复核');
  await expect(page.getByText('此功能仅对学校负责老师开放')).toBeVisible();
});

test('C4 K4 a teacher approves one pending application by keyboard and rejects another with a reason; the candidates see both', async ({ page }) => {
  for (const candidate of [approved, rejected]) {
    const client = candidates.get(candidate.idNumber)!;
    const submitted = await client.post('/api/review', { idType: 'RESIDENT_ID', idNumber: candidate.idNumber, name: candidate.name, ticketNumber: candidate.ticketNumber, confirmed: true });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.status).toBe('PENDING');
  }

  await openStaff(page);
  await staffLogIn(page, 'teacher99301');
  await expect(page.getByTestId('review-shortcuts')).toContainText('J 下一条');
  const queue = page.getByRole('navigation', { name: '复核申请列表' });
  await queue.getByRole('button', { name: new RegExp(approved.name) }).click();
  const evidence = page.getByTestId('evidence');
  await expect(page.getByRole('heading', { name: `${approved.name} 的复核材料` })).toBeVisible();
  await expect(evidence.locator('tr[data-differs="true"]')).toHaveCount(1);
  await expect(evidence.locator('tr[data-differs="true"]')).toContainText('不一致');
  await expect(evidence.locator('tr[data-differs="true"]')).toContainText(approved.idNumber);
  await expect(evidence).toContainText(approved.ticketNumber);
  await screenshot(page, 'staff-review-evidence');
  await expectAccessible(page);

  // A approves; typing in the reason box does not fire the shortcut.
  await page.getByLabel('复核意见').fill('a');
  await expect(page.getByRole('heading', { name: `${approved.name} 的复核材料` })).toBeVisible();
  await page.getByLabel('复核意见').fill('');
  await page.getByRole('heading', { name: `${approved.name} 的复核材料` }).click();
  await page.keyboard.press('a');
  await expect(queue.getByRole('button', { name: new RegExp(approved.name) })).toHaveCount(0);

  await queue.getByRole('button', { name: new RegExp(rejected.name) }).click();
  await expect(page.getByRole('heading', { name: `${rejected.name} 的复核材料` })).toBeVisible();
  await page.keyboard.press('r');
  await expect(page.getByLabel('复核意见')).toBeFocused();
  await page.getByRole('button', { name: '复核不通过 (R)' }).click();
  await expect(page.getByText('请填写不通过的原因')).toBeVisible();
  await page.getByLabel('复核意见').fill('四级成绩单上的证件号码与本人不符，请携带身份证明到教务处');
  await page.getByRole('button', { name: '复核不通过 (R)' }).click();
  await expect(queue.getByRole('button', { name: new RegExp(rejected.name) })).toHaveCount(0);

  // The decided lists and each application's history.
  await page.getByText('复核失败', { exact: true }).click();
  await queue.getByRole('button', { name: new RegExp(rejected.name) }).click();
  await expect(page.getByTestId('decided')).toContainText('复核失败');
  await expect(page.getByTestId('review-history')).toContainText('复核不通过');
  await expect(page.getByTestId('review-history')).toContainText('四级成绩单上的证件号码与本人不符');
  await screenshot(page, 'staff-review-history');
  await page.getByText('复核通过', { exact: true }).first().click();
  await queue.getByRole('button', { name: new RegExp(approved.name) }).click();
  await expect(page.getByTestId('review-history')).toContainText('提交申请');
  await expect(page.getByTestId('review-history')).toContainText('复核通过');

  const approvedSide = await candidates.get(approved.idNumber)!.get('/api/review');
  expect(approvedSide.body.application).toMatchObject({ status: 'APPROVED', editable: false, deletable: false });
  const rejectedSide = await candidates.get(rejected.idNumber)!.get('/api/review');
  expect(rejectedSide.body.application).toMatchObject({ status: 'REJECTED', reason: '四级成绩单上的证件号码与本人不符，请携带身份证明到教务处', editable: true, deletable: true });
});

test('C4 a teacher of another school can neither see nor decide them, in the window and at the API', async ({ page }) => {
  const own = await staffClient('teacher99301');
  const other = await staffClient('teacher99302');
  const ids: string[] = [];
  for (const status of ['APPROVED', 'REJECTED']) {
    const listed = await own.get(`/api/staff/reviews?status=${status}`);
    const item = (listed.body.items as { id: string; name: string }[]).find((entry) => [approved.name, rejected.name].includes(entry.name));
    expect(item).toBeDefined();
    ids.push(item!.id);
  }
  for (const id of ids) {
    const evidence = await other.get(`/api/staff/reviews/${id}`);
    expect([403, 404]).toContain(evidence.status);
    expect(typeof evidence.body.error.code).toBe('string');
    const decision = await other.post(`/api/staff/reviews/${id}/decision`, { decision: 'APPROVED' });
    expect([403, 404]).toContain(decision.status);
    expect(typeof decision.body.error.code).toBe('string');
  }
  for (const status of ['PENDING', 'APPROVED', 'REJECTED']) {
    const names = ((await other.get(`/api/staff/reviews?status=${status}`)).body.items as { name: string }[]).map((entry) => entry.name);
    expect(names).not.toContain(approved.name);
    expect(names).not.toContain(rejected.name);
  }

  await openStaff(page);
  await staffLogIn(page, 'teacher99302');
  await expect(page.getByTestId('staff-identity')).toContainText('99302');
  const queue = page.getByRole('navigation', { name: '复核申请列表' });
  for (const status of ['未复核', '复核失败', '复核通过']) {
    await page.getByText(status, { exact: true }).first().click();
    await expect(queue).not.toContainText(approved.name);
    await expect(queue).not.toContainText(rejected.name);
  }
  await screenshot(page, 'staff-review-other-school');
});

test('C7 a teacher files an application on a candidate’s behalf with a note on the proof', async ({ page }) => {
  await openStaff(page);
  await staffLogIn(page, 'teacher99301');
  await page.getByRole('button', { name: '代为申请' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('证件号码').fill(filedFor.idNumber);
  await dialog.getByLabel('姓名').fill(filedFor.name);
  await dialog.getByLabel('证明说明').fill('考生持2003年四级成绩单原件（成绩72分），已核对');
  await screenshot(page, 'staff-review-on-behalf');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: '提交并通过' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: `${filedFor.name} 的复核材料` })).toBeVisible();
  await expect(page.getByTestId('review-history')).toContainText('老师代为申请');
  const side = await candidates.get(filedFor.idNumber)!.get('/api/review');
  expect(side.body.application.status).toBe('APPROVED');
});

async function enrolCet4(client: TestClient, idNumber: string, name: string): Promise<void> {
  const saved = await client.post('/api/registration', { idType: 'RESIDENT_ID', idNumber, name, confirmed: true });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const choices = (await client.get('/api/enrolment/written/choices')).body.choices as { offering: { id: string }; subject: { code: string }; selectable: boolean }[];
  const cet4 = choices.find((choice) => choice.subject.code === '1' && choice.selectable);
  expect(cet4).toBeDefined();
  expect((await client.post('/api/enrolment/written', { offeringIds: [cet4!.offering.id] })).status).toBe(200);
}

test('R9 R8 group payment: a teacher pays the school’s selected unpaid enrolments (locked while pending) and releases another order', async ({ page }) => {
  await enrolCet4(candidates.get(approved.idNumber)!, approved.idNumber, approved.name);
  await enrolCet4(candidates.get(rejected.idNumber)!, rejected.idNumber, rejected.name);

  await openStaff(page);
  await staffLogIn(page, 'teacher99301');
  await tab(page, '集体缴费');
  const table = page.getByTestId('group-payable');
  await expect(table).toContainText(approved.name);
  await page.getByRole('checkbox', { name: new RegExp(`选择 ${approved.name}`) }).check();
  await expect(page.getByText('已选 1 科')).toBeVisible();
  await screenshot(page, 'staff-group-select');
  await expectAccessible(page);
  await page.getByRole('button', { name: '集体缴费', exact: true }).click();
  const qr = page.getByRole('img', { name: '支付二维码' });
  await expect(qr).toBeVisible();
  const payUrl = await expectQrOfPayUrl(qr);
  await screenshot(page, 'staff-group-order');
  // Locked: the candidate can no longer cancel it while the school's order is open (R8).
  const approvedClient = candidates.get(approved.idNumber)!;
  const registration = (await approvedClient.get('/api/registration')).body.registration;
  const enrolment = registration.written.enrolments[0];
  expect(enrolment.groupPaymentLock).toBe(true);
  expect((await approvedClient.delete(`/api/enrolment/${enrolment.id}`)).status).not.toBe(200);
  // The school's payer pays on the provider's page; the window's polling sees it.
  const paid = await fetch(payUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'outcome=PAID' });
  expect(paid.status).toBe(200);
  await expect(page.getByTestId('group-order-status')).toContainText('支付成功');
  const after = (await approvedClient.get('/api/registration')).body.registration;
  expect(after.written.enrolments[0].paymentStatus).toBe('PAID');

  await page.getByRole('button', { name: '返回列表' }).click();
  await expect(table).not.toContainText(approved.name);
  await page.getByRole('checkbox', { name: new RegExp(`选择 ${rejected.name}`) }).check();
  await page.getByRole('button', { name: '集体缴费', exact: true }).click();
  await page.getByRole('button', { name: '释放锁定' }).click();
  await expect(page.getByTestId('group-order-status')).toContainText('已释放 1 个科目的锁定');
  const released = (await candidates.get(rejected.idNumber)!.get('/api/registration')).body.registration;
  expect(released.written.enrolments[0]).toMatchObject({ paymentStatus: 'UNPAID', groupPaymentLock: false });
});

test('K4 campus overview: offerings with capacity, enrolled, unpaid and remaining in the capacity colours, registrations by progress, pending reviews', async ({ page }) => {
  await openStaff(page);
  await staffLogIn(page, 'teacher99301');
  await tab(page, '校区概况');
  const offerings = page.getByTestId('offerings');
  await expect(offerings.locator('tbody tr').first()).toBeVisible();
  await expect(offerings.locator('[data-capacity]').first()).toBeVisible();
  await expect(page.getByTestId('registrations-chart')).toContainText('已全部缴费');
  await expect(page.getByText('待复核申请')).toBeVisible();
  await screenshot(page, 'staff-overview');
  await expectAccessible(page);
});

test('K4 a teacher issues a one-time kiosk enrolment code for a campus, shown with its expiry', async ({ page }) => {
  await openStaff(page);
  await staffLogIn(page, 'teacher99301');
  await tab(page, '设备');
  await expect(page.getByRole('button', { name: '生成登记码' })).toBeDisabled();
  await expect(page.getByText('请先选择校区')).toBeVisible();
  await page.getByLabel('校区').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await page.getByRole('button', { name: '生成登记码' }).click();
  await expect(page.getByTestId('enrolment-code')).toHaveText(/^[0-9A-HJKMNP-TV-Z]{4}-?[0-9A-HJKMNP-TV-Z]{4}$/);
  await expect(page.getByText(/有效期至/)).toBeVisible();
  await screenshot(page, 'staff-devices');
  await expectAccessible(page);
});
