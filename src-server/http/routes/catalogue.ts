// HTTP routes of the public reference data: exam session, provinces → schools → campuses, subjects, offerings, the kiosk bundle.
import type { FastifyInstance } from 'fastify';
import * as contract from '../../../shared/contracts/http/catalogue.js';
import * as catalogue from '../../services/catalogue.js';
import type { ServiceContext } from '../../services/context.js';
import { anyone } from '../auth.js';
import { route } from '../route.js';

export function catalogueRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  route(app, ctx, contract.getExamSession, anyone, (_input, call) => catalogue.getExamSession(call.ctx));
  route(app, ctx, contract.listProvinces, anyone, (_input, call) => catalogue.listProvinces(call.ctx));
  route(app, ctx, contract.listSubjects, anyone, (_input, call) => catalogue.listSubjectCatalogue(call.ctx));
  route(app, ctx, contract.listOfferings, anyone, (input, call) => catalogue.listSessionOfferings(call.ctx, input));
  route(app, ctx, contract.getReferenceBundle, anyone, (input, call) => catalogue.getReferenceBundle(call.ctx, input));
}
