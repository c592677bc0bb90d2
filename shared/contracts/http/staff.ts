// Staff contracts: the campus overview of the teacher workstation (K4) and the audit log for admins.
import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { campusCode, campusRef, capacityColour, entityId, instant, nextCursor, pageRequest, schoolRef, subjectRef } from './fields.js';

export const offeringLoad = z.object({
  offeringId: entityId,
  subject: subjectRef,
  capacity: z.int().nonnegative(),
  /** Enrolments holding a seat: paid plus unpaid not yet expired. */
  enrolled: z.int().nonnegative(),
  paid: z.int().nonnegative(),
  unpaid: z.int().nonnegative(),
  remaining: z.int().nonnegative(),
  colour: capacityColour,
});

export const campusOverview = endpoint({
  method: 'GET',
  path: '/api/staff/campuses/:campusCode/overview',
  audience: 'staff',
  request: z.object({ campusCode }),
  response: z.object({
    asOf: instant,
    school: schoolRef,
    campus: campusRef,
    offerings: z.array(offeringLoad),
    /** Registrations of this campus by how far they got: no subjects yet, something unpaid, all paid. */
    registrations: z.object({
      total: z.int().nonnegative(),
      withoutEnrolments: z.int().nonnegative(),
      withUnpaid: z.int().nonnegative(),
      allPaid: z.int().nonnegative(),
    }),
    pendingReviews: z.int().nonnegative(),
  }),
});

/**
 * An admin (any campus) or a teacher (a campus of their school) issues a one-time code that enrols
 * one kiosk to the campus (shared/contracts/device.ts, POST /api/devices/enrol). It expires unused.
 */
export const issueDeviceEnrolmentCode = endpoint({
  method: 'POST',
  path: '/api/staff/devices/enrolment-codes',
  audience: 'staff',
  request: z.object({ campusCode }),
  response: z.object({ code: z.string(), campusCode, expiresAt: instant }),
});

export const AUDIT_ACTOR_KINDS = ['CANDIDATE', 'TEACHER', 'ADMIN', 'DEVICE', 'SYSTEM'] as const;

export const auditEntry = z.object({
  id: entityId,
  at: instant,
  actor: z.object({ kind: z.enum(AUDIT_ACTOR_KINDS), id: z.string().nullable(), name: z.string().nullable() }),
  /** A stable dotted name, e.g. `review.rejected`, `registration.rebound`, `outbox.discarded`. */
  action: z.string(),
  target: z.object({ kind: z.string(), id: z.string() }).nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type AuditEntry = z.infer<typeof auditEntry>;

/** Newest first. */
export const listAuditLog = endpoint({
  method: 'GET',
  path: '/api/admin/audit',
  audience: 'admin',
  request: z.object({
    action: z.string().max(80).optional(),
    actorId: z.string().max(64).optional(),
    targetId: z.string().max(64).optional(),
    from: instant.optional(),
    to: instant.optional(),
    ...pageRequest,
  }),
  response: z.object({ entries: z.array(auditEntry), nextCursor }),
});
