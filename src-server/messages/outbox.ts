// The development channels: every SMS and email is stored in message_outbox, to be read at /dev/outbox or with `npm run cli -- outbox`.
import type { Db } from '../db/database.js';
import type { Clock } from '../../shared/domain/clock.js';
import { newId } from '../services/secrets.js';
import type { EmailMessage, EmailSender, SmsMessage, SmsSender } from './adapters.js';

type OutboxRow = { channel: 'sms' | 'email'; recipient: string; subject: string | null; body: string; created_at: Date };

/**
 * A message with an idempotency key is stored under that key as its id, and a repeat of the key is
 * dropped: the outbound dispatcher may send a message twice after a crash, and the outbox must
 * still list it once, as a real gateway deduplicating on the key would deliver it once. A batch is
 * one INSERT, so one commit for all its messages instead of one each.
 */
async function store(db: Db, rows: readonly (OutboxRow & { idempotencyKey: string | undefined })[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('message_outbox')
    .values(rows.map(({ idempotencyKey, ...row }) => ({ id: idempotencyKey ?? newId(), ...row })))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export function outboxSms(db: Db, clock: Clock): SmsSender {
  const row = ({ to, text, idempotencyKey }: SmsMessage) => ({ channel: 'sms' as const, recipient: to, subject: null, body: text, created_at: clock.now(), idempotencyKey });
  return {
    sendSms: (message) => store(db, [row(message)]),
    sendSmsBatch: (messages) => store(db, messages.map(row)),
  };
}

export function outboxEmail(db: Db, clock: Clock): EmailSender {
  const row = ({ to, subject, text, idempotencyKey }: EmailMessage) => ({ channel: 'email' as const, recipient: to, subject, body: text, created_at: clock.now(), idempotencyKey });
  return {
    sendEmail: (message) => store(db, [row(message)]),
    sendEmailBatch: (messages) => store(db, messages.map(row)),
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
