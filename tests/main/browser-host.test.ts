// Browser mode end to end in Node: the host serves the renderer and carries the IPC contract over a real WebSocket,
// with the same sender and payload checks as Electron; the renderer's WebSocket bridge talks to it unchanged.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startBrowserHost, type BrowserConnections, type BrowserHost } from '../../src-main/browser-host/host.js';
import { browserPlatform } from '../../src-main/browser-host/platform.js';
import { appConfig } from '../../src-main/core/config.js';
import { DeviceStore } from '../../src-main/core/device-store.js';
import { createHostServices } from '../../src-main/core/host-services.js';
import { createIpcRouter } from '../../src-main/core/ipc-router.js';
import { MemorySecretStore } from '../../src-main/core/secret-store.js';
import { systemTimers } from '../../src-main/core/timers.js';
import { createWebSocketBridge, type SocketLike } from '../../src-renderer/platform/websocket-bridge.js';
import type { IpcResult } from '../../shared/contracts/ipc.js';
import { startStubServer, type StubServer } from './support/stub-server.js';

let dir: string;
let server: StubServer;
let host: BrowserHost;
let connections: BrowserConnections;
/** Window ids of the pages the host accepted, newest last. */
const opened: string[] = [];
let stopServices: () => void;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cet-browser-host-'));
  await mkdir(join(dir, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>CET</title><script type="module" src="./assets/app.js"></script>');
  await writeFile(join(dir, 'renderer', 'assets', 'app.js'), 'export {}');
  await writeFile(join(dir, 'secret.txt'), 'outside');
  server = await startStubServer();
  server.route('GET', '/api/health', () => ({ body: { status: 'ok', serverTime: new Date().toISOString(), maxClockSkewSeconds: 300 } }));
  host = await startBrowserHost(
    { rendererDir: join(dir, 'renderer'), port: 0, allowedWindows: ['kiosk', 'staff'], log: () => undefined },
    (hostConnections) => {
      connections = hostConnections;
      const services = createHostServices({
        config: appConfig.parse({ serverUrl: server.url }),
        platform: browserPlatform(hostConnections, '0.1.0'),
        device: new DeviceStore(join(dir, 'data'), new MemorySecretStore()),
        registry: {},
        fetch: (input, init) => fetch(input, init),
        timers: systemTimers,
        clock: { now: () => new Date() },
        random: Math.random,
        log: () => undefined,
      });
      stopServices = services.stop;
      return {
        router: createIpcRouter(services.services, () => undefined),
        windowOpened: (sender) => {
          opened.push(sender.windowId);
          services.windowOpened(sender);
        },
        windowClosed: services.windowClosed,
      };
    },
  );
});

afterAll(async () => {
  stopServices();
  await host.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { port } = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

interface Page {
  socket: WebSocket;
  events: { event: string; payload: unknown }[];
  call(method: string, payload: unknown): Promise<IpcResult<unknown>>;
  sendRaw(text: string): void;
  closed: Promise<number>;
}

function ipcUrl(window: string): string {
  return `${host.origin.replace('http:', 'ws:')}/ipc?window=${window}`;
}

async function openPage(window: 'kiosk' | 'staff', origin = host.origin): Promise<Page> {
  const socket = new WebSocket(ipcUrl(window), { origin });
  const events: Page['events'] = [];
  const waiting = new Map<number, (result: IpcResult<unknown>) => void>();
  let nextId = 1;
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { type: string; id: number; result: IpcResult<unknown>; event: string; payload: unknown };
    if (frame.type === 'result') waiting.get(frame.id)?.(frame.result);
    else events.push({ event: frame.event, payload: frame.payload });
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    events,
    closed,
    call: (method, payload) =>
      new Promise((resolve) => {
        const id = nextId++;
        waiting.set(id, resolve);
        socket.send(JSON.stringify({ type: 'call', id, method, payload }));
      }),
    sendRaw: (text) => socket.send(text),
  };
}

function refusedUpgrade(url: string, origin?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, origin === undefined ? {} : { origin });
    socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.on('open', () => reject(new Error('the upgrade was accepted')));
    socket.on('error', () => undefined);
  });
}

describe('browser host: HTTP', () => {
  it('serves the renderer with the CSP, allowing only its own socket', async () => {
    const response = await get('/index.html?window=kiosk');
    expect(response.status).toBe(200);
    expect(response.body).toContain('<title>CET</title>');
    expect(String(response.headers['content-security-policy'])).toContain(`connect-src 'self' ${host.origin.replace('http:', 'ws:')}`);
    expect(String(response.headers['content-security-policy'])).toContain("script-src 'self';");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers in-app routes with the entry document, and missing files with 404', async () => {
    expect((await get('/kiosk/register')).body).toContain('<title>CET</title>');
    expect((await get('/assets/missing.js')).status).toBe(404);
  });

  it.each(['/../secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt'])('never serves %s from outside the renderer folder', async (path) => {
    const response = await get(path);
    expect(response.body).not.toContain('outside');
    expect(response.status).not.toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect((await get('/index.html', { host: 'attacker.example' })).status).toBe(403);
  });
});

