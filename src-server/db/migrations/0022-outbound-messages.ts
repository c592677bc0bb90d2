// The transactional outbox of the messages an offline operation's outcome sends (K3, issue #7 deliver 5): written with the operation's effect, sent by a dispatcher after the commit, so a crash between the two loses nothing.
import { sql, type Kysely } from 'kysely';

/**
 * `outbound_messages`: one row per SMS or email to send, INSERTed in the transaction of the effect it
 * reports, so it exists exactly when that effect committed. A dispatcher in each server process
 * (src-server/messages/outbound.ts) claims due rows with FOR UPDATE SKIP LOCKED, sends them through
 * the channel adapters with the row's id as idempotency key, and sets `sent_at`; a failure records
 * `last_error` and moves `next_attempt_at` back by a capped exponential delay.
 *
 * Personal data: only what the message itself needs (the mobile or address, the text, the subject
 * for email). Seven days after `sent_at` the dispatcher blanks recipient, subject and body, keeping
 * the bare delivery record (channel, times, attempts): a week covers the questions a support desk
 * gets during a registration window ("did the text go out, and when?"), while the content itself
 * already sits with the candidate and in the gateway's own log, so the outbox has no reason to hold
 * it longer.
 */
const SCHEMA: readonly string[] = [
  `CREATE TABLE outbound_messages (
    id text PRIMARY KEY,
    channel text NOT NULL CHECK (channel IN ('sms', 'email')),
    recipient text NOT NULL,
    subject text,
    body text NOT NULL,
    created_at timestamptz NOT NULL,
    attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    sent_at timestamptz,
    last_error text,
    CHECK ((channel = 'email') = (subject IS NOT NULL) OR sent_at IS NOT NULL)
  )`,
  // The dispatcher's claim: due rows not yet sent, oldest due first.
  `CREATE INDEX outbound_messages_pending ON outbound_messages (next_attempt_at) WHERE sent_at IS NULL`,
  // The retention pass: sent rows whose content is not blanked yet.
  `CREATE INDEX outbound_messages_to_blank ON outbound_messages (sent_at) WHERE sent_at IS NOT NULL AND body <> ''`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of SCHEMA) await sql.raw(statement).execute(db);
}
