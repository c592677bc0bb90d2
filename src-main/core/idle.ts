// The kiosk's idle countdown (SPEC K2): armed by candidate activity, warns, then asks for a wipe.
import type { IdlePolicy } from '../../shared/contracts/ipc.js';
import type { Timers } from './timers.js';

export interface IdleHandlers {
  onWarning(secondsLeft: number): void;
  onTimeout(): void;
}

/**
 * Lives in the host, not the page, so a page stuck in a busy loop or a modal still gets wiped.
 * It starts disarmed: an untouched start screen is never "wiped" over and over; the first
 * touch arms it and each later one starts it over.
 */
export class IdleCountdown {
  private warningTimer: unknown;
  private timeoutTimer: unknown;

  constructor(
    private readonly policy: IdlePolicy,
    private readonly timers: Timers,
    private readonly handlers: IdleHandlers,
  ) {}

  activity(): void {
    this.disarm();
    const { timeoutSeconds, warningSeconds } = this.policy;
    this.warningTimer = this.timers.setTimeout(() => this.handlers.onWarning(warningSeconds), (timeoutSeconds - warningSeconds) * 1000);
    this.timeoutTimer = this.timers.setTimeout(() => {
      this.disarm();
      this.handlers.onTimeout();
    }, timeoutSeconds * 1000);
  }

  disarm(): void {
    this.timers.clearTimeout(this.warningTimer);
    this.timers.clearTimeout(this.timeoutTimer);
    this.warningTimer = undefined;
    this.timeoutTimer = undefined;
  }
}
