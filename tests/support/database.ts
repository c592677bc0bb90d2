// A fresh, migrated database for one test file: in-memory PGlite, or a new database in the run's PostgreSQL cluster.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { migrateToLatest, openDatabase, type Db } from '../../src-server/db/database.js';

export type DatabaseKind = 'pglite' | 'pg';

/** Set by the vitest project: 'server:pglite' or 'server:pg'. */
export function databaseKind(): DatabaseKind {
  const kind = process.env.TEST_DATABASE;
  if (kind !== 'pglite' && kind !== 'pg') throw new Error(`TEST_DATABASE must be pglite or pg, not ${kind}`);
  return kind;
}

export interface TestDatabase {
  readonly db: Db;
  readonly kind: DatabaseKind;
  /** The PostgreSQL database's URL, for other server processes to open; null for in-memory PGlite. */
  readonly url: string | null;
  dispose(): Promise<void>;
}

async function onAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function freshDatabase(): Promise<TestDatabase> {
  const kind = databaseKind();
  if (kind === 'pglite') {
    const db = openDatabase({ databaseUrl: null, pgliteDir: null });
    await migrateToLatest(db);
    return { db, kind, url: null, dispose: () => db.destroy() };
  }
  const name = `cet_test_${randomBytes(6).toString('hex')}`;
  await onAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(inject('pgAdminUrl'));
  url.pathname = `/${name}`;
  const db = openDatabase({ databaseUrl: url.toString(), pgliteDir: null });
  await migrateToLatest(db);
  return {
    db,
    kind,
    url: url.toString(),
    async dispose() {
      await db.destroy();
      await onAdmin((client) => client.query(`DROP DATABASE ${name} WITH (FORCE)`));
    },
  };
}
