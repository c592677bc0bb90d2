// SMS verification codes: sending them within the per-phone and per-IP limits, and spending them exactly once.
import { lockKey, type Executor } from '../db/database.js';
import type { CodePurpose, Database } from '../db/schema.js';
import { smsCodeText } from '../messages/texts.js';
import type { ServiceContext } from './context.js';
import { refuseWith, Refused } from './outcome.js';
import { keyedHash, newId, newSmsCode, sameHash } from './secrets.js';
import { countEvent, pruneEvents, secondsOf, waitBeforeNext } from './throttle.js';
import type { Transaction } from 'kysely';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

export interface CodeSent {
  readonly sentTo: string;
  readonly expiresAt: Date;
  readonly resendAfterSeconds: number;
}

function codeHash(ctx: ServiceContext, purpose: CodePurpose, mobile: string, code: string): string {
  return keyedHash(ctx.config.secret, 'sms', purpose, mobile, code.trim());
}

/**
 * Sends a fresh code to `mobile` (already normalised and checked). The limits are checked and
 * counted under a lock on the phone, so two racing requests cannot both slip under the cooldown.
 */
export async function sendSmsCode(ctx: ServiceContext, purpose: CodePurpose, mobile: string, ip: string): Promise<Omit<CodeSent, 'sentTo'>> {
  const now = ctx.clock.now();
  const { limits, ttl } = ctx.config;
  const phoneKey = `sms:${mobile}`;
  const ipKey = `sms-ip:${ip}`;
  const code = newSmsCode();
  const expiresAt = new Date(now.getTime() + ttl.smsCodeMs);
  await ctx.db.transaction().execute(async (trx) => {
    await lockKey(trx, phoneKey);
    const cooldown = await waitBeforeNext(trx, { key: phoneKey, max: 1, windowMs: limits.smsCooldownMs }, now);
    if (cooldown > 0) refuseWith('RATE_LIMITED', { field: 'mobile', params: { seconds: secondsOf(cooldown) } });
    if ((await waitBeforeNext(trx, { key: phoneKey, max: limits.smsDailyLimit, windowMs: DAY_MS }, now)) > 0) {
      refuseWith('SMS_DAILY_LIMIT', { field: 'mobile' });
    }
    const ipWait = await waitBeforeNext(trx, { key: ipKey, max: limits.smsIpHourlyLimit, windowMs: HOUR_MS }, now);
    if (ipWait > 0) refuseWith('RATE_LIMITED', { params: { seconds: secondsOf(ipWait) } });
    await countEvent(trx, phoneKey, now);
    await countEvent(trx, ipKey, now);
    await pruneEvents(trx, new Date(now.getTime() - 2 * DAY_MS));
    await trx
      .insertInto('verification_codes')
      .values({ id: newId(), purpose, mobile, code_hash: codeHash(ctx, purpose, mobile, code), created_at: now, expires_at: expiresAt, consumed_at: null })
      .execute();
  });
  await ctx.messages.sms.sendSms({ to: mobile, text: smsCodeText(purpose, code, Math.round(ttl.smsCodeMs / 60_000)) });
  return { expiresAt, resendAfterSeconds: secondsOf(limits.smsCooldownMs) };
}

export interface SmsCodeClaim {
  readonly purpose: CodePurpose;
  readonly mobile: string;
  readonly code: string;
}

/** Only the newest live code of a phone counts: asking for a new one retires the old. */
function newestLiveCode(db: Executor, ctx: ServiceContext, claim: SmsCodeClaim, now: Date) {
  return db
    .selectFrom('verification_codes')
    .select(['id', 'code_hash'])
    .where('purpose', '=', claim.purpose)
    .where('mobile', '=', claim.mobile)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now)
    .where('attempts', '<', ctx.config.limits.smsCodeMaxAttempts)
    .orderBy('created_at', 'desc')
    .limit(1);
}

async function countWrongAttempt(ctx: ServiceContext, claim: SmsCodeClaim, now: Date): Promise<void> {
  const live = await newestLiveCode(ctx.db, ctx, claim, now).executeTakeFirst();
  if (live !== undefined) {
    await ctx.db.updateTable('verification_codes').set((eb) => ({ attempts: eb('attempts', '+', 1) })).where('id', '=', live.id).execute();
  }
}

/** Checks a code without spending it (the confirm step), counting a wrong guess like a real attempt. */
export async function checkSmsCode(ctx: ServiceContext, claim: SmsCodeClaim): Promise<void> {
  const now = ctx.clock.now();
  const live = await newestLiveCode(ctx.db, ctx, claim, now).executeTakeFirst();
  if (live !== undefined && sameHash(live.code_hash, codeHash(ctx, claim.purpose, claim.mobile, claim.code))) return;
  await countWrongAttempt(ctx, claim, now);
  refuseWith('SMS_CODE_INVALID', { field: 'smsCode' });
}

/**
 * Runs `work` and spends the code in one transaction: the change and the code's use commit
 * together or not at all. The conditional UPDATE is the arbiter between racing requests with the
 * same code: the first to commit wins and the rest find it spent. A wrong code counts an attempt
 * outside the rolled-back transaction, so guessing burns the code after a few tries.
 */
export async function withSmsCode<T>(
  ctx: ServiceContext,
  claim: SmsCodeClaim,
  work: (trx: Transaction<Database>, now: Date) => Promise<T>,
): Promise<T> {
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const value = await work(trx, now);
      const spent = await trx
        .updateTable('verification_codes')
        .set({ consumed_at: now })
        .where('id', '=', (eb) => eb.selectFrom(newestLiveCode(trx, ctx, claim, now).as('live')).select('live.id'))
        .where('code_hash', '=', codeHash(ctx, claim.purpose, claim.mobile, claim.code))
        .where('consumed_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (spent === undefined) refuseWith('SMS_CODE_INVALID', { field: 'smsCode' });
      return value;
    });
  } catch (error) {
    if (error instanceof Refused && error.error.code === 'SMS_CODE_INVALID') await countWrongAttempt(ctx, claim, now);
    throw error;
  }
}
