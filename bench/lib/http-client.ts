// The load generators' HTTP client: undici's request API on a keep-alive agent, far cheaper per request than fetch.
import { Agent, request } from 'undici';

/**
 * Why not fetch: the seat race measured fetch at 0.7–1.1 ms of the bench process's CPU per claim,
 * as much as a server process spends answering it, on the same two cores; the figures then say more
 * about the client than about the server. undici's request skips the WHATWG stream and Response
 * layers. Connections stay open between rounds (the servers' keep-alive is longer than this).
 */
const agent = new Agent({ keepAliveTimeout: 60_000, keepAliveMaxTimeout: 120_000, connections: null });

export interface Answer<T> {
  readonly status: number;
  readonly body: T;
}

/** One JSON request; the body is parsed whatever the status, so refusals can be read. */
export async function requestJson<T>(url: string, options: { method?: 'GET' | 'POST'; token?: string; body?: unknown } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await request(url, {
    dispatcher: agent,
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return { status: response.statusCode, body: (await response.body.json()) as T };
}

/** A plain HTML form's post (the sandbox pay page's buttons); the answer's body as text, HTML or a JSON refusal. */
export async function postForm(url: string, form: Record<string, string>): Promise<Answer<string>> {
  const response = await request(url, {
    dispatcher: agent,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.statusCode, body: await response.body.text() };
}

/** Closes the kept-alive connections, so the bench process can end. */
export function closeHttpClient(): Promise<void> {
  return agent.close();
}
