// English messages for refusals that are not tied to one rule.
import type { commonErrors as zh } from '../../zh-CN/errors/common.js';

export const commonErrors: Record<keyof typeof zh, string> = {
  VALIDATION_FAILED: 'Some input is not valid. Please check it and submit again.',
  FIELD_REQUIRED: 'This field is required.',
  FIELD_TOO_LONG: 'Too long: at most {{max}} characters.',
  UNAUTHENTICATED: 'Please log in first.',
  SESSION_EXPIRED: 'Your session has expired. Please log in again.',
  FORBIDDEN: 'You are not allowed to do this.',
  NOT_FOUND: 'Nothing was found.',
  RATE_LIMITED: 'Too many attempts. Please try again in {{seconds}} seconds.',
  PAYLOAD_TOO_LARGE: 'The request is too large.',
  SERVICE_UNAVAILABLE: 'The system is busy. Please try again later.',
  INTERNAL_ERROR: 'Something went wrong. Please try again later or contact customer service.',
};
