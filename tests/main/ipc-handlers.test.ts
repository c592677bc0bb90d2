// Every IPC handler checks who sent the message and validates the payload with the shared schema, before any service runs.
import { describe, expect, it, vi } from 'vitest';
import { registerHandlers, WindowRegistry, type IpcEventLike } from '../../src-main/core/ipc-handlers.js';
import { createIpcRouter, type IpcServices } from '../../src-main/core/ipc-router.js';
import { IPC_METHOD_NAMES, ipcChannel, ipcMethods, type IpcMethodName, type IpcResponse, type IpcResult } from '../../shared/contracts/ipc.js';

const op = (seq: number) => ({ seq, kind: 'registration.save', payload: {}, capturedAt: '2026-09-01T02:00:00Z' });
const syncStatus = { connectivity: 'online', lastContactAt: null, lastSyncAt: null, pending: 0, lastAppliedSeq: 0, replay: null, blocked: null } as const;

/** One valid and one invalid payload per method, and a response the contract accepts: a new method without a row fails to compile. */
const cases: { [M in IpcMethodName]: { valid: unknown; invalid: unknown; response: IpcResponse<M> } } = {
  appInfo: {
    valid: {},
    invalid: { window: 'staff' },
    response: { window: 'kiosk', host: 'electron', softwareVersion: '0.1.0', device: { enrolled: false }, secretProtection: 'os-keystore' },
  },
  deviceEnrol: { valid: { code: '7K3M-9QXA' }, invalid: { code: 'not a code' }, response: { deviceId: '0b0a3f6e-2a52-4c39-9d7e-3f1f7c3b9e11', campusCode: '993010' } },
  apiInvoke: { valid: { endpoint: 'getExamSession', request: {} }, invalid: { endpoint: '', request: {} }, response: { any: 'thing' } },
  sessionLogout: { valid: {}, invalid: 'logout', response: {} },
  idlePolicy: { valid: {}, invalid: { timeoutSeconds: 5 }, response: { timeoutSeconds: 90, warningSeconds: 15 } },
  idleActivity: { valid: {}, invalid: null, response: {} },
  idleWiped: { valid: {}, invalid: [], response: { reload: 'host' } },
  printDocument: { valid: { document: 'receipt' }, invalid: { document: 'passport' }, response: { printed: true } },
  syncPush: { valid: { operations: [op(1), op(2)] }, invalid: { operations: [op(2), op(1)] }, response: { results: [], lastAppliedSeq: 0 } },
  syncPull: { valid: { cursor: 'c1' }, invalid: { cursor: 42 }, response: { cursor: 'c2', changes: [], hasMore: false } },
  syncReportOutbox: { valid: { pending: 3 }, invalid: { pending: -1 }, response: {} },
  syncStatus: { valid: {}, invalid: { refresh: true }, response: syncStatus },
  outboxKey: { valid: {}, invalid: 7, response: { key: Buffer.alloc(32, 1).toString('base64') } },
};

