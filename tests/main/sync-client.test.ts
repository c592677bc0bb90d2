// Client-protocol unit test of the syncer and enrolment: the server side of push, pull and enrolment comes in a later issue,
// so a small local HTTP server in this file plays it, following shared/contracts/sync.ts and device.ts to the letter.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConnectivityMonitor } from '../../src-main/core/connectivity.js';
import { DeviceStore } from '../../src-main/core/device-store.js';
import { enrolDevice, type EnrolmentDeps } from '../../src-main/core/enrolment.js';
import type { ServerConnection } from '../../src-main/core/http-client.js';
import { MemorySecretStore } from '../../src-main/core/secret-store.js';
import { Syncer } from '../../src-main/core/syncer.js';
import { SYNC_SEQUENCE_GAP, type Operation, type OperationResult, type SyncStatus } from '../../shared/contracts/sync.js';
import { FakeTimers } from './support/fake-timers.js';
import { closedPortUrl, startStubServer, type StubServer } from './support/stub-server.js';

const DEVICE_ID = '0b0a3f6e-2a52-4c39-9d7e-3f1f7c3b9e11';
const CREDENTIAL = 'dev_credential_0123456789abcdef0123456789abcdef';
const message = { 'zh-CN': '名额已满', en: 'No seats left' };

/** The reference behaviour of the server side, as the contract states it. */
function playServer(server: StubServer) {
  const state = { lastApplied: 0, stored: new Map<number, OperationResult>() };
  server.route('POST', '/api/devices/enrol', (request) => {
    const body = request.body as { code: string };
    if (body.code !== '7K3M9QXA') {
      return { status: 403, body: { error: { code: 'FORBIDDEN', message: { 'zh-CN': '无权进行此操作', en: 'No.' } } } };
    }
    return { body: { deviceId: DEVICE_ID, campusCode: '993010', credential: CREDENTIAL } };
  });
  server.route('POST', '/api/sync/push', (request) => {
    if (request.headers.authorization !== `Bearer ${CREDENTIAL}`) return { status: 401 };
    const { operations } = request.body as { operations: Operation[] };
    const first = operations[0]?.seq ?? 0;
    if (first > state.lastApplied + 1) {
      return {
        status: 409,
        body: { error: { code: SYNC_SEQUENCE_GAP, params: { expectedSeq: state.lastApplied + 1 }, message: { 'zh-CN': '序号不连续', en: 'Gap' } } },
      };
    }
    const results = operations.map((op): OperationResult => {
      const stored = state.stored.get(op.seq);
      if (stored) return { ...stored, status: 'duplicate' };
      const full = (op.payload as { full?: boolean } | undefined)?.full === true;
      const result: OperationResult = full
        ? { seq: op.seq, status: 'refused', error: { code: 'OFFERING_FULL', message } }
        : { seq: op.seq, status: 'applied', result: { id: `r${op.seq}` } };
      state.stored.set(op.seq, result);
      state.lastApplied = op.seq;
      return result;
    });
    return { body: { results, lastAppliedSeq: state.lastApplied } };
  });
  server.route('GET', '/api/sync/pull', (request) => {
    const cursor = request.query.get('cursor');
    return cursor === null
      ? { body: { cursor: 'c1', changes: [{ op: 'put', entity: 'offering', key: 'o1', value: { remaining: 3 } }], hasMore: true } }
      : { body: { cursor: 'c2', changes: [{ op: 'delete', entity: 'offering', key: 'o1' }], hasMore: false } };
  });
  return state;
}

const at = '2026-09-01T02:00:00Z';
const op = (seq: number, payload: unknown = {}): Operation => ({ seq, kind: 'enrolment.add', payload, capturedAt: at });

let server: StubServer;
let serverState: ReturnType<typeof playServer>;
let dir: string;
let device: DeviceStore;
let monitor: ConnectivityMonitor;
let connection: ServerConnection;
const now = new Date('2026-09-01T02:30:00Z');

function makeMonitor(baseUrl: string) {
  return new ConnectivityMonitor({
    healthUrl: `${baseUrl}/api/health`,
    fetch: (input, init) => fetch(input, init),
    onlineIntervalMs: 15_000,
    offlineBackoff: { baseMs: 1_000, capMs: 60_000 },
    timeoutMs: 2_000,
    timers: new FakeTimers(),
    clock: { now: () => now },
    random: () => 0.5,
  });
}

