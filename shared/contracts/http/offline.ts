// What the server offers around offline replay (K3, issue #7): teachers' offline decision grants, the outbox monitor's audit and list of refused operations, and the candidate's side of offline outcomes (notices, the SMS check of a mobile captured offline).
import { z } from 'zod';
import { deviceId } from '../device.js';
import { operationError, operationKind, operationSeq } from '../sync.js';
import { codeSent, smsCode } from './account-fields.js';
import { endpoint } from './endpoint.js';
import { campusCode, instant } from './fields.js';

/**
 * A teacher logged in on an enrolled device of their school asks for a grant before going offline:
 * decisions the device captures under it count as that teacher's when the device replays them
 * (`review.decide`), if captured before `expiresAt`. A new grant on the same device revokes the old.
 */
export const issueOfflineGrant = endpoint({
  method: 'POST',
  path: '/api/staff/offline-grant',
  audience: 'staffDevice',
  request: z.object({}),
  response: z.object({ grant: z.string().min(32).max(128), expiresAt: instant }),
});

export const OUTBOX_ACTIONS = ['retry', 'discard'] as const;

/**
 * K4: a teacher's retry or discard of an operation in this device's outbox, recorded in the audit
 * log before the device acts on it (a discard then travels as an `outbox.void` tombstone).
 */
export const recordOutboxAction = endpoint({
  method: 'POST',
  path: '/api/staff/outbox-actions',
  audience: 'staffDevice',
  request: z.object({
    deviceId,
    seq: operationSeq,
    kind: operationKind,
    action: z.enum(OUTBOX_ACTIONS),
    reason: z.string().trim().max(200).optional(),
  }),
  response: z.object({ recorded: z.literal(true), at: instant }),
});

export const DEVICE_OPERATION_STATUSES = ['refused', 'applied'] as const;

/**
 * The replayed operations of the devices of the staff member's school (all schools for an admin),
 * newest first: kind, refusal and times, never a payload.
 */
export const listDeviceOperations = endpoint({
  method: 'GET',
  path: '/api/staff/device-operations',
  audience: 'staff',
  request: z.object({
    status: z.enum(DEVICE_OPERATION_STATUSES),
    deviceId: deviceId.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  }),
  response: z.object({
    items: z.array(
      z.object({
        deviceId: z.string(),
        deviceName: z.string(),
        campusCode,
        seq: operationSeq,
        kind: z.string(),
        status: z.enum(DEVICE_OPERATION_STATUSES),
        error: operationError.nullable(),
        capturedAt: instant,
        appliedAt: instant,
      }),
    ),
  }),
});

/** The codes of candidate notices; `params` say which operation kind, when it was captured and, for a refusal, the error code. */
export const NOTICE_CODES = ['OFFLINE_OPERATION_APPLIED', 'OFFLINE_OPERATION_REFUSED'] as const;

/** The outcomes of the candidate's offline operations not shown yet; answering marks them shown. */
export const takeNotices = endpoint({
  method: 'GET',
  path: '/api/notices',
  audience: 'candidate',
  request: z.object({}),
  response: z.object({
    notices: z.array(
      z.object({
        id: z.string(),
        code: z.enum(NOTICE_CODES),
        params: z.record(z.string(), z.union([z.string(), z.number()])),
        createdAt: instant,
      }),
    ),
  }),
});

/** 验证手机: a code to the passport's own mobile, for a passport registered offline (session view's `mobileVerificationRequired`). */
export const sendMobileVerificationCode = endpoint({
  method: 'POST',
  path: '/api/session/mobile-verification/sms-code',
  audience: 'candidate',
  request: z.object({}),
  response: codeSent,
});

export const verifyMobile = endpoint({
  method: 'POST',
  path: '/api/session/mobile-verification',
  audience: 'candidate',
  request: z.object({ smsCode }),
  response: z.object({ mobileVerified: z.literal(true) }),
});
