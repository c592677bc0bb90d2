// Retry delays: capped exponential backoff, with full jitter where many devices retry against one server. Pure, so the main process (recovery, connectivity) and the renderer's outbox pump share one implementation.

export interface BackoffPolicy {
  /** Delay ceiling of the first retry (attempt 0). */
  readonly baseMs: number;
  /** No delay ever exceeds this. */
  readonly capMs: number;
}

/** min(cap, base · 2^attempt): the ceiling for retry number `attempt` (0-based). */
export function exponentialDelay(attempt: number, policy: BackoffPolicy): number {
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), 52);
  return Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
}

/**
 * "Full jitter" (AWS Architecture Blog, Exponential Backoff And Jitter): a uniform draw in
 * [0, ceiling). Hundreds of kiosks that lost the server together then come back spread out
 * instead of in lockstep. `random` is injected so tests are exact.
 */
export function fullJitterDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const draw = Math.min(Math.max(random(), 0), 1 - Number.EPSILON);
  return Math.floor(draw * exponentialDelay(attempt, policy));
}
