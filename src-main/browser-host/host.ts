// Browser mode: serves dist/renderer over loopback HTTP and carries the IPC contract over a same-origin WebSocket.
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  BROWSER_IPC_PATH,
  BROWSER_RESET_CLOSE_CODE,
  ipcEvents,
  windowKind,
  wireCall,
  type IpcEventName,
  type IpcEventPayload,
  type WindowKind,
  type WireToPage,
} from '../../shared/contracts/ipc.js';
import { ENTRY_DOCUMENT } from '../core/app-url.js';
import { securityHeaders } from '../core/csp.js';
import type { IpcRouter, Sender } from '../core/ipc-router.js';

const MAX_FRAME_BYTES = 1024 * 1024;

export interface BrowserConnections {
  send<E extends IpcEventName>(windowId: string, event: E, payload: IpcEventPayload<E>): void;
  /** Drops the connection with BROWSER_RESET_CLOSE_CODE: the page reloads and starts clean. */
  reset(windowId: string): void;
}

/** What the host needs from the shared services: dispatch, and to hear about pages coming and going. */
export interface BrowserHostBackend {
  readonly router: IpcRouter;
  windowOpened(sender: Sender): void;
  windowClosed(windowId: string): void;
}

export interface BrowserHostOptions {
  readonly rendererDir: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly allowedWindows: readonly WindowKind[];
  readonly log: (message: string) => void;
}

export interface BrowserHost {
  /** e.g. http://127.0.0.1:5174 */
  readonly origin: string;
  close(): Promise<void>;
}

/** Host names under which the loopback server answers; anything else is a DNS-rebinding attempt. */
function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

function refuseUpgrade(socket: Duplex, status: 400 | 403 | 404): void {
  const reason = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' }[status];
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Loopback only. Who may connect: a page served by this very host (the Origin must be its own
 * origin, which a web page elsewhere cannot fake from a browser), asking for a window kind this
 * host was started for. The socket then speaks for that one window.
 */
export async function startBrowserHost(
  options: BrowserHostOptions,
  createBackend: (connections: BrowserConnections) => BrowserHostBackend,
): Promise<BrowserHost> {
  const sockets = new Map<string, { socket: WebSocket; kind: WindowKind }>();
  let nextId = 1;
  const connections: BrowserConnections = {
    send(windowId, event, payload) {
      const open = sockets.get(windowId);
      if (!open || !ipcEvents[event].windows.includes(open.kind)) return;
      const frame: WireToPage = { type: 'event', event, payload };
      open.socket.send(JSON.stringify(frame));
    },
    reset(windowId) {
      sockets.get(windowId)?.socket.close(BROWSER_RESET_CLOSE_CODE, 'reset');
    },
  };
  const backend = createBackend(connections);

  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 1024 });
  let port = options.port;

  app.addHook('onRequest', async (request, reply) => {
    if (!allowedHosts(port).has(request.headers.host ?? '')) return reply.code(403).send();
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.headers(securityHeaders({ connectSources: [`ws://${request.headers.host ?? ''}`] }));
    return payload;
  });
  await app.register(fastifyStatic, { root: options.rendererDir, index: [ENTRY_DOCUMENT], dotfiles: 'deny', wildcard: true });
  // In-app routes (no extension) get the entry document, as app:// does in Electron.
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (request.method === 'GET' && !/\.[A-Za-z0-9]+$/.test(path)) return reply.sendFile(ENTRY_DOCUMENT);
    return reply.code(404).send();
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  app.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const host = request.headers.host ?? '';
    const url = new URL(request.url ?? '/', `http://${host || 'invalid'}`);
    if (url.pathname !== BROWSER_IPC_PATH) return refuseUpgrade(socket, 404);
    if (!allowedHosts(port).has(host) || request.headers.origin !== `http://${host}`) return refuseUpgrade(socket, 403);
    const kind = windowKind.safeParse(url.searchParams.get('window'));
    if (!kind.success || !options.allowedWindows.includes(kind.data)) return refuseUpgrade(socket, 403);
    wss.handleUpgrade(request, socket, head, (ws) => accept(ws, kind.data));
  });

  function accept(ws: WebSocket, kind: WindowKind): void {
    const sender: Sender = { windowId: `browser-${nextId++}`, kind };
    sockets.set(sender.windowId, { socket: ws, kind });
    ws.on('message', (data, isBinary) => {
      let frame: unknown;
      try {
        frame = isBinary ? undefined : JSON.parse(data.toString());
      } catch {
        frame = undefined;
      }
      const call = wireCall.safeParse(frame);
      // A page of ours never sends a malformed frame: whoever did loses the connection.
      if (!call.success) return ws.close(1008, 'malformed frame');
      void backend.router.dispatch(sender, call.data.method, call.data.payload).then((result) => {
        const reply: WireToPage = { type: 'result', id: call.data.id, result };
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
      });
    });
    ws.on('close', () => {
      sockets.delete(sender.windowId);
      backend.windowClosed(sender.windowId);
    });
    backend.windowOpened(sender);
  }

  await app.listen({ host: '127.0.0.1', port: options.port });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : options.port;
  const origin = `http://127.0.0.1:${port}`;
  options.log(`browser mode on ${origin} (windows: ${options.allowedWindows.join(', ')})`);

  return {
    origin,
    async close() {
      for (const { socket } of sockets.values()) socket.terminate();
      wss.close();
      await app.close();
    },
  };
}
