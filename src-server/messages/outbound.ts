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

/**
 * Channels that do not send: each message becomes an `outbound_messages` row through `db`, which is
 * the operation's transaction, so the row commits or rolls back with the effect it reports. `ids`
 * lists the rows written, for the kick that sends them right after the commit.
 */
export function outboundChannels(db: Executor, clock: Clock): { readonly channels: MessageChannels; readonly ids: readonly string[] } {
  const ids: string[] = [];
  const enqueue = async (row: { channel: 'sms' | 'email'; recipient: string; subject: string | null; body: string }) => {
    const id = newId();
    const now = clock.now();
    await db.insertInto('outbound_messages').values({ id, ...row, created_at: now, next_attempt_at: now }).execute();
    ids.push(id);
  };
  return {
    ids,
    channels: {
      sms: { sendSms: ({ to, text }) => enqueue({ channel: 'sms', recipient: to, subject: null, body: text }) },
      email: { sendEmail: ({ to, subject, text }) => enqueue({ channel: 'email', recipient: to, subject, body: text }) },
    },
  };
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
  const batch = options.batch ?? CLAIM_BATCH;
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
  let next = 0;
  const sender = async () => {
    while (next < claimed.length) {
      const row = claimed[next];
      next += 1;
      if (row === undefined) break;
      try {
        if (row.channel === 'sms') await deps.messages.sms.sendSms({ to: row.recipient, text: row.body, idempotencyKey: row.id });
        else await deps.messages.email.sendEmail({ to: row.recipient, subject: row.subject ?? '', text: row.body, idempotencyKey: row.id });
        sent.push(row.id);
      } catch (error) {
        failures.push({ id: row.id, attempts: Number(row.attempts), error: error instanceof Error ? error.message : String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(SENDS_AT_ONCE, claimed.length) }, sender));

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
