// Staff contracts: the campus overview of the teacher workstation (K4) and the audit log for admins.
import { z } from 'zod';
import { AUDIT_ACTION_PATTERN, AUDIT_ACTOR_KINDS } from '../../domain/audit.js';
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

const auditDetailValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const auditEntry = z.object({
  id: entityId,
  at: instant,
  actor: z.object({ kind: z.enum(AUDIT_ACTOR_KINDS), id: z.string().nullable(), name: z.string().nullable() }),
  /** A stable dotted name, e.g. `review.rejected`, `registration.rebound` (AUDIT_ACTIONS lists them). */
  action: z.string(),
  target: z.object({ kind: z.string(), id: z.string() }).nullable(),
  /** Only the details safe to show back (SHOWN_AUDIT_DETAILS): identifiers, counts, money, times, yes/no. */
  details: z.record(z.string(), auditDetailValue),
  /** Names of the details recorded but not shown (free text, ID and ticket numbers): the screen says they exist. */
  withheld: z.array(z.string()),
});
export type AuditEntry = z.infer<typeof auditEntry>;

/**
 * Newest first, to admins only. `actor` finds an actor by id, or by a part of their name in any
 * letter case; `from` is inclusive and `to` exclusive, so a day is [its midnight, the next one).
 */
export const listAuditLog = endpoint({
  method: 'GET',
  path: '/api/admin/audit',
  audience: 'admin',
  request: z
    .object({
      action: z.string().max(80).regex(AUDIT_ACTION_PATTERN).optional(),
      actorKind: z.enum(AUDIT_ACTOR_KINDS).optional(),
      actor: z.string().trim().min(1).max(64).optional(),
      targetId: z.string().max(64).optional(),
      from: instant.optional(),
      to: instant.optional(),
      ...pageRequest,
    })
    .refine((query) => query.from === undefined || query.to === undefined || Date.parse(query.from) < Date.parse(query.to), { path: ['to'], message: 'to must be after from' }),
  response: z.object({ entries: z.array(auditEntry), nextCursor }),
});
