// Seats (R7): N candidates race for one offering of capacity C through two server processes on one PostgreSQL; the same seat UPDATE issued straight at the database is the ceiling.
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { DEFAULT_POOL_SIZE } from '../src-server/db/database.js';
import { seatDrift } from '../src-server/services/seats.js';
import { insertCandidates } from './lib/candidates.js';
import { preparedPg } from './lib/database.js';
import { RESULTS_DIR, runPart } from './lib/harness.js';
import { closeHttpClient, requestJson } from './lib/http-client.js';
import { timed, withConcurrency } from './lib/load.js';
import { resetStatementCount, startPgCluster, statementCount, topStatements } from './lib/pg-cluster.js';
import { startServerProcess } from './lib/server-process.js';
import { median, percentile, round } from './lib/stats.js';

/** The demo CET4 written offering of campus 993010, for which every bench candidate is qualified. */
const OFFERING = 'demo-offering-993010-1';
/** Another offering, for the ceiling only, so its claims never touch the race's counter. */
const CEILING_OFFERING = 'demo-offering-993010-3';
/** The servers' pools (src-server/db/database.ts): the ceiling gets as many connections as both servers together. */
const SERVER_POOL = DEFAULT_POOL_SIZE;
const SERVERS = 2;

/**
 * The seat statement of src-server/services/seats.ts takeSeats as it reaches PostgreSQL: migration
 * 0025's take_seats, the conditional UPDATE of the counter, which answers the full offering's id
 * when no seat is left. The claims run it inside claim_seats_batch (migration 0026).
 */
const SEAT_UPDATE = `SELECT take_seats(ARRAY[$1]::text[])`;

