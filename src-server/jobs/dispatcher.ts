// Sends the outbound outbox's due messages on an interval inside a server process; every process runs one (claims use SKIP LOCKED, see messages/outbound.ts).
import type { FastifyBaseLogger } from 'fastify';
import { blankSentContent, drainOutbound, type OutboundDeps } from '../messages/outbound.js';

export interface DispatcherJob {
  stop(): Promise<void>;
}

/**
 * The push route already sends a run's messages right after its commit; this tick catches what that
 * could not: messages of a process killed before sending, failed sends whose backoff has passed,
 * claims whose lease ran out. It also blanks old sent content. One tick at a time per process.
 */
export function startDispatcher(deps: OutboundDeps, intervalMs: number, logger: FastifyBaseLogger): DispatcherJob {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running !== null) return;
    running = (async () => {
      const result = await drainOutbound(deps);
      if (result.failed > 0) logger.warn(result, 'some outbound messages failed to send; they are retried with backoff');
      else if (result.sent > 0) logger.info(result, 'sent pending outbound messages');
      await blankSentContent(deps);
    })()
      .catch((error: unknown) => logger.error({ err: error }, 'outbound dispatch failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  // At start too: what a killed predecessor left waiting goes out now, not one interval later.
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
