// Device identity: how a kiosk or workstation enrols with a one-time code and what it gets back.
import { z } from 'zod';
import { endpoint } from './http/endpoint.js';
import { campusCode } from './http/fields.js';

/**
 * The one-time code an admin or teacher issues on the server: 8 characters of Crockford base32
 * (no I, L, O, U, so nothing reads as 1 or 0). People type it with spaces, dashes or lower case.
 */
export const enrolmentCode = z
  .string()
  .max(32)
  .transform((value) => value.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[0-9A-HJKMNP-TV-Z]{8}$/));

export const deviceId = z.uuid();
/** What the staff see in the device list, e.g. "图书馆一楼 1号机". */
export const deviceName = z.string().trim().min(1).max(64);
export const softwareVersion = z.string().regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/).max(64);
/** Opaque bearer secret; the server stores only its hash. */
export const deviceCredential = z.string().min(32).max(512);

export const enrolDeviceRequest = z.object({ code: enrolmentCode, deviceName, softwareVersion });
export const enrolDeviceResponse = z.object({ deviceId, campusCode, credential: deviceCredential });

export const deviceEndpoints = {
  /** Public: the one-time code is the authority. A used or expired code is refused (403). */
  enrolDevice: endpoint({
    method: 'POST',
    path: '/api/devices/enrol',
    audience: 'public',
    request: enrolDeviceRequest,
    response: enrolDeviceResponse,
  }),
  /** The device as the server knows it; a device calls it to check its credential (401 once revoked or expired). */
  getDevice: endpoint({
    method: 'GET',
    path: '/api/devices/me',
    audience: 'device',
    request: z.object({}),
    response: z.object({ deviceId, campusCode, deviceName, softwareVersion, enrolledAt: z.iso.datetime(), lastContactAt: z.iso.datetime() }),
  }),
};

/** The identity a device keeps on disk next to its credential (which lives in a secret store). */
export const deviceIdentity = z.object({
  deviceId,
  campusCode,
  deviceName,
  enrolledAt: z.iso.datetime(),
});
export type DeviceIdentity = z.infer<typeof deviceIdentity>;
