// The main process's connectivity monitor as the real-server tests run it: fast probes and short backoff, so a killed and restarted server is noticed within a second.
import type { Clock } from '../../shared/domain/clock.js';
import { ConnectivityMonitor } from '../../src-main/core/connectivity.js';
import { systemTimers } from '../../src-main/core/timers.js';

/** A monitor of the server at `serverUrl`, not started yet (a test may listen to its first change). */
export function fastMonitor(serverUrl: string, clock: Clock): ConnectivityMonitor {
  return new ConnectivityMonitor({
    healthUrl: `${serverUrl}/api/health`,
    fetch: (input, init) => fetch(input, init),
    onlineIntervalMs: 200,
    offlineBackoff: { baseMs: 50, capMs: 400 },
    timeoutMs: 2_000,
    timers: systemTimers,
    clock,
    random: Math.random,
  });
}

/** A started monitor of the server at `serverUrl`; the caller stops it. */
export function startFastMonitor(serverUrl: string, clock: Clock): ConnectivityMonitor {
  const monitor = fastMonitor(serverUrl, clock);
  monitor.start();
  return monitor;
}
