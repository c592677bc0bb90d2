// A3–A7 at the kiosk against the real server: register with the SMS code from the dev outbox, log in, reset the password, retrieve the account.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, screenshot } from './support/artefacts.js';
import { newCandidate, ZHANG_SAN, type NewCandidate } from './support/candidates.js';
import { choose, DEMO_PROVINCE, fillCaptcha, logIn, openKiosk } from './support/kiosk.js';
import { resetTokenFor, smsCodeFor } from './support/outbox.js';

async function fillRegistration(page: Page, candidate: NewCandidate): Promise<void> {
  await page.getByLabel('电子邮箱').fill(candidate.email);
  await page.getByLabel('手机号').fill(candidate.mobile);
  await page.getByLabel('密码', { exact: true }).fill(candidate.password);
  await page.getByLabel('确认密码').fill(candidate.password);
  await choose(page, '证件类型', '中华人民共和国居民身份证');
  await page.getByLabel('证件号码').fill(candidate.idNumber);
  await page.getByLabel('姓名').fill(candidate.name);
}

async function registerThroughKiosk(page: Page, candidate: NewCandidate, shots = false): Promise<void> {
  await openKiosk(page);
  await page.getByRole('button', { name: '注册新用户' }).click();
  await expect(page.getByRole('heading', { name: '注册ETEST通行证' })).toBeVisible();
  await fillRegistration(page, candidate);
  await page.getByRole('button', { name: '发送验证码' }).click();
  await expect(page.getByRole('button', { name: /秒后可重新发送/ })).toBeDisabled();
  await page.getByLabel('短信验证码').fill(await smsCodeFor(candidate.mobile));
  await page.getByRole('checkbox', { name: '已仔细阅读并同意' }).check();
  if (shots) {
    await screenshot(page, 'register-form');
    await expectAccessible(page);
  }
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await expect(page.getByRole('heading', { name: '注册信息确认' })).toBeVisible();
  await expect(page.getByText(candidate.email)).toBeVisible();
  // K2: the ID number is shown back masked.
  await expect(page.getByText(candidate.idNumber)).toHaveCount(0);
  await expect(page.getByText(`${candidate.idNumber.slice(0, 4)}**********${candidate.idNumber.slice(14)}`)).toBeVisible();
  if (shots) {
    await screenshot(page, 'register-confirm');
    await expectAccessible(page);
  }
  await page.getByRole('button', { name: '确认' }).click();
  await expect(page.getByText('请使用注册的证件号码、邮箱或手机号及密码登录报考')).toBeVisible();
  if (shots) {
    await screenshot(page, 'register-done');
    await expectAccessible(page);
  }
}

test('K1 the kiosk home shows the six progress steps and the seed entry buttons', async ({ page }) => {
  await openKiosk(page);
  for (const step of ['注册', '登录', '资格验证', '笔试报名缴费', '口试报名缴费', '报名成功']) {
    await expect(page.getByText(step, { exact: true })).toBeVisible();
  }
  for (const entry of ['进入报名', '注册新用户', '找回已报名账号']) await expect(page.getByRole('button', { name: entry })).toBeVisible();
  await screenshot(page, 'home');
  await expectAccessible(page);
});

test('K6 one touch switches the kiosk to English and back', async ({ page }) => {
  await openKiosk(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText('Qualification', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start registration' })).toBeVisible();
  await screenshot(page, 'home-en');
  await expectAccessible(page);
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByText('资格验证', { exact: true })).toBeVisible();
});

test('A3 registers a passport with the SMS code from the outbox, confirm step and 注册成功, then A4 logs in with it', async ({ page }) => {
  const candidate = newCandidate();
  await registerThroughKiosk(page, candidate, true);
  await page.getByRole('button', { name: '去登录' }).click();
  await choose(page, '考点省份', DEMO_PROVINCE.option, DEMO_PROVINCE.typed);
  await page.getByLabel('账号').fill(candidate.email);
  await page.getByLabel('密码').fill(candidate.password);
  await fillCaptcha(page);
  await screenshot(page, 'login');
  await expectAccessible(page);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '欢迎登录CET考试报名系统' })).toBeVisible();
  await expect(page.getByRole('button', { name: '退出' })).toBeVisible();
});

test('A1 A2 A3 the register form shows the shared rules’ messages next to each field before submitting', async ({ page }) => {
  await openKiosk(page);
  await page.getByRole('button', { name: '注册新用户' }).click();
  await choose(page, '证件类型', '中华人民共和国居民身份证');
  await page.getByLabel('电子邮箱').fill('not-an-email');
  await page.getByLabel('手机号').fill('12345');
  await page.getByLabel('密码', { exact: true }).fill('short');
  await page.getByLabel('确认密码').fill('different');
  await page.getByLabel('证件号码').fill('110105200203151238');
  await page.getByLabel('证件号码').press('Enter');
  await expect(page.getByText('居民身份证号码校验位不正确，请检查是否输错')).toBeVisible();
  await expect(page.getByText('密码长度为8-18位字符，且必须同时包含：字母、数字和特殊字符!@#%^&*_-').first()).toBeVisible();
  await expect(page.getByText('两次输入的密码不一致')).toBeVisible();
  // No passport was created: the confirm step never came.
  await expect(page.getByRole('heading', { name: '注册ETEST通行证' })).toBeVisible();
  await screenshot(page, 'register-refusals');
  await expectAccessible(page);
});