describe('browser host: IPC over the socket', () => {
  it('answers contract calls for the window kind the page connected as', async () => {
    const page = await openPage('kiosk');
    expect(await page.call('appInfo', {})).toEqual({
      ok: true,
      value: { window: 'kiosk', host: 'browser', softwareVersion: '0.1.0', device: { enrolled: false }, secretProtection: 'memory' },
    });
    expect(await page.call('idlePolicy', {})).toEqual({ ok: true, value: { timeoutSeconds: 90, warningSeconds: 15 } });
    expect(await page.call('syncStatus', {})).toMatchObject({ ok: true, value: { pending: 0, replay: null } });
    page.socket.close();
  });

  it('sends the sync status as an event when a page connects', async () => {
    const page = await openPage('staff');
    await page.call('syncStatus', {});
    expect(page.events[0]).toMatchObject({ event: 'syncStatusChanged', payload: { pending: 0 } });
    page.socket.close();
  });

  it.each([
    ['deviceEnrol', { code: 'nope' }],
    ['printDocument', { document: 'passport' }],
    ['syncPush', { operations: [] }],
    ['syncReportOutbox', { pending: 'many' }],
    ['apiInvoke', { endpoint: 42 }],
    ['appInfo', { extra: true }],
    ['appInfo', undefined],
  ])('refuses %s with the invalid payload %j', async (method, payload) => {
    const page = await openPage('kiosk');
    expect(await page.call(method, payload)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    page.socket.close();
  });

  it('refuses kiosk-only calls from a staff page', async () => {
    const page = await openPage('staff');
    for (const method of ['idlePolicy', 'idleActivity', 'idleWiped']) {
      expect(await page.call(method, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    page.socket.close();
  });

  it('refuses a method the contract does not have', async () => {
    const page = await openPage('kiosk');
    expect(await page.call('readFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    page.socket.close();
  });

  it('drops a connection that sends a malformed frame', async () => {
    const page = await openPage('kiosk');
    page.sendRaw('{"type":"call","id":"one"}');
    expect(await page.closed).toBe(1008);
  });

  it('cannot print silently, and says so; after a wipe the page reloads itself', async () => {
    const page = await openPage('kiosk');
    expect(await page.call('printDocument', { document: 'receipt' })).toEqual({ ok: true, value: { printed: false, failureReason: 'unsupported' } });
    expect(await page.call('idleWiped', {})).toEqual({ ok: true, value: { reload: 'self' } });
    page.socket.close();
  });

  it.each([
    ['another origin (a web page elsewhere)', 'https://evil.example'],
    ['a look-alike origin', 'http://127.0.0.1.evil.example'],
    ['no origin at all (not a browser page of ours)', undefined],
  ])('refuses the upgrade from %s', async (_name, origin) => {
    expect(await refusedUpgrade(ipcUrl('kiosk'), origin)).toBe(403);
  });

  it('refuses a window kind that does not exist, and a path that is not the IPC socket', async () => {
    expect(await refusedUpgrade(ipcUrl('admin'), host.origin)).toBe(403);
    expect(await refusedUpgrade(`${host.origin.replace('http:', 'ws:')}/other?window=kiosk`, host.origin)).toBe(404);
  });
});

describe("the renderer's WebSocket bridge against the host", () => {
  function bridgeFor(window: 'kiosk' | 'staff') {
    const effects: string[] = [];
    const bridge = createWebSocketBridge({
      url: ipcUrl(window),
      createSocket: (url) => {
        const socket = new WebSocket(url, { origin: host.origin });
        // A browser's WebSocket reports errors as events nobody must handle; ws throws unless someone listens.
        socket.on('error', () => undefined);
        return socket as unknown as SocketLike;
      },
      reload: () => effects.push('reload'),
      openPrintDialog: () => effects.push('print dialog'),
    });
    return { bridge, effects };
  }

  it('exposes the same typed calls as the Electron preload', async () => {
    const { bridge } = bridgeFor('kiosk');
    expect(await bridge.appInfo({})).toMatchObject({ ok: true, value: { window: 'kiosk', host: 'browser' } });
    expect(await bridge.deviceEnrol({ code: 'no' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'code' } });
    bridge.close();
  });

  it('delivers events to subscribers until they unsubscribe', async () => {
    const { bridge } = bridgeFor('staff');
    const statuses: unknown[] = [];
    const unsubscribe = bridge.onSyncStatusChanged((status) => statuses.push(status));
    await bridge.syncStatus({});
    expect(statuses).toHaveLength(1);
    unsubscribe();
    bridge.close();
  });

  it('opens the print dialog where silent printing is unsupported, and reloads after a wipe', async () => {
    const { bridge, effects } = bridgeFor('kiosk');
    await bridge.printDocument({ document: 'admissionTicket' });
    await bridge.idleWiped({});
    expect(effects).toEqual(['print dialog', 'reload']);
    bridge.close();
  });

  it('reloads when the host resets the page', async () => {
    const { bridge, effects } = bridgeFor('kiosk');
    expect((await bridge.appInfo({})).ok).toBe(true);
    connections.reset(opened.at(-1) ?? '');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(effects).toEqual(['reload']);
    bridge.close();
  });

  it('fails calls in flight with SERVICE_UNAVAILABLE when the bridge is closed', async () => {
    const { bridge } = bridgeFor('kiosk');
    bridge.close();
    expect(await bridge.appInfo({})).toEqual({ ok: false, error: { code: 'SERVICE_UNAVAILABLE' } });
  });
});
