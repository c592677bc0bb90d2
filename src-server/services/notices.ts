// The outcomes of offline operations as candidates learn them (K3, issue #7): a stored notice shown at the next login, an SMS and, where the passport has one, an email.
import { errorMessage, type DomainError } from '../../shared/errors/domain-error.js';
import type { Executor } from '../db/database.js';
import { offlineOutcomeEmail, offlineOutcomeText } from '../messages/texts.js';
import type { ServiceContext } from './context.js';
import { command } from './outcome.js';
import { newId } from './secrets.js';

/** Notice codes: the renderer words them; params hold the operation kind, the refusal code and the capture time, never personal data. */
export const NOTICE_OFFLINE_APPLIED = 'OFFLINE_OPERATION_APPLIED';
export const NOTICE_OFFLINE_REFUSED = 'OFFLINE_OPERATION_REFUSED';

export interface OperationOutcomeForNotice {
  readonly deviceId: string;
  readonly seq: number;
  readonly kind: string;
  readonly capturedAt: Date;
  /** null when applied. */
  readonly error: DomainError | null;
}

/** A notice a replayed operation leaves for the passport it concerns. */
export interface PendingNotice {
  readonly passportId: string;
  readonly outcome: OperationOutcomeForNotice;
}

/**
 * In the replay's transaction, so each notice exists exactly when its outcome does; `ctx.messages`
 * is push.ts's collecting channels: the SMS and email become outbound_messages rows in that same
 * transaction, sent by the dispatcher once it has committed (messages/outbound.ts).
 *
 * A run's notices at once (push.ts gathers them, at most a push batch): one read of the passports'
 * contacts and one INSERT, instead of two statements per operation. A passport that no longer
 * exists gets neither notice nor message.
 */
export async function writeNotices(ctx: ServiceContext, pending: readonly PendingNotice[]): Promise<void> {
  if (pending.length === 0) return;
  const passportIds = [...new Set(pending.map((notice) => notice.passportId))];
  const contacts = new Map((await ctx.db.selectFrom('passports').select(['id', 'mobile', 'email']).where('id', 'in', passportIds).execute()).map((row) => [row.id, row]));
  const now = ctx.clock.now();
  const reached = pending.flatMap(({ passportId, outcome }) => {
    const passport = contacts.get(passportId);
    return passport === undefined ? [] : [{ passport, outcome }];
  });
  if (reached.length === 0) return;
  await ctx.db
    .insertInto('candidate_notices')
    .values(
      reached.map(({ passport, outcome }) => {
        const params: Record<string, string | number> = { kind: outcome.kind, seq: outcome.seq, capturedAt: outcome.capturedAt.toISOString() };
        if (outcome.error !== null) params.reason = outcome.error.code;
        return {
          id: newId(),
          passport_id: passport.id,
          code: outcome.error === null ? NOTICE_OFFLINE_APPLIED : NOTICE_OFFLINE_REFUSED,
          params: JSON.stringify(params),
          device_id: outcome.deviceId,
          seq: outcome.seq,
          created_at: now,
          seen_at: null,
        };
      }),
    )
    .onConflict((oc) => oc.columns(['device_id', 'seq', 'passport_id']).doNothing())
    .execute();
  for (const { passport, outcome } of reached) {
    const applied = outcome.error === null;
    const reason = outcome.error === null ? null : errorMessage(outcome.error, 'zh-CN');
    await ctx.messages.sms.sendSms({ to: passport.mobile, text: offlineOutcomeText(outcome.kind, applied, reason) });
    if (passport.email !== '') await ctx.messages.email.sendEmail({ to: passport.email, ...offlineOutcomeEmail(outcome.kind, applied, reason) });
  }
}

/** A refused offline passport registration has no passport to hold a notice: only the mobile typed at the kiosk hears of it. */
export async function textRefusedRegistration(ctx: ServiceContext, mobile: string, outcome: OperationOutcomeForNotice): Promise<void> {
  if (outcome.error === null) return;
  await ctx.messages.sms.sendSms({ to: mobile, text: offlineOutcomeText(outcome.kind, false, errorMessage(outcome.error, 'zh-CN')) });
}

async function unseen(db: Executor, passportId: string) {
  return db.selectFrom('candidate_notices').select(['id', 'code', 'params', 'created_at']).where('passport_id', '=', passportId).where('seen_at', 'is', null).orderBy('created_at').orderBy('seq').execute();
}

/** The candidate's unseen notices, oldest first, marked seen in the same transaction: each is shown once. */
export function takeUnseenNotices(ctx: ServiceContext, passportId: string) {
  return command(() =>
    ctx.db.transaction().execute(async (trx) => {
      const rows = await unseen(trx, passportId);
      if (rows.length > 0) await trx.updateTable('candidate_notices').set({ seen_at: ctx.clock.now() }).where('id', 'in', rows.map((row) => row.id)).execute();
      return { notices: rows.map((row) => ({ id: row.id, code: row.code, params: row.params, createdAt: row.created_at })) };
    }),
  );
}
