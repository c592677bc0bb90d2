// Passport accounts: registration with its confirm step (A3), the profile and its change (A6), password change (A5), retrieval (A7).
import type { Result } from '../../shared/errors/domain-error.js';
import { checkNewPassword, maskEmail, maskMobile, normalizeName } from '../../shared/rules/index.js';
import type { Executor } from '../db/database.js';
import type { PassportTable } from '../db/schema.js';
import type { CandidateActor } from './actors.js';
import { auditActorOf } from './actors.js';
import { recordAudit } from './audit.js';
import { spendCaptcha } from './captcha.js';
import type { ServiceContext } from './context.js';
import { check, command, refuseWith } from './outcome.js';
import {
  canonicalEmail,
  canonicalIdentity,
  canonicalMobile,
  canonicalPassportForm,
  explainPassportConflict,
  insertPassport,
  refuseIfHeldElsewhere,
  type IdentityData,
  type PassportData,
  type PassportFormInput,
} from './passport-form.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { keyedHash, newPassportId, sameHash } from './secrets.js';
import { failedLoginKey, revokeSessionsOf } from './sessions.js';
import { checkSmsCode, sendSmsCode, withSmsCode, type CodeSent } from './sms-codes.js';
import { countEvent, secondsOf, waitBeforeNext } from './throttle.js';

export interface PassportProfile {
  readonly passportId: string;
  readonly email: string;
  readonly mobile: string;
  readonly identity: IdentityData | null;
}

export function profileOf(row: Pick<PassportTable, 'id' | 'email' | 'mobile' | 'id_type' | 'id_number' | 'name'>): PassportProfile {
  const identity = row.id_type !== null && row.id_number !== null && row.name !== null ? { idType: row.id_type, idNumber: row.id_number, name: row.name } : null;
  return { passportId: row.id, email: row.email, mobile: row.mobile, identity };
}

async function passportRow(db: Executor, passportId: string) {
  const row = await db.selectFrom('passports').selectAll().where('id', '=', passportId).executeTakeFirst();
  // A session outlives nothing it names (ON DELETE CASCADE), so a missing passport is a broken invariant.
  if (row === undefined) throw new Error(`passport ${passportId} of a live session is missing`);
  return row;
}

export function sendRegistrationSmsCode(ctx: ServiceContext, input: { mobile: string }, ip: string): Promise<Result<CodeSent>> {
  return command(async () => {
    const mobile = canonicalMobile(input.mobile);
    const taken = await ctx.db.selectFrom('passports').select('id').where('mobile', '=', mobile).executeTakeFirst();
    if (taken !== undefined) refuseWith('MOBILE_TAKEN', { field: 'mobile' });
    return { sentTo: maskMobile(mobile), ...(await sendSmsCode(ctx, 'register', mobile, ip)) };
  });
}

/** What the confirm dialog shows, bound to the data by a keyed hash so registration can tell it was confirmed. */
function confirmationOf(ctx: ServiceContext, data: PassportData): string {
  return keyedHash(ctx.config.secret, 'register-confirmation', data.email, data.mobile, data.idType, data.idNumber, data.name);
}

export function previewRegistration(ctx: ServiceContext, input: PassportFormInput) {
  return command(async () => {
    const data = canonicalPassportForm(input, ctx.clock.now());
    await refuseIfHeldElsewhere(ctx.db, data, null);
    await checkSmsCode(ctx, { purpose: 'register', mobile: data.mobile, code: input.smsCode });
    const { email, mobile, idType, idNumber, name } = data;
    return { email, mobile, idType, idNumber, name, confirmation: confirmationOf(ctx, data) };
  });
}

/**
 * A3. The checks before the write give the friendly answer; the unique indexes decide between
 * racing or replayed requests, and the loser is told what the winner took.
 */
export function registerPassport(ctx: ServiceContext, input: PassportFormInput & { confirmation: string }) {
  return command(async () => {
    const data = canonicalPassportForm(input, ctx.clock.now());
    if (!sameHash(input.confirmation, confirmationOf(ctx, data))) refuseWith('PASSPORT_CONFIRMATION_MISMATCH', { field: 'confirmation' });
    await refuseIfHeldElsewhere(ctx.db, data, null);
    const passwordHash = await hashPassword(data.password);
    const passportId = newPassportId();
    try {
      const registeredAt = await withSmsCode(ctx, { purpose: 'register', mobile: data.mobile, code: input.smsCode }, async (trx, now) => {
        await insertPassport(trx, passportId, data, passwordHash, now);
        return now;
      });
      const { email, mobile, idType, idNumber, name } = data;
      return { passportId, email, mobile, identity: { idType, idNumber, name }, registeredAt };
    } catch (error) {
      return explainPassportConflict(ctx.db, error, data, null);
    }
  });
}

export async function getProfile(ctx: ServiceContext, actor: CandidateActor): Promise<PassportProfile> {
  return profileOf(await passportRow(ctx.db, actor.passportId));
}

export interface ProfileFormInput extends IdentityData {
  readonly email: string;
  readonly mobile: string;
}

function canonicalProfileForm(input: ProfileFormInput, now: Date) {
  return { email: canonicalEmail(input.email), mobile: canonicalMobile(input.mobile), ...canonicalIdentity(input, now) };
}

async function hasSavedRegistration(db: Executor, passportId: string): Promise<boolean> {
  return (await db.selectFrom('registrations').select('id').where('passport_id', '=', passportId).executeTakeFirst()) !== undefined;
}

