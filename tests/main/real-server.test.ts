// The connectivity monitor and the API forwarder against the real central server process (src-server/bin/server.ts on PGlite):
// online while it answers, offline when it stops, online again when it is back; real contract round trips through the forwarder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forwardedEndpoints } from '../../src-main/core/endpoint-registry.js';
import { createApiForwarder } from '../../src-main/core/forwarder.js';
import { SessionCookies } from '../../src-main/core/session-cookies.js';
import { fastMonitor } from '../support/connectivity.js';
import { freePort, waitFor } from '../support/processes.js';

const root = resolve(import.meta.dirname, '../..');
let dataDir: string;
let port: number;
let serverUrl: string;
let child: ChildProcess | undefined;

async function healthAnswers(): Promise<boolean> {
  try {
    return (await fetch(`${serverUrl}/api/health`)).ok;
  } catch {
    return false;
  }
}

async function startServer(): Promise<void> {
  const started = spawn(process.execPath, ['--import', 'tsx', 'src-server/bin/server.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  child = started;
  await waitFor(healthAnswers, 60_000);
}

async function stopServer(): Promise<void> {
  const running = child;
  child = undefined;
  if (!running || running.exitCode !== null) return;
  const exited = new Promise((done) => running.once('exit', done));
  running.kill('SIGTERM');
  await exited;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cet-real-server-'));
  port = await freePort();
  serverUrl = `http://127.0.0.1:${port}`;
  await startServer();
}, 90_000);

afterAll(async () => {
  await stopServer();
  await rm(dataDir, { recursive: true, force: true });
}, 30_000);

describe('against the real central server', () => {
  it('the monitor goes online, offline when the server stops, and online again when it is back', async () => {
    const watched = fastMonitor(serverUrl, { now: () => new Date() });
    const states: string[] = [];
    watched.onChange((snapshot) => states.push(snapshot.state));
    watched.start();
    try {
      await waitFor(() => watched.snapshot().state === 'online', 10_000);
      expect(watched.snapshot().lastContactAt).not.toBeNull();
      await stopServer();
      await waitFor(() => watched.snapshot().state === 'offline', 10_000);
      expect(watched.snapshot().failures).toBeGreaterThan(0);
      await startServer();
      await waitFor(() => watched.snapshot().state === 'online', 10_000);
      expect(states).toEqual(['online', 'offline', 'online']);
    } finally {
      watched.stop();
    }
  }, 120_000);

  it('forwards real contract calls and validates the real answers', async () => {
    const reachability = { reportReachable: () => undefined, reportUnreachable: () => undefined };
    const forward = createApiForwarder({
      registry: forwardedEndpoints,
      connection: { baseUrl: serverUrl, fetch: (input, init) => fetch(input, init), timeoutMs: 5_000 },
      credential: async () => null,
      cookies: new SessionCookies(),
      reachability,
      log: (message) => {
        throw new Error(message);
      },
    });
    const kiosk = { windowId: '1', kind: 'kiosk' } as const;
    const captcha = await forward(kiosk, { endpoint: 'createCaptcha', request: {} });
    expect(captcha).toMatchObject({ ok: true, value: { svg: expect.stringContaining('<svg') } });
    expect(await forward(kiosk, { endpoint: 'getSession', request: {} })).toEqual({ ok: true, value: { session: null } });
    const refused = await forward(kiosk, {
      endpoint: 'login',
      request: { provinceCode: '99', account: 'nobody@example.com', password: 'Passw0rd!', captcha: { id: 'missing', answer: 'abcd' } },
    });
    // The server's own refusal, with its code and message, not a local validation failure.
    expect(refused).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^CAPTCHA_/), message: { 'zh-CN': expect.any(String), en: expect.any(String) } } });
  }, 30_000);
});
