// K3 outcome messages through the transactional outbox (issue #7 deliver 5): written with the operation's effect, delivered once to the dev outbox, retried after a failing channel, never sent twice by racing dispatchers, and blanked a week after sending.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src-server/db/database.js';
import type { MessageChannels } from '../../src-server/messages/adapters.js';
import { blankSentContent, CLAIM_LEASE_MS, dispatchOutbound, drainOutbound, outboundChannels, RETRY_BACKOFF, SENT_CONTENT_RETENTION_MS } from '../../src-server/messages/outbound.js';
import { outboxEmail, outboxSms } from '../../src-server/messages/outbox.js';
import { newCandidate, passportRegisterPayload, type TestCandidate } from '../support/candidates.js';
import { TestClock } from '../support/clock.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { insertRosterRecord, rosterRecordFor } from '../support/registrations.js';
import { startServer, type TestServer } from '../support/server.js';
import { enrolDevice, Queue } from './sync-support.js';

/** The dev outbox behind a switch a test can flip to make the gateway fail, counting every send by its idempotency key. */
class Gateway {
  failing = false;
  readonly sends: string[] = [];
  wrap(db: Db, clock: TestClock): MessageChannels {
    const sms = outboxSms(db, clock);
    const email = outboxEmail(db, clock);
    const take = (key: string | undefined) => {
      if (this.failing) throw new Error('gateway down');
      this.sends.push(key ?? 'no key');
    };
    return {
      sms: { sendSms: async (message) => (take(message.idempotencyKey), sms.sendSms(message)) },
      email: { sendEmail: async (message) => (take(message.idempotencyKey), email.sendEmail(message)) },
    };
  }
}

const gateway = new Gateway();
let channels: MessageChannels;
let server: TestServer;
beforeAll(async () => {
  server = await startServer({}, (db, clock) => (channels = gateway.wrap(db, clock)));
});
afterAll(() => server?.close());

const deps = () => ({ db: server.db, clock: server.clock, messages: channels });

async function rosteredCandidate(): Promise<TestCandidate> {
  const candidate = newCandidate();
  await insertRosterRecord(server.db, rosterRecordFor({ idType: candidate.idType, idNumber: candidate.idNumber, name: candidate.name }, { qualificationSubjectCodes: ['1', 'F'] }), server.clock.now());
  return candidate;
}

async function outboundTo(candidate: TestCandidate) {
  return server.db.selectFrom('outbound_messages').selectAll().where('recipient', 'in', [candidate.mobile, candidate.email]).orderBy('channel').execute();
}

async function devOutboxIds(candidate: TestCandidate): Promise<string[]> {
  const rows = await server.db.selectFrom('message_outbox').select('id').where('recipient', 'in', [candidate.mobile, candidate.email]).orderBy('id').execute();
  return rows.map((row) => row.id);
}

const count = (keys: readonly string[], key: string) => keys.filter((k) => k === key).length;

