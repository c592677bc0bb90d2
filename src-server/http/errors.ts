// Refusals on the wire: one body shape for every 4xx, the HTTP status of each code, and how zod's complaints become codes.
import type { z } from 'zod';
import { errorMessages, refuse, type DomainError, type ErrorCode } from '../../shared/errors/domain-error.js';
import type { ErrorBody } from '../../shared/contracts/http/endpoint.js';

/** Codes not listed are the caller's input being wrong: 400. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  LOGIN_FAILED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  APPEAL_NOT_FOUND: 404,
  PASSPORT_NOT_FOUND: 404,
  MOBILE_NOT_REGISTERED: 404,
  EMAIL_NOT_REGISTERED: 404,
  ACCOUNT_RETRIEVAL_NO_REGISTRATION: 404,
  INFORMATION_OCCUPIED: 409,
  EMAIL_TAKEN: 409,
  MOBILE_TAKEN: 409,
  STAFF_USERNAME_TAKEN: 409,
  APPEAL_ALREADY_PENDING: 409,
  APPEAL_ALREADY_DECIDED: 409,
  REBIND_SAME_PASSPORT: 409,
  REGISTRATION_PASSPORT_ALREADY_BOUND: 409,
  REGISTRATION_CANDIDATE_ALREADY_BOUND: 409,
  SUBJECT_ALREADY_ENROLLED: 409,
  OFFERING_FULL: 409,
  PAYMENT_ORDER_NOT_PENDING: 409,
  PAYMENT_ALREADY_SETTLED: 409,
  REVIEW_NOT_FOUND: 404,
  REVIEW_ALREADY_EXISTS: 409,
  REVIEW_PENDING_LOCKED: 409,
  REVIEW_APPROVED_FINAL: 409,
  REVIEW_NOT_PENDING: 409,
  DEVICE_ENROLMENT_CODE_INVALID: 403,
  DEVICE_REVOKED: 401,
  SYNC_SEQUENCE_GAP: 409,
  MOBILE_VERIFICATION_REQUIRED: 403,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  SMS_DAILY_LIMIT: 429,
  LOGIN_LOCKED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
  EXAM_SESSION_NOT_CONFIGURED: 503,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code] ?? 400;
}

export function errorBodyOf(error: DomainError): ErrorBody {
  return {
    error: {
      code: error.code,
      ...(error.field === undefined ? {} : { field: error.field }),
      ...(error.params === undefined ? {} : { params: { ...error.params } }),
      message: errorMessages(error),
    },
  };
}

/** The first complaint only, as the field it concerns: forms show one message per field, top down. */
export function refusalOfIssues(issues: readonly z.core.$ZodIssue[]): DomainError {
  const issue = issues[0];
  if (issue === undefined) return refuse('VALIDATION_FAILED');
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  const at = field === undefined ? {} : { field };
  if (issue.code === 'invalid_type' && issue.input === undefined) return refuse('FIELD_REQUIRED', at);
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) return refuse('FIELD_REQUIRED', at);
  if (issue.code === 'too_big' && issue.origin === 'string') return refuse('FIELD_TOO_LONG', { ...at, params: { max: Number(issue.maximum) } });
  return refuse('VALIDATION_FAILED', at);
}
