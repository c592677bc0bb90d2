// The kiosk's first screen in a real browser: the K1 progress steps, the language switch (K6), accessibility.
import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot } from './support/artefacts.js';

test('K1 the kiosk shows the six progress steps of the seeds in Chinese', async ({ page }) => {
  await page.goto('/index.html?window=kiosk');
  for (const step of ['注册', '登录', '资格验证', '笔试报名缴费', '口试报名缴费', '报名成功']) {
    await expect(page.getByText(step, { exact: true })).toBeVisible();
  }
  await screenshot(page, 'kiosk-home-zh');
  await expectAccessible(page);
});

test('K6 one touch switches the kiosk to English and back', async ({ page }) => {
  await page.goto('/index.html?window=kiosk');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText('Qualification', { exact: true })).toBeVisible();
  await screenshot(page, 'kiosk-home-en');
  await expectAccessible(page);
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByText('资格验证', { exact: true })).toBeVisible();
});
