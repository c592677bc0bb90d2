// Where the browser suite's processes listen and keep their data, shared by playwright.config.ts and the tests.
export const E2E = {
  serverPort: 3310,
  serverDataDir: 'test-results/e2e-server-data',
  hostPort: 5174,
  hostDataDir: 'test-results/e2e-host-data',
  /** A second host with the shortest idle policy the host accepts (SPEC K2), for the idle-wipe test. */
  idleHostPort: 5175,
  idleHostDataDir: 'test-results/e2e-idle-host-data',
  idleTimeoutSeconds: 30,
  idleWarningSeconds: 5,
  /** The staff window's host (teacher workstation, K4). */
  staffHostPort: 5176,
  staffHostDataDir: 'test-results/e2e-staff-host-data',
} as const;

export const SERVER_URL = `http://127.0.0.1:${E2E.serverPort}`;
export const IDLE_HOST_URL = `http://127.0.0.1:${E2E.idleHostPort}`;
export const STAFF_HOST_URL = `http://127.0.0.1:${E2E.staffHostPort}`;
