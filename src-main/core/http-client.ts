// Calling one shared-contract endpoint on the central server: validate, build the request, send, validate the answer.
import { errorBody, type Endpoint } from '../../shared/contracts/http/endpoint.js';
import type { IpcError } from '../../shared/contracts/ipc.js';
import { fieldOf, ipcError } from './ipc-result.js';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface ServerConnection {
  /** Base URL of the central server, e.g. `https://cet.example.edu.cn`. */
  readonly baseUrl: string;
  readonly fetch: FetchLike;
  readonly timeoutMs: number;
}

export interface CallOptions {
  /** The device credential, sent as `Authorization: Bearer …`. */
  readonly bearer?: string | null;
  /** The `Cookie` header of the calling window's server session. */
  readonly cookie?: string;
}

export type CallOutcome =
  | { readonly kind: 'ok'; readonly value: unknown; readonly setCookies: readonly string[] }
  /** The server answered with a refusal (4xx/5xx). */
  | { readonly kind: 'refused'; readonly status: number; readonly error: IpcError; readonly setCookies: readonly string[] }
  /** Our own request did not match the endpoint's schema: nothing was sent. */
  | { readonly kind: 'invalid-request'; readonly error: IpcError }
  /** No answer at all: network down, DNS, timeout. The connectivity monitor wants to know. */
  | { readonly kind: 'unreachable'; readonly reason: string }
  /** An answer that breaks the contract: a server/client version mismatch, never the user's fault. */
  | { readonly kind: 'bad-response'; readonly status: number; readonly reason: string };

export interface HttpRequestPlan {
  readonly method: string;
  /** Path and query, relative to the server's base URL. */
  readonly target: string;
  readonly body?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function queryValue(value: unknown): string[] | null {
  if (value === undefined) return [];
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value) && value.every((item) => ['string', 'number', 'boolean'].includes(typeof item))) {
    return value.map(String);
  }
  return null;
}

/**
 * Fills `:param` segments from the (already validated) request, then sends the rest as the JSON
 * body (POST/PUT/PATCH) or as the query string (GET/DELETE, flat values and arrays of them only).
 */
export function planHttpRequest(ep: Endpoint, request: unknown): HttpRequestPlan | { readonly problem: string; readonly field?: string } {
  const rest: Record<string, unknown> = isRecord(request) ? { ...request } : {};
  let missing: string | undefined;
  const path = ep.path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_whole, name: string) => {
    const value = rest[name];
    delete rest[name];
    if (typeof value !== 'string' && typeof value !== 'number') {
      missing ??= name;
      return '';
    }
    return encodeURIComponent(String(value));
  });
  if (missing !== undefined) return { problem: `path parameter ${missing} is missing`, field: missing };
  if (ep.method === 'GET' || ep.method === 'DELETE') {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(rest)) {
      const values = queryValue(value);
      if (values === null) return { problem: `${key} cannot travel in a query string`, field: key };
      for (const item of values) query.append(key, item);
    }
    const search = query.toString();
    return { method: ep.method, target: search ? `${path}?${search}` : path };
  }
  const payload = isRecord(request) ? rest : request;
  return { method: ep.method, target: path, ...(payload === undefined ? {} : { body: JSON.stringify(payload) }) };
}

const STATUS_CODES: Readonly<Record<number, string>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
};

/** A refusal without a contract body (a proxy's 502 page, say) still gets a stable code. */
function errorForStatus(status: number): IpcError {
  return ipcError(STATUS_CODES[status] ?? (status >= 500 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_ERROR'));
}

async function readJson(response: Response): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const text = await response.text();
  if (text.length === 0) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export async function callEndpoint(
  ep: Endpoint,
  request: unknown,
  connection: ServerConnection,
  options: CallOptions = {},
): Promise<CallOutcome> {
  const parsed = ep.request.safeParse(request);
  if (!parsed.success) {
    const field = fieldOf(parsed.error.issues);
    return { kind: 'invalid-request', error: ipcError('VALIDATION_FAILED', field === undefined ? {} : { field }) };
  }
  const plan = planHttpRequest(ep, parsed.data);
  if ('problem' in plan) {
    return { kind: 'invalid-request', error: ipcError('VALIDATION_FAILED', plan.field === undefined ? {} : { field: plan.field }) };
  }
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (plan.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.bearer) headers['Authorization'] = `Bearer ${options.bearer}`;
  if (options.cookie) headers['Cookie'] = options.cookie;

  let response: Response;
  try {
    response = await connection.fetch(new URL(plan.target, connection.baseUrl).toString(), {
      method: plan.method,
      headers,
      ...(plan.body === undefined ? {} : { body: plan.body }),
      redirect: 'error',
      signal: AbortSignal.timeout(connection.timeoutMs),
    });
  } catch (error) {
    return { kind: 'unreachable', reason: (error as Error).message };
  }
  const setCookies = response.headers.getSetCookie();
  let body: Awaited<ReturnType<typeof readJson>>;
  try {
    body = await readJson(response);
  } catch (error) {
    return { kind: 'unreachable', reason: (error as Error).message };
  }
  if (response.ok) {
    if (!body.ok) return { kind: 'bad-response', status: response.status, reason: 'the body is not JSON' };
    const value = ep.response.safeParse(body.value);
    if (!value.success) {
      return { kind: 'bad-response', status: response.status, reason: `the body does not match the contract: ${value.error.message}` };
    }
    return { kind: 'ok', value: value.data, setCookies };
  }
  const refusal = body.ok ? errorBody.safeParse(body.value) : undefined;
  return {
    kind: 'refused',
    status: response.status,
    error: refusal?.success ? refusal.data.error : errorForStatus(response.status),
    setCookies,
  };
}
