// The connectivity monitor on manual time: steady polling while the server answers, full-jitter backoff while it does not.
import { describe, expect, it } from 'vitest';
import { ConnectivityMonitor, type ConnectivitySnapshot } from '../../src-main/core/connectivity.js';
import type { FetchLike } from '../../src-main/core/http-client.js';
import { FakeTimers } from './support/fake-timers.js';

type Answer = 'up' | 'down' | 'error' | 'portal';

const healthy = { status: 'ok', serverTime: '2026-09-01T00:00:00.000Z', maxClockSkewSeconds: 300 };

function setup(answers: Answer[], random = () => 0.5) {
  const timers = new FakeTimers();
  const calls: string[] = [];
  const fetch: FetchLike = async (url) => {
    calls.push(url);
    const answer = answers.shift() ?? 'up';
    if (answer === 'down') throw new TypeError('fetch failed');
    if (answer === 'portal') return new Response('<html>请登录校园网</html>', { status: 200, headers: { 'Content-Type': 'text/html' } });
    return new Response(JSON.stringify(answer === 'up' ? healthy : { error: { code: 'SERVICE_UNAVAILABLE' } }), { status: answer === 'up' ? 200 : 503 });
  };
  const monitor = new ConnectivityMonitor({
    healthUrl: 'http://server.test/api/health',
    fetch,
    onlineIntervalMs: 15_000,
    offlineBackoff: { baseMs: 1_000, capMs: 60_000 },
    timeoutMs: 5_000,
    timers,
    clock: { now: () => new Date(Date.UTC(2026, 8, 1) + timers.now) },
    random,
  });
  const changes: ConnectivitySnapshot[] = [];
  monitor.onChange((snapshot) => changes.push(snapshot));
  return { timers, calls, monitor, changes };
}

describe('connectivity monitor', () => {
  it('starts offline, probes at once, then polls at the steady interval while the server answers', async () => {
    const { timers, calls, monitor, changes } = setup(['up', 'up', 'up']);
    expect(monitor.snapshot().state).toBe('offline');
    monitor.start();
    await timers.advance(0);
    expect(monitor.snapshot()).toMatchObject({ state: 'online', failures: 0 });
    expect(monitor.snapshot().lastContactAt?.toISOString()).toBe('2026-09-01T00:00:00.000Z');
    await timers.advance(30_000);
    expect(calls).toEqual(Array(3).fill('http://server.test/api/health'));
    expect(timers.scheduled).toEqual([0, 15_000, 15_000, 15_000]);
    expect(changes.map((change) => change.state)).toEqual(['online']);
  });

  it('backs off exponentially with full jitter while the server is down, up to the cap', async () => {
    const { timers, monitor } = setup(Array(9).fill('down'), () => 0.5);
    monitor.start();
    await timers.advance(100_000);
    // random 0.5 → half of min(60 s, 1 s · 2^n)
    expect(timers.scheduled.slice(0, 10)).toEqual([0, 500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(monitor.snapshot()).toMatchObject({ state: 'offline', failures: 9 });
  });

  it('draws each delay from the injected random source', async () => {
    const draws = [0.1, 0.9, 0.0];
    const { timers, monitor } = setup(['down', 'down', 'down'], () => draws.shift() ?? 0);
    monitor.start();
    await timers.advance(10_000);
    expect(timers.scheduled.slice(1, 4)).toEqual([100, 1_800, 0]);
  });

  it('counts a refusing health endpoint (503) as down', async () => {
    const { timers, monitor } = setup(['error']);
    monitor.start();
    await timers.advance(0);
    expect(monitor.snapshot()).toMatchObject({ state: 'offline', failures: 1 });
  });

  it("does not take a captive portal's 200 page for the server", async () => {
    const { timers, monitor } = setup(['portal']);
    monitor.start();
    await timers.advance(0);
    expect(monitor.snapshot()).toMatchObject({ state: 'offline', failures: 1 });
  });

  it('comes back online at the first answer and returns to the steady interval', async () => {
    const { timers, monitor, changes } = setup(['down', 'down', 'up']);
    monitor.start();
    await timers.advance(10_000);
    expect(monitor.snapshot()).toMatchObject({ state: 'online', failures: 0 });
    expect(changes.map((change) => change.state)).toEqual(['online']);
    expect(timers.scheduled.slice(0, 4)).toEqual([0, 500, 1_000, 15_000]);
  });

  it('goes offline at once when another request gets no answer, and probes again with backoff', async () => {
    const { timers, monitor, changes } = setup(['up', 'up']);
    monitor.start();
    await timers.advance(0);
    monitor.reportUnreachable();
    expect(monitor.snapshot().state).toBe('offline');
    expect(changes.map((change) => change.state)).toEqual(['online', 'offline']);
    expect(timers.scheduled.at(-1)).toBe(500);
    await timers.advance(500);
    expect(monitor.snapshot().state).toBe('online');
  });

  it('takes any answer from the server as contact, without waiting for the next poll', async () => {
    const { timers, monitor } = setup(['down']);
    monitor.start();
    await timers.advance(0);
    timers.now = 7_000;
    monitor.reportReachable();
    expect(monitor.snapshot()).toMatchObject({ state: 'online', failures: 0 });
    expect(monitor.snapshot().lastContactAt?.toISOString()).toBe('2026-09-01T00:00:07.000Z');
    expect(timers.scheduled.at(-1)).toBe(15_000);
  });

  it('stops polling when stopped', async () => {
    const { timers, calls, monitor } = setup([]);
    monitor.start();
    await timers.advance(0);
    monitor.stop();
    await timers.advance(60_000);
    expect(calls).toHaveLength(1);
    expect(timers.count).toBe(0);
  });
});
