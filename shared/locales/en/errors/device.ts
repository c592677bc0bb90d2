// English messages for kiosk devices: enrolment with a one-time code, and the sync protocol's refusals.
import type { deviceErrors as zh } from '../../zh-CN/errors/device.js';

export const deviceErrors: Record<keyof typeof zh, string> = {
  DEVICE_ENROLMENT_CODE_INVALID: 'The device enrolment code is wrong, used or expired. Please ask your school’s CET teacher or an administrator for a new one.',
  DEVICE_REVOKED: 'This device has been disabled; please enrol it again.',
  SYNC_SEQUENCE_GAP: 'The operations are not numbered contiguously; the server expects operation {{expectedSeq}} next.',
  SYNC_DEPENDENCY_REFUSED: 'An earlier operation this one depends on was refused, so it cannot be applied.',
  SYNC_CANDIDATE_REF_INVALID: 'Operation {{seq}}, which this one names, is not an ETEST passport successfully registered on this device, so it cannot be applied.',
  OPERATION_DISCARDED: 'This offline operation was discarded by the school’s CET teacher.',
  OPERATION_EXPIRED: 'This offline operation was not sent within the retention time and has expired.',
  OFFLINE_GRANT_INVALID: 'The offline decision grant is not valid: it was not issued to this device, or its teacher may no longer decide this application.',
  OFFLINE_GRANT_EXPIRED: 'The offline decision grant had expired when the decision was made; please decide again online.',
  OFFLINE_GRANT_REVOKED: 'The offline decision grant had been revoked before the decision was made; please decide again online.',
};
