// The payload of each operation kind a device may queue (K3): the server validates a pushed operation's payload with the schema of its kind.
//
// What a kiosk can capture while the server is unreachable follows the seeds' journey: a passport,
// the qualification-confirmed registration, the written and oral subject choices, a CET6 review
// application; the staff window adds teacher decisions. Each later operation names the candidate
// it acts for (`candidateRef`): either the passport registered by an earlier operation of the same
// device, or the credentials the candidate typed (checked by the server at replay, since no login is
// possible offline). Payloads hold personal data and passwords: the outbox encrypts them at rest.
import { z } from 'zod';
import { email, mobile, newPasswordFields, password } from './http/account-fields.js';
import { entityId, identityFields } from './http/fields.js';
import { operationSeq } from './sync.js';

/**
 * 注册ETEST通行证 captured on a kiosk while the server was unreachable. The form is A3's without the
 * SMS code (none can be issued offline) and without the server's confirmation token (the kiosk
 * showed the data back itself). The passport is created provisional: its mobile is unproven until
 * the candidate passes an SMS check online.
 */
export const passportRegisterPayload = z.object({
  email,
  mobile,
  ...newPasswordFields,
  ...identityFields,
  agreementAccepted: z.boolean(),
});
export type PassportRegisterPayload = z.infer<typeof passportRegisterPayload>;

/** Whose registration an operation acts on: a passport captured earlier on this device, or a login checked at replay. */
export const candidateRef = z.discriminatedUnion('by', [
  /** The `passport.register` operation of the same device with this seq (it must also be in `dependsOn`). */
  z.object({ by: z.literal('operation'), seq: operationSeq }),
  /** 证件号码, email or mobile and the password, as the login form takes them; a wrong password refuses the operation. */
  z.object({ by: z.literal('credentials'), provinceCode: z.string().max(8), account: z.string().trim().max(254), password }),
]);
export type CandidateRef = z.infer<typeof candidateRef>;

/** R1–R3 offline: the agreement accepted and the roster record confirmed; the server looks the record up at replay. */
export const registrationSavePayload = z.object({
  candidate: candidateRef,
  agreementVersion: z.string().min(1).max(40),
  ...identityFields,
  confirmed: z.literal(true),
});
export type RegistrationSavePayload = z.infer<typeof registrationSavePayload>;

const offeringIds = z.array(entityId).min(1).max(8);

/** R5–R7 offline: the written or oral offerings chosen from the cached catalogue; seats are taken at replay or refused (OFFERING_FULL). */
export const enrolmentPayload = z.object({ candidate: candidateRef, offeringIds });
export type EnrolmentPayload = z.infer<typeof enrolmentPayload>;

/** C1–C5 offline: a CET6 review application, judged at replay exactly as online. */
export const reviewSubmitPayload = z.object({
  candidate: candidateRef,
  ...identityFields,
  ticketNumber: z.string().trim().max(32),
  confirmed: z.literal(true),
});
export type ReviewSubmitPayload = z.infer<typeof reviewSubmitPayload>;

/**
 * C4 offline: a teacher's decision on a review application. A device credential says which machine
 * sent it, not who decided, so the decision carries the teacher's offline decision grant: a secret
 * the server issued to that teacher on this device while online (`POST /api/staff/offline-grant`),
 * valid until its expiry. At replay the server checks that the grant belongs to the pushing device,
 * had not expired when the decision was captured, and that its teacher is still active and of the
 * application's school; the decision is then recorded as that teacher's.
 */
export const reviewDecidePayload = z.discriminatedUnion('decision', [
  z.object({ grant: z.string().min(32).max(128), applicationId: entityId, decision: z.literal('APPROVED') }),
  z.object({ grant: z.string().min(32).max(128), applicationId: entityId, decision: z.literal('REJECTED'), reason: z.string().trim().min(1).max(200) }),
]);
export type ReviewDecidePayload = z.infer<typeof reviewDecidePayload>;

/** Why a queued operation was taken out of the queue before it reached the server. */
export const OUTBOX_VOID_REASONS = ['discarded', 'expired'] as const;
export const OPERATION_DISCARDED = 'OPERATION_DISCARDED';
export const OPERATION_EXPIRED = 'OPERATION_EXPIRED';

/**
 * Seqs are contiguous, so an operation a teacher discards (or the outbox expires) still occupies its
 * seq: it is replaced by this tombstone, with its personal data dropped. The server records it as
 * refused (OPERATION_DISCARDED / OPERATION_EXPIRED), which cascades to the operations depending on it.
 */
export const outboxVoidPayload = z.object({
  reason: z.enum(OUTBOX_VOID_REASONS),
  /** The kind that was voided, for the audit trail. */
  voidedKind: z.string().max(64),
});
export type OutboxVoidPayload = z.infer<typeof outboxVoidPayload>;

export const operationPayloads = {
  'passport.register': passportRegisterPayload,
  'registration.save': registrationSavePayload,
  'enrolment.written': enrolmentPayload,
  'enrolment.oral': enrolmentPayload,
  'review.submit': reviewSubmitPayload,
  'review.decide': reviewDecidePayload,
  'outbox.void': outboxVoidPayload,
} as const;
export type OperationKind = keyof typeof operationPayloads;
export type OperationPayload<K extends OperationKind> = z.input<(typeof operationPayloads)[K]>;

/** What each kind's applied result holds (ids only, never personal data: results are stored and re-sent). */
export const operationResults = {
  'passport.register': z.object({ passportId: z.string(), provisional: z.literal(true) }),
  'registration.save': z.object({ registrationId: entityId }),
  'enrolment.written': z.object({ enrolmentIds: z.array(entityId) }),
  'enrolment.oral': z.object({ enrolmentIds: z.array(entityId) }),
  'review.submit': z.object({ applicationId: entityId, status: z.string() }),
  'review.decide': z.object({ applicationId: entityId, status: z.string() }),
  'outbox.void': z.object({}),
} as const;
