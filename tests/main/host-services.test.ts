// The services both hosts share, on manual time: K2's idle warning and wipe, per-window sessions, printing, device info.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { appConfig } from '../../src-main/core/config.js';
import { DeviceStore } from '../../src-main/core/device-store.js';
import { createHostServices, WIPE_CONFIRMATION_MS, type HostPlatform } from '../../src-main/core/host-services.js';
import { MemorySecretStore } from '../../src-main/core/secret-store.js';
import { endpoint } from '../../shared/contracts/http/endpoint.js';
import type { PrintableDocument } from '../../shared/contracts/ipc.js';
import { FakeTimers } from './support/fake-timers.js';
import { startStubServer, type StubServer } from './support/stub-server.js';

interface Sent {
  windowId: string;
  event: string;
  payload: unknown;
}

let server: StubServer;
let dir: string;

beforeAll(async () => {
  server = await startStubServer();
  server.route('GET', '/api/health', () => ({ body: { status: 'ok', serverTime: new Date().toISOString(), maxClockSkewSeconds: 300 } }));
  server.route('POST', '/api/auth/login', () => ({ body: { name: 'alice' }, headers: { 'Set-Cookie': 'sid=alice; HttpOnly' } }));
  server.route('GET', '/api/me', (request) => ({ body: { cookie: request.headers.cookie ?? null } }));
});

afterAll(async () => {
  await server.close();
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cet-host-'));
  return () => rm(dir, { recursive: true, force: true });
});

function setup(configOverrides: Record<string, unknown> = {}) {
  const timers = new FakeTimers();
  const sent: Sent[] = [];
  const printed: { windowId: string; document: PrintableDocument; printer: string | null }[] = [];
  const wiped: string[] = [];
  const resets: string[] = [];
  const platform: HostPlatform = {
    host: 'electron',
    softwareVersion: '0.1.0',
    defaultDeviceName: 'kiosk-host',
    send: (windowId, event, payload) => void sent.push({ windowId, event, payload }),
    print: async (windowId, document, printer) => {
      printed.push({ windowId, document, printer });
      return { printed: true };
    },
    afterWipe: async (windowId) => {
      wiped.push(windowId);
      return 'host';
    },
    forceReset: (windowId) => void resets.push(windowId),
  };
  const config = appConfig.parse({
    serverUrl: server.url,
    printers: { receipt: 'EPSON TM-T82', admissionTicket: null },
    idle: { timeoutSeconds: 90, warningSeconds: 15 },
    ...configOverrides,
  });
  const host = createHostServices({
    config,
    platform,
    device: new DeviceStore(dir, new MemorySecretStore()),
    registry: {
      login: endpoint({ method: 'POST', path: '/api/auth/login', audience: 'public', request: z.object({}), response: z.object({ name: z.string() }) }),
      me: endpoint({ method: 'GET', path: '/api/me', audience: 'public', request: z.object({}), response: z.object({ cookie: z.string().nullable() }) }),
    },
    fetch: (input, init) => fetch(input, init),
    timers,
    clock: { now: () => new Date(Date.UTC(2026, 8, 1) + timers.now) },
    random: () => 0.5,
    log: () => undefined,
  });
  return { host, timers, sent, printed, wiped, resets };
}

const kiosk = { windowId: '7', kind: 'kiosk' } as const;
const staff = { windowId: '8', kind: 'staff' } as const;
const eventsTo = (sent: Sent[], windowId: string, event: string) => sent.filter((s) => s.windowId === windowId && s.event === event);

