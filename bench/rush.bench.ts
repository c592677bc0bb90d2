// Rush: logged-in candidates walk qualification → save → written → oral → pay at concurrency 50, on PGlite and on PostgreSQL; per-route latency.
import { join } from 'node:path';
import { DEFAULT_POOL_SIZE, type Db } from '../src-server/db/database.js';
import { insertCandidates, type BenchCandidate } from './lib/candidates.js';
import { preparedPg, preparedPglite } from './lib/database.js';
import { RESULTS_DIR, runPart } from './lib/harness.js';
import { closeHttpClient, postForm, requestJson } from './lib/http-client.js';
import { withConcurrency } from './lib/load.js';
import { resetStatementCount, startPgCluster, statementCount, topStatements } from './lib/pg-cluster.js';
import pg from 'pg';
import { startServerProcess, type ServerProcess } from './lib/server-process.js';
import { round, summarise, type LatencySummary } from './lib/stats.js';
import type { Cell } from './lib/table.js';

const CAMPUS = '993010';
const WRITTEN = `demo-offering-${CAMPUS}-1`;
const ORAL = `demo-offering-${CAMPUS}-F`;
const P99_TARGET_MS = 100;

class FlowError extends Error {}

/** Seats for every flow (warm-up included): a refusal for want of seats would end flows early and flatter the figures. */
async function fill(db: Db, count: number): Promise<BenchCandidate[]> {
  for (const id of [WRITTEN, ORAL]) await db.updateTable('offerings').set({ capacity: count, remaining: count }).where('id', '=', id).execute();
  return insertCandidates(db, count, { saved: false });
}

/**
 * One candidate's requests in the order the kiosk makes them once logged in and past the agreement
 * (R1): the qualification query and save (R2, R3), the written and oral choices and enrolments
 * (R5–R7), the 报名信息 page, the order, the payment on the sandbox page as the phone does it, and
 * the kiosk's look at the order (R9). Each request is timed under its route's name.
 */
/** Around each request of one flow walked alone: what counts the statements each route makes. */
interface RouteProbe {
  before(): Promise<void>;
  after(route: string): Promise<void>;
}

async function flow(server: ServerProcess, candidate: BenchCandidate, record: (route: string, ms: number) => void, errors: Map<string, number>, probe?: RouteProbe) {
  const refused = (route: string, status: number, body: unknown): never => {
    const code = (body as { error?: { code?: string } } | null)?.error?.code ?? String(status);
    const key = `${route}: ${code}`;
    errors.set(key, (errors.get(key) ?? 0) + 1);
    throw new FlowError(key);
  };
  const call = async (route: string, method: 'GET' | 'POST', path: string, body?: unknown) => {
    await probe?.before();
    const started = performance.now();
    const answer = await requestJson<Record<string, any>>(`${server.url}${path}`, { method, token: candidate.token, ...(body === undefined ? {} : { body }) });
    record(route, performance.now() - started);
    await probe?.after(route);
    if (answer.status !== 200) refused(route, answer.status, answer.body);
    return answer.body;
  };
  // The phone's press on the sandbox page: a plain form post answered with HTML (a refusal is JSON).
  const pressOnPhone = async (route: string, path: string, form: Record<string, string>) => {
    await probe?.before();
    const started = performance.now();
    const answer = await postForm(`${server.url}${path}`, form);
    record(route, performance.now() - started);
    await probe?.after(route);
    if (answer.status !== 200) {
      const parsed: unknown = (() => {
        try {
          return JSON.parse(answer.body);
        } catch {
          return null;
        }
      })();
      refused(route, answer.status, parsed);
    }
  };
  const identity = candidate.identity;
  await call('POST /api/registration/qualification', 'POST', '/api/registration/qualification', identity);
  await call('POST /api/registration', 'POST', '/api/registration', { ...identity, confirmed: true });
  await call('GET /api/enrolment/written/choices', 'GET', '/api/enrolment/written/choices');
  const written = await call('POST /api/enrolment/written', 'POST', '/api/enrolment/written', { offeringIds: [WRITTEN] });
  await call('GET /api/enrolment/oral/campuses', 'GET', '/api/enrolment/oral/campuses');
  await call('GET /api/enrolment/oral/campuses/:campusCode/choices', 'GET', `/api/enrolment/oral/campuses/${CAMPUS}/choices`);
  const oral = await call('POST /api/enrolment/oral', 'POST', '/api/enrolment/oral', { offeringIds: [ORAL] });
  await call('GET /api/registration', 'GET', '/api/registration');
  const enrolmentIds = [...written.enrolments, ...oral.enrolments].map((enrolment: { id: string }) => enrolment.id);
  const order = await call('POST /api/payment/orders', 'POST', '/api/payment/orders', { enrolmentIds, provider: 'ALIPAY' });
  const providerRef = new URL(order.payUrl as string).pathname.split('/').pop() ?? '';
  await pressOnPhone('POST /sandbox/pay/:providerRef', `/sandbox/pay/${providerRef}`, { outcome: 'PAID' });
  const paid = await call('GET /api/payment/orders/:orderId', 'GET', `/api/payment/orders/${order.orderId as string}`);
  if (paid.status !== 'PAID') {
    errors.set(`order ${String(paid.status)}`, (errors.get(`order ${String(paid.status)}`) ?? 0) + 1);
    throw new FlowError('not paid');
  }
}

