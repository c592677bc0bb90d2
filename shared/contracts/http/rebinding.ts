// A8: customer service finds a candidate's saved registrations and rebinds one to the passport the candidate registered anew.
import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { entityId, identityFields, idType, instant, passportId } from './fields.js';

export const boundRegistration = z.object({
  registrationId: entityId,
  examSessionId: entityId,
  passportId,
  /** The identity as the registration saved it, not as any passport now says. */
  idType,
  idNumber: z.string(),
  name: z.string(),
  savedAt: instant,
});

export const findRegistrations = endpoint({
  method: 'GET',
  path: '/api/admin/registrations',
  audience: 'admin',
  request: z.object({ idType: identityFields.idType, idNumber: identityFields.idNumber }),
  response: z.object({ registrations: z.array(boundRegistration) }),
});

export const rebindRegistration = endpoint({
  method: 'POST',
  path: '/api/admin/registrations/:registrationId/rebind',
  audience: 'admin',
  request: z.object({
    registrationId: entityId,
    passportId: z.string().trim().toUpperCase().pipe(passportId),
    /** What the candidate told customer service, kept in the audit log. */
    reason: z.string().trim().min(1).max(500),
  }),
  response: boundRegistration,
});

export const rebindingEndpoints = { findRegistrations, rebindRegistration };
