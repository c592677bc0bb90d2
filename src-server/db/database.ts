// Opens the database: a real PostgreSQL pool when DATABASE_URL is set, otherwise embedded PGlite on disk.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql, type Transaction } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
/** Where a query may run: the database itself or an open transaction. Helpers take this, never `Db`. */
export type Executor = Kysely<Database> | Transaction<Database>;

export interface DatabaseLocation {
  readonly databaseUrl: string | null;
  /** PGlite's folder; null keeps it in memory (tests). */
  readonly pgliteDir: string | null;
}

export function pgliteDirOf(dataDir: string): string {
  return resolve(join(dataDir, 'pglite'));
}

export function openDatabase(location: DatabaseLocation): Db {
  if (location.databaseUrl !== null) {
    const pool = new pg.Pool({ connectionString: location.databaseUrl, max: 10 });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const dir = location.pgliteDir;
  if (dir !== null) mkdirSync(dir, { recursive: true });
  // PGlite has one connection: kysely queues every query and transaction on it, so a process is
  // consistent on its own, and only one process may open the folder at a time.
  return new Kysely<Database>({ dialect: new PGliteDialect({ pglite: () => (dir === null ? new PGlite() : new PGlite(dir)) }) });
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