function enrolmentDeps(overrides: Partial<EnrolmentDeps> = {}): EnrolmentDeps {
  return {
    connection,
    device,
    reachability: monitor,
    clock: { now: () => now },
    softwareVersion: '0.1.0',
    expectedCampus: undefined,
    log: () => undefined,
    ...overrides,
  };
}

async function enrolled(): Promise<Syncer> {
  await enrolDevice(enrolmentDeps(), { code: '7K3M-9QXA', deviceName: '图书馆1号机' });
  const syncer = new Syncer({ connection, device, monitor, clock: { now: () => now }, log: () => undefined });
  await syncer.init();
  return syncer;
}

beforeAll(async () => {
  server = await startStubServer();
  connection = { baseUrl: server.url, fetch: (input, init) => fetch(input, init), timeoutMs: 2_000 };
});

afterAll(async () => {
  await server.close();
});

beforeEach(async () => {
  serverState = playServer(server);
  server.requests.length = 0;
  dir = await mkdtemp(join(tmpdir(), 'cet-sync-'));
  device = new DeviceStore(dir, new MemorySecretStore());
  monitor = makeMonitor(server.url);
  return () => rm(dir, { recursive: true, force: true });
});

describe('enrolment (client protocol)', () => {
  it('trades the one-time code for an identity and keeps the credential in the secret store', async () => {
    const result = await enrolDevice(enrolmentDeps(), { code: '7k3m 9qxa', deviceName: '图书馆1号机' });
    expect(result).toEqual({ ok: true, value: { deviceId: DEVICE_ID, campusCode: '993010' } });
    expect(server.requests[0]?.body).toEqual({ code: '7K3M9QXA', deviceName: '图书馆1号机', softwareVersion: '0.1.0' });
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
    expect(await device.identity()).toEqual({ deviceId: DEVICE_ID, campusCode: '993010', deviceName: '图书馆1号机', enrolledAt: now.toISOString() });
    expect(await device.credential()).toBe(CREDENTIAL);
    expect(await new DeviceStore(dir, device.secrets).identity()).toMatchObject({ deviceId: DEVICE_ID });
  });

  it("passes on the server's refusal of a used or wrong code and stores nothing", async () => {
    const result = await enrolDevice(enrolmentDeps(), { code: '7K3M9QXB', deviceName: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await device.identity()).toBeNull();
  });

  it('refuses a code issued for another campus than the configured one, before storing anything', async () => {
    const result = await enrolDevice(enrolmentDeps({ expectedCampus: '993020' }), { code: '7K3M9QXA', deviceName: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'code' } });
    expect(await device.identity()).toBeNull();
    expect(await device.secrets.get('device-credential')).toBeNull();
  });

  it('refuses to enrol twice: the outbox is numbered under the first identity', async () => {
    await enrolDevice(enrolmentDeps(), { code: '7K3M9QXA', deviceName: 'x' });
    const again = await enrolDevice(enrolmentDeps(), { code: '7K3M9QXA', deviceName: 'x' });
    expect(again).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(server.requests).toHaveLength(1);
  });
});

