// 信息占用申诉 (A3): filing an appeal against the passport holding one's identity, and an admin's decision on it.
import { maskIdNumber } from '../../shared/rules/index.js';
import { uniqueViolation, type Executor } from '../db/database.js';
import type { AppealStatus, AppealTable } from '../db/schema.js';
import { appealDecidedText } from '../messages/texts.js';
import { auditActorOf, type StaffActor } from './actors.js';
import { recordAudit } from './audit.js';
import type { ServiceContext } from './context.js';
import { command, refuseWith } from './outcome.js';
import { canonicalPassportForm, explainPassportConflict, refuseIfHeldElsewhere, type PassportFormInput } from './passport-form.js';
import { hashPassword } from './passwords.js';
import { newId, newPassportId } from './secrets.js';
import { withSmsCode } from './sms-codes.js';

export interface AppealView {
  readonly appealId: string;
  readonly status: AppealStatus;
  readonly idType: AppealTable['id_type'];
  readonly idNumber: string;
  readonly name: string;
  readonly email: string;
  readonly mobile: string;
  readonly reason: string;
  readonly filedAt: Date;
  readonly occupyingPassportId: string | null;
  readonly decidedAt: Date | null;
  readonly decisionReason: string | null;
  readonly appellantPassportId: string | null;
}

function viewOf(row: AppealTable): AppealView {
  return {
    appealId: row.id,
    status: row.status,
    idType: row.id_type,
    idNumber: row.id_number,
    name: row.name,
    email: row.email,
    mobile: row.mobile,
    reason: row.reason,
    filedAt: row.filed_at,
    occupyingPassportId: row.occupying_passport_id,
    decidedAt: row.decided_at,
    decisionReason: row.decision_reason,
    appellantPassportId: row.appellant_passport_id,
  };
}

async function identityHolder(db: Executor, idType: AppealTable['id_type'], idNumber: string) {
  return db.selectFrom('passports').select('id').where('id_type', '=', idType).where('id_number', '=', idNumber).executeTakeFirst();
}

/**
 * The appellant fills in the registration form (its SMS code proves the mobile) and gives a reason.
 * The appeal keeps the hashed password, so approval can make the passport without asking again.
 */
export function fileAppeal(ctx: ServiceContext, input: PassportFormInput & { reason: string }) {
  return command(async () => {
    const data = canonicalPassportForm(input, ctx.clock.now());
    const holder = await identityHolder(ctx.db, data.idType, data.idNumber);
    if (holder === undefined) refuseWith('APPEAL_NOT_NEEDED', { field: 'idNumber' });
    await refuseIfHeldElsewhere(ctx.db, { email: data.email, mobile: data.mobile }, null);
    const pending = await ctx.db.selectFrom('appeals').select('id').where('mobile', '=', data.mobile).where('status', '=', 'PENDING').executeTakeFirst();
    if (pending !== undefined) refuseWith('APPEAL_ALREADY_PENDING', { field: 'mobile' });
    const passwordHash = await hashPassword(data.password);
    const appealId = newId();
    try {
      const filedAt = await withSmsCode(ctx, { purpose: 'register', mobile: data.mobile, code: input.smsCode }, async (trx, now) => {
        await trx
          .insertInto('appeals')
          .values({
            id: appealId,
            status: 'PENDING',
            id_type: data.idType,
            id_number: data.idNumber,
            name: data.name,
            email: data.email,
            mobile: data.mobile,
            password_hash: passwordHash,
            reason: input.reason,
            filed_at: now,
            occupying_passport_id: holder.id,
            decided_at: null,
            decided_by: null,
            decision_reason: null,
            appellant_passport_id: null,
          })
          .execute();
        return now;
      });
      return { appealId, status: 'PENDING' as const, filedAt };
    } catch (error) {
      if (uniqueViolation(error) === 'appeals_one_pending_per_mobile') refuseWith('APPEAL_ALREADY_PENDING', { field: 'mobile' });
      throw error;
    }
  });
}

