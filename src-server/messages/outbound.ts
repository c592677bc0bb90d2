// The transactional outbox of outcome messages (K3, issue #7 deliver 5): rows written with an operation's effect, then claimed and sent by a dispatcher in every server process, at least once, deduplicated downstream by the row's id.
import { exponentialDelay, type BackoffPolicy } from '../../shared/domain/backoff.js';
import type { Clock } from '../../shared/domain/clock.js';
import type { Db, Executor } from '../db/database.js';
import { newId } from '../services/secrets.js';
import type { MessageChannels } from './adapters.js';

/** What the dispatcher needs: the database, the time and the real channels (dev outbox, SMTP). */
export interface OutboundDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly messages: MessageChannels;
}

/** One outbound_messages row as a channel call makes it, before it is written. */
export interface OutboundRow {
  readonly id: string;
  readonly channel: 'sms' | 'email';
  readonly recipient: string;
  readonly subject: string | null;
  readonly body: string;
  readonly created_at: Date;
  readonly next_attempt_at: Date;
}

/** Channels that do not send: each message becomes an OutboundRow handed to `keep`. */
function enqueueingChannels(clock: Clock, keep: (row: OutboundRow) => Promise<void>): MessageChannels {
  const enqueue = (row: Pick<OutboundRow, 'channel' | 'recipient' | 'subject' | 'body'>) => {
    const now = clock.now();
    return keep({ id: newId(), ...row, created_at: now, next_attempt_at: now });
  };
  return {
    sms: { sendSms: ({ to, text }) => enqueue({ channel: 'sms', recipient: to, subject: null, body: text }) },
    email: { sendEmail: ({ to, subject, text }) => enqueue({ channel: 'email', recipient: to, subject, body: text }) },
  };
}

/**
 * Channels that do not send: each message becomes an `outbound_messages` row through `db`, which is
 * the operation's transaction, so the row commits or rolls back with the effect it reports. `ids`
 * lists the rows written, for the kick that sends them right after the commit.
 */
export function outboundChannels(db: Executor, clock: Clock): { readonly channels: MessageChannels; readonly ids: readonly string[] } {
  const ids: string[] = [];
  const channels = enqueueingChannels(clock, async (row) => {
    await db.insertInto('outbound_messages').values(row).execute();
    ids.push(row.id);
  });
  return { ids, channels };
}

/**
 * Channels that only collect their rows, for a caller that writes them itself in the transaction
 * of the effect they report: a replay run writes all its operations' messages with one INSERT
 * instead of one per message (sync/push.ts, sync/run-writes.ts), and drops a failed operation's rows.
 */
export function collectingOutbound(clock: Clock): { readonly channels: MessageChannels; readonly rows: readonly OutboundRow[] } {
  const rows: OutboundRow[] = [];
  const channels = enqueueingChannels(clock, async (row) => {
    rows.push(row);
  });
  return { rows, channels };
}

/**
 * A claimed row is hidden from other dispatchers for this long (its next_attempt_at moves there):
 * longer than any send takes (SMTP's own timeouts are about a minute), so two processes never send
 * it at once, short enough that a message whose sender was killed mid-send goes out minutes later.
 */
export const CLAIM_LEASE_MS = 2 * 60_000;

/** Retry delays after a failed send: 30 s, 1 min, 2 min … at most 30 min, so a gateway outage is not hammered and a short one costs little delay. */
export const RETRY_BACKOFF: BackoffPolicy = { baseMs: 30_000, capMs: 30 * 60_000 };

/** Sent rows keep their content this long (see migration 0022 for why a week), then it is blanked. */
export const SENT_CONTENT_RETENTION_MS = 7 * 24 * 3600_000;

/** Rows claimed per statement, and sends in flight at once (each is a write or an SMTP round trip). */
const CLAIM_BATCH = 100;
const SENDS_AT_ONCE = 4;

export interface DispatchOptions {
  /** Only these rows (those a push just committed); all due rows when absent. */
  readonly ids?: readonly string[];
  /** Rows claimed per pass; small batches make more claims, as a busy fleet of processes does. */
  readonly batch?: number;
}

export interface DispatchResult {
  readonly sent: number;
  readonly failed: number;
}

/**
 * One pass: claims the due unsent rows (all of them, or only `ids`, the rows a push just committed)
 * in one statement with FOR UPDATE SKIP LOCKED, so several processes claiming at once each get
 * different rows and none waits; sends each with its id as idempotency key; marks the sent ones and
 * moves each failure back by the backoff, with its error.
 *
 * Delivery is AT LEAST ONCE, not exactly once: a process killed after a send and before marking
 * the row sent leaves it claimed, and once the lease ends another dispatcher sends it again. The
 * idempotency key is what makes the repeat harmless (the dev outbox keeps one row per key, SMTP
 * sends the same Message-ID).
 */