type Listener = (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>;

function setup() {
  const listeners = new Map<string, Listener>();
  const ipc = { handle: (channel: string, listener: Listener) => void listeners.set(channel, listener) };
  const services = Object.fromEntries(
    IPC_METHOD_NAMES.map((name) => [name, vi.fn(async () => ({ ok: true, value: cases[name].response }))]),
  ) as unknown as IpcServices & Record<IpcMethodName, ReturnType<typeof vi.fn>>;
  const log = vi.fn();
  const windows = new WindowRegistry();
  windows.add(7, 'kiosk');
  windows.add(8, 'staff');
  registerHandlers(ipc, createIpcRouter(services, log), windows);
  const send = (name: IpcMethodName, event: IpcEventLike, payload: unknown) => {
    const listener = listeners.get(ipcChannel(name));
    if (!listener) throw new Error(`no handler for ${name}`);
    return listener(event, payload) as Promise<IpcResult<unknown>>;
  };
  return { listeners, services, send, log };
}

const topFrame = (url: string) => ({ url, parent: null });
const kioskEvent: IpcEventLike = { sender: { id: 7 }, senderFrame: topFrame('app://renderer/index.html?window=kiosk') };
const staffEvent: IpcEventLike = { sender: { id: 8 }, senderFrame: topFrame('app://renderer/staff/reviews') };
const trustedEventFor = (name: IpcMethodName) => (ipcMethods[name].windows.includes('kiosk') ? kioskEvent : staffEvent);

const strangers: [string, IpcEventLike][] = [
  ['a webContents we never opened', { sender: { id: 99 }, senderFrame: topFrame('app://renderer/index.html?window=kiosk') }],
  ['a frame that is gone (navigated or destroyed)', { sender: { id: 7 }, senderFrame: null }],
  ['an iframe inside our window', { sender: { id: 7 }, senderFrame: { url: 'app://renderer/index.html', parent: {} } }],
  ['our window showing a web page', { sender: { id: 7 }, senderFrame: topFrame('https://evil.example/') }],
  ['our window showing a local file', { sender: { id: 7 }, senderFrame: topFrame('file:///tmp/x.html') }],
  ['a look-alike origin', { sender: { id: 7 }, senderFrame: topFrame('app://renderer.evil/index.html') }],
];

describe('IPC handlers', () => {
  it('registers exactly one handler per contract method, on our own channels', () => {
    const { listeners } = setup();
    expect([...listeners.keys()].sort()).toEqual(IPC_METHOD_NAMES.map(ipcChannel).sort());
  });

  describe.each(IPC_METHOD_NAMES)('%s', (name) => {
    it.each(strangers)('refuses %s without running the service', async (_who, event) => {
      const { send, services } = setup();
      expect(await send(name, event, cases[name].valid)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(services[name]).not.toHaveBeenCalled();
    });

    it('refuses an invalid payload without running the service', async () => {
      const { send, services } = setup();
      expect(await send(name, trustedEventFor(name), cases[name].invalid)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      expect(services[name]).not.toHaveBeenCalled();
    });

    it('refuses a missing payload', async () => {
      const { send, services } = setup();
      expect(await send(name, trustedEventFor(name), undefined)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      expect(services[name]).not.toHaveBeenCalled();
    });

    it('runs the service for its own window with the parsed payload and the sender', async () => {
      const { send, services } = setup();
      const event = trustedEventFor(name);
      const result = await send(name, event, cases[name].valid);
      expect(result.ok).toBe(true);
      expect(services[name]).toHaveBeenCalledTimes(1);
      expect(services[name].mock.calls[0]?.[1]).toEqual({ windowId: String(event.sender.id), kind: event === kioskEvent ? 'kiosk' : 'staff' });
    });
  });

  it.each(IPC_METHOD_NAMES.filter((name) => !ipcMethods[name].windows.includes('staff')))(
    'refuses the kiosk-only %s from the staff window',
    async (name) => {
      const { send, services } = setup();
      expect(await send(name, staffEvent, cases[name].valid)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(services[name]).not.toHaveBeenCalled();
    },
  );

  it('hands the service the parsed request (the one-time code normalised)', async () => {
    const { send, services } = setup();
    await send('deviceEnrol', kioskEvent, { code: '7k3m-9qxa' });
    expect(services.deviceEnrol.mock.calls[0]?.[0]).toEqual({ code: '7K3M9QXA' });
  });

  it('turns a service that throws into INTERNAL_ERROR, and logs it', async () => {
    const { send, services, log } = setup();
    services.appInfo.mockRejectedValueOnce(new Error('disk full'));
    expect(await send('appInfo', kioskEvent, {})).toMatchObject({ ok: false, error: { code: 'INTERNAL_ERROR' } });
    expect(log.mock.calls.at(-1)?.[0]).toMatch(/disk full/);
  });

  it('never lets a response outside the contract reach the page', async () => {
    const { send, services } = setup();
    services.idlePolicy.mockResolvedValueOnce({ ok: true, value: { timeoutSeconds: -1, warningSeconds: 15 } });
    expect(await send('idlePolicy', kioskEvent, {})).toMatchObject({ ok: false, error: { code: 'INTERNAL_ERROR' } });
  });

  it('passes a service refusal through as it is', async () => {
    const { send, services } = setup();
    services.syncPush.mockResolvedValueOnce({ ok: false, error: { code: 'SERVICE_UNAVAILABLE' } });
    expect(await send('syncPush', kioskEvent, cases.syncPush.valid)).toEqual({ ok: false, error: { code: 'SERVICE_UNAVAILABLE' } });
  });

  it('refusals carry the shared bilingual message', async () => {
    const { send } = setup();
    const result = await send('appInfo', strangers[0]![1], {});
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: { 'zh-CN': '无权进行此操作', en: 'You are not allowed to do this.' } } });
  });
});
