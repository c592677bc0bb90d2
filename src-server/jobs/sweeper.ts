// Runs the sweep on an interval inside a server process; several processes may run it at once (see services/sweeper.ts).
import type { FastifyBaseLogger } from 'fastify';
import type { ServiceContext } from '../services/context.js';
import { sweepExpired } from '../services/sweeper.js';

export interface SweeperJob {
  stop(): Promise<void>;
}

/** One run at a time per process: a slow run is not overlapped by the next tick. */
export function startSweeper(ctx: ServiceContext, intervalMs: number, logger: FastifyBaseLogger): SweeperJob {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running !== null) return;
    running = sweepExpired(ctx)
      .then((result) => {
        if (result.enrolmentsRemoved + result.registrationsRemoved > 0) logger.info(result, 'swept expired enrolments and registrations');
      })
      .catch((error: unknown) => logger.error({ err: error }, 'sweep failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
