// On PostgreSQL the registered hot statements go out under a name and are parsed once per connection; a result type changed by another process's migration costs one failed call, not a broken connection.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameStatement, NamingClient } from '../../src-server/db/named-statements.js';
import { executeNamed } from '../../src-server/db/prepared.js';
import type { Database } from '../../src-server/db/schema.js';
import { databaseKind, freshDatabase, type TestDatabase } from '../support/database.js';

const isPg = databaseKind() === 'pg';
if (!isPg) console.log('named statements skipped on PGlite: they belong to the pg driver, which PGlite does not use.');

describe.skipIf(!isPg)('named statements', () => {
  let database: TestDatabase;
  // One connection, checked out as kysely does, so that pg_prepared_statements (which lists the asking connection's own) sees them.
  let pool: pg.Pool;
  let client: pg.PoolClient;
  beforeAll(async () => {
    database = await freshDatabase();
    pool = new pg.Pool({ connectionString: database.url ?? '', max: 1, Client: NamingClient });
    client = await pool.connect();
    await client.query('CREATE TABLE probe (id int PRIMARY KEY, label text)');
    await client.query(`INSERT INTO probe VALUES (1, 'one'), (2, 'two')`);
  });
  afterAll(async () => {
    client?.release();
    await pool?.end();
    await database?.dispose();
  });

  const preparedTexts = async () => (await client.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements')).rows.map((row) => row.statement);

  it('sends a registered text under a name, with each call its own values, and leaves others unnamed', async () => {
    const registered = 'SELECT label FROM probe WHERE id = $1';
    nameStatement(registered);
    expect((await client.query(registered, [1])).rows).toEqual([{ label: 'one' }]);
    expect((await client.query(registered, [2])).rows).toEqual([{ label: 'two' }]);
    const unregistered = 'SELECT id FROM probe WHERE label = $1';
    expect((await client.query(unregistered, ['two'])).rows).toEqual([{ id: 2 }]);
    const texts = await preparedTexts();
    expect(texts).toContain(registered);
    expect(texts).not.toContain(unregistered);
  });

  it('executeNamed runs a hand-written statement as a named one, each call with its own values', async () => {
    // Kysely on a pool of one connection, as the server opens it (db/database.ts), so the connection asked is the one that ran it.
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url ?? '', max: 1, Client: NamingClient }) }) });
    try {
      const probe = (id: number) => sql<{ label: string }>`SELECT label FROM probe WHERE id = ${id} AND label IS NOT NULL`;
      expect((await executeNamed(kysely, probe(1))).rows).toEqual([{ label: 'one' }]);
      expect((await executeNamed(kysely, probe(2))).rows).toEqual([{ label: 'two' }]);
      const { rows } = await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(kysely);
      expect(rows.map((row) => row.statement)).toContain(probe(1).compile(kysely).sql);
    } finally {
      await kysely.destroy();
    }
  });

  it('after a column is added under a `*` statement, fails that one call and then parses it again under a new name', async () => {
    const wide = 'SELECT * FROM probe WHERE id = $1';
    nameStatement(wide);
    expect((await client.query(wide, [1])).rows).toEqual([{ id: 1, label: 'one' }]);
    // As another server process's migration would, on a connection of its own.
    const migrator = new pg.Client({ connectionString: database.url ?? '' });
    await migrator.connect();
    await migrator.query(`ALTER TABLE probe ADD COLUMN campus text NOT NULL DEFAULT '993010'`);
    await migrator.end();
    await expect(client.query(wide, [1])).rejects.toMatchObject({ code: '0A000' });
    expect((await client.query(wide, [1])).rows).toEqual([{ id: 1, label: 'one', campus: '993010' }]);
    expect((await client.query(wide, [2])).rows).toEqual([{ id: 2, label: 'two', campus: '993010' }]);
  });
});
