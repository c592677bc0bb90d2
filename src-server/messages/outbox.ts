// The development channels: every SMS and email is stored in message_outbox, to be read at /dev/outbox or with `npm run cli -- outbox`.
import type { Db } from '../db/database.js';
import type { Clock } from '../../shared/domain/clock.js';
import { newId } from '../services/secrets.js';
import type { EmailSender, SmsSender } from './adapters.js';

/**
 * A message with an idempotency key is stored under that key as its id, and a repeat of the key is
 * dropped: the outbound dispatcher may send a message twice after a crash, and the outbox must
 * still list it once, as a real gateway deduplicating on the key would deliver it once.
 */
async function store(db: Db, row: { channel: 'sms' | 'email'; recipient: string; subject: string | null; body: string; created_at: Date }, idempotencyKey: string | undefined): Promise<void> {
  await db
    .insertInto('message_outbox')
    .values({ id: idempotencyKey ?? newId(), ...row })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export function outboxSms(db: Db, clock: Clock): SmsSender {
  return {
    async sendSms({ to, text, idempotencyKey }) {
      await store(db, { channel: 'sms', recipient: to, subject: null, body: text, created_at: clock.now() }, idempotencyKey);
    },
  };
}

export function outboxEmail(db: Db, clock: Clock): EmailSender {
  return {
    async sendEmail({ to, subject, text, idempotencyKey }) {
      await store(db, { channel: 'email', recipient: to, subject, body: text, created_at: clock.now() }, idempotencyKey);
    },
  };
}

export interface OutboxMessage {
  readonly id: string;
  readonly channel: 'sms' | 'email';
  readonly recipient: string;
  readonly subject: string | null;
  readonly body: string;
  readonly createdAt: Date;
}

/** Newest first. */
export async function readOutbox(db: Db, options: { readonly limit: number; readonly recipient?: string }): Promise<OutboxMessage[]> {
  let query = db.selectFrom('message_outbox').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(options.limit);
  if (options.recipient !== undefined) query = query.where('recipient', '=', options.recipient);
  const rows = await query.execute();
  return rows.map((row) => ({ id: row.id, channel: row.channel, recipient: row.recipient, subject: row.subject, body: row.body, createdAt: row.created_at }));
}
