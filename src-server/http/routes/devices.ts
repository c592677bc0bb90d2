// HTTP routes of kiosk devices: staff issue a one-time enrolment code, a device spends it, an enrolled device reads itself back.
import type { FastifyInstance } from 'fastify';
import { deviceEndpoints } from '../../../shared/contracts/device.js';
import { issueDeviceEnrolmentCode } from '../../../shared/contracts/http/staff.js';
import type { ServiceContext } from '../../services/context.js';
import * as devices from '../../services/devices.js';
import { anyone, requireDevice, requireStaff } from '../auth.js';
import { route } from '../route.js';

export function deviceRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  route(app, ctx, issueDeviceEnrolmentCode, requireStaff, (input, call) => devices.issueEnrolmentCode(call.ctx, call.actor, input));
  route(app, ctx, deviceEndpoints.enrolDevice, anyone, (input, call) => devices.enrolDevice(call.ctx, input, call.ip));
  route(app, ctx, deviceEndpoints.getDevice, requireDevice, (_input, call) => devices.describeDevice(call.ctx, call.actor));
}
