// HTTP routes of the device sync protocol (K3): push of queued operations and pull of reference data, for enrolled devices only.
import type { FastifyInstance } from 'fastify';
import { syncEndpoints } from '../../../shared/contracts/sync.js';
import { refuse } from '../../../shared/errors/domain-error.js';
import type { ServiceContext } from '../../services/context.js';
import { pullReferenceData } from '../../services/sync/pull.js';
import { pushOperations } from '../../services/sync/push.js';
import { requireDevice } from '../auth.js';
import { route } from '../route.js';

export function syncRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  route(app, ctx, syncEndpoints.syncPush, requireDevice, async (input, call) => {
    // A credential speaks for its own device only: it may not advance another device's queue.
    if (input.deviceId !== call.actor.deviceId) return { ok: false, error: refuse('FORBIDDEN', { field: 'deviceId' }) };
    const pushed = await pushOperations(call.ctx, { deviceId: call.actor.deviceId, campusCode: call.actor.campusCode }, input.operations);
    if (!pushed.ok) return pushed;
    const { stoppedBy, ...response } = pushed.value;
    if (stoppedBy !== null) call.reply.log.error({ err: stoppedBy, deviceId: input.deviceId }, 'push stopped by a transient failure; the device resends the rest');
    return { ok: true, value: response };
  });
  route(app, ctx, syncEndpoints.syncPull, requireDevice, (input, call) => pullReferenceData(call.ctx, input));
}
