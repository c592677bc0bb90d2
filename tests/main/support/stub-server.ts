// A small real HTTP server for client-protocol tests: routes answer from the test, every request is recorded.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
}

export interface StubReply {
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string | string[]>;
  /** Sent as is instead of JSON. */
  readonly raw?: string;
}

export type StubRoute = (request: RecordedRequest) => StubReply | Promise<StubReply>;

export interface StubServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  route(method: string, path: string, handler: StubRoute): void;
  close(): Promise<void>;
}

export async function startStubServer(): Promise<StubServer> {
  const routes = new Map<string, StubRoute>();
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://stub');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: text ? JSON.parse(text) : undefined,
    };
    requests.push(recorded);
    const route = routes.get(`${recorded.method} ${recorded.path}`);
    const reply: StubReply = route ? await route(recorded) : { status: 404, body: { error: { code: 'NOT_FOUND', message: { 'zh-CN': '未找到', en: 'Not found' } } } };
    res.statusCode = reply.status ?? 200;
    for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
    if (reply.raw !== undefined) return void res.end(reply.raw);
    if (reply.body === undefined) return void res.end();
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    route: (method, path, handler) => routes.set(`${method} ${path}`, handler),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: connections are refused at once. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
