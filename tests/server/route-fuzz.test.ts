// Hostile input to every endpoint of the registry (plus the device and sync endpoints), as four kinds of caller: never a 5xx, every refusal a known code in both languages.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceEndpoints } from '../../shared/contracts/device.js';
import type { Endpoint } from '../../shared/contracts/http/endpoint.js';
import { httpEndpoints } from '../../shared/contracts/http/index.js';
import { syncEndpoints } from '../../shared/contracts/sync.js';
import { isErrorCode } from '../../shared/errors/domain-error.js';
import { DEMO_PASSPORTS, DEMO_STAFF_PASSWORD } from '../../src-server/demo/seed.js';
import type { TestClient } from '../support/client.js';
import { login, staffLogin } from '../support/candidates.js';
import { startServer, type TestServer } from '../support/server.js';

/** Every endpoint the server knows of, by name; a new contract module joins the registry and is fuzzed with no change here. */
const ENDPOINTS: readonly (readonly [string, Endpoint])[] = Object.entries({ ...httpEndpoints, ...deviceEndpoints, ...syncEndpoints });
/** Ending the caller's own session would quietly turn the later runs into anonymous ones. */
const ENDS_SESSION = new Set(['logout']);
/** Four callers × this many runs; 4 × 500 = 2,000 cases per database, a few seconds each. */
const RUNS_PER_CALLER = 500;

let server: TestServer;
const callers: Record<string, TestClient> = {};

beforeAll(async () => {
  server = await startServer();
  callers.anonymous = server.client();
  callers.candidate = server.client();
  expect((await login(callers.candidate, DEMO_PASSPORTS[0].email, DEMO_PASSPORTS[0].password)).status).toBe(200);
  callers.teacher = server.client();
  expect((await staffLogin(callers.teacher, 'teacher99301', DEMO_STAFF_PASSWORD)).status).toBe(200);
  const code = await callers.teacher.post('/api/staff/devices/enrolment-codes', { campusCode: '993010' });
  const enrolled = await server.client().post('/api/devices/enrol', { code: code.body.code, deviceName: 'fuzz', softwareVersion: '1.0.0' });
  callers.device = server.client({ authorization: `Bearer ${enrolled.body.credential}` });
});
afterAll(() => server?.close());

/** The top-level field names of a request schema (objects, unions of objects, piped objects), so hostile values land where parsers look. */
function fieldsOf(schema: unknown): string[] {
  const def = (schema as { def?: { shape?: Record<string, unknown>; options?: unknown[]; in?: unknown; innerType?: unknown } }).def;
  if (def === undefined) return [];
  if (def.shape !== undefined) return Object.keys(def.shape);
  if (def.options !== undefined) return [...new Set(def.options.flatMap(fieldsOf))];
  return fieldsOf(def.in ?? def.innerType);
}

const SQLISH = ["' OR '1'='1", "1; DROP TABLE passports; --", "\\'; SELECT pg_sleep(10); --", '%', '_', '\u0000', "'||(SELECT version())||'"];
const NUMBERS = [-1, 0, 1.5, 2 ** 31, -(2 ** 63), Number.MAX_SAFE_INTEGER + 2, 1e308, -1e-308];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...SQLISH),
  fc.constantFrom('../../etc/passwd', '%2e%2e%2f', '<script>alert(1)</script>', '\uFEFF', '𠀀𠀁', 'Ａ１２３', ' '),
  fc.nat({ max: 20_000 }).map((n) => 'x'.repeat(n)),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(...NUMBERS),
  fc.constantFrom(null, true, false, [], {}),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(nested(64), nested(300)),
  fc.array(hostileString, { maxLength: 5 }),
);

/** A JSON object body as raw text, so `__proto__` survives as an own key the way an attacker sends it. */
function objectText(entries: readonly (readonly [string, unknown])[]): string {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`).join(',')}}`;
}

