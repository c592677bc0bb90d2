// HTTP routes of R5–R8: written and oral choices and enrolment, the oral campus list, cancelling an unpaid enrolment.
import type { FastifyInstance } from 'fastify';
import * as contract from '../../../shared/contracts/http/enrolment.js';
import type { ServiceContext } from '../../services/context.js';
import * as enrolment from '../../services/enrolment.js';
import { requireCandidate } from '../auth.js';
import { route } from '../route.js';

export function enrolmentRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  route(app, ctx, contract.listWrittenChoices, requireCandidate, (_input, call) => enrolment.listWrittenChoices(call.ctx, call.actor.passportId));
  route(app, ctx, contract.enrolWritten, requireCandidate, (input, call) => enrolment.enrolWritten(call.ctx, { passportId: call.actor.passportId, offeringIds: input.offeringIds }));
  route(app, ctx, contract.listOralCampuses, requireCandidate, (_input, call) => enrolment.listOralCampuses(call.ctx, call.actor.passportId));
  route(app, ctx, contract.listOralChoices, requireCandidate, (input, call) => enrolment.listOralChoices(call.ctx, call.actor.passportId, input.campusCode));
  route(app, ctx, contract.enrolOral, requireCandidate, (input, call) => enrolment.enrolOral(call.ctx, { passportId: call.actor.passportId, offeringIds: input.offeringIds }));
  route(app, ctx, contract.cancelEnrolment, requireCandidate, (input, call) => enrolment.cancelEnrolment(call.ctx, call.actor.passportId, input.enrolmentId));
}
