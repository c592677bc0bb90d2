// Applies a device's pushed operations exactly once (K3, Replicache's push): one transaction per operation holding the effect, the stored outcome and the device's new last applied seq.
import { SYNC_DEPENDENCY_REFUSED, SYNC_SEQUENCE_GAP, type Operation, type OperationResult, type PushResponse } from '../../../shared/contracts/sync.js';
import { errorMessages, refuse, type DomainError, type Result } from '../../../shared/errors/domain-error.js';
import { lockKey, withinTransaction, type Executor } from '../../db/database.js';
import type { EmailMessage, MessageChannels, SmsMessage } from '../../messages/adapters.js';
import type { ServiceContext } from '../context.js';
import { replayOperation, type SyncDevice } from './operations.js';

type Step =
  | { readonly kind: 'result'; readonly result: OperationResult; readonly lastAppliedSeq: number }
  | { readonly kind: 'gap'; readonly expectedSeq: number };

export interface PushOutcome extends PushResponse {
  /** A transient failure (database, bug) that stopped the batch after the results it has; the route logs it. */
  readonly stoppedBy: unknown;
}

/**
 * Messages an operation sends wait until its transaction has committed: a refused or rolled-back
 * operation must not text anyone, and on PGlite a write through the root handle would wait for the
 * very transaction that is waiting for it.
 */
function deferredChannels(): { channels: MessageChannels; flush(to: MessageChannels): Promise<void> } {
  const sms: SmsMessage[] = [];
  const email: EmailMessage[] = [];
  return {
    channels: { sms: { sendSms: async (message) => void sms.push(message) }, email: { sendEmail: async (message) => void email.push(message) } },
    async flush(to) {
      for (const message of sms) await to.sms.sendSms(message);
      for (const message of email) await to.email.sendEmail(message);
    },
  };
}

async function lastAppliedSeqOf(db: Executor, deviceId: string): Promise<number> {
  const row = await db.selectFrom('sync_devices').select('last_applied_seq').where('device_id', '=', deviceId).executeTakeFirst();
  return row === undefined ? 0 : Number(row.last_applied_seq);
}

/** The first refused operation among those this one depends on, as the reason it cannot run. */
async function refusedDependency(db: Executor, deviceId: string, dependsOn: readonly number[]): Promise<DomainError | null> {
  if (dependsOn.length === 0) return null;
  const refused = await db
    .selectFrom('sync_operations')
    .select(['seq', 'error'])
    .where('device_id', '=', deviceId)
    .where('seq', 'in', [...dependsOn])
    .where('status', '=', 'refused')
    .orderBy('seq')
    .executeTakeFirst();
  if (refused === undefined) return null;
  return refuse(SYNC_DEPENDENCY_REFUSED, { params: { seq: Number(refused.seq), reason: refused.error?.code ?? SYNC_DEPENDENCY_REFUSED } });
}

async function step(ctx: ServiceContext, device: SyncDevice, op: Operation, messages: MessageChannels): Promise<Step> {
  return ctx.db.transaction().execute(async (trx): Promise<Step> => {
    await lockKey(trx, `device:${device.deviceId}`);
    const last = await lastAppliedSeqOf(trx, device.deviceId);
    if (op.seq <= last) {
      const stored = await trx.selectFrom('sync_operations').selectAll().where('device_id', '=', device.deviceId).where('seq', '=', op.seq).executeTakeFirstOrThrow();
      const result: OperationResult = {
        seq: op.seq,
        status: 'duplicate',
        ...(stored.result === null ? {} : { result: stored.result }),
        ...(stored.error === null ? {} : { error: errorOnWire(stored.error) }),
      };
      return { kind: 'result', result, lastAppliedSeq: last };
    }
    if (op.seq > last + 1) return { kind: 'gap', expectedSeq: last + 1 };

    const now = ctx.clock.now();
    const blocked = await refusedDependency(trx, device.deviceId, op.dependsOn ?? []);
    const scoped: ServiceContext = { ...ctx, db: withinTransaction(trx), messages };
    const outcome = await replayOperation(scoped, device, op, blocked);
    // The code, field and params are stored; the messages are rendered on the way out, in today's wording.
    const storedError = outcome.ok ? null : { code: outcome.error.code, ...(outcome.error.field === undefined ? {} : { field: outcome.error.field }), ...(outcome.error.params === undefined ? {} : { params: outcome.error.params }) };
    const value = outcome.ok && outcome.value !== undefined ? JSON.parse(JSON.stringify(outcome.value)) : null;
    await trx
      .insertInto('sync_operations')
      .values({
        device_id: device.deviceId,
        seq: op.seq,
        kind: op.kind,
        status: outcome.ok ? 'applied' : 'refused',
        result: value === null ? null : JSON.stringify(value),
        error: storedError === null ? null : JSON.stringify(storedError),
        depends_on: JSON.stringify(op.dependsOn ?? []),
        captured_at: new Date(op.capturedAt),
        applied_at: now,
      })
      .execute();
    await trx
      .insertInto('sync_devices')
      .values({ device_id: device.deviceId, last_applied_seq: op.seq, updated_at: now })
      .onConflict((oc) => oc.column('device_id').doUpdateSet({ last_applied_seq: op.seq, updated_at: now }))
      .execute();
    const result: OperationResult = outcome.ok
      ? { seq: op.seq, status: 'applied', ...(value === null ? {} : { result: value }) }
      : { seq: op.seq, status: 'refused', error: errorOnWire(outcome.error) };
    return { kind: 'result', result, lastAppliedSeq: op.seq };
  });
}

/** A refusal as an operation result carries it: the same shape, messages included, as an HTTP refusal body's `error`. */
function errorOnWire(error: DomainError): NonNullable<OperationResult['error']> {
  return {
    code: error.code,
    ...(error.field === undefined ? {} : { field: error.field }),
    ...(error.params === undefined ? {} : { params: { ...error.params } }),
    message: errorMessages(error),
  };
}

/**
 * In order, each operation in its own transaction. A gap at the head refuses the whole push; a
 * transient failure stops it after the operations already committed, whose results are returned.
 */
export async function pushOperations(ctx: ServiceContext, device: SyncDevice, operations: readonly Operation[]): Promise<Result<PushOutcome>> {
  const results: OperationResult[] = [];
  let lastAppliedSeq: number | null = null;
  let stoppedBy: unknown = null;
  for (const op of operations) {
    const deferred = deferredChannels();
    let done: Step;
    try {
      done = await step(ctx, device, op, deferred.channels);
    } catch (error) {
      if (results.length === 0) throw error;
      stoppedBy = error;
      break;
    }
    if (done.kind === 'gap') {
      if (results.length === 0) return { ok: false, error: refuse(SYNC_SEQUENCE_GAP, { params: { expectedSeq: done.expectedSeq } }) };
      break;
    }
    results.push(done.result);
    lastAppliedSeq = done.lastAppliedSeq;
    await deferred.flush(ctx.messages);
  }
  return { ok: true, value: { results, lastAppliedSeq: lastAppliedSeq ?? (await lastAppliedSeqOf(ctx.db, device.deviceId)), stoppedBy } };
}
