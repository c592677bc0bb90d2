// Issue 6's full journey at the kiosk against the real server and database: register → log in → qualify → CET6 review pending → save → written + oral → pay on a phone → receipt.
import { expect, test } from '@playwright/test';
import { newCandidate } from './support/candidates.js';
import { choose, fillCaptcha, DEMO_PROVINCE } from './support/kiosk.js';
import { choiceRow, fillIdentity, recordStep, registerAtKiosk } from './support/journey.js';
import { expectQrOfPayUrl } from './support/pay-qr.js';
import { FEATURED } from './support/roster.js';

test.setTimeout(150_000);

// 颜晓东 is the demo roster's C4 case: his CET4 ticket and name match a passing record whose ID number
// differs, so one identity reaches 'CET6 review pending' and still has CET4 written and oral to take and pay.
const student = FEATURED.reviewPending;

test('K1 R1–R3 R5 R6 R9 C4 the whole journey: register, log in, qualify, CET6 review pending, save, written + oral, pay on a phone, receipt', async ({ page, context }) => {
  const candidate = { ...newCandidate(student.identity.name), idNumber: student.identity.idNumber };

  await registerAtKiosk(page, candidate, 'journey');
  await recordStep(page, 'journey-03-register-done');
  await page.getByRole('button', { name: '去登录' }).click();
  await choose(page, '考点省份', DEMO_PROVINCE.option, DEMO_PROVINCE.typed);
  await page.getByLabel('账号').fill(candidate.mobile);
  await page.getByLabel('密码').fill(candidate.password);
  await fillCaptcha(page);
  await recordStep(page, 'journey-04-login');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '欢迎登录CET考试报名系统' })).toBeVisible();
  await expect(page.getByText('未报名或当前通行证账号非报名时账号')).toBeVisible();
  await recordStep(page, 'journey-05-welcome');

  // R1: the agreement before the query; 同意 stays disabled with its reason until ticked.
  await page.getByRole('button', { name: '开始报名' }).click();
  await expect(page.getByRole('button', { name: '同意', exact: true })).toBeDisabled();
  await expect(page.getByText('请先勾选“我已阅读并接受遵守本网站报名协议”')).toBeVisible();
  await page.getByRole('checkbox', { name: '我已阅读并接受遵守本网站报名协议' }).check();
  await recordStep(page, 'journey-06-agreement');
  await page.getByRole('button', { name: '同意', exact: true }).click();

  // R2: the qualification query by ID type, number and name.
  await expect(page.getByRole('heading', { name: '资格信息查询' })).toBeVisible();
  await fillIdentity(page, student.identity);
  await recordStep(page, 'journey-07-qualification-query');
  await page.getByRole('button', { name: '查 询' }).or(page.getByRole('button', { name: '查询' })).click();
  await expect(page.getByRole('heading', { name: '资格信息确认' })).toBeVisible();
  await expect(page.getByText('英语四级笔试；英语四级口试').or(page.getByText('英语四级笔试; 英语四级口试')).first()).toBeVisible();
  await recordStep(page, 'journey-08-qualification-confirm');

  // C1 offers the review; C4 keeps it pending, shown back masked with 未复核 and no way to edit or cancel it.
  await page.getByRole('button', { name: 'CET6资格复核' }).click();
  await expect(page.getByRole('heading', { name: '新增CET6资格复核申请' })).toBeVisible();
  await page.getByRole('textbox', { name: '准考证号' }).fill(student.ticketNumber);
  await page.getByRole('checkbox', { name: /我确认提交复核的信息所有者为本人/ }).check();
  await recordStep(page, 'journey-09-review-form');
  await page.getByRole('button', { name: '保存并提交复核' }).click();
  await expect(page.getByRole('heading', { name: '查看复核申请信息' })).toBeVisible();
  await expect(page.getByTestId('review-status')).toHaveText('未复核');
  const shown = await page.getByRole('main').innerText();
  for (const secret of [student.identity.idNumber, student.ticketNumber, student.identity.name]) expect(shown).not.toContain(secret);
  await expect(page.getByRole('button', { name: '修改' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '删除' })).toHaveCount(0);
  await recordStep(page, 'journey-10-review-pending');
  await page.getByRole('button', { name: '关闭' }).click();

  // R3: save and continue, only once the roster data is confirmed.
  await expect(page.getByRole('heading', { name: '资格信息确认' })).toBeVisible();
  await expect(page.getByRole('button', { name: '保存并继续' })).toBeDisabled();
  await page.getByRole('checkbox', { name: '我已检查并确认学籍与资格信息正确' }).check();
  await recordStep(page, 'journey-11-save');
  await page.getByRole('button', { name: '保存并继续' }).click();

  // R5: CET4 written; CET6 written is not his while the review is pending.
  await expect(page.getByRole('heading', { name: '笔试科目报考' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: '(2) 英语六级笔试' })).toBeDisabled();
  await page.getByRole('checkbox', { name: '(1) 英语四级笔试' }).check();
  await recordStep(page, 'journey-12-written');
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('heading', { name: '报名信息', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: '笔试报考科目信息' }).getByRole('cell', { name: '(1) 英语四级笔试' })).toBeVisible();
  await recordStep(page, 'journey-13-registration-written');

  // R6: the oral campus, then 英语四级口试 with its capacity colour.
  await page.getByRole('button', { name: '口试报考' }).click();
  await expect(page.getByRole('heading', { name: '口试科目报考' })).toBeVisible();
  await choose(page, '报名学校校区', '(99301)测试学校机构01 — (993010)测试校区机构001', '993010');
  await expect(choiceRow(page, '(F) 英语四级口试')).toBeVisible();
  await page.getByRole('checkbox', { name: '(F) 英语四级口试' }).check();
  await recordStep(page, 'journey-14-oral');
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('region', { name: '口试报考科目信息' }).getByRole('cell', { name: '(F) 英语四级口试' })).toBeVisible();
  await recordStep(page, 'journey-15-registration-oral');

  // R9: 支付, confirmed twice as the seed does, the provider, then the QR code.
  await page.getByRole('button', { name: '支付', exact: true }).click();
  await expect(page.getByRole('heading', { name: '支付缴费' })).toBeVisible();
  await expect(page.getByText('合计：¥80.00')).toBeVisible();
  await recordStep(page, 'journey-16-payment-select');
  await page.getByRole('button', { name: '支付', exact: true }).click();
  // Each confirmation is its own dialog; the one before may still be fading out, so each is found by what it says.
  const dialog = (text: string) => page.getByRole('dialog').filter({ hasText: text });
  await dialog('请确认以下科目及金额无误').getByRole('button', { name: '去支付' }).click();
  await dialog('再次确认').getByRole('button', { name: /确\s?定/ }).click();
  await dialog('选择支付方式').getByRole('radio', { name: '支付宝' }).check();
  await recordStep(page, 'journey-17-payment-provider');
  await dialog('选择支付方式').getByRole('button', { name: /确\s?定/ }).click();
  await dialog('您选择支付宝进行支付').getByRole('button', { name: /确\s?定/ }).click();
  const qr = page.getByRole('img', { name: '支付二维码' });
  await expect(qr).toBeVisible();
  await expect(page.getByRole('main').getByRole('status')).toHaveText('支付状态：等待支付');
  await recordStep(page, 'journey-18-payment-qr');

  // The candidate's phone scans the QR code the kiosk drew (it must be the pay URL's) and pays there.
  const payUrl = await expectQrOfPayUrl(qr);
  const phone = await context.newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(payUrl ?? '');
  await recordStep(phone, 'journey-19-phone-pay-page');
  await phone.getByRole('button', { name: /^确认支付/ }).click();
  await recordStep(phone, 'journey-20-phone-paid');
  await phone.close();

  // The kiosk sees the payment by itself and shows the receipt.
  await expect(page.getByRole('heading', { name: '缴费凭证' })).toBeVisible();
  await expect(page.getByText('(1) 英语四级笔试')).toBeVisible();
  await expect(page.getByText('(F) 英语四级口试')).toBeVisible();
  await recordStep(page, 'journey-21-receipt');
  await page.getByRole('button', { name: '返回报名信息' }).click();
  await expect(page.getByText('已报考科目均已支付，报名完成。')).toBeVisible();
  await expect(page.getByText('已支付科目不可取消').first()).toBeVisible();
  await recordStep(page, 'journey-22-registration-paid');
});
