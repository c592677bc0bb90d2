// Rate limits kept in the database (throttle_events), so every server process behind the load balancer counts together.
import type { Executor } from '../db/database.js';

export interface Limit {
  readonly key: string;
  readonly max: number;
  readonly windowMs: number;
}

/**
 * Milliseconds until the limit lets one more event through, or 0 if it does already. Callers that
 * must not overshoot under concurrency take `lockKey` on the key in the same transaction first.
 */
export async function waitBeforeNext(db: Executor, limit: Limit, now: Date): Promise<number> {
  const since = new Date(now.getTime() - limit.windowMs);
  const events = await db
    .selectFrom('throttle_events')
    .select('at')
    .where('key', '=', limit.key)
    .where('at', '>', since)
    .orderBy('at', 'desc')
    .limit(limit.max)
    .execute();
  if (events.length < limit.max) return 0;
  const oldestCounted = events[events.length - 1]?.at ?? now;
  return Math.max(1, oldestCounted.getTime() + limit.windowMs - now.getTime());
}

export async function countEvent(db: Executor, key: string, now: Date): Promise<void> {
  await db.insertInto('throttle_events').values({ key, at: now }).execute();
}

export async function forgetEvents(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('throttle_events').where('key', '=', key).execute();
}

/** Events older than the longest window any limit uses can go; called now and then by writers. */
export async function pruneEvents(db: Executor, before: Date): Promise<void> {
  await db.deleteFrom('throttle_events').where('at', '<', before).execute();
}

export function secondsOf(ms: number): number {
  return Math.ceil(ms / 1000);
}
