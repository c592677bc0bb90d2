// Retry timing: capped exponential backoff, full jitter with an injected random source, and the kiosk's crash-reload policy.
import { describe, expect, it } from 'vitest';
import { exponentialDelay, fullJitterDelay } from '../../shared/domain/backoff.js';
import { recoveryStep, trimCrashHistory, type RecoveryPolicy } from '../../src-main/core/recovery.js';

const policy = { baseMs: 1_000, capMs: 60_000 };

describe('exponential backoff', () => {
  it.each([
    [0, 1_000],
    [1, 2_000],
    [2, 4_000],
    [5, 32_000],
    [6, 60_000],
    [50, 60_000],
    [5_000, 60_000],
    [-3, 1_000],
  ])('attempt %i waits at most %i ms', (attempt, ceiling) => {
    expect(exponentialDelay(attempt, policy)).toBe(ceiling);
  });
});

describe('full jitter', () => {
  it.each([
    [0, 0, 0],
    [0, 0.5, 500],
    [3, 0.25, 2_000],
    [3, 0.999, 7_992],
    [10, 0.5, 30_000],
  ])('attempt %i with random %f waits %i ms', (attempt, random, delay) => {
    expect(fullJitterDelay(attempt, policy, () => random)).toBe(delay);
  });

  it('stays below the ceiling even when random returns 1 or more', () => {
    expect(fullJitterDelay(2, policy, () => 1)).toBeLessThan(4_000);
    expect(fullJitterDelay(2, policy, () => 7)).toBeLessThan(4_000);
    expect(fullJitterDelay(2, policy, () => -1)).toBe(0);
  });

  it('spreads many devices over the whole window', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const delays = Array.from({ length: 1_000 }, () => fullJitterDelay(4, policy, random));
    expect(Math.min(...delays)).toBeLessThan(1_000);
    expect(Math.max(...delays)).toBeGreaterThan(15_000);
    expect(new Set(delays).size).toBeGreaterThan(900);
  });
});

describe('renderer crash recovery', () => {
  const recovery: RecoveryPolicy = { baseMs: 1_000, capMs: 60_000, stableAfterMs: 300_000, unresponsiveGraceMs: 10_000 };
  const minute = 60_000;

  it.each([
    ['no crash', [], 0, 0],
    ['a first crash', [0], 1, 1_000],
    ['a second crash soon after', [0, minute], 2, 2_000],
    ['a fourth crash in a streak', [0, minute, 2 * minute, 3 * minute], 4, 8_000],
    ['a crash long after the last streak', [0, minute, 2 * minute, 60 * minute], 1, 1_000],
    ['a crash loop', Array.from({ length: 20 }, (_, i) => i * 1_000), 20, 60_000],
  ])('%s: attempt %i, reload after %i ms', (_name, crashes, attempt, delayMs) => {
    expect(recoveryStep(crashes, recovery)).toEqual({ attempt, delayMs });
  });

  it('keeps only as much history as can still raise the delay', () => {
    const loop = Array.from({ length: 50 }, (_, i) => i * 1_000);
    const kept = trimCrashHistory(loop, recovery);
    expect(kept.length).toBeLessThan(loop.length);
    expect(recoveryStep(kept, recovery).delayMs).toBe(recoveryStep(loop, recovery).delayMs);
  });
});
