// The operation kinds a device may replay (K3): each kind's payload schema and how it applies, through the same services the HTTP routes call.
//
// Offline passport registration (A3 without an SMS code): a kiosk that cannot reach the server
// cannot get an SMS code either, so nothing proves the candidate holds the mobile. The operation is
// checked with the same form rules, the same 'held elsewhere' checks and the same unique indexes as
// the online registration, and the passport is created, but it is recorded in
// `provisional_passports` with no `mobile_verified_at`: the mobile counts as unproven until the
// candidate passes an SMS check online. The enrolled kiosk only vouches that the form was filled
// in on its screen; it does not vouch for the phone.
//
// Every later kind names its candidate (`candidateRef`), resolved here before the kind's command
// runs: the passport an applied `passport.register` of the same device created, or the login's own
// account and password check. The kinds then call the very services the HTTP routes call, so no
// rule is written twice. Each operation that concerns a candidate leaves a notice for their next
// login and an SMS/email, sent only after the replay's transaction commits (push.ts).
import type { z } from 'zod';
import {
  OPERATION_DISCARDED,
  OPERATION_EXPIRED,
  operationPayloads,
  type CandidateRef,
  type EnrolmentPayload,
  type OperationKind,
  type OutboxVoidPayload,
  type PassportRegisterPayload,
  type RegistrationSavePayload,
  type ReviewDecidePayload,
  type ReviewSubmitPayload,
} from '../../../shared/contracts/operations.js';
import type { Operation } from '../../../shared/contracts/sync.js';
import { refuse, type DomainError, type Result } from '../../../shared/errors/domain-error.js';
import { inSavepoint, type Executor } from '../../db/database.js';
import { refusalOfIssues } from '../../http/errors.js';
import { recordAudit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { enrolOral, enrolWritten } from '../enrolment.js';
import { textRefusedRegistration, type PendingNotice } from '../notices.js';
import { grantHolderAt, type GrantReads } from '../offline-grants.js';
import { command, Refused, refuseWith } from '../outcome.js';
import { canonicalMobile, canonicalPassportForm, explainPassportConflict, insertPassport, refuseIfHeldElsewhere } from '../passport-form.js';
import { hashPassword } from '../passwords.js';
import { acceptAgreement, saveRegistration } from '../registration.js';
import { decideReviewReplayed, submitReview } from '../review.js';
import { newPassportId } from '../secrets.js';
import { authenticateCandidate } from '../sessions.js';
import type { AppendedRows } from './run-writes.js';

/** The device a push comes from, as its credential resolved. */
export interface SyncDevice {
  readonly deviceId: string;
  readonly campusCode: string;
}

/** Where in the device's queue the operation sits, for what it records. */
export interface OperationOrigin {
  readonly device: SyncDevice;
  readonly seq: number;
  readonly capturedAt: Date;
  readonly dependsOn: readonly number[];
  readonly run: ReplayRun;
}

/** What push.ts hands each operation of a run, besides the run's transaction in `ctx.db`. */
export interface ReplayRun {
  /** The grants this push has read (offline-grants.ts): one read per push batch, not per decision. */
  readonly grants: GrantReads;
  /**
   * The savepoint opened for this operation before anything of it was written: rolling back to it
   * undoes the operation's writes so far and keeps the run's earlier operations.
   */
  readonly savepoint: { rollback(): Promise<void> };
  /** This operation's append-only rows (its stored outcome, events, audit entries), written with the run's (run-writes.ts). */
  readonly rows: AppendedRows;
  /** This operation's notices to candidates, written with the run's (notices.ts writeNotices). */
  readonly notices: PendingNotice[];
}

/**
 * What an apply returns when it already knows whose passport the operation concerns (the row it
 * wrote says so), so no read is needed to address the notice; `value` is the stored result.
 */
class Concerning {
  constructor(
    readonly value: unknown,
    readonly passportId: string,
  ) {}
}

interface OperationKindSpec<P extends z.ZodType> {
  readonly payload: P;
  /** The candidate the operation acts for, resolved to a passport before `apply` runs (kinds without one act for nobody in particular). */
  candidate?(payload: z.output<P>): CandidateRef;
  /** Runs inside the replay's transaction: `ctx.db` is bound to it, so every write commits with the seq or not at all. */
  apply(ctx: ServiceContext, origin: OperationOrigin, payload: z.output<P>, passportId: string): Promise<Result<unknown>>;
  /** The passport an applied operation concerns when it names no candidate (the one it created, the application's holder). */
  concerns?(ctx: ServiceContext, payload: z.output<P>, result: unknown): Promise<string | null>;
  /** Written whatever the outcome, outside the savepoint a refusal rolls back (the audit trail of a tombstone). */
  record?(ctx: ServiceContext, origin: OperationOrigin, payload: z.output<P>, outcome: Result<unknown>): Promise<void>;
}

/** Stands in for the SMS code the A3 form requires: the offline capture has none, and the passport is recorded as provisional instead. */
const NO_SMS_CODE_OFFLINE = 'offline-capture';

function registerPassportOffline(ctx: ServiceContext, origin: OperationOrigin, payload: PassportRegisterPayload) {
  return command(async () => {
    const data = canonicalPassportForm({ ...payload, smsCode: NO_SMS_CODE_OFFLINE }, ctx.clock.now());
    await refuseIfHeldElsewhere(ctx.db, data, null);
    const passwordHash = await hashPassword(data.password);
    const passportId = newPassportId();
    const now = ctx.clock.now();
    try {
      await ctx.db.transaction().execute(async (trx) => {
        await insertPassport(trx, passportId, data, passwordHash, now);
        await trx
          .insertInto('provisional_passports')
          .values({ passport_id: passportId, device_id: origin.device.deviceId, seq: origin.seq, captured_at: origin.capturedAt, mobile_verified_at: null })
          .execute();
      });
    } catch (error) {
      return explainPassportConflict(ctx.db, error, data, null);
    }
    // Stored with the operation and returned to every re-send: the id only, no personal data.
    return { passportId, provisional: true };
  });
}

/** The passport an applied `passport.register` of this device created, or null when that seq is anything else. */
async function passportOfOperation(db: Executor, deviceId: string, seq: number): Promise<string | null> {
  const row = await db
    .selectFrom('sync_operations')
    .innerJoin('provisional_passports', (join) => join.onRef('provisional_passports.device_id', '=', 'sync_operations.device_id').onRef('provisional_passports.seq', '=', 'sync_operations.seq'))
    .select('provisional_passports.passport_id')
    .where('sync_operations.device_id', '=', deviceId)
    .where('sync_operations.seq', '=', seq)
    .where('sync_operations.kind', '=', 'passport.register')
    .where('sync_operations.status', '=', 'applied')
    .executeTakeFirst();
  return row?.passport_id ?? null;
}

/**
 * `{by:'operation'}`: the operation must be listed in `dependsOn` (so a refusal of it cascades
 * before we get here) and be an applied passport registration of this very device.
 * `{by:'credentials'}`: the login's check, lockout and all; the pushing device stands where a
 * login's client IP stands, so one kiosk full of wrong passwords is limited like one IP.
 */
async function resolveCandidate(ctx: ServiceContext, origin: OperationOrigin, ref: CandidateRef): Promise<string> {
  if (ref.by === 'operation') {
    const passportId = origin.dependsOn.includes(ref.seq) ? await passportOfOperation(ctx.db, origin.device.deviceId, ref.seq) : null;
    return passportId ?? refuseWith('SYNC_CANDIDATE_REF_INVALID', { field: 'payload.candidate.seq', params: { seq: ref.seq } });
  }
  try {
    return (await authenticateCandidate(ctx, ref, `device:${origin.device.deviceId}`)).passportId;
  } catch (error) {
    if (error instanceof Refused && error.error.field !== undefined) throw new Refused({ ...error.error, field: `payload.candidate.${error.error.field}` });
    throw error;
  }
}

function saveRegistrationOffline(ctx: ServiceContext, _origin: OperationOrigin, payload: RegistrationSavePayload, passportId: string) {
  return command(async () => {
    // R1 as the kiosk showed it: accepted for the version on screen, refused if that is no longer current.
    const accepted = await acceptAgreement(ctx, passportId, { agreementVersion: payload.agreementVersion, accepted: true });
    if (!accepted.ok) throw new Refused(accepted.error);
    const saved = await saveRegistration(ctx, passportId, { idType: payload.idType, idNumber: payload.idNumber, name: payload.name, confirmed: payload.confirmed });
    if (!saved.ok) throw new Refused(saved.error);
    return { registrationId: saved.value.id };
  });
}

function enrolOffline(kind: 'written' | 'oral') {
  return (ctx: ServiceContext, _origin: OperationOrigin, payload: EnrolmentPayload, passportId: string) =>
    command(async () => {
      const enrol = kind === 'written' ? enrolWritten : enrolOral;
      const enrolled = await enrol(ctx, { passportId, offeringIds: payload.offeringIds });
      if (!enrolled.ok) throw new Refused(enrolled.error);
      return { enrolmentIds: enrolled.value.enrolments.map((enrolment) => enrolment.id) };
    });
}

function submitReviewOffline(ctx: ServiceContext, _origin: OperationOrigin, payload: ReviewSubmitPayload, passportId: string) {
  return command(async () => {
    // SUBMIT covers a first application and the resubmission of a rejected one alike (C6).
    const submitted = await submitReview(ctx, { passportId }, { idType: payload.idType, idNumber: payload.idNumber, name: payload.name, ticketNumber: payload.ticketNumber }, 'SUBMIT');
    if (!submitted.ok) throw new Refused(submitted.error);
    return { applicationId: submitted.value.id, status: submitted.value.status };
  });
}

/**
 * C4 under the teacher's grant: the same decision, school scoping and audit as online, recorded as
 * an offline decision, written on the replay's transaction under the operation's own savepoint.
 */
function decideReviewOffline(ctx: ServiceContext, origin: OperationOrigin, payload: ReviewDecidePayload) {
  return command(async () => {
    const teacher = await grantHolderAt(ctx, payload.grant, origin.device.deviceId, origin.capturedAt, origin.run.grants);
    const input = payload.decision === 'REJECTED' ? { applicationId: payload.applicationId, decision: payload.decision, reason: payload.reason } : { applicationId: payload.applicationId, decision: payload.decision };
    const decided = await decideReviewReplayed(ctx.db, ctx.clock.now(), teacher, input, { deviceId: origin.device.deviceId, seq: origin.seq, capturedAt: origin.capturedAt }, origin.run.rows);
    if (!decided.ok) throw new Refused(decided.error);
    return new Concerning({ applicationId: decided.value.id, status: decided.value.status }, decided.value.passportId);
  });
}

/** A tombstone is refused by design: the refusal is what cascades to the operations that depended on the voided one. */
async function voidOperation(_ctx: ServiceContext, _origin: OperationOrigin, payload: OutboxVoidPayload): Promise<Result<unknown>> {
  return { ok: false, error: refuse(payload.reason === 'discarded' ? OPERATION_DISCARDED : OPERATION_EXPIRED, { params: { voidedKind: payload.voidedKind } }) };
}

async function auditVoid(ctx: ServiceContext, origin: OperationOrigin, payload: OutboxVoidPayload): Promise<void> {
  await recordAudit(
    ctx.db,
    {
      actor: { kind: 'DEVICE', id: origin.device.deviceId, name: null },
      action: payload.reason === 'discarded' ? 'sync.operation_discarded' : 'sync.operation_expired',
      target: { kind: 'sync_operation', id: `${origin.device.deviceId}:${origin.seq}` },
      details: { deviceId: origin.device.deviceId, seq: origin.seq, voidedKind: payload.voidedKind, capturedAt: origin.capturedAt.toISOString() },
    },
    ctx.clock.now(),
  );
}

const byCandidate = (payload: { candidate: CandidateRef }) => payload.candidate;

const kinds: { readonly [K in OperationKind]: OperationKindSpec<(typeof operationPayloads)[K]> } = {
  'passport.register': {
    payload: operationPayloads['passport.register'],
    apply: registerPassportOffline,
    concerns: async (_ctx, _payload, result) => (result as { passportId: string }).passportId,
  },
  'registration.save': { payload: operationPayloads['registration.save'], candidate: byCandidate, apply: saveRegistrationOffline },
  'enrolment.written': { payload: operationPayloads['enrolment.written'], candidate: byCandidate, apply: enrolOffline('written') },
  'enrolment.oral': { payload: operationPayloads['enrolment.oral'], candidate: byCandidate, apply: enrolOffline('oral') },
  'review.submit': { payload: operationPayloads['review.submit'], candidate: byCandidate, apply: submitReviewOffline },
  'review.decide': { payload: operationPayloads['review.decide'], apply: decideReviewOffline },
  'outbox.void': { payload: operationPayloads['outbox.void'], apply: voidOperation, record: auditVoid },
};

export function operationKindSpec(kind: string): OperationKindSpec<z.ZodType> | null {
  return Object.hasOwn(kinds, kind) ? (kinds[kind as OperationKind] as unknown as OperationKindSpec<z.ZodType>) : null;
}

export const registeredOperationKinds: readonly string[] = Object.keys(kinds);

function payloadRefusal(issues: Parameters<typeof refusalOfIssues>[0]): DomainError {
  const first = refusalOfIssues(issues);
  return first.field === undefined ? { ...first, field: 'payload' } : { ...first, field: `payload.${first.field}` };
}

/**
 * A refusal's `field` is the online service's own (what the same form online would mark), except
 * for what only an operation has: `payload.*` for a payload outside its schema, the candidate
 * reference and the grant.
 *
 * One operation's outcome inside the replay's transaction (`ctx.db` bound to it), under the
 * operation's savepoint that push.ts opened: `blocked` is the refused dependency push.ts found, if
 * any. A candidate named by account and password is resolved first, outside a savepoint of the
 * command's own, so a wrong password's count toward the lockout survives the refusal it causes; a
 * kind that names no candidate writes nothing before its command, so the operation's savepoint
 * serves as the command's (one savepoint per operation, not two). Either way a refusal undoes the
 * command's writes and nothing else. The kind's record follows, whatever the outcome, and the
 * candidate's notice joins `run.notices`, which push.ts writes in the same transaction.
 */
export async function replayOperation(ctx: ServiceContext, device: SyncDevice, op: Operation, blocked: DomainError | null, run: ReplayRun): Promise<Result<unknown>> {
  const origin: OperationOrigin = { device, seq: op.seq, capturedAt: new Date(op.capturedAt), dependsOn: op.dependsOn ?? [], run };
  const spec = operationKindSpec(op.kind);
  if (spec === null) return { ok: false, error: blocked ?? refuse('VALIDATION_FAILED', { field: 'kind' }) };
  const parsed = spec.payload.safeParse(op.payload);
  if (!parsed.success) return { ok: false, error: blocked ?? payloadRefusal(parsed.error.issues) };
  const payload: unknown = parsed.data;

  let passportId: string | null = null;
  let outcome: Result<unknown>;
  const applyOrRefuse = async () => {
    const applied = await spec.apply(ctx, origin, payload, passportId ?? '');
    if (!applied.ok) throw new Refused(applied.error);
    return applied.value;
  };
  if (blocked !== null) {
    // Nothing runs, but a candidate known without a password check still hears why.
    const ref = spec.candidate?.(payload);
    if (ref?.by === 'operation') passportId = await passportOfOperation(ctx.db, device.deviceId, ref.seq);
    outcome = { ok: false, error: blocked };
  } else if (spec.candidate === undefined) {
    outcome = await command(applyOrRefuse);
    if (!outcome.ok) await run.savepoint.rollback();
  } else {
    const ref = spec.candidate(payload);
    outcome = await command(async () => {
      passportId = await resolveCandidate(ctx, origin, ref);
      const db = ctx.db as unknown as Parameters<typeof inSavepoint>[0];
      return inSavepoint(db, applyOrRefuse);
    });
  }
  let concerned: string | null = passportId;
  if (outcome.ok && outcome.value instanceof Concerning) {
    concerned = outcome.value.passportId;
    outcome = { ok: true, value: outcome.value.value };
  }
  await spec.record?.(ctx, origin, payload, outcome);

  if (concerned === null && outcome.ok && spec.concerns !== undefined) concerned = await spec.concerns(ctx, payload, outcome.value);
  const notice = { deviceId: device.deviceId, seq: op.seq, kind: op.kind, capturedAt: origin.capturedAt, error: outcome.ok ? null : outcome.error };
  if (concerned !== null) run.notices.push({ passportId: concerned, outcome: notice });
  else if (op.kind === 'passport.register' && !outcome.ok && blocked === null) await textTypedMobile(ctx, payload as PassportRegisterPayload, notice);
  return outcome;
}

/**
 * A refused offline registration left no passport, so the mobile typed at the kiosk is told, unless
 * the refusal is that another passport holds that very mobile: its holder did not ask for anything.
 */
async function textTypedMobile(ctx: ServiceContext, payload: PassportRegisterPayload, notice: Parameters<typeof textRefusedRegistration>[2]): Promise<void> {
  if (notice.error?.code === 'MOBILE_TAKEN') return;
  const mobile = await command(async () => canonicalMobile(payload.mobile));
  if (mobile.ok) await textRefusedRegistration(ctx, mobile.value, notice);
}
