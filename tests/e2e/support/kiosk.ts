// Driving the kiosk like a candidate: open it, read the captcha picture, pick from antd selects, log in.
import { expect, type Page } from '@playwright/test';

export async function openKiosk(page: Page, origin = ''): Promise<void> {
  await page.goto(`${origin}/index.html?window=kiosk`);
  await expect(page.getByRole('button', { name: '进入报名' })).toBeVisible();
}

/** The test-mode captcha carries its answer in the picture (CAPTCHA_TEST_ANSWERS), read as a person reads the image. */
export async function readCaptcha(page: Page, previous?: string): Promise<string> {
  const image = page.getByTestId('captcha-image');
  let answer = '';
  await expect(async () => {
    const src = (await image.getAttribute('src')) ?? '';
    answer = /data-answer="([^"]+)"/.exec(decodeURIComponent(src.slice(src.indexOf(',') + 1)))?.[1] ?? '';
    expect(answer).not.toBe('');
    if (previous !== undefined) expect(answer).not.toBe(previous);
  }).toPass();
  return answer;
}

export async function fillCaptcha(page: Page, previous?: string): Promise<string> {
  const answer = await readCaptcha(page, previous);
  await page.getByLabel('验证码', { exact: true }).fill(answer);
  return answer;
}

/** antd's searchable Select, by keyboard as a candidate at a physical keyboard would: type, then Enter picks the first match. */
export async function choose(page: Page, label: string, option: string, typed: string = option): Promise<void> {
  const box = page.getByLabel(label, { exact: true });
  await box.click();
  await box.fill(typed);
  await expect(page.locator('.ant-select-dropdown:visible').getByText(option, { exact: true })).toBeVisible();
  await box.press('Enter');
  await expect(page.locator('.ant-select').filter({ has: box })).toContainText(option);
}

export const DEMO_PROVINCE = { option: '(99)测试省', typed: '测试' } as const;

/** `landing` is the heading login leads to: the welcome screen, or 验证手机号 for a passport registered at an offline kiosk. */
export async function logIn(page: Page, account: string, password: string, landing = '欢迎登录CET考试报名系统'): Promise<void> {
  await page.getByRole('button', { name: '进入报名' }).click();
  await choose(page, '考点省份', DEMO_PROVINCE.option, DEMO_PROVINCE.typed);
  await page.getByLabel('账号').fill(account);
  await page.getByLabel('密码').fill(password);
  await fillCaptcha(page);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: landing })).toBeVisible();
}
