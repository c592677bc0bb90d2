// Opens the database: a real PostgreSQL pool when DATABASE_URL is set, otherwise embedded PGlite on disk.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql, type Transaction } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { migrations } from './migrations/index.js';
import { NamingClient } from './named-statements.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
/** Where a query may run: the database itself or an open transaction. Helpers take this, never `Db`. */
export type Executor = Kysely<Database> | Transaction<Database>;

export interface DatabaseLocation {
  readonly databaseUrl: string | null;
  /** PGlite's folder; null keeps it in memory (tests). */
  readonly pgliteDir: string | null;
  /** Connections this process opens to PostgreSQL at most (DATABASE_POOL_SIZE); DEFAULT_POOL_SIZE when absent. */
  readonly poolSize?: number;
}

/**
 * Why 4 and not pg's 10: every server process has a pool of its own, and PostgreSQL does the most
 * work with about two busy connections per core; more only queue in the kernel's scheduler instead
 * of in the pool. In the rush on our 2-core machine (two server processes, bench/rush.bench.ts, A/B
 * runs interleaved), pools of 4 against 10: 840-860 against 705-784 requests/s, PostgreSQL's CPU per
 * request 0.62 against 0.73-0.80 ms, the worst route's p99 177-197 against 287-356 ms. A larger
 * database server wants more: set DATABASE_POOL_SIZE to about twice its cores divided by the
 * number of server processes. No request holds one connection while waiting for a second: with
 * pools of 1 every server suite on PostgreSQL passed but for three tests that themselves keep a
 * transaction open on the pool the server uses; so a small pool only queues, it cannot starve.
 */
export const DEFAULT_POOL_SIZE = 4;

export function pgliteDirOf(dataDir: string): string {
  return resolve(join(dataDir, 'pglite'));
}

/**
 * `onIdleClientError` hears of a pooled connection that dropped while idle (PostgreSQL restarted, an
 * administrator terminated it). The pool discards that client and opens a new one when next needed;
 * without a listener, Node would treat the event as an uncaught error and end the whole process.
 */
export function openDatabase(location: DatabaseLocation, onIdleClientError: (error: Error) => void = () => {}): Db {
  if (location.databaseUrl !== null) {
    const pool = new pg.Pool({ connectionString: location.databaseUrl, max: location.poolSize ?? DEFAULT_POOL_SIZE, Client: NamingClient });
    pool.on('error', onIdleClientError);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    pooled.add(db);
    return db;
  }
  const dir = location.pgliteDir;
  if (dir !== null) mkdirSync(dir, { recursive: true });
  // PGlite has one connection: kysely queues every query and transaction on it, so a process is
  // consistent on its own, and only one process may open the folder at a time.
  return new Kysely<Database>({ dialect: new PGliteDialect({ pglite: () => (dir === null ? new PGlite() : new PGlite(dir)) }) });
}

const pooled = new WeakSet<Db>();

/**
 * True for a database opened on a PostgreSQL pool, where each transaction has a connection of its
 * own and another process may wait on its locks; false for PGlite and for a caller's transaction
 * seen through withinTransaction.
 */
export function isPostgresPool(db: Db): boolean {
  return pooled.has(db);
}

/** Runs every migration not yet applied; on PostgreSQL kysely holds an advisory lock, so parallel starts are safe. */
export async function migrateToLatest(db: Db): Promise<readonly string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) throw error;
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

export async function ping(db: Db): Promise<void> {
  await sql`SELECT 1`.execute(db);
}

/** Serialises writers of one key across transactions and processes (released at commit or rollback). */
export async function lockKey(trx: Transaction<Database>, key: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
}

const UNIQUE_VIOLATION = '23505';

/** The name of the unique constraint or index a write ran into, or null if the error is something else. */
export function uniqueViolation(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return code === UNIQUE_VIOLATION && typeof constraint === 'string' ? constraint : null;
}

let savepointSerial = 0;

/**
 * A Db-shaped view of an open transaction, so a command written against `ctx.db` can run inside a
 * caller's transaction unchanged (a replayed sync operation commits with its seq record). The
 * command's own `transaction().execute(fn)` becomes a SAVEPOINT on the outer transaction: a failure
 * inside rolls back to it, which undoes that part's writes and leaves the outer transaction usable
 * (PostgreSQL aborts the whole transaction on an error otherwise), then rethrows as a real one would.
 */
export function withinTransaction(trx: Transaction<Database>): Db {
  const nested = {
    execute: <T>(work: (inner: Transaction<Database>) => Promise<T>) => inSavepoint(trx, () => work(trx)),
    setIsolationLevel: () => nested,
    setAccessMode: () => nested,
  };
  return new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') return () => nested;
      if (property === 'startTransaction' || property === 'destroy' || property === 'connection') {
        return () => {
          throw new Error(`${String(property)} is not available inside an outer transaction`);
        };
      }
      // kysely keeps its state in #private fields, which only the real object may touch.
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as unknown as Db;
}

/** Runs work after a SAVEPOINT: released when it succeeds, rolled back to (and the error rethrown) when it throws. */
export async function inSavepoint<T>(trx: Transaction<Database>, work: () => Promise<T>): Promise<T> {
  savepointSerial += 1;
  const name = sql.id(`sp_${savepointSerial}`);
  await sql`SAVEPOINT ${name}`.execute(trx);
  try {
    const value = await work();
    await sql`RELEASE SAVEPOINT ${name}`.execute(trx);
    return value;
  } catch (error) {
    await sql`ROLLBACK TO SAVEPOINT ${name}`.execute(trx);
    throw error;
  }
}
