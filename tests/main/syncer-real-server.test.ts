// The real syncer, connectivity monitor and enrolment against the real central server process (src-server/bin/server.ts on PGlite):
// enrolment with a CLI-issued code, pushes with per-operation results, re-sends, a SIGKILLed and restarted server, gaps, cursor pulls.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Operation } from '../../shared/contracts/sync.js';
import type { ConnectivityMonitor } from '../../src-main/core/connectivity.js';
import { DeviceStore } from '../../src-main/core/device-store.js';
import { enrolDevice } from '../../src-main/core/enrolment.js';
import type { ServerConnection } from '../../src-main/core/http-client.js';
import { MemorySecretStore } from '../../src-main/core/secret-store.js';
import { Syncer } from '../../src-main/core/syncer.js';
import { newCandidate, passportRegisterPayload, type TestCandidate } from '../support/candidates.js';
import { freePort, waitFor } from '../support/processes.js';
import { startFastMonitor } from '../support/connectivity.js';

const root = resolve(import.meta.dirname, '../..');
const clock = { now: () => new Date() };
let dataDir: string;
let deviceDir: string;
let port: number;
let serverUrl: string;
let child: ChildProcess | undefined;
let enrolmentCode: string;
let monitor: ConnectivityMonitor;
let device: DeviceStore;
let syncer: Syncer;
const logged: string[] = [];

function serverEnv(): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'silent' };
}

async function healthAnswers(): Promise<boolean> {
  try {
    return (await fetch(`${serverUrl}/api/health`)).ok;
  } catch {
    return false;
  }
}

/** The operator's CLI on the server's own data folder (PGlite allows one process, so the server is not running). */
async function cli(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src-server/bin/cli.ts', ...args], { cwd: root, env: serverEnv() });
  return stdout;
}

/**
 * Ceilings, not expectations: a server start under the full suite on two cores (tsx compiling,
 * PGlite opening, migrations checked) has been seen to take over a minute.
 */
const SERVER_START_MS = 150_000;
const RESTARTING_TEST_MS = SERVER_START_MS + 60_000;

async function startServer(): Promise<void> {
  child = spawn(process.execPath, ['--import', 'tsx', 'src-server/bin/server.ts'], { cwd: root, env: serverEnv(), stdio: ['ignore', 'ignore', 'inherit'] });
  await waitFor(healthAnswers, SERVER_START_MS);
}

/** SIGKILL by default: the process gets no chance to finish anything, as in a power cut. */
async function stopServer(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  const running = child;
  child = undefined;
  if (!running || running.exitCode !== null || running.signalCode !== null) return;
  const exited = new Promise((done) => running.once('exit', done));
  running.kill(signal);
  await exited;
}

function registerOp(seq: number, candidate: TestCandidate, dependsOn?: number[]): Operation {
  return {
    seq,
    kind: 'passport.register',
    payload: passportRegisterPayload(candidate),
    ...(dependsOn === undefined ? {} : { dependsOn }),
    capturedAt: new Date().toISOString(),
  };
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cet-syncer-server-'));
  deviceDir = await mkdtemp(join(tmpdir(), 'cet-syncer-device-'));
  port = await freePort();
  serverUrl = `http://127.0.0.1:${port}`;
  await cli('seed-demo');
  enrolmentCode = /: ([0-9A-Z]{4}-[0-9A-Z]{4}) /.exec(await cli('enrol-code', '--campus', '993010'))?.[1] ?? '';
  await startServer();
  const connection: ServerConnection = { baseUrl: serverUrl, fetch: (input, init) => fetch(input, init), timeoutMs: 5_000 };
  monitor = startFastMonitor(serverUrl, clock);
  device = new DeviceStore(deviceDir, new MemorySecretStore());
  const enrolled = await enrolDevice(
    { connection, device, reachability: monitor, clock, softwareVersion: '1.0.0', expectedCampus: '993010', log: (line) => logged.push(line) },
    { code: enrolmentCode.toLowerCase(), deviceName: '图书馆一楼 1号机' },
  );
  expect(enrolled).toMatchObject({ ok: true, value: { campusCode: '993010' } });
  syncer = new Syncer({ connection, device, monitor, clock, log: (line) => logged.push(line) });
  await syncer.init();
}, SERVER_START_MS + 180_000);

