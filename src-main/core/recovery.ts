// When a kiosk renderer crashes or hangs, how long to wait before bringing it back.

import { exponentialDelay } from '../../shared/domain/backoff.js';

export interface RecoveryPolicy {
  /** Wait before reloading after a first crash. */
  readonly baseMs: number;
  /** A renderer that keeps crashing is still reloaded, at most this far apart: a kiosk never gives up. */
  readonly capMs: number;
  /** A crash this long after the previous one starts the count afresh. */
  readonly stableAfterMs: number;
  /** An unresponsive renderer gets this long to recover on its own before it is reloaded. */
  readonly unresponsiveGraceMs: number;
}

export const DEFAULT_RECOVERY_POLICY: RecoveryPolicy = {
  baseMs: 1_000,
  capMs: 60_000,
  stableAfterMs: 5 * 60_000,
  unresponsiveGraceMs: 10_000,
};

export interface RecoveryStep {
  /** 1 for the first crash of a streak, 2 for the next one… */
  readonly attempt: number;
  readonly delayMs: number;
}

/**
 * The reload delay after the latest of `crashTimes` (ascending, in ms). Crashes closer together
 * than `stableAfterMs` form a streak, and each crash in a streak doubles the wait. No jitter: one
 * renderer, nothing to desynchronise.
 */
export function recoveryStep(crashTimes: readonly number[], policy: RecoveryPolicy = DEFAULT_RECOVERY_POLICY): RecoveryStep {
  let attempt = crashTimes.length > 0 ? 1 : 0;
  for (let i = crashTimes.length - 1; i > 0; i -= 1) {
    const gap = (crashTimes[i] ?? 0) - (crashTimes[i - 1] ?? 0);
    if (gap > policy.stableAfterMs) break;
    attempt += 1;
  }
  return { attempt, delayMs: attempt === 0 ? 0 : exponentialDelay(attempt - 1, policy) };
}

/** The crash history worth keeping: beyond this many crashes the delay is at its cap anyway. */
export function trimCrashHistory(crashTimes: readonly number[], policy: RecoveryPolicy = DEFAULT_RECOVERY_POLICY): number[] {
  const attemptsToCap = Math.ceil(Math.log2(policy.capMs / policy.baseMs)) + 1;
  return crashTimes.slice(-attemptsToCap);
}
