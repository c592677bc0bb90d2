// Applies a device's pushed operations exactly once (K3, Replicache's push): each operation's effect, its stored outcome and the device's new last applied seq commit together, in one transaction per run of operations with a savepoint per operation.
import type { Transaction } from 'kysely';
import { SYNC_DEPENDENCY_REFUSED, SYNC_SEQUENCE_GAP, type Operation, type OperationResult, type PushResponse } from '../../../shared/contracts/sync.js';
import { errorMessages, refuse, type DomainError, type Result } from '../../../shared/errors/domain-error.js';
import { inSavepoint, lockKey, withinTransaction, type Executor } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { MessageChannels } from '../../messages/adapters.js';
import { dispatchOutbound, outboundChannels } from '../../messages/outbound.js';
import type { ServiceContext } from '../context.js';
import { replayOperation, type SyncDevice } from './operations.js';

type Step =
  | { readonly kind: 'result'; readonly result: OperationResult; readonly lastAppliedSeq: number }
  | { readonly kind: 'gap'; readonly expectedSeq: number };

export interface PushOutcome extends PushResponse {
  /** A transient failure (database, bug) that stopped the batch after the results it has; the route logs it. */
  readonly stoppedBy: unknown;
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

/**
 * One operation inside the run's transaction, after the device's lock and its last applied seq were
 * read: a duplicate answers what was stored, a gap stops, anything else is applied or refused and
 * recorded. The device's last applied seq is written once per run, by the caller.
 */
async function step(ctx: ServiceContext, trx: Transaction<Database>, device: SyncDevice, op: Operation, last: number, messages: MessageChannels): Promise<Step> {
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
  const result: OperationResult = outcome.ok
    ? { seq: op.seq, status: 'applied', ...(value === null ? {} : { result: value }) }
    : { seq: op.seq, status: 'refused', error: errorOnWire(outcome.error) };
  return { kind: 'result', result, lastAppliedSeq: op.seq };
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
 * Operations that take seats hold the offering's row lock until their transaction commits, so a run
 * ends right after one: an online candidate enrolling in the same offering never waits for a whole
 * batch of someone else's replay (R5–R7 under the registration rush).
 */
const ENDS_RUN: ReadonlySet<string> = new Set(['enrolment.written', 'enrolment.oral']);

interface Run {
  readonly results: readonly OperationResult[];
  readonly lastAppliedSeq: number | null;
  readonly gap: number | null;
  /** What failed inside the run after some of its operations: those still commit, the failed one is rolled back. */
  readonly stoppedBy: unknown;
  /** The outbound_messages rows the run's operations wrote, committed with them, for the kick after the commit. */
  readonly messageIds: readonly string[];
}

/**
 * Operations from `from` on, in order, in ONE transaction under the device's lock, each in a
 * savepoint: one commit (one WAL flush on a durable PostgreSQL) for the run instead of one per
 * operation, which is what bounded replay speed (bench/replay.bench.ts). Exactly-once is unchanged:
 * every effect commits with its stored outcome and the device's last applied seq, or none does.
 */
async function applyRun(ctx: ServiceContext, device: SyncDevice, operations: readonly Operation[], from: number, firstOfPush: boolean): Promise<Run> {
  return ctx.db.transaction().execute(async (trx): Promise<Run> => {
    await lockKey(trx, `device:${device.deviceId}`);
    const before = await lastAppliedSeqOf(trx, device.deviceId);
    let last = before;
    const results: OperationResult[] = [];
    const messageIds: string[] = [];
    let gap: number | null = null;
    let stoppedBy: unknown = null;
    for (let at = from; at < operations.length; at += 1) {
      const op = operations[at];
      if (op === undefined) break;
      // The operation's SMS and email become rows in its savepoint: they commit with its effect and
      // stored outcome, or vanish with them (migration 0022's transactional outbox).
      const outbound = outboundChannels(trx, ctx.clock);
      let done: Step;
      try {
        done = await inSavepoint(trx, () => step(ctx, trx, device, op, last, outbound.channels));
      } catch (error) {
        // Nothing answered yet: the push fails as a whole (the route answers 503, the device re-sends).
        if (firstOfPush && results.length === 0) throw error;
        stoppedBy = error;
        break;
      }
      if (done.kind === 'gap') {
        gap = done.expectedSeq;
        break;
      }
      results.push(done.result);
      messageIds.push(...outbound.ids);
      last = done.lastAppliedSeq;
      if (ENDS_RUN.has(op.kind) && done.result.status !== 'duplicate') break;
    }
    if (last > before) {
      const now = ctx.clock.now();
      await trx
        .insertInto('sync_devices')
        .values({ device_id: device.deviceId, last_applied_seq: last, updated_at: now })
        .onConflict((oc) => oc.column('device_id').doUpdateSet({ last_applied_seq: last, updated_at: now }))
        .execute();
    }
    return { results, lastAppliedSeq: results.length === 0 ? null : last, gap, stoppedBy, messageIds };
  });
}

/**
 * The kick right after a run commits, so outcomes still reach people at once: the run's own rows,
 * sent through the real channels. Whatever fails here (a channel, the database) stays in
 * outbound_messages, recorded or still due, for the dispatcher's next tick (jobs/dispatcher.ts), so
 * the push answers the device regardless; a process killed right here loses nothing either.
 */
async function sendCommitted(ctx: ServiceContext, ids: readonly string[]): Promise<void> {
  try {
    await dispatchOutbound(ctx, { ids });
  } catch {
    // Left for the tick, which logs what keeps failing.
  }
}

/**
 * In order, in runs of one transaction each (see applyRun). A gap at the head refuses the whole
 * push; a transient failure stops it after the operations already committed, whose results are
 * returned.
 */
export async function pushOperations(ctx: ServiceContext, device: SyncDevice, operations: readonly Operation[]): Promise<Result<PushOutcome>> {
  const results: OperationResult[] = [];
  let lastAppliedSeq: number | null = null;
  let stoppedBy: unknown = null;
  while (results.length < operations.length) {
    let run: Run;
    try {
      run = await applyRun(ctx, device, operations, results.length, results.length === 0);
    } catch (error) {
      if (results.length === 0) throw error;
      stoppedBy = error;
      break;
    }
    if (run.results.length === 0 && run.gap !== null && results.length === 0) {
      return { ok: false, error: refuse(SYNC_SEQUENCE_GAP, { params: { expectedSeq: run.gap } }) };
    }
    results.push(...run.results);
    lastAppliedSeq = run.lastAppliedSeq ?? lastAppliedSeq;
    await sendCommitted(ctx, run.messageIds);
    if (run.stoppedBy !== null) stoppedBy = run.stoppedBy;
    if (run.gap !== null || run.stoppedBy !== null || run.results.length === 0) break;
  }
  return { ok: true, value: { results, lastAppliedSeq: lastAppliedSeq ?? (await lastAppliedSeqOf(ctx.db, device.deviceId)), stoppedBy } };
}
