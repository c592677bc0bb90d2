// The API forwarder, against a real local HTTP server: validates before sending and after receiving, attaches the device credential and the window's own session.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { EndpointRegistry } from '../../shared/contracts/http/index.js';
import { createApiForwarder, WINDOW_AUDIENCES } from '../../src-main/core/forwarder.js';
import { planHttpRequest, type ServerConnection } from '../../src-main/core/http-client.js';
import { SessionCookies } from '../../src-main/core/session-cookies.js';
import { endpoint } from '../../shared/contracts/http/endpoint.js';
import { closedPortUrl, startStubServer, type StubServer } from './support/stub-server.js';

const registry = {
  getOffering: endpoint({
    method: 'GET',
    path: '/api/offerings/:offeringId',
    audience: 'public',
    request: z.object({ offeringId: z.string().min(1), includeFull: z.boolean().optional() }),
    response: z.object({ id: z.string(), remaining: z.int() }),
  }),
  login: endpoint({
    method: 'POST',
    path: '/api/auth/login',
    audience: 'public',
    request: z.object({ account: z.string().min(1), password: z.string().min(8) }),
    response: z.object({ name: z.string() }),
  }),
  enrolWritten: endpoint({
    method: 'POST',
    path: '/api/enrolment/written',
    audience: 'candidate',
    request: z.object({ offeringIds: z.array(z.string()).min(1) }),
    response: z.object({ enrolled: z.int() }),
  }),
  getReferenceBundle: endpoint({
    method: 'GET',
    path: '/api/reference/bundle',
    audience: 'device',
    request: z.object({}),
    response: z.object({ fetchedAt: z.string() }),
  }),
  decideReview: endpoint({
    method: 'POST',
    path: '/api/reviews/:reviewId/decision',
    audience: 'teacher',
    request: z.object({ reviewId: z.string(), approve: z.boolean() }),
    response: z.object({ status: z.string() }),
  }),
  issueOfflineGrant: endpoint({
    method: 'POST',
    path: '/api/staff/offline-grant',
    audience: 'staffDevice',
    request: z.object({}),
    response: z.object({ grant: z.string() }),
  }),
} satisfies EndpointRegistry;

let server: StubServer;
let connection: ServerConnection;
let cookies: SessionCookies;
let reachability: { reachable: number; unreachable: number; reportReachable(): void; reportUnreachable(): void };
let credential: string | null;
const logs: string[] = [];

function forwarder(overrides: Partial<ServerConnection> = {}) {
  return createApiForwarder({
    registry,
    connection: { ...connection, ...overrides },
    credential: async () => credential,
    cookies,
    reachability,
    log: (message) => logs.push(message),
  });
}

const kiosk1 = { windowId: '1', kind: 'kiosk' } as const;
const kiosk2 = { windowId: '2', kind: 'kiosk' } as const;
const staff = { windowId: '3', kind: 'staff' } as const;

beforeAll(async () => {
  server = await startStubServer();
  connection = { baseUrl: server.url, fetch: (input, init) => fetch(input, init), timeoutMs: 2_000 };
  server.route('GET', '/api/offerings/o%2F1', (request) => ({ body: { id: 'o/1', remaining: request.query.get('includeFull') === 'true' ? 3 : 2 } }));
  server.route('POST', '/api/auth/login', (request) => {
    const body = request.body as { account: string };
    return { body: { name: body.account }, headers: { 'Set-Cookie': [`sid=${body.account}; Path=/; HttpOnly`] } };
  });
  server.route('POST', '/api/enrolment/written', (request) =>
    request.headers.cookie === 'sid=alice'
      ? { body: { enrolled: (request.body as { offeringIds: string[] }).offeringIds.length } }
      : { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: { 'zh-CN': '请先登录', en: 'Please log in first.' } } } },
  );
  server.route('POST', '/api/reviews/r1/decision', () => ({ body: { status: 42 } }));
  server.route('GET', '/api/reference/bundle', () => ({ body: { fetchedAt: '2026-09-01T00:00:00Z' } }));
  server.route('POST', '/api/staff/offline-grant', () => ({ body: { grant: 'g'.repeat(43) } }));
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.requests.length = 0;
  cookies = new SessionCookies();
  credential = 'dev-credential-0123456789abcdef0123456789abcdef';
  reachability = {
    reachable: 0,
    unreachable: 0,
    reportReachable() {
      this.reachable += 1;
    },
    reportUnreachable() {
      this.unreachable += 1;
    },
  };
});

