// Browser mode's side of the bridge: the IPC contract as JSON frames over a WebSocket to the Node host, behind the same IpcBridge type as Electron's preload.
import {
  BROWSER_RESET_CLOSE_CODE,
  IPC_EVENT_NAMES,
  IPC_METHOD_NAMES,
  isIpcMethodName,
  subscriberName,
  wireToPage,
  type IpcBridge,
  type IpcEventName,
  type IpcResult,
  type WireCall,
} from '../../shared/contracts/ipc.js';

/** The part of the DOM WebSocket the bridge uses (so a test can hand in the `ws` package's). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: 'open', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: (event: { code: number }) => void): void;
}

export interface WebSocketBridgeOptions {
  /** ws://host:port/ipc?window=kiosk */
  readonly url: string;
  readonly createSocket: (url: string) => SocketLike;
  /** The host reset the page, or the page must reload after a wipe. */
  readonly reload: () => void;
  /** The browser's print dialog: browser mode cannot print silently. */
  readonly openPrintDialog: () => void;
  /** Reconnect delays after the host went away: doubling from base up to cap. */
  readonly reconnect?: { readonly baseMs: number; readonly capMs: number };
}

const OPEN = 1;

function unavailable(): IpcResult<never> {
  return { ok: false, error: { code: 'SERVICE_UNAVAILABLE' } };
}

export function createWebSocketBridge(options: WebSocketBridgeOptions): IpcBridge & { close(): void } {
  const reconnect = options.reconnect ?? { baseMs: 250, capMs: 5_000 };
  const pending = new Map<number, (result: IpcResult<unknown>) => void>();
  const listeners = new Map<IpcEventName, Set<(payload: unknown) => void>>();
  const waitingToSend: string[] = [];
  let nextId = 1;
  let failures = 0;
  let closed = false;
  let socket: SocketLike | null = null;

  function connect(): void {
    const current = options.createSocket(options.url);
    socket = current;
    current.addEventListener('open', () => {
      failures = 0;
      for (const frame of waitingToSend.splice(0)) current.send(frame);
    });
    current.addEventListener('message', (event) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(String(event.data));
      } catch {
        return;
      }
      const frame = wireToPage.safeParse(parsed);
      if (!frame.success) return;
      if (frame.data.type === 'result') {
        const { result } = frame.data;
        pending.get(frame.data.id)?.(result.ok ? { ok: true, value: result.value } : result);
        pending.delete(frame.data.id);
      } else if ((IPC_EVENT_NAMES as string[]).includes(frame.data.event)) {
        for (const listener of listeners.get(frame.data.event as IpcEventName) ?? []) listener(frame.data.payload);
      }
    });
    current.addEventListener('close', (event) => {
      if (socket !== current) return;
      socket = null;
      // Calls in flight have no answer coming; they fail rather than hang.
      for (const resolve of pending.values()) resolve(unavailable());
      pending.clear();
      if (closed) return;
      if (event.code === BROWSER_RESET_CLOSE_CODE) return options.reload();
      failures += 1;
      setTimeout(connect, Math.min(reconnect.capMs, reconnect.baseMs * 2 ** (failures - 1)));
    });
  }

  function call(method: string, payload: unknown): Promise<IpcResult<unknown>> {
    if (closed || !isIpcMethodName(method)) return Promise.resolve(unavailable());
    const id = nextId++;
    const frame: WireCall = { type: 'call', id, method, payload };
    const text = JSON.stringify(frame);
    return new Promise((resolve) => {
      pending.set(id, resolve);
      if (socket?.readyState === OPEN) socket.send(text);
      else waitingToSend.push(text);
    });
  }

  const bridge: Record<string, unknown> = {};
  for (const name of IPC_METHOD_NAMES) bridge[name] = (request: unknown) => call(name, request);
  // Two host differences the page should not have to know about.
  bridge['printDocument'] = async (request: unknown) => {
    const result = await call('printDocument', request);
    if (result.ok && (result.value as { failureReason?: string }).failureReason === 'unsupported') options.openPrintDialog();
    return result;
  };
  bridge['idleWiped'] = async (request: unknown) => {
    const result = await call('idleWiped', request);
    if (result.ok && (result.value as { reload: string }).reload === 'self') options.reload();
    return result;
  };
  for (const name of IPC_EVENT_NAMES) {
    bridge[subscriberName(name)] = (listener: (payload: unknown) => void) => {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener);
      return () => set.delete(listener);
    };
  }
  bridge['close'] = () => {
    closed = true;
    socket?.close();
  };
  connect();
  return bridge as IpcBridge & { close(): void };
}