export function sendProfileSmsCode(ctx: ServiceContext, actor: CandidateActor, input: { mobile: string }, ip: string): Promise<Result<CodeSent>> {
  return command(async () => {
    const mobile = canonicalMobile(input.mobile);
    await refuseIfHeldElsewhere(ctx.db, { mobile }, actor.passportId);
    return { sentTo: maskMobile(mobile), ...(await sendSmsCode(ctx, 'change_profile', mobile, ip)) };
  });
}

/** The 修改信息确认 step: what changes, and whether a saved registration keeps its old data (A6). */
export function previewProfileChange(ctx: ServiceContext, actor: CandidateActor, input: ProfileFormInput) {
  return command(async () => {
    const next = canonicalProfileForm(input, ctx.clock.now());
    await refuseIfHeldElsewhere(ctx.db, next, actor.passportId);
    const current = await passportRow(ctx.db, actor.passportId);
    return {
      changed: {
        email: next.email !== current.email,
        mobile: next.mobile !== current.mobile,
        idType: next.idType !== current.id_type,
        idNumber: next.idNumber !== current.id_number,
        name: next.name !== current.name,
      },
      hasSavedRegistration: await hasSavedRegistration(ctx.db, actor.passportId),
    };
  });
}

/**
 * A6. Only the passport row changes: a saved registration carries its own copy of the identity,
 * so nothing here reaches it. Identity changes are audited, since they decide who may log in by ID number.
 */
export function changeProfile(ctx: ServiceContext, actor: CandidateActor, input: ProfileFormInput & { smsCode: string }) {
  return command(async () => {
    const next = canonicalProfileForm(input, ctx.clock.now());
    await refuseIfHeldElsewhere(ctx.db, next, actor.passportId);
    try {
      const row = await withSmsCode(ctx, { purpose: 'change_profile', mobile: next.mobile, code: input.smsCode }, async (trx, now) => {
        const before = await trx.selectFrom('passports').selectAll().where('id', '=', actor.passportId).forUpdate().executeTakeFirstOrThrow();
        const after = await trx
          .updateTable('passports')
          .set({ email: next.email, mobile: next.mobile, id_type: next.idType, id_number: next.idNumber, name: next.name, updated_at: now })
          .where('id', '=', actor.passportId)
          .returningAll()
          .executeTakeFirstOrThrow();
        const identityChanged = before.id_type !== after.id_type || before.id_number !== after.id_number || before.name !== after.name;
        // The code just spent proves the mobile: a passport registered offline (K3) needs no other check.
        await trx.updateTable('provisional_passports').set({ mobile_verified_at: now }).where('passport_id', '=', actor.passportId).where('mobile_verified_at', 'is', null).execute();
        await recordAudit(
          trx,
          {
            actor: auditActorOf(actor),
            action: 'passport.profile_changed',
            target: { kind: 'passport', id: actor.passportId },
            details: { email: before.email !== after.email, mobile: before.mobile !== after.mobile, identity: identityChanged },
          },
          now,
        );
        return after;
      });
      return profileOf(row);
    } catch (error) {
      return explainPassportConflict(ctx.db, error, next, actor.passportId);
    }
  });
}

/** A5. A wrong old password counts towards the same lock as failed logins, or it would be a free guessing oracle. */
export function changePassword(
  ctx: ServiceContext,
  actor: CandidateActor,
  input: { oldPassword: string; password: string; passwordConfirmation: string; captcha: { id: string; answer: string } },
) {
  return command(async () => {
    await spendCaptcha(ctx.db, ctx, input.captcha);
    const now = ctx.clock.now();
    const { limits } = ctx.config;
    const lockKey = failedLoginKey.passport(actor.passportId);
    const locked = await waitBeforeNext(ctx.db, { key: lockKey, max: limits.loginMaxFailures, windowMs: limits.loginLockMs }, now);
    if (locked > 0) refuseWith('LOGIN_LOCKED', { params: { minutes: Math.ceil(secondsOf(locked) / 60) } });
    const row = await passportRow(ctx.db, actor.passportId);
    if (!(await verifyPassword(row.password_hash, input.oldPassword))) {
      await countEvent(ctx.db, lockKey, now);
      refuseWith('OLD_PASSWORD_WRONG', { field: 'oldPassword' });
    }
    check(checkNewPassword(input.password, input.passwordConfirmation));
    const passwordHash = await hashPassword(input.password);
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('passports').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', actor.passportId).execute();
      await revokeSessionsOf(trx, { passportId: actor.passportId, except: actor.tokenHash }, now);
    });
    return { changedAt: now };
  });
}

/**
 * A7 最近考次报名账号找回: the passport a saved registration of this identity is bound to, masked.
 * The registration's own copy of the identity is what is matched, name included.
 */
export function retrieveAccount(ctx: ServiceContext, input: IdentityData & { captcha: { id: string; answer: string } }) {
  return command(async () => {
    await spendCaptcha(ctx.db, ctx, input.captcha);
    const identity = canonicalIdentity(input, ctx.clock.now());
    const found = await ctx.db
      .selectFrom('registrations')
      .innerJoin('passports', 'passports.id', 'registrations.passport_id')
      .select(['passports.email', 'passports.mobile', 'registrations.name'])
      .where('registrations.id_type', '=', identity.idType)
      .where('registrations.id_number', '=', identity.idNumber)
      .orderBy('registrations.saved_at', 'desc')
      .executeTakeFirst();
    if (found === undefined || normalizeName(found.name) !== identity.name) refuseWith('ACCOUNT_RETRIEVAL_NO_REGISTRATION');
    return { email: maskEmail(found.email), mobile: maskMobile(found.mobile) };
  });
}
