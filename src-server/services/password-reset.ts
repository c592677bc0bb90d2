// Password reset (A5): by an SMS code to the registered mobile, or by a one-time link to the registered email that expires.
import { checkNewPassword, maskEmail, maskMobile } from '../../shared/rules/index.js';
import type { Executor } from '../db/database.js';
import { lockKey } from '../db/database.js';
import { resetEmail } from '../messages/texts.js';
import { spendCaptcha } from './captcha.js';
import type { ServiceContext } from './context.js';
import { check, command, refuseWith } from './outcome.js';
import { canonicalEmail, canonicalMobile } from './passport-form.js';
import { hashPassword } from './passwords.js';
import { newToken, tokenHash } from './secrets.js';
import { revokeSessionsOf } from './sessions.js';
import { sendSmsCode, withSmsCode } from './sms-codes.js';
import { countEvent, secondsOf, waitBeforeNext } from './throttle.js';

type Captcha = { id: string; answer: string };

async function passportByMobile(db: Executor, mobile: string) {
  const row = await db.selectFrom('passports').select('id').where('mobile', '=', mobile).executeTakeFirst();
  return row ?? refuseWith('MOBILE_NOT_REGISTERED', { field: 'mobile' });
}

export function sendResetSmsCode(ctx: ServiceContext, input: { mobile: string; captcha: Captcha }, ip: string) {
  return command(async () => {
    await spendCaptcha(ctx.db, ctx, input.captcha);
    const mobile = canonicalMobile(input.mobile);
    await passportByMobile(ctx.db, mobile);
    return { sentTo: maskMobile(mobile), ...(await sendSmsCode(ctx, 'reset_password', mobile, ip)) };
  });
}

async function setPassword(db: Executor, passportId: string, passwordHash: string, now: Date): Promise<void> {
  await db.updateTable('passports').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', passportId).execute();
  await revokeSessionsOf(db, { passportId }, now);
}

export function resetPasswordBySms(ctx: ServiceContext, input: { mobile: string; smsCode: string; password: string; passwordConfirmation: string }) {
  return command(async () => {
    const mobile = canonicalMobile(input.mobile);
    check(checkNewPassword(input.password, input.passwordConfirmation));
    const { id } = await passportByMobile(ctx.db, mobile);
    const passwordHash = await hashPassword(input.password);
    const resetAt = await withSmsCode(ctx, { purpose: 'reset_password', mobile, code: input.smsCode }, async (trx, now) => {
      await setPassword(trx, id, passwordHash, now);
      // The code proves the mobile, which is all a passport registered offline (K3) still waited for.
      await trx.updateTable('provisional_passports').set({ mobile_verified_at: now }).where('passport_id', '=', id).where('mobile_verified_at', 'is', null).execute();
      return now;
    });
    return { resetAt };
  });
}

/** Emails a link holding a fresh token; earlier unused links of the passport stop working, so only the newest mail counts. */
export function sendResetEmail(ctx: ServiceContext, input: { email: string; captcha: Captcha }) {
  return command(async () => {
    await spendCaptcha(ctx.db, ctx, input.captcha);
    const email = canonicalEmail(input.email);
    const passport = await ctx.db.selectFrom('passports').select('id').where('email', '=', email).executeTakeFirst();
    if (passport === undefined) refuseWith('EMAIL_NOT_REGISTERED', { field: 'email' });
    const now = ctx.clock.now();
    const { limits, ttl } = ctx.config;
    const token = newToken();
    const expiresAt = new Date(now.getTime() + ttl.resetLinkMs);
    const key = `reset-email:${passport.id}`;
    await ctx.db.transaction().execute(async (trx) => {
      await lockKey(trx, key);
      const wait = await waitBeforeNext(trx, { key, max: 1, windowMs: limits.smsCooldownMs }, now);
      if (wait > 0) refuseWith('RATE_LIMITED', { field: 'email', params: { seconds: secondsOf(wait) } });
      await countEvent(trx, key, now);
      await trx.updateTable('password_reset_tokens').set({ used_at: now }).where('passport_id', '=', passport.id).where('used_at', 'is', null).execute();
      await trx.insertInto('password_reset_tokens').values({ token_hash: tokenHash(token), passport_id: passport.id, created_at: now, expires_at: expiresAt, used_at: null }).execute();
    });
    const link = `${ctx.config.publicBaseUrl}/passport/reset-password?token=${token}`;
    await ctx.messages.email.sendEmail({ to: email, ...resetEmail(link, Math.round(ttl.resetLinkMs / 60_000)) });
    return { sentTo: maskEmail(email), expiresAt, resendAfterSeconds: secondsOf(limits.smsCooldownMs) };
  });
}

export function checkResetLink(ctx: ServiceContext, input: { token: string }) {
  return command(async () => {
    const row = await ctx.db
      .selectFrom('password_reset_tokens')
      .innerJoin('passports', 'passports.id', 'password_reset_tokens.passport_id')
      .select(['passports.email', 'password_reset_tokens.expires_at'])
      .where('token_hash', '=', tokenHash(input.token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', ctx.clock.now())
      .executeTakeFirst();
    if (row === undefined) refuseWith('RESET_LINK_INVALID', { field: 'token' });
    return { email: maskEmail(row.email), expiresAt: row.expires_at };
  });
}

/** The conditional UPDATE both checks and uses the link, so two submissions of one link cannot both succeed. */
export function resetPasswordByEmail(ctx: ServiceContext, input: { token: string; password: string; passwordConfirmation: string }) {
  return command(async () => {
    check(checkNewPassword(input.password, input.passwordConfirmation));
    const passwordHash = await hashPassword(input.password);
    const now = ctx.clock.now();
    await ctx.db.transaction().execute(async (trx) => {
      const used = await trx
        .updateTable('password_reset_tokens')
        .set({ used_at: now })
        .where('token_hash', '=', tokenHash(input.token))
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .returning('passport_id')
        .executeTakeFirst();
      if (used === undefined) refuseWith('RESET_LINK_INVALID', { field: 'token' });
      await setPassword(trx, used.passport_id, passwordHash, now);
    });
    return { resetAt: now };
  });
}