describe('API forwarder', () => {
  it('fills path parameters, sends the rest as the query of a GET, and returns the validated answer', async () => {
    const result = await forwarder()(kiosk1, { endpoint: 'getOffering', request: { offeringId: 'o/1', includeFull: true } });
    expect(result).toEqual({ ok: true, value: { id: 'o/1', remaining: 3 } });
    expect(server.requests[0]?.path).toBe('/api/offerings/o%2F1');
    expect(server.requests[0]?.query.get('includeFull')).toBe('true');
    expect(reachability.reachable).toBe(1);
  });

  it('attaches the device credential as a bearer token to device endpoints only', async () => {
    await forwarder()(kiosk1, { endpoint: 'getReferenceBundle', request: {} });
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${credential}`);
    credential = null;
    await forwarder()(kiosk1, { endpoint: 'getReferenceBundle', request: {} });
    expect(server.requests[1]?.headers.authorization).toBeUndefined();
  });

  it("never puts the device credential on a session call: the server would read it instead of the window's cookie", async () => {
    const forward = forwarder();
    await forward(kiosk1, { endpoint: 'login', request: { account: 'alice', password: 'Passw0rd!' } });
    await forward(kiosk1, { endpoint: 'enrolWritten', request: { offeringIds: ['o1'] } });
    await forward(kiosk1, { endpoint: 'getOffering', request: { offeringId: 'o/1' } });
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([undefined, undefined, undefined]);
    expect(server.requests[1]?.headers.cookie).toBe('sid=alice');
  });

  it('sends both the staff window\'s session and the device credential to a staffDevice endpoint, from the staff window only', async () => {
    const forward = forwarder();
    await forward(staff, { endpoint: 'login', request: { account: 'teacher', password: 'Passw0rd!' } });
    expect(await forward(staff, { endpoint: 'issueOfflineGrant', request: {} })).toEqual({ ok: true, value: { grant: 'g'.repeat(43) } });
    expect(server.requests[1]?.headers).toMatchObject({ authorization: `Bearer ${credential}`, cookie: 'sid=teacher' });
    expect(await forward(kiosk1, { endpoint: 'issueOfflineGrant', request: {} })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(server.requests).toHaveLength(2);
  });

  it('refuses an invalid request before anything is sent, naming the field', async () => {
    const result = await forwarder()(kiosk1, { endpoint: 'login', request: { account: 'alice', password: 'short' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'password' } });
    expect(result.ok ? undefined : result.error.message?.['zh-CN']).toBe('输入内容有误，请检查后重新提交');
    expect(server.requests).toHaveLength(0);
  });

  it("keeps each window's session cookie to that window", async () => {
    const forward = forwarder();
    await forward(kiosk1, { endpoint: 'login', request: { account: 'alice', password: 'Passw0rd!' } });
    expect(await forward(kiosk1, { endpoint: 'enrolWritten', request: { offeringIds: ['o1', 'o2'] } })).toEqual({ ok: true, value: { enrolled: 2 } });
    const other = await forward(kiosk2, { endpoint: 'enrolWritten', request: { offeringIds: ['o1'] } });
    expect(other).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(server.requests.at(-1)?.headers.cookie).toBeUndefined();
  });

  it('forgets the session on logout or idle wipe', async () => {
    const forward = forwarder();
    await forward(kiosk1, { endpoint: 'login', request: { account: 'alice', password: 'Passw0rd!' } });
    cookies.clear(kiosk1.windowId);
    expect(await forward(kiosk1, { endpoint: 'enrolWritten', request: { offeringIds: ['o1'] } })).toMatchObject({ ok: false });
  });

  it("passes the server's refusal through with its code and bilingual message", async () => {
    const result = await forwarder()(kiosk1, { endpoint: 'enrolWritten', request: { offeringIds: ['o1'] } });
    expect(result).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: { 'zh-CN': '请先登录', en: 'Please log in first.' } } });
  });

  it('refuses an answer that breaks the response schema, and logs the mismatch', async () => {
    const result = await forwarder()(staff, { endpoint: 'decideReview', request: { reviewId: 'r1', approve: true } });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL_ERROR' } });
    expect(logs.at(-1)).toMatch(/broke the contract/);
  });

  it('maps an unreachable server to SERVICE_UNAVAILABLE and tells the connectivity monitor', async () => {
    const result = await forwarder({ baseUrl: await closedPortUrl() })(kiosk1, { endpoint: 'getOffering', request: { offeringId: 'o/1' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'SERVICE_UNAVAILABLE' } });
    expect(reachability.unreachable).toBe(1);
  });

  it.each(['noSuchEndpoint', 'constructor', '__proto__', 'toString'])('refuses the unknown endpoint %s', async (name) => {
    expect(await forwarder()(kiosk1, { endpoint: name, request: {} })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'endpoint' } });
    expect(server.requests).toHaveLength(0);
  });

  it('keeps the kiosk away from teacher endpoints and the staff window away from candidate ones', async () => {
    expect(await forwarder()(kiosk1, { endpoint: 'decideReview', request: { reviewId: 'r1', approve: true } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await forwarder()(staff, { endpoint: 'enrolWritten', request: { offeringIds: ['o1'] } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(server.requests).toHaveLength(0);
  });

  it('gives each window kind the audiences of its users', () => {
    expect(WINDOW_AUDIENCES.kiosk).toEqual(['public', 'candidate', 'device']);
    expect(WINDOW_AUDIENCES.staff).not.toContain('candidate');
  });
});

describe('planning an HTTP request from an endpoint', () => {
  const ep = (method: 'GET' | 'POST' | 'DELETE' | 'PUT', path: string) =>
    endpoint({ method, path, audience: 'public', request: z.unknown(), response: z.unknown() });

  it.each([
    [ep('GET', '/api/a/:id'), { id: 'x y', page: 2, tags: ['a', 'b'] }, { method: 'GET', target: '/api/a/x%20y?page=2&tags=a&tags=b' }],
    [ep('GET', '/api/a'), {}, { method: 'GET', target: '/api/a' }],
    [ep('DELETE', '/api/e/:enrolmentId'), { enrolmentId: 'e1' }, { method: 'DELETE', target: '/api/e/e1' }],
    [ep('POST', '/api/r/:id/decision'), { id: 'r1', approve: true }, { method: 'POST', target: '/api/r/r1/decision', body: '{"approve":true}' }],
    [ep('PUT', '/api/r'), {}, { method: 'PUT', target: '/api/r', body: '{}' }],
  ])('%#', (endpointSpec, request, plan) => {
    expect(planHttpRequest(endpointSpec, request)).toEqual(plan);
  });

  it.each([
    [ep('GET', '/api/a/:id'), {}, 'id'],
    [ep('GET', '/api/a/:id'), { id: { nested: true } }, 'id'],
    [ep('GET', '/api/a'), { filter: { nested: true } }, 'filter'],
  ])('refuses what cannot travel %#', (endpointSpec, request, field) => {
    expect(planHttpRequest(endpointSpec, request)).toMatchObject({ field });
  });
});
