// Issue #9's code splitting in real Chromium on the real browser hosts: each window loads its own chunk and not the other's, the kiosk's later screens arrive as chunks of their own, and a screen whose chunk cannot be read says so with 重试 instead of leaving an empty window.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, screenshot } from './support/artefacts.js';
import { openKiosk } from './support/kiosk.js';
import { STAFF_HOST_URL } from './support/ports.js';

/** Every script the page requests, by file name (assets/KioskApp-abc123.js → KioskApp-abc123.js). */
function scriptsOf(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.js')) scripts.push(path.slice(path.lastIndexOf('/') + 1));
  });
  return scripts;
}

const chunk = (name: string) => new RegExp(`^${name}-[\\w-]+\\.js$`);

test('the kiosk loads its own window chunk, never the teacher workstation, and a later screen as a chunk of its own', async ({ page }) => {
  const scripts = scriptsOf(page);
  await openKiosk(page);
  expect(scripts.some((name) => chunk('KioskApp').test(name))).toBe(true);
  expect(scripts.filter((name) => chunk('StaffHome').test(name))).toEqual([]);
  await page.getByRole('button', { name: '注册新用户' }).click();
  await expect(page.getByRole('heading', { name: '注册ETEST通行证' })).toBeVisible();
  expect(scripts.some((name) => chunk('RegisterScreen').test(name))).toBe(true);
  expect(scripts.filter((name) => chunk('StaffHome').test(name))).toEqual([]);
});

test('the staff window loads its own window chunk and none of the kiosk screens', async ({ page }) => {
  const scripts = scriptsOf(page);
  await page.goto(`${STAFF_HOST_URL}/index.html?window=staff`);
  await expect(page.getByRole('heading', { name: 'CET报名 学校负责老师工作台' })).toBeVisible();
  expect(scripts.some((name) => chunk('StaffHome').test(name))).toBe(true);
  expect(scripts.filter((name) => chunk('KioskApp').test(name) || chunk('RegisterScreen').test(name))).toEqual([]);
});

test('a kiosk screen whose chunk cannot be read shows why with 重试 under the header and progress bar, and 重试 starts over at the home screen', async ({ page }) => {
  // The file is gone, as when the renderer is replaced under a running kiosk: the host answers 404.
  let missing = true;
  await page.route(/\/assets\/RegisterScreen-[\w-]+\.js$/, (route) => (missing ? route.fulfill({ status: 404, body: '' }) : route.continue()));
  await openKiosk(page);
  await page.getByRole('button', { name: '注册新用户' }).click();
  const alert = page.getByRole('alert').filter({ hasText: '页面未能加载' });
  await expect(alert).toContainText('页面未能加载，请点击“重试”（将回到首页重新开始）');
  await expect(page.getByRole('navigation')).toBeVisible();
  await screenshot(page, 'code-splitting-chunk-missing');
  await expectAccessible(page);
  missing = false;
  await alert.getByRole('button', { name: '重试' }).click();
  await expect(page.getByRole('button', { name: '进入报名' })).toBeVisible();
  await page.getByRole('button', { name: '注册新用户' }).click();
  await expect(page.getByLabel('电子邮箱')).toBeVisible();
});