describe('K3 outcome messages are written with the effect', () => {
  it('K3 a passport registered offline: its SMS and email are rows of the same commit, sent at once, each listed once in the dev outbox under its row id', async () => {
    const candidate = await rosteredCandidate();
    const q = new Queue(await enrolDevice(server));
    q.add('passport.register', passportRegisterPayload(candidate));
    expect((await q.push()).map((r) => r.status)).toEqual(['applied']);
    const rows = await outboundTo(candidate);
    expect(rows.map((row) => [row.channel, row.recipient, row.attempts, row.sent_at !== null, row.last_error])).toEqual([
      ['email', candidate.email, 1, true, null],
      ['sms', candidate.mobile, 1, true, null],
    ]);
    expect(await devOutboxIds(candidate)).toEqual(rows.map((row) => row.id).sort());
    for (const row of rows) expect(count(gateway.sends, row.id)).toBe(1);
    // Nothing is due again, even once every lease would have run out.
    server.clock.advance(CLAIM_LEASE_MS + 1);
    expect(await drainOutbound(deps())).toEqual({ sent: 0, failed: 0 });
    expect(await devOutboxIds(candidate)).toHaveLength(2);
  });

  it('K3 a run whose transaction rolls back leaves no message (nor notice nor passport); its re-send writes them once', async () => {
    const candidate = await rosteredCandidate();
    const device = await enrolDevice(server);
    // The run's last write (the device's last applied seq) fails, after the operation wrote its messages.
    await sql
      .raw(
        `CREATE FUNCTION fail_run() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.device_id = '${device.deviceId}' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`,
      )
      .execute(server.db);
    await sql.raw(`CREATE TRIGGER fail_run BEFORE INSERT OR UPDATE ON sync_devices FOR EACH ROW EXECUTE FUNCTION fail_run()`).execute(server.db);
    const operations = [{ seq: 1, kind: 'passport.register', payload: passportRegisterPayload(candidate), capturedAt: new Date().toISOString() }];
    try {
      const failed = await device.client.post('/api/sync/push', { deviceId: device.deviceId, operations });
      expect(failed.status).toBeGreaterThanOrEqual(500);
      expect(await outboundTo(candidate)).toEqual([]);
      expect(await server.db.selectFrom('passports').select('id').where('email', '=', candidate.email).execute()).toEqual([]);
      expect(await server.db.selectFrom('candidate_notices').select('id').where('device_id', '=', device.deviceId).execute()).toEqual([]);
    } finally {
      await sql.raw(`DROP TRIGGER fail_run ON sync_devices`).execute(server.db);
      await sql.raw(`DROP FUNCTION fail_run()`).execute(server.db);
    }
    const resent = await device.client.post('/api/sync/push', { deviceId: device.deviceId, operations });
    expect(resent.status, JSON.stringify(resent.body)).toBe(200);
    expect(resent.body.results.map((r: { status: string }) => r.status)).toEqual(['applied']);
    const rows = await outboundTo(candidate);
    expect(rows.map((row) => [row.channel, row.sent_at !== null])).toEqual([
      ['email', true],
      ['sms', true],
    ]);
    expect(await devOutboxIds(candidate)).toHaveLength(2);
  });
});