function hostileRequest(endpoint: Endpoint) {
  const keys = fc.constantFrom(...fieldsOf(endpoint.request), ...PROTO_KEYS, 'x');
  const entries = fc.array(fc.tuple(keys, hostileValue), { maxLength: 8 });
  const body = fc.oneof(
    entries.map(objectText),
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc.constantFrom('', '{', 'null', '[]', '"text"', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}'),
    fc.string({ maxLength: 200 }),
  );
  const query = fc.array(fc.tuple(keys, hostileString), { maxLength: 6 });
  const params = fc.array(hostileString, { minLength: 4, maxLength: 4 });
  return fc.record({ body, query, params });
}

/** Fills `:param` segments in order with hostile text, URL-encoded as a client would send it. */
function pathOf(path: string, params: readonly string[]): string {
  let i = 0;
  return path.replace(/:[A-Za-z]+/g, () => encodeURIComponent(params[i++] ?? ''));
}

interface Seen {
  cases: number;
  byStatus: Map<number, number>;
}

async function fuzz(caller: string, seen: Seen): Promise<void> {
  const client = callers[caller];
  if (client === undefined) throw new Error(`no caller ${caller}`);
  const endpoints = ENDPOINTS.filter(([name]) => caller === 'anonymous' || !ENDS_SESSION.has(name));
  const cases = fc.constantFrom(...endpoints).chain(([name, endpoint]) => hostileRequest(endpoint).map((request) => ({ name, endpoint, ...request })));
  await fc.assert(
    fc.asyncProperty(cases, async ({ endpoint, body, query, params }) => {
      const search = new URLSearchParams(query.map(([key, value]) => [key, value])).toString();
      const path = pathOf(endpoint.path, params) + (search === '' ? '' : `?${search}`);
      const carriesBody = endpoint.method !== 'GET' && endpoint.method !== 'DELETE';
      const answer = await client.request(endpoint.method, path, carriesBody ? body : undefined, carriesBody ? { 'content-type': 'application/json' } : {});
      seen.cases += 1;
      seen.byStatus.set(answer.status, (seen.byStatus.get(answer.status) ?? 0) + 1);
      expect(answer.status, `${endpoint.method} ${path.slice(0, 300)} → ${JSON.stringify(answer.body).slice(0, 300)}`).toBeLessThan(500);
      if (answer.status >= 400) {
        const error = answer.body?.error;
        expect(isErrorCode(String(error?.code)), `${endpoint.method} ${path} → ${JSON.stringify(answer.body).slice(0, 200)}`).toBe(true);
        expect(typeof error.message['zh-CN'] === 'string' && error.message['zh-CN'] !== '').toBe(true);
        expect(typeof error.message.en === 'string' && error.message.en !== '').toBe(true);
      }
    }),
    { numRuns: RUNS_PER_CALLER },
  );
}

describe('hostile input to every route', () => {
  const seen: Seen = { cases: 0, byStatus: new Map() };

  it.each(['anonymous', 'candidate', 'teacher', 'device'])('never answers a 5xx, and refuses with a known code in both languages (%s)', async (caller) => {
    await fuzz(caller, seen);
  }, 240_000);

  it('refuses a NUL byte, which PostgreSQL cannot store, with a 400 and not a 500 (found by this fuzzer)', async () => {
    const inPath = await callers.teacher?.get('/api/staff/reviews/%00');
    expect(inPath?.status).toBe(400);
    const inQuery = await callers.teacher?.get('/api/staff/reviews?cursor=%00');
    expect(inQuery?.status).toBe(400);
    const inBody = await callers.anonymous?.post('/api/devices/enrol', { code: 'ABCD-EFGH', deviceName: 'a\u0000b', softwareVersion: '1.0.0' });
    expect(inBody?.status).toBeLessThan(500);
    expect(inBody?.body.error.code).toMatch(/^[A-Z_]+$/);
  });

  it('ran at least 1,000 cases, left the server healthy and no prototype polluted', async () => {
    const statuses = [...seen.byStatus].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`);
    process.stdout.write(`route fuzz on ${server.kind}: ${seen.cases} cases over ${ENDPOINTS.length} endpoints (${statuses.join(', ')})\n`);
    expect(seen.cases).toBeGreaterThanOrEqual(1000);
    expect((await server.client().get('/api/health')).status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