afterAll(async () => {
  monitor?.stop();
  await stopServer('SIGTERM');
  await rm(dataDir, { recursive: true, force: true });
  await rm(deviceDir, { recursive: true, force: true });
}, 30_000);

describe('K3 the syncer against the real server', () => {
  const holder = newCandidate();
  const first = [registerOp(1, holder), registerOp(2, newCandidate({ idNumber: holder.idNumber, name: holder.name })), registerOp(3, newCandidate(), [2])];

  it('K3 enrols with a one-time code, and a pushed batch gets per-operation results: applied, refused with the reason, cascaded', async () => {
    expect(await device.credential()).toEqual(expect.any(String));
    const pushed = await syncer.push(first);
    expect(pushed.ok).toBe(true);
    if (!pushed.ok) return;
    expect(pushed.value.lastAppliedSeq).toBe(3);
    expect(pushed.value.results).toMatchObject([
      { seq: 1, status: 'applied', result: { passportId: expect.stringMatching(/^[0-9A-F]{32}$/), provisional: true } },
      { seq: 2, status: 'refused', error: { code: 'INFORMATION_OCCUPIED' } },
      { seq: 3, status: 'refused', error: { code: 'SYNC_DEPENDENCY_REFUSED', params: { seq: 2, reason: 'INFORMATION_OCCUPIED' } } },
    ]);
    expect(syncer.status()).toMatchObject({ lastAppliedSeq: 3, blocked: null, connectivity: 'online' });
    expect(await device.lastAppliedSeq()).toBe(3);
  }, 30_000);

  it('K3 a batch re-sent after a lost answer comes back as duplicates with the stored results', async () => {
    const again = await syncer.push(first);
    expect(again.ok && again.value.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(again.ok && again.value.results[0]?.result).toMatchObject({ passportId: expect.any(String) });
  }, 30_000);

  it('K3 offline → online: with the server SIGKILLed the push fails and the monitor goes offline; after a restart the retry applies once', async () => {
    const batch = [registerOp(4, newCandidate()), registerOp(5, newCandidate(), [4])];
    await stopServer('SIGKILL');
    const failed = await syncer.push(batch);
    expect(failed.ok).toBe(false);
    await waitFor(() => syncer.status().connectivity === 'offline', 30_000);
    expect(syncer.status().lastAppliedSeq).toBe(3);
    await startServer();
    await waitFor(() => syncer.status().connectivity === 'online', 30_000);
    const retried = await syncer.push(batch);
    expect(retried.ok && retried.value.results.map((r) => [r.seq, r.status])).toEqual([[4, 'applied'], [5, 'applied']]);
    const resent = await syncer.push(batch);
    expect(resent.ok && resent.value.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(syncer.status().lastAppliedSeq).toBe(5);
  }, 120_000);

  it('K3 a gap is reported as blocked with the seq the server expects, and clears once the queue resumes in order', async () => {
    const gap = await syncer.push([registerOp(9, newCandidate())]);
    expect(gap).toMatchObject({ ok: false, error: { code: 'SYNC_SEQUENCE_GAP' } });
    expect(syncer.status().blocked).toEqual({ code: 'SYNC_SEQUENCE_GAP', expectedSeq: 6 });
    const resumed = await syncer.push([registerOp(6, newCandidate())]);
    expect(resumed.ok).toBe(true);
    expect(syncer.status()).toMatchObject({ blocked: null, lastAppliedSeq: 6 });
  }, RESTARTING_TEST_MS);

  it('K3 cursor pulls bring every reference row once and nothing new after', async () => {
    const seen = new Map<string, number>();
    let cursor: string | undefined;
    for (let page = 0; page < 50; page += 1) {
      const pulled = await syncer.pull(cursor);
      expect(pulled.ok).toBe(true);
      if (!pulled.ok) return;
      for (const change of pulled.value.changes) seen.set(`${change.entity}:${change.key}`, (seen.get(`${change.entity}:${change.key}`) ?? 0) + 1);
      cursor = pulled.value.cursor;
      if (!pulled.value.hasMore) break;
    }
    expect(seen.size).toBeGreaterThan(10);
    expect([...seen.values()].every((count) => count === 1)).toBe(true);
    expect([...seen.keys()].some((key) => key.startsWith('offering:'))).toBe(true);
    const after = await syncer.pull(cursor);
    expect(after).toMatchObject({ ok: true, value: { cursor, changes: [], hasMore: false } });
  }, 30_000);
});
