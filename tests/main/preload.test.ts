// The preload exposes exactly the contract's named functions, each on its own channel, and never hands the page an Electron object.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_GLOBAL, IPC_EVENT_NAMES, IPC_METHOD_NAMES, ipcChannel, ipcEventChannel, subscriberName } from '../../shared/contracts/ipc.js';

type Listener = (event: unknown, ...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<Listener>>();
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    invoke: vi.fn(async (channel: string, request: unknown) => ({ ok: true, value: { channel, request } })),
  };
});

// The real 'electron' package would try to download its binary; the preload only ever sees these two objects.
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (channel: string, listener: Listener) => {
      const set = electron.listeners.get(channel) ?? new Set();
      set.add(listener);
      electron.listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: Listener) => electron.listeners.get(channel)?.delete(listener),
  },
}));

let bridge: Record<string, (...args: unknown[]) => unknown>;

beforeAll(async () => {
  await import('../../src-main/preload/preload.js');
  bridge = electron.exposed.get(BRIDGE_GLOBAL) as typeof bridge;
});

describe('preload bridge', () => {
  it('exposes one object, under the contract name, and nothing else', () => {
    expect([...electron.exposed.keys()]).toEqual([BRIDGE_GLOBAL]);
  });

  it('holds exactly the contract methods and event subscriptions, all functions, frozen', () => {
    const expected = [...IPC_METHOD_NAMES, ...IPC_EVENT_NAMES.map(subscriberName)].sort();
    expect(Object.keys(bridge).sort()).toEqual(expected);
    expect(Object.values(bridge).every((value) => typeof value === 'function')).toBe(true);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(bridge).not.toHaveProperty('invoke');
    expect(bridge).not.toHaveProperty('send');
  });

  it.each(IPC_METHOD_NAMES)('%s invokes its own channel with the one payload', async (name) => {
    electron.invoke.mockClear();
    const result = await bridge[name]!({ probe: name }, 'ignored extra');
    expect(electron.invoke).toHaveBeenCalledWith(ipcChannel(name), { probe: name });
    expect(result).toEqual({ ok: true, value: { channel: ipcChannel(name), request: { probe: name } } });
  });

  it.each(IPC_EVENT_NAMES)('%s: the page gets the payload only, and can unsubscribe', (name) => {
    const received: unknown[] = [];
    const unsubscribe = bridge[subscriberName(name)]!((payload: unknown) => received.push(payload)) as () => void;
    const [listener] = electron.listeners.get(ipcEventChannel(name)) ?? [];
    listener?.({ sender: 'the IpcRendererEvent' }, { n: 1 });
    expect(received).toEqual([{ n: 1 }]);
    unsubscribe();
    expect(electron.listeners.get(ipcEventChannel(name))?.size).toBe(0);
  });

  it('refuses a subscription without a listener function', () => {
    expect(() => bridge['onSyncStatusChanged']!('not a function')).toThrow(TypeError);
  });
});