describe('K3 the dispatcher', () => {
  it('K3 a failing channel leaves the messages pending with the error, retried after the backoff, then delivered once', async () => {
    const candidate = await rosteredCandidate();
    const q = new Queue(await enrolDevice(server));
    q.add('passport.register', passportRegisterPayload(candidate));
    gateway.failing = true;
    try {
      // The push itself succeeds: the effect is committed, only the send waits.
      expect((await q.push()).map((r) => r.status)).toEqual(['applied']);
      let rows = await outboundTo(candidate);
      expect(rows.map((row) => [row.attempts, row.sent_at, row.last_error])).toEqual([
        [1, null, 'gateway down'],
        [1, null, 'gateway down'],
      ]);
      const firstRetry = server.clock.now().getTime() + RETRY_BACKOFF.baseMs;
      for (const row of rows) expect(row.next_attempt_at.getTime()).toBe(firstRetry);
      // Not due yet: nothing is tried.
      expect(await dispatchOutbound(deps(), { ids: rows.map((row) => row.id) })).toEqual({ sent: 0, failed: 0 });
      server.clock.advance(RETRY_BACKOFF.baseMs);
      await drainOutbound(deps());
      rows = await outboundTo(candidate);
      // The second failure waits twice as long.
      expect(rows.map((row) => [row.attempts, row.sent_at, row.next_attempt_at.getTime() - server.clock.now().getTime()])).toEqual([
        [2, null, 2 * RETRY_BACKOFF.baseMs],
        [2, null, 2 * RETRY_BACKOFF.baseMs],
      ]);
      expect(await devOutboxIds(candidate)).toEqual([]);
    } finally {
      gateway.failing = false;
    }
    server.clock.advance(2 * RETRY_BACKOFF.baseMs);
    await drainOutbound(deps());
    const rows = await outboundTo(candidate);
    expect(rows.map((row) => [row.attempts, row.sent_at !== null, row.last_error])).toEqual([
      [3, true, null],
      [3, true, null],
    ]);
    expect(await devOutboxIds(candidate)).toEqual(rows.map((row) => row.id).sort());
  });

  it('K3 a dispatcher killed between the send and marking it sent: the row is sent again after the lease, with the same key, and the dev outbox still lists it once', async () => {
    const candidate = await rosteredCandidate();
    const q = new Queue(await enrolDevice(server));
    q.add('passport.register', passportRegisterPayload(candidate));
    await q.push();
    const [sms] = (await outboundTo(candidate)).filter((row) => row.channel === 'sms');
    if (sms === undefined) throw new Error('no outcome SMS was written');
    // What the killed process left: claimed (lease running), sent, not marked.
    await server.db.updateTable('outbound_messages').set({ sent_at: null, attempts: 2, next_attempt_at: new Date(server.clock.now().getTime() + CLAIM_LEASE_MS) }).where('id', '=', sms.id).execute();
    expect(await drainOutbound(deps())).toEqual({ sent: 0, failed: 0 });
    server.clock.advance(CLAIM_LEASE_MS);
    expect(await drainOutbound(deps())).toEqual({ sent: 1, failed: 0 });
    expect(count(gateway.sends, sms.id)).toBe(2);
    expect((await devOutboxIds(candidate)).filter((id) => id === sms.id)).toEqual([sms.id]);
  });

  it('K3 sent content is blanked a week after sending; the delivery record stays; unsent rows keep theirs', async () => {
    const candidate = await rosteredCandidate();
    const q = new Queue(await enrolDevice(server));
    q.add('passport.register', passportRegisterPayload(candidate));
    await q.push();
    const ids = (await outboundTo(candidate)).map((row) => row.id);
    const pending = outboundChannels(server.db, server.clock);
    gateway.failing = true;
    try {
      await pending.channels.sms.sendSms({ to: candidate.mobile, text: '仍待发送' });
      await dispatchOutbound(deps(), { ids: pending.ids });
    } finally {
      gateway.failing = false;
    }
    server.clock.advance(SENT_CONTENT_RETENTION_MS - 1);
    await blankSentContent(deps());
    expect((await server.db.selectFrom('outbound_messages').select('body').where('id', 'in', ids).execute()).every((row) => row.body !== '')).toBe(true);
    server.clock.advance(1);
    expect(await blankSentContent(deps())).toBeGreaterThanOrEqual(2);
    const blanked = await server.db.selectFrom('outbound_messages').selectAll().where('id', 'in', ids).execute();
    expect(blanked.map((row) => [row.recipient, row.subject, row.body, row.sent_at !== null])).toEqual([
      ['', null, '', true],
      ['', null, '', true],
    ]);
    const stillPending = await server.db.selectFrom('outbound_messages').selectAll().where('id', 'in', [...pending.ids]).executeTakeFirstOrThrow();
    expect([stillPending.recipient, stillPending.body, stillPending.sent_at]).toEqual([candidate.mobile, '仍待发送', null]);
    await server.db.deleteFrom('outbound_messages').where('id', 'in', [...pending.ids]).execute();
  });
});

describe('K3 dispatchers racing', () => {
  let database: TestDatabase;
  const pools: Db[] = [];
  const DISPATCHERS = 6;
  beforeAll(async () => {
    database = await freshDatabase();
    // On PostgreSQL each dispatcher has its own pool, as another server process would; PGlite has one connection only.
    for (let i = 0; i < DISPATCHERS; i += 1) pools.push(database.url === null ? database.db : openDatabase({ databaseUrl: database.url, pgliteDir: null }));
  });
  afterAll(async () => {
    for (const pool of pools) if (pool !== database.db) await pool.destroy();
    await database?.dispose();
  });

  it('K3 dispatchers draining one backlog at once send every message exactly once', async () => {
    const clock = new TestClock(new Date());
    const queued = outboundChannels(database.db, clock);
    const total = 450;
    for (let i = 0; i < total; i += 1) {
      if (i % 3 === 0) await queued.channels.email.sendEmail({ to: `r${i}@example.com`, subject: '报名结果', text: `message ${i}` });
      else await queued.channels.sms.sendSms({ to: `150${String(i).padStart(8, '0')}`, text: `message ${i}` });
    }
    // Small batches, so the claims of different dispatchers overlap many times over, not a few.
    const gateways = pools.map(() => new Gateway());
    const results = await Promise.all(pools.map((db, i) => drainOutbound({ db, clock, messages: gateways[i]!.wrap(db, clock) }, { batch: 3 })));
    expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(total);
    const keys = gateways.flatMap((gateway) => gateway.sends).sort();
    expect(keys).toEqual([...queued.ids].sort());
    expect(new Set(keys).size).toBe(total);
    const unsent = await database.db.selectFrom('outbound_messages').select('id').where('sent_at', 'is', null).execute();
    expect(unsent).toEqual([]);
    const listed = await database.db.selectFrom('message_outbox').select(({ fn }) => fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(listed.n)).toBe(total);
    console.log(`K3 ${DISPATCHERS} dispatchers racing (${database.kind}): ${gateways.map((gateway) => gateway.sends.length).join(' + ')} of ${total} messages, none twice`);
  });
});

