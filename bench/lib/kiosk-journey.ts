// The kiosk journey of tests/e2e/journey.spec.ts, driven the same way (roles and labels, as a candidate reads the screen) but without test assertions, screenshots or axe: a benchmark only needs it to get through.
import type { Page } from '@playwright/test';
import { smsCodeFor } from '../../tests/e2e/support/outbox.js';
import { ORDINARY_993010 } from '../../tests/e2e/support/roster.js';

const PROVINCE = { option: '(99)测试省', typed: '测试' } as const;
const ORAL_CAMPUS = '(99301)测试学校机构01 — (993010)测试校区机构001';

/** antd's searchable Select, by keyboard: type, wait for the option, Enter. */
async function choose(page: Page, label: string, option: string, typed: string = option): Promise<void> {
  const box = page.getByLabel(label, { exact: true });
  await box.click();
  await box.fill(typed);
  await page.locator('.ant-select-dropdown:visible').getByText(option, { exact: true }).waitFor();
  await box.press('Enter');
  await page.locator('.ant-select').filter({ has: box }).filter({ hasText: option }).waitFor();
}

/** The test-mode captcha (CAPTCHA_TEST_ANSWERS) carries its answer in the picture. */
async function fillCaptcha(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const src = (await page.getByTestId('captcha-image').getAttribute('src')) ?? '';
    const answer = /data-answer="([^"]+)"/.exec(decodeURIComponent(src.slice(src.indexOf(',') + 1)))?.[1];
    if (answer !== undefined) {
      await page.getByLabel('验证码', { exact: true }).fill(answer);
      return;
    }
    await page.waitForTimeout(100);
  }
  throw new Error('no captcha picture');
}

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { name, exact: true }).waitFor();
}

/** An ordinary CET4 student of campus 993010 in the demo roster (资格科目 英语四级笔试 and 口试); `serial` picks one per journey. */
function rosterStudent(serial: number): { idNumber: string; name: string } {
  const record = ORDINARY_993010[serial % ORDINARY_993010.length];
  if (record === undefined) throw new Error('the demo roster has no ordinary 993010 student');
  return { idNumber: record.idNumber, name: record.name };
}

/**
 * Register (A3, SMS code from the dev outbox) → log in → agreement (R1) → qualification (R2) → save
 * (R3) → CET4 written (R5) → CET4 oral (R6) → pay (R9, the sandbox pay page posted as a phone would)
 * → receipt. The page must show the kiosk's home screen.
 */
export async function kioskJourney(page: Page, serverUrl: string, serial: number): Promise<void> {
  const student = rosterStudent(serial);
  const mobile = `135${String(Date.now() % 100_000).padStart(5, '0')}${String(serial).padStart(3, '0')}`;
  const email = `bench-kiosk-${Date.now()}-${serial}@example.com`;
  const password = 'Kiosk2026!';

  await page.getByRole('button', { name: '注册新用户' }).click();
  await page.getByLabel('电子邮箱').fill(email);
  await page.getByLabel('手机号').fill(mobile);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByLabel('确认密码').fill(password);
  await choose(page, '证件类型', '中华人民共和国居民身份证');
  await page.getByLabel('证件号码').fill(student.idNumber);
  await page.getByLabel('姓名').fill(student.name);
  await page.getByRole('button', { name: '发送验证码' }).click();
  await page.getByLabel('短信验证码').fill(await smsCodeFor(mobile, serverUrl));
  await page.getByRole('checkbox', { name: '已仔细阅读并同意' }).check();
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await heading(page, '注册信息确认');
  await page.getByRole('button', { name: '确认' }).click();
  await heading(page, '注册成功');

  await page.getByRole('button', { name: '去登录' }).click();
  await choose(page, '考点省份', PROVINCE.option, PROVINCE.typed);
  await page.getByLabel('账号').fill(mobile);
  await page.getByLabel('密码').fill(password);
  await fillCaptcha(page);
  await page.getByRole('button', { name: '登录' }).click();
  await heading(page, '欢迎登录CET考试报名系统');

  await page.getByRole('button', { name: '开始报名' }).click();
  await page.getByRole('checkbox', { name: '我已阅读并接受遵守本网站报名协议' }).check();
  await page.getByRole('button', { name: '同意', exact: true }).click();
  await heading(page, '资格信息查询');
  await choose(page, '证件类型', '中华人民共和国居民身份证');
  await page.getByLabel('证件号码').fill(student.idNumber);
  await page.getByLabel('姓名').fill(student.name);
  await page.getByRole('button', { name: '查 询' }).or(page.getByRole('button', { name: '查询' })).click();
  await heading(page, '资格信息确认');
  await page.getByRole('checkbox', { name: '我已检查并确认学籍与资格信息正确' }).check();
  await page.getByRole('button', { name: '保存并继续' }).click();

  await heading(page, '笔试科目报考');
  await page.getByRole('checkbox', { name: '(1) 英语四级笔试' }).check();
  await page.getByRole('button', { name: '提交' }).click();
  await heading(page, '报名信息');
  await page.getByRole('button', { name: '口试报考' }).click();
  await heading(page, '口试科目报考');
  await choose(page, '报名学校校区', ORAL_CAMPUS, '993010');
  await page.getByRole('checkbox', { name: '(F) 英语四级口试' }).check();
  await page.getByRole('button', { name: '提交' }).click();
  await page.getByRole('region', { name: '口试报考科目信息' }).getByRole('cell', { name: '(F) 英语四级口试' }).waitFor();

  await page.getByRole('button', { name: '支付', exact: true }).click();
  await heading(page, '支付缴费');
  await page.getByRole('button', { name: '支付', exact: true }).click();
  const dialog = (text: string) => page.getByRole('dialog').filter({ hasText: text });
  await dialog('请确认以下科目及金额无误').getByRole('button', { name: '去支付' }).click();
  await dialog('再次确认').getByRole('button', { name: /确\s?定/ }).click();
  await dialog('选择支付方式').getByRole('radio', { name: '支付宝' }).check();
  await dialog('选择支付方式').getByRole('button', { name: /确\s?定/ }).click();
  await dialog('您选择支付宝进行支付').getByRole('button', { name: /确\s?定/ }).click();
  const qr = page.getByRole('img', { name: '支付二维码' });
  await qr.waitFor();
  // The candidate's phone pays on the sandbox page the QR code opens (its form posts outcome=PAID).
  const payUrl = new URL((await qr.getAttribute('data-pay-url')) ?? '');
  const paid = await fetch(`${serverUrl}${payUrl.pathname}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'outcome=PAID' });
  if (!paid.ok) throw new Error(`the sandbox pay page answered ${paid.status}`);
  await heading(page, '缴费凭证');
}