export async function dispatchOutbound(deps: OutboundDeps, options: DispatchOptions = {}): Promise<DispatchResult> {
  if (options.ids !== undefined && options.ids.length === 0) return { sent: 0, failed: 0 };
  // Given ids (a run's messages, two per operation) are claimed all at once, not a batch's worth.
  const batch = options.ids?.length ?? options.batch ?? CLAIM_BATCH;
  const now = deps.clock.now();
  const claimed = await deps.db
    .updateTable('outbound_messages')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: new Date(now.getTime() + CLAIM_LEASE_MS) }))
    .where('id', 'in', (eb) => {
      let due = eb.selectFrom('outbound_messages').select('id').where('sent_at', 'is', null).where('next_attempt_at', '<=', now);
      if (options.ids !== undefined) due = due.where('id', 'in', [...options.ids]);
      return due.orderBy('next_attempt_at').limit(batch).forUpdate().skipLocked();
    })
    .returning(['id', 'channel', 'recipient', 'subject', 'body', 'attempts', 'created_at'])
    .execute();
  // RETURNING has no order: oldest first, so a backlog drains in the order its outcomes happened.
  claimed.sort((a, b) => a.created_at.getTime() - b.created_at.getTime());

  const sent: string[] = [];
  const failures: { id: string; attempts: number; error: string }[] = [];
  const failed = (row: (typeof claimed)[number], error: unknown) => failures.push({ id: row.id, attempts: Number(row.attempts), error: error instanceof Error ? error.message : String(error) });
  const smsRows = claimed.filter((row) => row.channel === 'sms');
  const emailRows = claimed.filter((row) => row.channel === 'email');
  const smsBatch = deps.messages.sms.sendSmsBatch?.bind(deps.messages.sms);
  const emailBatch = deps.messages.email.sendEmailBatch?.bind(deps.messages.email);
  // A channel that takes batches gets all its rows in one call (sent or failed together); the others one by one.
  const batches: Promise<void>[] = [];
  const single: typeof claimed = [];
  const inBatch = (rows: typeof claimed, send: () => Promise<void>) =>
    batches.push(
      send().then(
        () => void sent.push(...rows.map((row) => row.id)),
        (error: unknown) => rows.forEach((row) => failed(row, error)),
      ),
    );
  if (smsBatch !== undefined && smsRows.length > 1) inBatch(smsRows, () => smsBatch(smsRows.map((row) => ({ to: row.recipient, text: row.body, idempotencyKey: row.id }))));
  else single.push(...smsRows);
  if (emailBatch !== undefined && emailRows.length > 1) inBatch(emailRows, () => emailBatch(emailRows.map((row) => ({ to: row.recipient, subject: row.subject ?? '', text: row.body, idempotencyKey: row.id }))));
  else single.push(...emailRows);
  single.sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
  let next = 0;
  const sender = async () => {
    while (next < single.length) {
      const row = single[next];
      next += 1;
      if (row === undefined) break;
      try {
        if (row.channel === 'sms') await deps.messages.sms.sendSms({ to: row.recipient, text: row.body, idempotencyKey: row.id });
        else await deps.messages.email.sendEmail({ to: row.recipient, subject: row.subject ?? '', text: row.body, idempotencyKey: row.id });
        sent.push(row.id);
      } catch (error) {
        failed(row, error);
      }
    }
  };
  await Promise.all([...batches, ...Array.from({ length: Math.min(SENDS_AT_ONCE, single.length) }, sender)]);

  const done = deps.clock.now();
  if (sent.length > 0) await deps.db.updateTable('outbound_messages').set({ sent_at: done, last_error: null }).where('id', 'in', sent).where('sent_at', 'is', null).execute();
  for (const failure of failures) {
    await deps.db
      .updateTable('outbound_messages')
      .set({ next_attempt_at: new Date(done.getTime() + exponentialDelay(failure.attempts - 1, RETRY_BACKOFF)), last_error: failure.error.slice(0, 500) })
      .where('id', '=', failure.id)
      .where('sent_at', 'is', null)
      .execute();
  }
  return { sent: sent.length, failed: failures.length };
}

/** Passes until a pass claims less than a full batch: everything due now has been tried once. */
export async function drainOutbound(deps: OutboundDeps, options: { readonly batch?: number } = {}): Promise<DispatchResult> {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const pass = await dispatchOutbound(deps, options);
    sent += pass.sent;
    failed += pass.failed;
    if (pass.sent + pass.failed < (options.batch ?? CLAIM_BATCH)) return { sent, failed };
  }
}

/** Blanks the content of rows sent longer ago than the retention; returns how many. */
export async function blankSentContent(deps: Pick<OutboundDeps, 'db' | 'clock'>): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - SENT_CONTENT_RETENTION_MS);
  const blanked = await deps.db
    .updateTable('outbound_messages')
    .set({ recipient: '', subject: null, body: '' })
    .where('sent_at', 'is not', null)
    .where('sent_at', '<=', before)
    .where('body', '<>', '')
    .executeTakeFirst();
  return Number(blanked.numUpdatedRows);
}
