// 验证手机 for a passport a kiosk registered offline (K3): no SMS code proved its mobile then, so the candidate proves it at the next online login, with the same SMS code machinery as registration.
import { maskMobile } from '../../shared/rules/index.js';
import type { CandidateActor } from './actors.js';
import type { ServiceContext } from './context.js';
import { command, refuseWith } from './outcome.js';
import { sendSmsCode, withSmsCode } from './sms-codes.js';

async function unverifiedMobileOf(ctx: ServiceContext, passportId: string): Promise<string> {
  const row = await ctx.db
    .selectFrom('provisional_passports')
    .innerJoin('passports', 'passports.id', 'provisional_passports.passport_id')
    .select(['passports.mobile', 'provisional_passports.mobile_verified_at'])
    .where('provisional_passports.passport_id', '=', passportId)
    .executeTakeFirst();
  // A passport registered online proved its mobile at registration; there is nothing to verify.
  if (row === undefined || row.mobile_verified_at !== null) return refuseWith('VALIDATION_FAILED', { field: 'mobile' });
  return row.mobile;
}

export function sendMobileVerificationCode(ctx: ServiceContext, actor: CandidateActor, ip: string) {
  return command(async () => {
    const mobile = await unverifiedMobileOf(ctx, actor.passportId);
    return { sentTo: maskMobile(mobile), ...(await sendSmsCode(ctx, 'verify_mobile', mobile, ip)) };
  });
}

/** Spends the code and marks the mobile proven in one transaction; from then on the candidate routes answer (auth.ts). */
export function verifyMobile(ctx: ServiceContext, actor: CandidateActor, input: { smsCode: string }) {
  return command(async () => {
    const mobile = await unverifiedMobileOf(ctx, actor.passportId);
    await withSmsCode(ctx, { purpose: 'verify_mobile', mobile, code: input.smsCode }, async (trx, now) => {
      await trx.updateTable('provisional_passports').set({ mobile_verified_at: now }).where('passport_id', '=', actor.passportId).where('mobile_verified_at', 'is', null).execute();
    });
    return { mobileVerified: true as const };
  });
}