describe('syncer push (client protocol)', () => {
  it('refuses to push before enrolment', async () => {
    const syncer = new Syncer({ connection, device, monitor, clock: { now: () => now }, log: () => undefined });
    expect(await syncer.push([op(1)])).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('pushes a batch with the device id and credential, and returns per-operation results', async () => {
    const syncer = await enrolled();
    const result = await syncer.push([op(1), op(2, { full: true }), op(3)]);
    expect(result).toEqual({
      ok: true,
      value: {
        results: [
          { seq: 1, status: 'applied', result: { id: 'r1' } },
          { seq: 2, status: 'refused', error: { code: 'OFFERING_FULL', message } },
          { seq: 3, status: 'applied', result: { id: 'r3' } },
        ],
        lastAppliedSeq: 3,
      },
    });
    const pushed = server.requests.find((request) => request.path === '/api/sync/push');
    expect(pushed?.headers.authorization).toBe(`Bearer ${CREDENTIAL}`);
    expect(pushed?.body).toEqual({ deviceId: DEVICE_ID, operations: [op(1), op(2, { full: true }), op(3)] });
  });

  it('keeps the last applied seq across restarts, so the outbox numbers new work above it', async () => {
    const syncer = await enrolled();
    await syncer.push([op(1), op(2)]);
    expect(syncer.status().lastAppliedSeq).toBe(2);
    const restarted = new Syncer({ connection, device: new DeviceStore(dir, device.secrets), monitor, clock: { now: () => now }, log: () => undefined });
    await restarted.init();
    expect(restarted.status().lastAppliedSeq).toBe(2);
  });

  it('a re-sent operation (its first answer was lost) gets its stored result as a duplicate', async () => {
    const syncer = await enrolled();
    await syncer.push([op(1), op(2, { full: true })]);
    const again = await syncer.push([op(1), op(2, { full: true }), op(3)]);
    expect(again.ok && again.value.results.map((r) => [r.seq, r.status, r.error?.code])).toEqual([
      [1, 'duplicate', undefined],
      [2, 'duplicate', 'OFFERING_FULL'],
      [3, 'applied', undefined],
    ]);
  });

  it('a gap blocks the queue with the seq the server expects, for the teacher to see', async () => {
    const syncer = await enrolled();
    const result = await syncer.push([op(5)]);
    expect(result).toMatchObject({ ok: false, error: { code: SYNC_SEQUENCE_GAP, params: { expectedSeq: 1 } } });
    expect(syncer.status().blocked).toEqual({ code: SYNC_SEQUENCE_GAP, expectedSeq: 1 });
    await syncer.push([op(1)]);
    expect(syncer.status().blocked).toBeNull();
  });

  it('reports replay progress and the pending count as the outbox drains', async () => {
    const syncer = await enrolled();
    const seen: SyncStatus[] = [];
    syncer.onStatus((status) => seen.push(status));
    syncer.reportOutbox(4);
    await syncer.push([op(1), op(2)]);
    expect(syncer.status().replay).toEqual({ total: 4, done: 2 });
    syncer.reportOutbox(2);
    await syncer.push([op(3), op(4)]);
    expect(syncer.status().replay).toEqual({ total: 4, done: 4 });
    syncer.reportOutbox(0);
    expect(syncer.status()).toMatchObject({ pending: 0, replay: null, lastSyncAt: now.toISOString(), lastAppliedSeq: 4 });
    expect(seen.map((status) => status.replay?.done ?? null)).toContain(2);
  });

  it('pushes one batch at a time, in the order handed over', async () => {
    const syncer = await enrolled();
    const [first, second] = await Promise.all([syncer.push([op(1)]), syncer.push([op(2)])]);
    expect(first.ok && second.ok).toBe(true);
    expect(serverState.lastApplied).toBe(2);
  });

  it('an unreachable server fails the push, ends the replay and takes the device offline', async () => {
    const syncer = await enrolled();
    monitor.reportReachable();
    const offline = new Syncer({
      connection: { ...connection, baseUrl: await closedPortUrl() },
      device,
      monitor,
      clock: { now: () => now },
      log: () => undefined,
    });
    await offline.init();
    const result = await offline.push([op(1)]);
    expect(result).toMatchObject({ ok: false, error: { code: 'SERVICE_UNAVAILABLE' } });
    expect(offline.status()).toMatchObject({ connectivity: 'offline', replay: null });
    expect(syncer.status().connectivity).toBe('offline');
  });

  it('refuses an answer that names operations it was not sent', async () => {
    const syncer = await enrolled();
    server.route('POST', '/api/sync/push', () => ({ body: { results: [{ seq: 9, status: 'applied' }], lastAppliedSeq: 9 } }));
    expect(await syncer.push([op(1)])).toMatchObject({ ok: false, error: { code: 'INTERNAL_ERROR' } });
    expect(syncer.status().lastAppliedSeq).toBe(0);
  });
});

describe('syncer pull (client protocol)', () => {
  it('pulls reference data changes page by page with the cursor', async () => {
    const syncer = await enrolled();
    const first = await syncer.pull(undefined);
    expect(first).toMatchObject({ ok: true, value: { cursor: 'c1', hasMore: true } });
    const second = await syncer.pull('c1');
    expect(second).toEqual({ ok: true, value: { cursor: 'c2', changes: [{ op: 'delete', entity: 'offering', key: 'o1' }], hasMore: false } });
    const pulls = server.requests.filter((request) => request.path === '/api/sync/pull');
    expect(pulls.map((request) => request.query.get('cursor'))).toEqual([null, 'c1']);
    expect(pulls.every((request) => request.headers.authorization === `Bearer ${CREDENTIAL}`)).toBe(true);
  });
});