/** The figures of one stretch of flows: the untimed warm-up or the timed run. */
interface Stretch {
  readonly flows: number;
  readonly completed: number;
  readonly flows_per_s: number;
  readonly errors: number;
  readonly full: number;
  readonly error_codes: Record<string, number>;
  readonly routes: Record<string, LatencySummary>;
  readonly worst_p99_ms: number;
  /** The server's CPU per request: with one process, above ~1000 / (requests/s) it is the server's one core that limits. */
  readonly server_cpu_ms_per_request: number;
  /**
   * The part of the servers' CPU not on their event loops' threads: V8's optimising compiler and GC
   * helpers. High while the compiler is still at work on the routes' code; steady state is its GC share.
   */
  readonly server_background_cpu_share: number;
  /** This process's CPU per request (the load generator shares the two cores with the servers and the database). */
  readonly client_cpu_ms_per_request: number;
  /** PostgreSQL's CPU per request, all backends together (null on PGlite, which runs inside the server process). */
  readonly database_cpu_ms_per_request: number | null;
  readonly requests_per_s: number;
}

interface DatabaseRun extends Stretch {
  /** The untimed flows before the timed ones, on the same fresh processes: what the first minute of a rush looks like. */
  readonly warm_up: Pick<Stretch, 'flows' | 'requests_per_s' | 'worst_p99_ms' | 'server_cpu_ms_per_request' | 'server_background_cpu_share'>;
}

