// Is the central server reachable? Polls its health endpoint: steadily while it answers, with backoff and full jitter while it does not.
import { health } from '../../shared/contracts/http/health.js';
import type { Clock } from '../../shared/domain/clock.js';
import { fullJitterDelay, type BackoffPolicy } from '../../shared/domain/backoff.js';
import type { FetchLike } from './http-client.js';
import type { Timers } from './timers.js';

export type Connectivity = 'online' | 'offline';

export interface ConnectivityOptions {
  /** Absolute URL of GET /api/health. */
  readonly healthUrl: string;
  readonly fetch: FetchLike;
  readonly onlineIntervalMs: number;
  readonly offlineBackoff: BackoffPolicy;
  readonly timeoutMs: number;
  readonly timers: Timers;
  readonly clock: Clock;
  readonly random: () => number;
}

export interface ConnectivitySnapshot {
  readonly state: Connectivity;
  readonly lastContactAt: Date | null;
  /** Failed probes in a row (0 while online). */
  readonly failures: number;
}

export class ConnectivityMonitor {
  private state: Connectivity = 'offline';
  private lastContactAt: Date | null = null;
  private failures = 0;
  private timer: unknown;
  private running = false;
  private probing: Promise<boolean> | null = null;
  private readonly listeners = new Set<(snapshot: ConnectivitySnapshot) => void>();

  constructor(private readonly options: ConnectivityOptions) {}

  snapshot(): ConnectivitySnapshot {
    return { state: this.state, lastContactAt: this.lastContactAt, failures: this.failures };
  }

  onChange(listener: (snapshot: ConnectivitySnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts offline and probes at once: nothing is assumed about a server not yet heard from. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  stop(): void {
    this.running = false;
    this.options.timers.clearTimeout(this.timer);
  }

  /** One health check now; concurrent callers share it. */
  probe(): Promise<boolean> {
    this.probing ??= this.check().finally(() => {
      this.probing = null;
    });
    return this.probing;
  }

  /** Any other answer from the server (a push, a forwarded call) is as good as a health check. */
  reportReachable(): void {
    this.lastContactAt = this.options.clock.now();
    if (this.state === 'online') return;
    this.failures = 0;
    this.setState('online');
    this.schedule(this.options.onlineIntervalMs);
  }

  /** A request got no answer: go offline now rather than at the next poll, and start backing off. */
  reportUnreachable(): void {
    if (this.state === 'offline') return;
    this.failures = 1;
    this.setState('offline');
    this.schedule(this.nextOfflineDelay());
  }

  private async check(): Promise<boolean> {
    let up = false;
    try {
      const response = await this.options.fetch(this.options.healthUrl, {
        method: 'GET',
        headers: { Accept: 'application/json' },
        redirect: 'error',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      // A 200 is not enough: a campus captive portal answers every URL with its login page.
      const body: unknown = await response.json().catch(() => undefined);
      up = response.ok && health.response.safeParse(body).success;
    } catch {
      up = false;
    }
    if (up) {
      this.lastContactAt = this.options.clock.now();
      this.failures = 0;
      this.setState('online');
    } else {
      this.failures += 1;
      this.setState('offline');
    }
    return up;
  }

  private nextOfflineDelay(): number {
    return fullJitterDelay(this.failures - 1, this.options.offlineBackoff, this.options.random);
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    this.options.timers.clearTimeout(this.timer);
    this.timer = this.options.timers.setTimeout(() => {
      void this.probe().then((up) => this.schedule(up ? this.options.onlineIntervalMs : this.nextOfflineDelay()));
    }, delayMs);
  }

  private setState(state: Connectivity): void {
    const changed = state !== this.state;
    this.state = state;
    if (changed) for (const listener of this.listeners) listener(this.snapshot());
  }
}
