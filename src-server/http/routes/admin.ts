// HTTP routes of customer service (admin): deciding 信息占用 appeals, rebinding registrations (A3, A8), reading the audit log.
import type { FastifyInstance } from 'fastify';
import { appealEndpoints } from '../../../shared/contracts/http/appeals.js';
import { rebindingEndpoints } from '../../../shared/contracts/http/rebinding.js';
import { listAuditLog } from '../../../shared/contracts/http/staff.js';
import { ok } from '../../../shared/errors/domain-error.js';
import * as appeals from '../../services/appeals.js';
import { listAuditEntries } from '../../services/audit.js';
import type { ServiceContext } from '../../services/context.js';
import * as rebinding from '../../services/rebinding.js';
import { requireAdmin } from '../auth.js';
import { route } from '../route.js';

export function adminRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  route(app, ctx, appealEndpoints.listAppeals, requireAdmin, async (input, call) => ok({ appeals: await appeals.listAppeals(call.ctx, input) }));
  route(app, ctx, appealEndpoints.approveAppeal, requireAdmin, (input, call) => appeals.approveAppeal(call.ctx, call.actor, input));
  route(app, ctx, appealEndpoints.rejectAppeal, requireAdmin, (input, call) => appeals.rejectAppeal(call.ctx, call.actor, input));

  route(app, ctx, rebindingEndpoints.findRegistrations, requireAdmin, async (input, call) => ok({ registrations: await rebinding.findRegistrations(call.ctx, input) }));
  route(app, ctx, rebindingEndpoints.rebindRegistration, requireAdmin, (input, call) => rebinding.rebindRegistration(call.ctx, call.actor, input));

  route(app, ctx, listAuditLog, requireAdmin, (input, call) => listAuditEntries(call.ctx.db, input));
}
