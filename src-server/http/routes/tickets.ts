// HTTP routes of R10: the candidate's admission tickets, and the admin's arrangement (编排) run.
import type { FastifyInstance } from 'fastify';
import * as contract from '../../../shared/contracts/http/tickets.js';
import type { ServiceContext } from '../../services/context.js';
import * as tickets from '../../services/tickets.js';
import { requireAdmin, requireCandidate } from '../auth.js';
import { route } from '../route.js';

export function ticketRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  route(app, ctx, contract.listMyTickets, requireCandidate, (_input, call) => tickets.listMyTickets(call.ctx, call.actor.passportId));
  route(app, ctx, contract.getMyTicket, requireCandidate, (input, call) => tickets.getMyTicket(call.ctx, call.actor.passportId, input.enrolmentId));
  route(app, ctx, contract.runArrangement, requireAdmin, (input, call) => tickets.runArrangement(call.ctx, call.actor, input));
}