test('A3 an identity already held by another passport is refused as information occupied', async ({ page }) => {
  const candidate = { ...newCandidate(ZHANG_SAN.name), idNumber: ZHANG_SAN.idNumber };
  await openKiosk(page);
  await page.getByRole('button', { name: '注册新用户' }).click();
  await fillRegistration(page, candidate);
  await page.getByRole('button', { name: '发送验证码' }).click();
  await page.getByLabel('短信验证码').fill(await smsCodeFor(candidate.mobile));
  await page.getByRole('checkbox', { name: '已仔细阅读并同意' }).check();
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await expect(page.getByText(/已被其他ETEST通行证占用/)).toBeVisible();
  await screenshot(page, 'register-information-occupied');
});

test('A4 a wrong captcha is refused next to the captcha field and a new picture is drawn', async ({ page }) => {
  await openKiosk(page);
  await page.getByRole('button', { name: '进入报名' }).click();
  await choose(page, '考点省份', DEMO_PROVINCE.option, DEMO_PROVINCE.typed);
  await page.getByLabel('账号').fill(ZHANG_SAN.idNumber);
  await page.getByLabel('密码').fill(ZHANG_SAN.password);
  const answer = await fillCaptcha(page);
  await page.getByLabel('验证码', { exact: true }).fill(answer === 'AAAA' ? 'BBBB' : 'AAAA');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText(/验证码/).and(page.locator('.ant-form-item-explain-error'))).toBeVisible();
  await screenshot(page, 'login-captcha-refused');
  await fillCaptcha(page, answer);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '欢迎登录CET考试报名系统' })).toBeVisible();
});

test('A5 resets the password by phone: captcha, SMS code from the outbox, new password twice, then logs in with it', async ({ page }) => {
  const candidate = newCandidate();
  await registerThroughKiosk(page, candidate);
  await openKiosk(page);
  await page.getByRole('button', { name: '进入报名' }).click();
  await page.getByRole('button', { name: '重置密码' }).click();
  // The server's SMS cooldown for this phone (5 s in the browser suite) runs from the registration code.
  await page.waitForTimeout(5_000);
  await page.getByLabel('手机号/邮箱').fill(candidate.mobile);
  await fillCaptcha(page);
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('heading', { name: '验证手机验证码' })).toBeVisible();
  await page.getByLabel('短信验证码').fill(await smsCodeFor(candidate.mobile));
  await page.getByLabel('新密码').fill('Changed#2026');
  await page.getByLabel('确认密码').fill('Changed#2026');
  await screenshot(page, 'reset-by-sms');
  await expectAccessible(page);
  await page.getByRole('button', { name: '确认' }).click();
  await expect(page.getByText('重置密码成功')).toBeVisible();
  await openKiosk(page);
  await logIn(page, candidate.mobile, 'Changed#2026');
});

test('A5 resets the password by the one-time email link', async ({ page }) => {
  const candidate = newCandidate();
  await registerThroughKiosk(page, candidate);
  await openKiosk(page);
  await page.getByRole('button', { name: '进入报名' }).click();
  await page.getByRole('button', { name: '重置密码' }).click();
  await page.getByLabel('手机号/邮箱').fill(candidate.email);
  await fillCaptcha(page);
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('系统已把找回密码邮件发到您的邮箱，请注意查收！')).toBeVisible();
  const token = await resetTokenFor(candidate.email);
  await page.goto(`/index.html?window=kiosk&resetToken=${token}`);
  // The link's page names the mailbox, masked.
  await expect(page.getByText(`${candidate.email.slice(0, 2)}***@example.com`)).toBeVisible();
  await page.getByLabel('新密码').fill('Mailed#2026');
  await page.getByLabel('确认密码').fill('Mailed#2026');
  await screenshot(page, 'reset-by-email-link');
  await expectAccessible(page);
  await page.getByRole('button', { name: '确认' }).click();
  await expect(page.getByText('重置密码成功')).toBeVisible();
  // One-time: the same link is refused afterwards.
  await page.goto(`/index.html?window=kiosk&resetToken=${token}`);
  await expect(page.getByRole('alert')).toBeVisible();
  await openKiosk(page);
  await logIn(page, candidate.email, 'Mailed#2026');
});

test('A7 retrieves the masked account of a saved registration, and says 无法查询到报名信息 otherwise', async ({ page }) => {
  await openKiosk(page);
  await page.getByRole('button', { name: '找回已报名账号' }).click();
  await choose(page, '证件类型', '中华人民共和国居民身份证');
  await page.getByLabel('证件号码').fill(ZHANG_SAN.idNumber);
  await page.getByLabel('姓名').fill(ZHANG_SAN.name);
  await fillCaptcha(page);
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('找回成功')).toBeVisible();
  await expect(page.getByText(/\*\*\*@/)).toBeVisible();
  await screenshot(page, 'retrieval-found');
  await expectAccessible(page);

  const unknown = newCandidate();
  await openKiosk(page);
  await page.getByRole('button', { name: '找回已报名账号' }).click();
  await choose(page, '证件类型', '中华人民共和国居民身份证');
  await page.getByLabel('证件号码').fill(unknown.idNumber);
  await page.getByLabel('姓名').fill(unknown.name);
  await fillCaptcha(page);
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('无法查询到报名信息')).toBeVisible();
  await screenshot(page, 'retrieval-not-found');
});
