// A throwaway PostgreSQL 15 cluster for one benchmark run (as tests/support/pg-cluster.ts makes one for the test suite), removed on exit or Ctrl-C.
import pg from 'pg';
import { startThrowawayPostgres } from '../../tests/support/throwaway-postgres.js';
import { onCleanup } from './cleanup.js';
import { postgresCpuSeconds } from './cpu.js';

export interface PgCluster {
  /** Superuser URL of the database `bench` in the cluster. */
  readonly url: string;
  readonly version: string;
  /** The settings the cluster was started with, recorded in the results. */
  readonly settings: Readonly<Record<string, string>>;
  /** CPU seconds the server and all its backends have used so far. */
  cpuSeconds(): number;
  stop(): void;
}

/**
 * `durable: true` keeps PostgreSQL's defaults (fsync, synchronous_commit, full_page_writes), as a
 * production server runs; `false` turns them off as the test suite does, which takes the disk's
 * flush time out of every commit.
 */
export async function startPgCluster(options: { durable: boolean; maxConnections?: number }): Promise<PgCluster> {
  const settings: Record<string, string> = {
    max_connections: String(options.maxConnections ?? 200),
    shared_buffers: '256MB',
    // Counts every statement (BEGIN and COMMIT too), so a part can report round trips per request.
    shared_preload_libraries: 'pg_stat_statements',
    'pg_stat_statements.track_utility': 'on',
    // Planning is counted apart from running: an unnamed statement is planned on every call.
    'pg_stat_statements.track_planning': 'on',
    ...(options.durable ? {} : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
  };
  const cluster = await startThrowawayPostgres({ folderPrefix: 'cet-bench-pg-', settings });
  const port = cluster.port;
  const stopCluster = onCleanup(`PostgreSQL cluster on port ${port}`, () => cluster.stop());
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  const version = ((await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '?').split(' ')[0] ?? '?';
  await admin.query('CREATE DATABASE bench');
  await admin.end();
  const bench = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/bench` });
  await bench.connect();
  await bench.query('CREATE EXTENSION pg_stat_statements');
  await bench.end();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/bench`,
    version,
    settings,
    cpuSeconds: () => postgresCpuSeconds(cluster.dataDir),
    stop: stopCluster,
  };
}

/** Statements PostgreSQL has run since the last reset (every database of the cluster), for round trips per request. */
export async function statementCount(client: pg.Pool | pg.Client): Promise<number> {
  const { rows } = await client.query<{ calls: string | null }>(`SELECT sum(calls) AS calls FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'`);
  return Number(rows[0]?.calls ?? 0);
}

export async function resetStatementCount(client: pg.Pool | pg.Client): Promise<void> {
  await client.query('SELECT pg_stat_statements_reset()');
}

/** The statements that took PostgreSQL the most time since the last reset: where a request's database time goes (planning apart). */
export async function topStatements(client: pg.Pool | pg.Client, limit: number): Promise<{ query: string; calls: number; mean_ms: number; total_ms: number; mean_plan_ms: number }[]> {
  const { rows } = await client.query<{ query: string; calls: string; mean_ms: number; total_ms: number; mean_plan_ms: number }>(
    `SELECT query, calls, mean_exec_time AS mean_ms, total_exec_time AS total_ms, mean_plan_time AS mean_plan_ms FROM pg_stat_statements
     WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT $1`,
    [limit],
  );
  return rows.map((row) => ({ query: row.query.replace(/\s+/g, ' ').slice(0, 160), calls: Number(row.calls), mean_ms: Math.round(row.mean_ms * 100) / 100, total_ms: Math.round(row.total_ms), mean_plan_ms: Math.round(row.mean_plan_ms * 100) / 100 }));
}