async function stretch(
  servers: readonly ServerProcess[],
  candidates: readonly BenchCandidate[],
  concurrency: number,
  databaseCpuSeconds?: () => number,
): Promise<Stretch> {
  const serverOf = (n: number) => servers[n % servers.length]!;
  const cpuSeconds = () => servers.reduce((sum, server) => sum + server.cpuSeconds(), 0);
  const mainThreadCpuSeconds = () => servers.reduce((sum, server) => sum + server.mainThreadCpuSeconds(), 0);
  const latencies = new Map<string, number[]>();
  const errors = new Map<string, number>();
  let completed = 0;
  const cpuBefore = cpuSeconds();
  const mainBefore = mainThreadCpuSeconds();
  const databaseCpuBefore = databaseCpuSeconds?.() ?? 0;
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  await withConcurrency(candidates.length, concurrency, async (n) => {
    try {
      await flow(serverOf(n), candidates[n]!, (route, ms) => (latencies.get(route) ?? latencies.set(route, []).get(route))?.push(ms), errors);
      completed += 1;
    } catch (error) {
      if (!(error instanceof FlowError)) throw error;
    }
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuSeconds() - cpuBefore;
  const main = mainThreadCpuSeconds() - mainBefore;
  const databaseCpu = databaseCpuSeconds === undefined ? null : databaseCpuSeconds() - databaseCpuBefore;
  const client = process.cpuUsage(clientBefore);
  const requests = [...latencies.values()].reduce((sum, samples) => sum + samples.length, 0);
  const routes = Object.fromEntries([...latencies].map(([route, samples]) => [route, summarise(samples)]));
  const full = [...errors].filter(([key]) => key.endsWith('OFFERING_FULL')).reduce((sum, [, count]) => sum + count, 0);
  const all = [...errors.values()].reduce((sum, count) => sum + count, 0);
  return {
    flows: candidates.length,
    completed,
    flows_per_s: round(completed / seconds),
    errors: all - full,
    full,
    error_codes: Object.fromEntries(errors),
    routes,
    worst_p99_ms: Math.max(...Object.values(routes).map((route) => route.p99_ms)),
    server_cpu_ms_per_request: round((cpu * 1000) / requests, 2),
    server_background_cpu_share: round(cpu > 0 ? (cpu - main) / cpu : 0, 2),
    client_cpu_ms_per_request: round((client.user + client.system) / 1000 / requests, 2),
    database_cpu_ms_per_request: databaseCpu === null ? null : round((databaseCpu * 1000) / requests, 2),
    requests_per_s: round(requests / seconds),
  };
}

/**
 * Untimed flows first, at the same concurrency, as on servers that have been up: the timed flows
 * measure the steady state of a rush, and the warm-up's own figures say what its first minute is like.
 * Why 2,500 (27,500 requests): V8 optimises a function only once it has run often enough for its
 * size, on background threads that share the two cores, and the routes' larger functions run once
 * or twice per flow. The servers' CPU share off the event loop in the timed flows (steady state is
 * its GC part, a few per cent) was 0.16-0.21 after 1,000 warm-up flows and 0.04 after 3,000; server
 * CPU per request 0.45-0.51 ms against 0.39 ms. After 200, perf put the compiler at ~18 % of the
 * servers' event-loop CPU, and the worst route's p99 was 91-105 ms against 71-74 ms after 1,000.
 */
async function rush(
  servers: readonly ServerProcess[],
  candidates: readonly BenchCandidate[],
  warmUp: number,
  concurrency: number,
  database?: { readonly beforeTimed: () => Promise<void>; readonly cpuSeconds: () => number },
): Promise<DatabaseRun> {
  const warm = await stretch(servers, candidates.slice(0, warmUp), concurrency);
  if (warm.errors > 0) throw new Error(`refusals while warming up: ${JSON.stringify(warm.error_codes)}`);
  await database?.beforeTimed();
  const timed = await stretch(servers, candidates.slice(warmUp), concurrency, database?.cpuSeconds);
  const { flows, requests_per_s, worst_p99_ms, server_cpu_ms_per_request, server_background_cpu_share } = warm;
  return { ...timed, warm_up: { flows, requests_per_s, worst_p99_ms, server_cpu_ms_per_request, server_background_cpu_share } };
}

// 500 timed flows (5,500 requests, ~3 s on PostgreSQL): with 120 the timed window was under a second, half
// of it the 50 flows' simultaneous start and staggered end, and a route's p99 was its second-slowest of 120.
await runPart('rush', { flows: 500, concurrency: 50, warmup: 2500, durable: true, servers: 2, profile: false }, async (flags) => {
  const total = flags.flows + flags.warmup;
  // --profile: each server writes a V8 CPU profile on exit (open it in Chrome's DevTools, Performance tab).
  const nodeArgs = flags.profile ? ['--cpu-prof', `--cpu-prof-dir=${join(RESULTS_DIR, 'profiles')}`] : [];

  // PGlite: one server process on an embedded database folder, as `npm start` runs it.
  let candidates: BenchCandidate[] = [];
  const { dataDir } = await preparedPglite(async (db) => {
    candidates = await fill(db, total);
  });
  const pgliteServer = await startServerProcess({ DATA_DIR: dataDir }, { nodeArgs });
  process.stdout.write(`PGlite: ${flags.flows} flows at concurrency ${flags.concurrency}…\n`);
  const pglite = await rush([pgliteServer], candidates, flags.warmup, flags.concurrency);
  await pgliteServer.stop();

  // PostgreSQL: one server process on a throwaway cluster, so the comparison is the database alone.
  const cluster = await startPgCluster({ durable: flags.durable });
  const db = await preparedPg(cluster.url);
  // One more: walked alone after the timed run, to count each route's statements.
  candidates = await fill(db, total + 1);
  await db.destroy();
  // PostgreSQL is what lets the server run as several processes: one per core, as it would be deployed.
  const pgServers = await Promise.all(Array.from({ length: flags.servers }, () => startServerProcess({ DATABASE_URL: cluster.url }, { nodeArgs })));
  process.stdout.write(`PostgreSQL: ${flags.flows} flows at concurrency ${flags.concurrency} over ${flags.servers} server processes…\n`);
  const stats = new pg.Client({ connectionString: cluster.url });
  await stats.connect();
  const postgres = await rush(pgServers, candidates.slice(0, total), flags.warmup, flags.concurrency, {
    beforeTimed: () => resetStatementCount(stats),
    cpuSeconds: () => cluster.cpuSeconds(),
  });
  const statementsPerFlow = round((await statementCount(stats)) / postgres.flows, 1);
  const calls = await stats.query<{ query: string; calls: string }>(`SELECT query, calls FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY calls DESC LIMIT 40`);
  // Where PostgreSQL's own time goes: a statement that waits on a lock shows here, not in the counts.
  const slowest = await topStatements(stats, 15);
  // Each route's statements, one request at a time on warm servers: the round trips a request costs,
  // whatever the load (background jobs may add one now and then; they run every 10 s).
  const statementsPerRoute: Record<string, number> = {};
  const probeCandidate = candidates[total];
  if (probeCandidate === undefined) throw new Error('no candidate left for the statement count');
  await flow(pgServers[0]!, probeCandidate, () => undefined, new Map(), {
    before: () => resetStatementCount(stats),
    after: async (route) => {
      statementsPerRoute[route] = await statementCount(stats);
    },
  });
  await stats.end();
  await Promise.all(pgServers.map((server) => server.stop()));
  cluster.stop();
  await closeHttpClient();

  const routeNames = Object.keys(postgres.routes);
  const rows: Cell[][] = routeNames.map((route) => [
    route,
    pglite.routes[route]?.p50_ms,
    pglite.routes[route]?.p99_ms,
    postgres.routes[route]?.p50_ms,
    postgres.routes[route]?.p99_ms,
    (postgres.routes[route]?.p99_ms ?? Infinity) < P99_TARGET_MS,
    statementsPerRoute[route],
  ]);
  const errorsOf = (run: DatabaseRun) => (run.errors === 0 ? `0 (${run.full} full)` : `${run.errors}: ${JSON.stringify(run.error_codes)}`);
  const missed = routeNames.filter((route) => (postgres.routes[route]?.p99_ms ?? Infinity) >= P99_TARGET_MS);
  return {
    figures: {
      concurrency: flags.concurrency,
      flows: flags.flows,
      pglite,
      postgres: { ...postgres, statements_per_flow: statementsPerFlow, statements_per_route: statementsPerRoute, most_called: calls.rows.map((row) => ({ calls: Number(row.calls), query: row.query.replace(/\s+/g, ' ').slice(0, 200) })), most_time: slowest },
    },
    settings: {
      server: `src-server/bin/server.ts, NODE_ENV=production, LOG_LEVEL=warn: one process on PGlite (one process per embedded database), ${flags.servers} on PostgreSQL (pool ${DEFAULT_POOL_SIZE} each), flows spread over them`,
      postgres: { version: cluster.version, ...cluster.settings },
      flow: 'qualification, save, written choices, written, oral campuses, oral choices, oral, 报名信息, order, sandbox payment, order status',
    },
    headline: [
      { figure: `PostgreSQL flows/s (concurrency ${flags.concurrency})`, value: postgres.flows_per_s },
      { figure: `PGlite flows/s (concurrency ${flags.concurrency})`, value: pglite.flows_per_s },
      {
        figure: 'PostgreSQL worst route p99',
        value: `${postgres.worst_p99_ms}${missed.length > 0 ? ` (${missed.length} of ${routeNames.length} routes ≥ ${P99_TARGET_MS})` : ''}`,
        unit: 'ms',
        target: `< ${P99_TARGET_MS} ms per route`,
        met: missed.length === 0,
      },
      { figure: 'PGlite worst route p99', value: pglite.worst_p99_ms, unit: 'ms' },
      {
        figure: `PostgreSQL while warming up (the first ${flags.warmup} flows): worst route p99, server CPU per request, its share off the event loop`,
        value: `${postgres.warm_up.worst_p99_ms} ms, ${postgres.warm_up.server_cpu_ms_per_request} ms, ${postgres.warm_up.server_background_cpu_share}`,
      },
      { figure: "servers' CPU share off the event loop in the timed flows (V8's compiler and GC threads; PostgreSQL)", value: postgres.server_background_cpu_share },
      { figure: 'requests/s, server CPU per request, statements per flow (PostgreSQL)', value: `${postgres.requests_per_s}/s, ${postgres.server_cpu_ms_per_request} ms, ${statementsPerFlow}` },
      { figure: 'PostgreSQL CPU per request, all backends', value: postgres.database_cpu_ms_per_request ?? '–', unit: 'ms' },
      { figure: 'load generator CPU per request (PostgreSQL run)', value: postgres.client_cpu_ms_per_request, unit: 'ms' },
      { figure: 'requests/s, server CPU per request (PGlite)', value: `${pglite.requests_per_s}/s, ${pglite.server_cpu_ms_per_request} ms` },
      { figure: 'errors but full (PostgreSQL; PGlite)', value: `${errorsOf(postgres)}; ${errorsOf(pglite)}`, target: '0', met: postgres.errors === 0 && pglite.errors === 0 },
    ],
    tables: [{ title: `per route, ms (concurrency ${flags.concurrency})`, headers: ['route', 'PGlite p50', 'PGlite p99', 'PostgreSQL p50', 'PostgreSQL p99', `p99 < ${P99_TARGET_MS}`, 'statements'], rows }],
    notes: [
      'Passports, sessions (bearer tokens), agreements and roster records are made in the database before the clock starts; login has its own part.',
      `The timed flows follow ${flags.warmup} untimed ones on the same processes, so they measure a rush's steady state; the warm-up's own figures are in warm_up.`,
      'A flow ends at its first refusal; refusals other than OFFERING_FULL count as errors and fail the part.',
      "'statements': what PostgreSQL ran for each route's request (pg_stat_statements, BEGIN and COMMIT included) in one more flow walked alone after the timed run; the session lookup is one of them.",
    ],
    violations: [...(postgres.errors > 0 ? [`PostgreSQL errors ${JSON.stringify(postgres.error_codes)}`] : []), ...(pglite.errors > 0 ? [`PGlite errors ${JSON.stringify(pglite.error_codes)}`] : [])],
  };
});
