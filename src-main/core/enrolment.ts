// Enrolment: trading a one-time code for this device's identity and credential, and keeping them.
import { deviceEndpoints, type DeviceIdentity } from '../../shared/contracts/device.js';
import type { Clock } from '../../shared/domain/clock.js';
import type { IpcResult } from '../../shared/contracts/ipc.js';
import type { DeviceStore } from './device-store.js';
import { outcomeToResult, type ServerReachability } from './forwarder.js';
import { callEndpoint, type ServerConnection } from './http-client.js';
import { failure, success } from './ipc-result.js';

export interface EnrolmentDeps {
  readonly connection: ServerConnection;
  readonly device: DeviceStore;
  readonly reachability: ServerReachability;
  readonly clock: Clock;
  readonly softwareVersion: string;
  /** The configured campus; a code issued for another campus is refused before anything is stored. */
  readonly expectedCampus: string | undefined;
  readonly log: (message: string) => void;
}

export async function enrolDevice(
  deps: EnrolmentDeps,
  request: { code: string; deviceName: string },
): Promise<IpcResult<{ deviceId: string; campusCode: string }>> {
  // Re-enrolling would orphan the outbox numbered under the old identity; an admin resets the
  // device deliberately (removes device.json) instead.
  if (await deps.device.identity()) return failure('FORBIDDEN', { field: 'code' });
  const outcome = await callEndpoint(
    deviceEndpoints.enrolDevice,
    { code: request.code, deviceName: request.deviceName, softwareVersion: deps.softwareVersion },
    deps.connection,
  );
  const result = outcomeToResult(outcome, deps.reachability, deps.log);
  if (!result.ok) return result;
  const enrolled = deviceEndpoints.enrolDevice.response.parse(result.value);
  if (deps.expectedCampus !== undefined && enrolled.campusCode !== deps.expectedCampus) {
    deps.log(`enrolment refused: the code is for campus ${enrolled.campusCode}, this device is configured for ${deps.expectedCampus}`);
    return failure('VALIDATION_FAILED', { field: 'code' });
  }
  const identity: DeviceIdentity = {
    deviceId: enrolled.deviceId,
    campusCode: enrolled.campusCode,
    deviceName: request.deviceName,
    enrolledAt: deps.clock.now().toISOString(),
  };
  await deps.device.saveEnrolment(identity, enrolled.credential);
  return success({ deviceId: identity.deviceId, campusCode: identity.campusCode });
}
