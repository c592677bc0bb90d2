// A real PostgreSQL may drop a pooled connection while it is idle (restart, failover, an administrator):
// the server must hear of it and carry on, not die of an uncaught error.
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Db } from '../../src-server/db/database.js';
import { databaseKind, freshDatabase, type TestDatabase } from '../support/database.js';

const onPostgres = databaseKind() === 'pg';
if (!onPostgres) console.log('skipped on PGlite: an embedded database has no pooled connections to drop');

describe.skipIf(!onPostgres)('pooled connections on PostgreSQL', () => {
  let database: TestDatabase;
  let db: Db;
  const dropped: Error[] = [];

  beforeAll(async () => {
    database = await freshDatabase();
    db = openDatabase({ databaseUrl: database.url, pgliteDir: null }, (error) => dropped.push(error));
  });
  afterAll(async () => {
    await db.destroy();
    await database.dispose();
  });

  it('an idle connection terminated by the database is reported, and the next query opens a new one', async () => {
    const first = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db);
    const pid = first.rows[0]?.pid;
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    try {
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }
    await expect.poll(() => dropped.length).toBe(1);
    const next = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db);
    expect(next.rows[0]?.pid).not.toBe(pid);
  });
});
