// GET /api/health: the database answers (200) or not (503); the kiosk syncer polls it to decide it is online.
import type { FastifyInstance } from 'fastify';
import { health } from '../../../shared/contracts/http/health.js';
import { ok, refuse } from '../../../shared/errors/domain-error.js';
import { ping } from '../../db/database.js';
import type { ServiceContext } from '../../services/context.js';
import { anyone } from '../auth.js';
import { route } from '../route.js';

export function healthRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  route(app, ctx, health, anyone, async (_input, call) => {
    try {
      await ping(call.ctx.db);
    } catch (error) {
      app.log.error({ err: error }, 'health check: database unreachable');
      return { ok: false, error: refuse('SERVICE_UNAVAILABLE') };
    }
    return ok({ status: 'ok' as const, serverTime: call.ctx.clock.now(), maxClockSkewSeconds: call.ctx.config.maxClockSkewSeconds });
  });
}
