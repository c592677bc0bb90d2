// 信息占用申诉 (A3): a candidate whose identity another passport holds files an appeal; an admin decides it.
import { z } from 'zod';
import { passportForm } from './account-fields.js';
import { endpoint } from './endpoint.js';
import { entityId, idType, instant, passportId } from './fields.js';

export const APPEAL_STATUSES = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export const appealStatus = z.enum(APPEAL_STATUSES);

/**
 * The appellant fills in the registration form again (with the SMS code of its mobile) and says why;
 * approval moves the identity from the passport holding it to a new passport made from this form.
 */
export const fileAppeal = endpoint({
  method: 'POST',
  path: '/api/appeals',
  audience: 'public',
  request: passportForm.extend({ reason: z.string().trim().min(1).max(500) }),
  response: z.object({ appealId: entityId, status: appealStatus, filedAt: instant }),
});

export const appealView = z.object({
  appealId: entityId,
  status: appealStatus,
  idType,
  idNumber: z.string(),
  name: z.string(),
  email: z.string(),
  mobile: z.string(),
  reason: z.string(),
  filedAt: instant,
  /** The passport holding the identity when the appeal was filed. */
  occupyingPassportId: passportId.nullable(),
  decidedAt: instant.nullable(),
  decisionReason: z.string().nullable(),
  /** Set on approval: the passport made for the appellant. */
  appellantPassportId: passportId.nullable(),
});
export type AppealView = z.infer<typeof appealView>;

export const listAppeals = endpoint({
  method: 'GET',
  path: '/api/admin/appeals',
  audience: 'admin',
  request: z.object({ status: appealStatus.optional() }),
  response: z.object({ appeals: z.array(appealView) }),
});

export const approveAppeal = endpoint({
  method: 'POST',
  path: '/api/admin/appeals/:appealId/approve',
  audience: 'admin',
  request: z.object({ appealId: entityId }),
  response: appealView,
});

export const rejectAppeal = endpoint({
  method: 'POST',
  path: '/api/admin/appeals/:appealId/reject',
  audience: 'admin',
  request: z.object({ appealId: entityId, reason: z.string().trim().min(1).max(500) }),
  response: appealView,
});

export const appealEndpoints = { fileAppeal, listAppeals, approveAppeal, rejectAppeal };
