// `npm run cli -- send-messages`: the operator's way to send the outbound outbox's due messages now, through the channels a server uses, as each server's dispatcher does on its tick.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../shared/domain/clock.js';
import { migrateToLatest, openDatabase, pgliteDirOf, type Db } from '../../src-server/db/database.js';
import { outboundChannels } from '../../src-server/messages/outbound.js';
import { databaseKind, freshDatabase, type TestDatabase } from '../support/database.js';

const root = resolve(import.meta.dirname, '../..');
let folder: string;
let database: TestDatabase | null = null;

/** The CLI's database: the run's PostgreSQL database, or an embedded one on disk (PGlite in memory can't be shared, nor on disk while the CLI has it open). */
async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  if (database !== null) return work(database.db);
  const db = openDatabase({ databaseUrl: null, pgliteDir: pgliteDirOf(folder) });
  try {
    await migrateToLatest(db);
    return await work(db);
  } finally {
    await db.destroy();
  }
}

async function cli(...args: string[]): Promise<{ code: number; stdout: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: folder, LOG_LEVEL: 'silent', EMAIL_TRANSPORT: 'outbox' };
  if (database?.url) env['DATABASE_URL'] = database.url;
  else delete env['DATABASE_URL'];
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src-server/bin/cli.ts', ...args], { cwd: root, env });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cet-cli-send-'));
  if (databaseKind() === 'pg') database = await freshDatabase();
});

afterAll(async () => {
  await database?.dispose();
  await rm(folder, { recursive: true, force: true });
});

describe('K3 send-messages from the CLI', () => {
  it('K3 sends every due outcome message once to the dev outbox, then finds nothing left', async () => {
    const ids = await withDb(async (db) => {
      const queued = outboundChannels(db, systemClock);
      await queued.channels.sms.sendSms({ to: '15000000001', text: '您在自助机提交的护照注册已受理。' });
      await queued.channels.sms.sendSms({ to: '15000000002', text: '您在自助机提交的报名未能受理。' });
      await queued.channels.email.sendEmail({ to: 'cli-send@example.com', subject: '离线报名结果', text: '您在自助机提交的报名已受理。' });
      return [...queued.ids].sort();
    });
    const first = await cli('send-messages');
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toContain('sent 3, failed 0; 0 still waiting');
    expect((await cli('send-messages')).stdout).toContain('sent 0, failed 0; 0 still waiting');
    const delivered = await withDb((db) => db.selectFrom('message_outbox').select('id').where('id', 'in', ids).orderBy('id').execute());
    expect(delivered.map((row) => row.id)).toEqual(ids);
  }, 120_000);
});
