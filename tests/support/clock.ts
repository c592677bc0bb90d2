// A clock tests move by hand, so expiry, cooldowns and locks are tested without waiting.
import type { Clock } from '../../shared/domain/clock.js';

export class TestClock implements Clock {
  #now: number;

  constructor(start: Date) {
    this.#now = start.getTime();
  }

  now(): Date {
    return new Date(this.#now);
  }

  advance(ms: number): void {
    this.#now += ms;
  }
}
