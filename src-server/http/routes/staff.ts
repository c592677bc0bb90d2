// HTTP routes of the teacher workstation's campus overview (K4).
import type { FastifyInstance } from 'fastify';
import { campusOverview } from '../../../shared/contracts/http/staff.js';
import type { ServiceContext } from '../../services/context.js';
import * as overview from '../../services/staff-overview.js';
import { requireStaff } from '../auth.js';
import { route } from '../route.js';

export function staffRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  route(app, ctx, campusOverview, requireStaff, (input, call) => overview.campusOverview(call.ctx, call.actor, input));
}
