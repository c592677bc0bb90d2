// HTTP routes of R1–R3: the registration agreement, the qualification query, saving the registration and the 报名信息 page.
import type { FastifyInstance } from 'fastify';
import * as contract from '../../../shared/contracts/http/registration.js';
import type { ServiceContext } from '../../services/context.js';
import * as registration from '../../services/registration.js';
import { requireCandidate } from '../auth.js';
import { route } from '../route.js';

export function registrationRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  route(app, ctx, contract.acceptAgreement, requireCandidate, (input, call) => registration.acceptAgreement(call.ctx, call.actor.passportId, input));
  route(app, ctx, contract.queryQualification, requireCandidate, (input, call) => registration.queryQualification(call.ctx, call.actor.passportId, input));
  route(app, ctx, contract.saveRegistration, requireCandidate, (input, call) => registration.saveRegistration(call.ctx, call.actor.passportId, input));
  route(app, ctx, contract.getMyRegistration, requireCandidate, (_input, call) => registration.getMyRegistration(call.ctx, call.actor.passportId));
}
