// K3's nesting: a command that opens its own transaction runs inside a replay's transaction as a savepoint, so a refusal undoes only its writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inSavepoint, withinTransaction, type Db } from '../../src-server/db/database.js';
import { command, refuseWith } from '../../src-server/services/outcome.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database?.dispose());

let serial = 0;
function message(db: Db | Parameters<typeof inSavepoint>[0], recipient: string, id = `m${(serial += 1)}`) {
  return db.insertInto('message_outbox').values({ id, channel: 'sms', recipient, subject: null, body: 'x', created_at: new Date() }).execute();
}

async function recipients(prefix: string): Promise<string[]> {
  const rows = await database.db.selectFrom('message_outbox').select('recipient').where('recipient', 'like', `${prefix}%`).orderBy('recipient').execute();
  return rows.map((row) => row.recipient);
}

/** A command shaped like the services: a write through ctx.db, then its own transaction, then maybe a refusal. */
function writingCommand(db: Db, prefix: string, refuse: boolean) {
  return command(async () => {
    await message(db, `${prefix}-direct`);
    await db.transaction().execute(async (trx) => {
      await message(trx, `${prefix}-nested`);
    });
    if (refuse) refuseWith('INFORMATION_OCCUPIED');
    return 'done';
  });
}

describe('K3 nesting a command in the replay transaction', () => {
  it('K3 a command applied inside the outer transaction commits its writes with the outer record', async () => {
    await database.db.transaction().execute(async (trx) => {
      const result = await writingCommand(withinTransaction(trx), 'a', false);
      expect(result).toEqual({ ok: true, value: 'done' });
      await message(trx, 'a-record');
    });
    expect(await recipients('a-')).toEqual(['a-direct', 'a-nested', 'a-record']);
  });

  it('K3 a refusal inside rolls back the operation\'s writes, while the recorded refusal and seq advance commit', async () => {
    await database.db.transaction().execute(async (trx) => {
      const outcome = await inSavepoint(trx, async () => {
        const result = await writingCommand(withinTransaction(trx), 'b', true);
        if (!result.ok) throw new Error(result.error.code);
        return result;
      }).catch((error: Error) => error.message);
      expect(outcome).toBe('INFORMATION_OCCUPIED');
      await message(trx, 'b-record');
    });
    expect(await recipients('b-')).toEqual(['b-record']);
  });

  it('K3 a nested transaction that hits a database error leaves the outer transaction usable, as a real one would', async () => {
    await database.db.transaction().execute(async (trx) => {
      const db = withinTransaction(trx);
      await message(db, 'c-first', 'c-key');
      // The same primary key again: PostgreSQL would abort the whole transaction without the savepoint.
      await expect(db.transaction().execute((inner) => message(inner, 'c-clash', 'c-key'))).rejects.toMatchObject({ code: '23505' });
      await message(db, 'c-after');
    });
    expect(await recipients('c-')).toEqual(['c-after', 'c-first']);
  });

  it('K3 a transient failure anywhere rolls the whole operation back, record included', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await writingCommand(withinTransaction(trx), 'd', false);
        await message(trx, 'd-record');
        throw new Error('connection lost');
      }),
    ).rejects.toThrow('connection lost');
    expect(await recipients('d-')).toEqual([]);
  });

  it('K3 the bound handle refuses what cannot happen inside a transaction', async () => {
    await database.db.transaction().execute(async (trx) => {
      const db = withinTransaction(trx);
      expect(() => db.destroy()).toThrow(/outer transaction/);
      expect(await db.selectFrom('message_outbox').select('id').where('recipient', '=', 'a-record').executeTakeFirst()).toBeDefined();
    });
  });
});
