// The benchmark's database, prepared before anything is timed: migrated, with the demo reference data (测试省 99, campuses, offerings).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase, pgliteDirOf, type Db } from '../../src-server/db/database.js';
import { seedDemo } from '../../src-server/demo/seed.js';
import { onCleanup } from './cleanup.js';

/** Opens a migrated, seeded PostgreSQL database. */
export async function preparedPg(url: string): Promise<Db> {
  const db = openDatabase({ databaseUrl: url, pgliteDir: null });
  await migrateToLatest(db);
  await seedDemo(db, new Date());
  return db;
}

/**
 * A PGlite data folder for a server process: one embedded database belongs to one process, so the
 * bench fills it, closes it, and only then starts the server on it (DATA_DIR).
 */
export async function preparedPglite(fill: (db: Db) => Promise<void>): Promise<{ dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cet-bench-pglite-'));
  onCleanup(`folder ${dataDir}`, () => rmSync(dataDir, { recursive: true, force: true }));
  const db = openDatabase({ databaseUrl: null, pgliteDir: pgliteDirOf(dataDir) });
  try {
    await migrateToLatest(db);
    await seedDemo(db, new Date());
    await fill(db);
  } finally {
    await db.destroy();
  }
  return { dataDir };
}