describe('K3 a channel that takes batches', () => {
  /** The dev outbox's own batch methods, behind a switch, counting calls: single sends must not be used for a batch. */
  class BatchGateway {
    failing = false;
    readonly batches: string[][] = [];
    singles = 0;
    wrap(db: Db, clock: TestClock): MessageChannels {
      const sms = outboxSms(db, clock);
      const email = outboxEmail(db, clock);
      const take = (keys: readonly (string | undefined)[]) => {
        if (this.failing) throw new Error('gateway down');
        this.batches.push(keys.map((key) => key ?? 'no key'));
      };
      return {
        sms: { sendSms: async (message) => ((this.singles += 1), sms.sendSms(message)), sendSmsBatch: async (messages) => (take(messages.map((m) => m.idempotencyKey)), sms.sendSmsBatch!(messages)) },
        email: {
          sendEmail: async (message) => ((this.singles += 1), email.sendEmail(message)),
          sendEmailBatch: async (messages) => (take(messages.map((m) => m.idempotencyKey)), email.sendEmailBatch!(messages)),
        },
      };
    }
  }

  it('K3 a run’s messages go out in one call per channel; a failing batch leaves every row of it pending with the error, and the retry delivers each once', async () => {
    const gateway = new BatchGateway();
    const messages = gateway.wrap(server.db, server.clock);
    const queued = outboundChannels(server.db, server.clock);
    for (let i = 0; i < 3; i += 1) await queued.channels.sms.sendSms({ to: `1390000${String(i).padStart(4, '0')}`, text: `批量 ${i}` });
    for (let i = 0; i < 2; i += 1) await queued.channels.email.sendEmail({ to: `batch${i}@example.com`, subject: '报名结果', text: `批量 ${i}` });
    const ids = [...queued.ids];
    gateway.failing = true;
    expect(await dispatchOutbound({ db: server.db, clock: server.clock, messages }, { ids })).toEqual({ sent: 0, failed: 5 });
    const failed = await server.db.selectFrom('outbound_messages').selectAll().where('id', 'in', ids).execute();
    expect(failed.map((row) => [row.attempts, row.sent_at, row.last_error])).toEqual(failed.map(() => [1, null, 'gateway down']));
    gateway.failing = false;
    server.clock.advance(RETRY_BACKOFF.baseMs);
    expect(await dispatchOutbound({ db: server.db, clock: server.clock, messages }, { ids })).toEqual({ sent: 5, failed: 0 });
    expect(gateway.batches.map((keys) => keys.length).sort()).toEqual([2, 3]);
    expect(gateway.batches.flat().sort()).toEqual([...ids].sort());
    expect(gateway.singles).toBe(0);
    const listed = await server.db.selectFrom('message_outbox').select('id').where('id', 'in', ids).orderBy('id').execute();
    expect(listed.map((row) => row.id)).toEqual([...ids].sort());
    // A repeat of the same batch (a process killed before marking it sent) lists nothing twice.
    await messages.sms.sendSmsBatch!(failed.filter((row) => row.channel === 'sms').map((row) => ({ to: row.recipient, text: row.body, idempotencyKey: row.id })));
    expect(await server.db.selectFrom('message_outbox').select('id').where('id', 'in', ids).execute()).toHaveLength(5);
  });
});
