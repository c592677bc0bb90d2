// Browser tests in Debian's Chromium against the real server (fresh PGlite, demo data) and the real browser-mode host.
import { defineConfig } from '@playwright/test';
import { E2E } from './tests/e2e/support/ports.js';
import { chromiumLaunchOptions } from './tests/e2e/support/chromium.js';

const server = `http://127.0.0.1:${E2E.serverPort}`;
const reuse = process.env['E2E_REUSE'] === '1';

/** The browser host as `npm run dev:web` starts it, with a data folder of its own so no device state leaks between runs. */
function browserHost(port: number, dataDir: string, extraFlags: string, windows = 'kiosk'): string {
  return (
    `rm -rf ${dataDir} && node --import tsx src-main/browser-host/main.ts --windows=${windows} ` +
    `--server-url=${server} --port=${port} --data-dir=${dataDir} ${extraFlags}`
  );
}

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  reporter: [['list'], ['json', { outputFile: 'test-results/reports/playwright.json' }]],
  // Two cores: browser tests run one at a time so timings stay honest and memory stays low; the
  // journeys also share one database, so running them in order keeps each one's data its own.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${E2E.hostPort}`,
    launchOptions: chromiumLaunchOptions(),
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  // Started in this order: the server with a fresh database, then the renderer build and its host.
  // Not reused, so every run starts from the demo data alone; E2E_REUSE=1 lets a developer keep them running between runs.
  webServer: [
    {
      command: `rm -rf ${E2E.serverDataDir} && npx tsx src-server/bin/server.ts`,
      env: {
        NODE_ENV: 'development',
        PORT: String(E2E.serverPort),
        DATA_DIR: E2E.serverDataDir,
        PUBLIC_BASE_URL: server,
        LOG_LEVEL: 'warn',
        CAPTCHA_TEST_ANSWERS: '1',
        // Short enough that a journey can register and then reset by SMS to the same phone without a minute's wait.
        SMS_COOLDOWN_SECONDS: '5',
        SMS_IP_HOURLY_LIMIT: '10000',
        LOGIN_IP_MAX_FAILURES: '1000',
        // R10: admission tickets print as soon as 编排 has run, so tickets.spec.ts can print one in this session.
        DEMO_PRINT_WINDOWS: 'open',
      },
      url: `${server}/api/health`,
      reuseExistingServer: reuse,
      timeout: 120_000,
    },
    {
      command: `npm run build:renderer && ${browserHost(E2E.hostPort, E2E.hostDataDir, '')}`,
      url: `http://127.0.0.1:${E2E.hostPort}/index.html`,
      reuseExistingServer: reuse,
      timeout: 180_000,
    },
    {
      // K2 with the shortest policy the host accepts, for the idle-wipe test only.
      command: browserHost(E2E.idleHostPort, E2E.idleHostDataDir, `--idle-timeout=${E2E.idleTimeoutSeconds} --idle-warning=${E2E.idleWarningSeconds}`),
      url: `http://127.0.0.1:${E2E.idleHostPort}/index.html`,
      reuseExistingServer: reuse,
      timeout: 60_000,
    },
    {
      // The staff window (teacher workstation, K4) on a host of its own, as the workstation runs it.
      command: browserHost(E2E.staffHostPort, E2E.staffHostDataDir, '', 'staff'),
      url: `http://127.0.0.1:${E2E.staffHostPort}/index.html`,
      reuseExistingServer: reuse,
      timeout: 60_000,
    },
  ],
});
