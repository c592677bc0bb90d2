// HTTP routes around offline replay (K3): offline decision grants and the outbox monitor for staff on a device, notices and the mobile check for candidates.
import type { FastifyInstance } from 'fastify';
import * as contract from '../../../shared/contracts/http/offline.js';
import type { ServiceContext } from '../../services/context.js';
import { verifyMobile, sendMobileVerificationCode } from '../../services/mobile-verification.js';
import { takeUnseenNotices } from '../../services/notices.js';
import { issueOfflineGrant } from '../../services/offline-grants.js';
import { listDeviceOperations, recordOutboxAction } from '../../services/sync/monitor.js';
import { requireAnyCandidate, requireStaff, requireStaffOnDevice } from '../auth.js';
import { route } from '../route.js';

export function offlineRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  route(app, ctx, contract.issueOfflineGrant, requireStaffOnDevice, (_input, call) => issueOfflineGrant(call.ctx, call.actor.staff, call.actor.device));
  route(app, ctx, contract.recordOutboxAction, requireStaffOnDevice, (input, call) => recordOutboxAction(call.ctx, call.actor, input));
  route(app, ctx, contract.listDeviceOperations, requireStaff, (input, call) => listDeviceOperations(call.ctx, call.actor, input));

  // Notices and the mobile check answer a candidate whose mobile is still unproven: they are how it gets proven.
  route(app, ctx, contract.takeNotices, requireAnyCandidate, (_input, call) => takeUnseenNotices(call.ctx, call.actor.passportId));
  route(app, ctx, contract.sendMobileVerificationCode, requireAnyCandidate, (_input, call) => sendMobileVerificationCode(call.ctx, call.actor, call.ip));
  route(app, ctx, contract.verifyMobile, requireAnyCandidate, (input, call) => verifyMobile(call.ctx, call.actor, input));
}