describe('K2 idle countdown', () => {
  it('never wipes an untouched start screen', async () => {
    const { host, timers, sent } = setup();
    host.windowOpened(kiosk);
    await timers.advance(10 * 60_000);
    expect(eventsTo(sent, '7', 'idleWipe')).toEqual([]);
  });

  it('warns 15 s before, then asks the page to wipe at 90 s of inactivity', async () => {
    const { host, timers, sent } = setup();
    host.windowOpened(kiosk);
    await host.services.idleActivity({}, kiosk);
    await timers.advance(74_999);
    expect(eventsTo(sent, '7', 'idleWarning')).toEqual([]);
    await timers.advance(1);
    expect(eventsTo(sent, '7', 'idleWarning').map((s) => s.payload)).toEqual([{ secondsLeft: 15 }]);
    await timers.advance(15_000);
    expect(eventsTo(sent, '7', 'idleWipe').map((s) => s.payload)).toEqual([{ reason: 'idle' }]);
  });

  it('starts over on every touch', async () => {
    const { host, timers, sent } = setup();
    host.windowOpened(kiosk);
    await host.services.idleActivity({}, kiosk);
    await timers.advance(80_000);
    await host.services.idleActivity({}, kiosk);
    await timers.advance(80_000);
    expect(eventsTo(sent, '7', 'idleWipe')).toEqual([]);
    await timers.advance(10_000);
    expect(eventsTo(sent, '7', 'idleWipe')).toHaveLength(1);
  });

  it('once the page confirms, the host drops the session and clears and reloads the page', async () => {
    const { host, timers, wiped, resets } = setup();
    host.windowOpened(kiosk);
    await host.services.apiInvoke({ endpoint: 'login', request: {} }, kiosk);
    await host.services.idleActivity({}, kiosk);
    await timers.advance(90_000);
    expect(await host.services.idleWiped({}, kiosk)).toEqual({ ok: true, value: { reload: 'host' } });
    expect(wiped).toEqual(['7']);
    expect(await host.services.apiInvoke({ endpoint: 'me', request: {} }, kiosk)).toEqual({ ok: true, value: { cookie: null } });
    await timers.advance(WIPE_CONFIRMATION_MS * 2);
    expect(resets).toEqual([]);
  });

  it('a page that does not confirm in time is reset by force, and its session dropped', async () => {
    const { host, timers, resets } = setup();
    host.windowOpened(kiosk);
    await host.services.apiInvoke({ endpoint: 'login', request: {} }, kiosk);
    await host.services.idleActivity({}, kiosk);
    await timers.advance(90_000 + WIPE_CONFIRMATION_MS - 1);
    expect(resets).toEqual([]);
    await timers.advance(1);
    expect(resets).toEqual(['7']);
    expect(await host.services.apiInvoke({ endpoint: 'me', request: {} }, kiosk)).toEqual({ ok: true, value: { cookie: null } });
  });

  it('gives the configured policy to the page', async () => {
    const { host } = setup({ idle: { timeoutSeconds: 120, warningSeconds: 20 } });
    expect(await host.services.idlePolicy({}, kiosk)).toEqual({ ok: true, value: { timeoutSeconds: 120, warningSeconds: 20 } });
  });
});

describe('window sessions', () => {
  it('a staff window has no idle countdown', async () => {
    const { host, timers, sent } = setup();
    host.windowOpened(staff);
    await host.services.idleActivity({}, staff);
    await timers.advance(60 * 60_000);
    expect(sent.filter((s) => s.event.startsWith('idle'))).toEqual([]);
  });

  it('logout and closing a window forget its session; other windows keep theirs', async () => {
    const { host } = setup();
    host.windowOpened(kiosk);
    host.windowOpened(staff);
    await host.services.apiInvoke({ endpoint: 'login', request: {} }, kiosk);
    await host.services.apiInvoke({ endpoint: 'login', request: {} }, staff);
    await host.services.sessionLogout({}, kiosk);
    expect(await host.services.apiInvoke({ endpoint: 'me', request: {} }, kiosk)).toEqual({ ok: true, value: { cookie: null } });
    expect(await host.services.apiInvoke({ endpoint: 'me', request: {} }, staff)).toEqual({ ok: true, value: { cookie: 'sid=alice' } });
    host.windowClosed(staff.windowId);
    expect(await host.services.apiInvoke({ endpoint: 'me', request: {} }, staff)).toEqual({ ok: true, value: { cookie: null } });
  });

  it('a window reset after a crash comes back logged out', async () => {
    const { host } = setup();
    host.windowOpened(kiosk);
    await host.services.apiInvoke({ endpoint: 'login', request: {} }, kiosk);
    host.windowReset(kiosk.windowId);
    expect(await host.services.apiInvoke({ endpoint: 'me', request: {} }, kiosk)).toEqual({ ok: true, value: { cookie: null } });
  });
});

describe('device services', () => {
  it('prints each document on the printer configured for it (null: system default)', async () => {
    const { host, printed } = setup();
    await host.services.printDocument({ document: 'receipt' }, kiosk);
    await host.services.printDocument({ document: 'admissionTicket' }, kiosk);
    expect(printed).toEqual([
      { windowId: '7', document: 'receipt', printer: 'EPSON TM-T82' },
      { windowId: '7', document: 'admissionTicket', printer: null },
    ]);
  });

  it('tells the page which window and host it is, whether the device is enrolled, and how its secrets are kept', async () => {
    const { host } = setup();
    expect(await host.services.appInfo({}, staff)).toEqual({
      ok: true,
      value: { window: 'staff', host: 'electron', softwareVersion: '0.1.0', device: { enrolled: false }, secretProtection: 'memory' },
    });
  });

  it('keeps one outbox key for the device', async () => {
    const { host } = setup();
    const first = await host.services.outboxKey({}, kiosk);
    const second = await host.services.outboxKey({}, staff);
    expect(first).toEqual(second);
    expect(first.ok && Buffer.from(first.value.key, 'base64')).toHaveLength(32);
  });

  it('sends every open window the sync status when it opens and when connectivity changes', async () => {
    const { host, timers, sent } = setup();
    host.windowOpened(kiosk);
    host.windowOpened(staff);
    expect(eventsTo(sent, '7', 'syncStatusChanged')).toHaveLength(1);
    await host.start();
    await timers.advance(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(eventsTo(sent, '7', 'syncStatusChanged').at(-1)?.payload).toMatchObject({ connectivity: 'online' });
    expect(eventsTo(sent, '8', 'syncStatusChanged').at(-1)?.payload).toMatchObject({ connectivity: 'online' });
    host.stop();
  });
});