/** Oldest first, as a queue is worked through. */
export async function listAppeals(ctx: ServiceContext, filter: { status?: AppealStatus }): Promise<AppealView[]> {
  let query = ctx.db.selectFrom('appeals').selectAll().orderBy('filed_at').orderBy('id');
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  return (await query.execute()).map(viewOf);
}

async function pendingAppealForUpdate(db: Executor, appealId: string): Promise<AppealTable> {
  const appeal = await db.selectFrom('appeals').selectAll().where('id', '=', appealId).forUpdate().executeTakeFirst();
  if (appeal === undefined) refuseWith('APPEAL_NOT_FOUND', { field: 'appealId' });
  if (appeal.status !== 'PENDING') refuseWith('APPEAL_ALREADY_DECIDED', { field: 'appealId' });
  return appeal;
}

/**
 * Moves the identity: whoever holds it now (not necessarily the holder at filing time) loses it,
 * and a new passport made from the appeal gets it, in one audited transaction. Registrations stay
 * where they are; moving one is a separate, audited rebind (A8).
 */
export function approveAppeal(ctx: ServiceContext, admin: StaffActor, input: { appealId: string }) {
  return command(async () => {
    const now = ctx.clock.now();
    const passportId = newPassportId();
    let appeal: AppealTable;
    try {
      appeal = await ctx.db.transaction().execute(async (trx) => {
        const pending = await pendingAppealForUpdate(trx, input.appealId);
        const holder = await identityHolder(trx, pending.id_type, pending.id_number);
        if (holder !== undefined) {
          await trx.updateTable('passports').set({ id_type: null, id_number: null, name: null, updated_at: now }).where('id', '=', holder.id).execute();
        }
        await trx
          .insertInto('passports')
          .values({
            id: passportId,
            email: pending.email,
            mobile: pending.mobile,
            password_hash: pending.password_hash,
            id_type: pending.id_type,
            id_number: pending.id_number,
            name: pending.name,
            created_at: now,
            updated_at: now,
          })
          .execute();
        const decided = await trx
          .updateTable('appeals')
          .set({ status: 'APPROVED', decided_at: now, decided_by: admin.staffId, appellant_passport_id: passportId })
          .where('id', '=', pending.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(
          trx,
          {
            actor: auditActorOf(admin),
            action: 'appeal.approved',
            target: { kind: 'appeal', id: pending.id },
            details: { idType: pending.id_type, idNumber: maskIdNumber(pending.id_number), fromPassportId: holder?.id ?? null, toPassportId: passportId },
          },
          now,
        );
        return decided;
      });
    } catch (error) {
      if (uniqueViolation(error) === null) throw error;
      const contact = await ctx.db.selectFrom('appeals').select(['email', 'mobile']).where('id', '=', input.appealId).executeTakeFirstOrThrow();
      return explainPassportConflict(ctx.db, error, contact, null);
    }
    await ctx.messages.sms.sendSms({ to: appeal.mobile, text: appealDecidedText(true, null) });
    return viewOf(appeal);
  });
}

export function rejectAppeal(ctx: ServiceContext, admin: StaffActor, input: { appealId: string; reason: string }) {
  return command(async () => {
    const now = ctx.clock.now();
    const appeal = await ctx.db.transaction().execute(async (trx) => {
      const pending = await pendingAppealForUpdate(trx, input.appealId);
      const decided = await trx
        .updateTable('appeals')
        .set({ status: 'REJECTED', decided_at: now, decided_by: admin.staffId, decision_reason: input.reason })
        .where('id', '=', pending.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(
        trx,
        { actor: auditActorOf(admin), action: 'appeal.rejected', target: { kind: 'appeal', id: pending.id }, details: { reason: input.reason } },
        now,
      );
      return decided;
    });
    await ctx.messages.sms.sendSms({ to: appeal.mobile, text: appealDecidedText(false, input.reason) });
    return viewOf(appeal);
  });
}
