// English messages of the kiosk's local outbox (offline capture): refusals of capture, retry and discard, and why a queue stopped.
import type { outboxErrors as zh } from '../../zh-CN/errors/outbox.js';

export const outboxErrors: Record<keyof typeof zh, string> = {
  OUTBOX_DEVICE_NOT_ENROLLED: 'This machine is not enrolled as a registration device, so nothing can be saved offline. Please contact your school’s CET teacher.',
  OUTBOX_PAYLOAD_INVALID: 'The offline operation is incomplete or malformed and was not saved.',
  OUTBOX_SUMMARY_PERSONAL: 'The summary of an offline operation must not contain a name, ID number, mobile number, email address or password.',
  OUTBOX_OPERATION_NOT_FOUND: 'Offline operation {{seq}} does not exist.',
  OUTBOX_NOT_PENDING: 'Offline operation {{seq}} has already been sent or voided and cannot be discarded.',
  OUTBOX_NOT_REFUSED: 'Only a refused offline operation can be retried; operation {{seq}} was not refused.',
  OUTBOX_ALREADY_RETRIED: 'Offline operation {{seq}} has already been retried as operation {{newSeq}}.',
  OUTBOX_PAYLOAD_GONE: 'The content of offline operation {{seq}} has been deleted for privacy and cannot be retried; please ask the candidate to do it again.',
  OUTBOX_KEY_UNAVAILABLE: 'The encryption key for offline data is unavailable, so offline operations cannot be saved or sent for now.',
  OUTBOX_UNREADABLE: 'Offline operation {{seq}} cannot be decrypted (the encryption key has changed); your school’s CET teacher must deal with it.',
  OUTBOX_DEVICE_CHANGED: 'This machine has been enrolled again as a new device, but offline operations of the old device have not been sent; your school’s CET teacher must deal with them.',
};