await runPart('seats', { contenders: 1000, capacity: 300, rounds: 3, warmup: 3, durable: true, profile: false }, async (flags) => {
  const cluster = await startPgCluster({ durable: flags.durable });
  const db = await preparedPg(cluster.url);
  const candidates = await insertCandidates(db, flags.contenders, { saved: true });
  const reset = async () => {
    await db.deleteFrom('enrolments').where('offering_id', '=', OFFERING).execute();
    for (const id of [OFFERING, CEILING_OFFERING]) await db.updateTable('offerings').set({ capacity: flags.capacity, remaining: flags.capacity }).where('id', '=', id).execute();
  };
  // --profile: each server writes a V8 CPU profile on exit (open it in Chrome's DevTools, Performance tab).
  const nodeArgs = flags.profile ? ['--cpu-prof', `--cpu-prof-dir=${join(RESULTS_DIR, 'profiles')}`] : [];
  const servers = await Promise.all(Array.from({ length: SERVERS }, () => startServerProcess({ DATABASE_URL: cluster.url }, { nodeArgs })));
  const serverOf = (n: number) => servers[n % SERVERS]!;
  const ceilingPool = new pg.Pool({ connectionString: cluster.url, max: SERVER_POOL * SERVERS });

  // Warm-up outside the clock: each server's pool opened and its code paths compiled, on reads that leave the seats alone.
  await withConcurrency(200, 40, async (n) => {
    const candidate = candidates[n % candidates.length]!;
    await requestJson(`${serverOf(n).url}/api/enrolment/written/choices`, { token: candidate.token });
  });
  await Promise.all(Array.from({ length: SERVER_POOL * SERVERS }, () => ceilingPool.query('SELECT 1')));

  const violations: string[] = [];
  const rounds: { claims_per_s: number; ceiling_per_s: number; latencies: number[]; server_cpu_ms: number; client_cpu_ms: number; database_cpu_ms: number; ceiling_database_cpu_ms: number; statements: number; top: Awaited<ReturnType<typeof topStatements>>; enrolled: number; oversold: number; full: number; other: number }[] = [];
  // The warm-up races run the same claims first and are not counted: the servers' JIT has compiled
  // the claim path, and every connection the race needs is open, as on a server that has been up.
  // Three, because after one the counted rounds still sped up one after another (server CPU per
  // claim 0.65, 0.46, 0.40 ms in rounds 1-3); after three they no longer do.
  for (let race = 0; race < flags.warmup + flags.rounds; race += 1) {
    const counted = race >= flags.warmup;
    const label = counted ? `round ${race - flags.warmup + 1}` : `warm-up ${race + 1}`;
    await reset();
    // Ceiling: every contender's seat UPDATE at once, queued on the pool as the servers' requests queue on theirs.
    const ceilingStarted = performance.now();
    const ceilingDatabaseCpuBefore = cluster.cpuSeconds();
    await Promise.all(candidates.map(() => ceilingPool.query(SEAT_UPDATE, [CEILING_OFFERING])));
    const ceilingSeconds = (performance.now() - ceilingStarted) / 1000;
    const ceilingDatabaseCpuMs = ((cluster.cpuSeconds() - ceilingDatabaseCpuBefore) * 1000) / flags.contenders;

    // The race: every contender's POST at once, alternating between the two server processes.
    const latencies: number[] = [];
    const statuses = new Map<string, number>();
    await resetStatementCount(ceilingPool);
    let lastSeatAt = 0;
    const cpuBefore = servers.reduce((sum, server) => sum + server.cpuSeconds(), 0);
    const clientCpuBefore = process.cpuUsage();
    const databaseCpuBefore = cluster.cpuSeconds();
    const started = performance.now();
    await Promise.all(
      candidates.map(async (candidate, n) => {
        const { ms, value } = await timed(async () => {
          const answer = await requestJson<{ error?: { code: string } }>(`${serverOf(n).url}/api/enrolment/written`, { token: candidate.token, body: { offeringIds: [OFFERING] } });
          return answer.status === 200 ? 'enrolled' : (answer.body.error?.code ?? String(answer.status));
        });
        latencies.push(ms);
        if (value === 'enrolled') lastSeatAt = Math.max(lastSeatAt, performance.now() - started);
        statuses.set(value, (statuses.get(value) ?? 0) + 1);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const databaseCpuMs = ((cluster.cpuSeconds() - databaseCpuBefore) * 1000) / flags.contenders;
    // The profile of one claim: server CPU and statements (round trips to PostgreSQL, BEGIN and COMMIT included).
    const serverCpuMs = ((servers.reduce((sum, server) => sum + server.cpuSeconds(), 0) - cpuBefore) * 1000) / flags.contenders;
    const clientCpu = process.cpuUsage(clientCpuBefore);
    const clientCpuMs = (clientCpu.user + clientCpu.system) / 1000 / flags.contenders;
    const statements = (await statementCount(ceilingPool)) / flags.contenders;
    const top = await topStatements(ceilingPool, 6);

    // The database, not the responses, says how many seats went.
    const held = await db.selectFrom('enrolments').select(({ fn }) => fn.countAll<string>().as('n')).where('offering_id', '=', OFFERING).executeTakeFirstOrThrow();
    const offering = await db.selectFrom('offerings').select(['remaining', 'capacity']).where('id', '=', OFFERING).executeTakeFirstOrThrow();
    const enrolled = Number(held.n);
    const oversold = Math.max(0, enrolled - offering.capacity);
    const answeredEnrolled = statuses.get('enrolled') ?? 0;
    const full = statuses.get('OFFERING_FULL') ?? 0;
    const other = flags.contenders - answeredEnrolled - full;
    const expected = Math.min(flags.contenders, flags.capacity);
    if (oversold > 0) violations.push(`${label}: ${oversold} seats oversold`);
    if (enrolled !== expected) violations.push(`${label}: ${enrolled} enrolled in the database, ${expected} expected`);
    if (answeredEnrolled !== enrolled) violations.push(`${label}: ${answeredEnrolled} answered enrolled, ${enrolled} in the database`);
    if (offering.remaining !== offering.capacity - enrolled) violations.push(`${label}: counter says ${offering.remaining} remaining, enrolments say ${offering.capacity - enrolled}`);
    if (other > 0) violations.push(`${label}: unexpected answers ${JSON.stringify(Object.fromEntries(statuses))}`);
    const drift = await seatDrift(db);
    if (drift.some((row) => row.offeringId === OFFERING)) violations.push(`${label}: seat drift ${JSON.stringify(drift)}`);
    if (counted) rounds.push({ claims_per_s: flags.contenders / seconds, ceiling_per_s: flags.contenders / ceilingSeconds, latencies, server_cpu_ms: serverCpuMs, client_cpu_ms: clientCpuMs, database_cpu_ms: databaseCpuMs, ceiling_database_cpu_ms: ceilingDatabaseCpuMs, statements, top, enrolled, oversold, full, other });
    process.stdout.write(
      `${label}: ${round(flags.contenders / seconds)} claims/s, ceiling ${round(flags.contenders / ceilingSeconds)}/s, ${enrolled} enrolled, ${full} full (last seat answered after ${round(lastSeatAt / 1000, 2)} of ${round(seconds, 2)} s), ${round(serverCpuMs, 2)} ms server CPU, ${round(databaseCpuMs, 2)} ms PostgreSQL CPU (ceiling ${round(ceilingDatabaseCpuMs, 2)}), ${round(clientCpuMs, 2)} ms client CPU and ${round(statements, 3)} statements per claim\n`,
    );
  }
  // Untimed: the database's own view of how long the statements took is in PostgreSQL's log only when asked; the figures above are from the client side.
  const version = await sql<{ v: string }>`SELECT version() AS v`.execute(db);
  await ceilingPool.end();
  await closeHttpClient();
  await db.destroy();
  await Promise.all(servers.map((server) => server.stop()));
  cluster.stop();

  // The median round by claims/s stands for the run; every round is in the JSON.
  const byRate = [...rounds].sort((a, b) => a.claims_per_s - b.claims_per_s);
  const chosen = byRate[Math.floor(byRate.length / 2)]!;
  const claimsPerS = round(median(rounds.map((r) => r.claims_per_s)));
  const ceilingPerS = round(median(rounds.map((r) => r.ceiling_per_s)));
  const ratio = round(claimsPerS / ceilingPerS, 3);
  const oversold = Math.max(...rounds.map((r) => r.oversold));
  const p50 = round(percentile(chosen.latencies, 50));
  const p99 = round(percentile(chosen.latencies, 99));
  return {
    figures: {
      contenders: flags.contenders,
      capacity: flags.capacity,
      enrolled: chosen.enrolled,
      oversold,
      claims_per_s: claimsPerS,
      p50_ms: p50,
      p99_ms: p99,
      ceiling_per_s: ceilingPerS,
      ratio,
      server_cpu_ms_per_claim: round(median(rounds.map((r) => r.server_cpu_ms)), 2),
      client_cpu_ms_per_claim: round(median(rounds.map((r) => r.client_cpu_ms)), 2),
      database_cpu_ms_per_claim: round(median(rounds.map((r) => r.database_cpu_ms)), 2),
      ceiling_database_cpu_ms_per_call: round(median(rounds.map((r) => r.ceiling_database_cpu_ms)), 2),
      statements_per_claim: round(median(rounds.map((r) => r.statements)), 3),
      rounds: rounds.map((r) => ({
        claims_per_s: round(r.claims_per_s),
        ceiling_per_s: round(r.ceiling_per_s),
        server_cpu_ms_per_claim: round(r.server_cpu_ms, 2),
        client_cpu_ms_per_claim: round(r.client_cpu_ms, 2),
        database_cpu_ms_per_claim: round(r.database_cpu_ms, 2),
        ceiling_database_cpu_ms_per_call: round(r.ceiling_database_cpu_ms, 2),
        statements_per_claim: round(r.statements, 3),
        p50_ms: round(percentile(r.latencies, 50)),
        p99_ms: round(percentile(r.latencies, 99)),
        enrolled: r.enrolled,
        full: r.full,
        other: r.other,
        // Mean time in PostgreSQL per statement; the seat UPDATE's includes its wait for the offering's row lock.
        slowest_statements: r.top,
      })),
    },
    settings: {
      servers: `${SERVERS} processes (src-server/bin/server.ts, NODE_ENV=production, LOG_LEVEL=warn), pool ${SERVER_POOL} each`,
      ceiling: `${SEAT_UPDATE} — one statement per contender, all at once, on a pg pool of ${SERVER_POOL * SERVERS}`,
      database: version.rows[0]?.v.split(',')[0] ?? cluster.version,
      postgres: cluster.settings,
    },
    headline: [
      { figure: `oversold (${flags.contenders} for ${flags.capacity} seats, from the database)`, value: oversold, target: '0', met: oversold === 0 },
      { figure: 'claims/s (2 server processes)', value: claimsPerS },
      { figure: 'claim p50 / p99', value: `${p50} / ${p99}`, unit: 'ms' },
      { figure: 'ceiling: seat UPDATE straight on pg', value: ceilingPerS, unit: '/s' },
      { figure: 'ratio claims / ceiling', value: ratio, target: '≥ 0.5', met: ratio >= 0.5 },
      {
        figure: 'per claim: server CPU, client CPU, statements',
        value: `${round(median(rounds.map((r) => r.server_cpu_ms)), 2)} ms, ${round(median(rounds.map((r) => r.client_cpu_ms)), 2)} ms, ${round(median(rounds.map((r) => r.statements)), 3)}`,
      },
      {
        figure: 'PostgreSQL CPU per claim (per ceiling call)',
        value: `${round(median(rounds.map((r) => r.database_cpu_ms)), 2)} ms (${round(median(rounds.map((r) => r.ceiling_database_cpu_ms)), 2)} ms)`,
      },
    ],
    notes: [
      'A claim is one POST /api/enrolment/written (session lookup, R5 checks, the seat UPDATE, the enrolment insert, the answer); a refused claim (OFFERING_FULL) counts as a claim too.',
      'Client, both servers and PostgreSQL share the same 2 cores, so every figure is bounded by CPU, not by the row lock alone.',
    ],
    violations,
  };
});
