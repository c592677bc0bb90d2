// English messages for kiosk devices: enrolment with a one-time code, and the sync protocol's refusals.
import type { deviceErrors as zh } from '../../zh-CN/errors/device.js';

export const deviceErrors: Record<keyof typeof zh, string> = {
  DEVICE_ENROLMENT_CODE_INVALID: 'The device enrolment code is wrong, used or expired. Please ask your school’s CET teacher or an administrator for a new one.',
  DEVICE_REVOKED: 'This device has been disabled; please enrol it again.',
  SYNC_SEQUENCE_GAP: 'The operations are not numbered contiguously; the server expects operation {{expectedSeq}} next.',
  SYNC_DEPENDENCY_REFUSED: 'An earlier operation this one depends on was refused, so it cannot be applied.',
};
