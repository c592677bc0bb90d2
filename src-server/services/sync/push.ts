// Applies a device's pushed operations exactly once (K3, Replicache's push): each operation's effect, its stored outcome and the device's new last applied seq commit together, in one transaction per run of operations with a savepoint per operation.
import { sql, type Transaction } from 'kysely';
import { SYNC_DEPENDENCY_REFUSED, SYNC_SEQUENCE_GAP, type Operation, type OperationResult, type PushResponse } from '../../../shared/contracts/sync.js';
import { errorMessages, refuse, type DomainError, type Result } from '../../../shared/errors/domain-error.js';
import { isPostgresPool, lockKey, withinTransaction, type Executor } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { MessageChannels } from '../../messages/adapters.js';
import { collectingOutbound, dispatchOutbound } from '../../messages/outbound.js';
import type { ServiceContext } from '../context.js';
import { writeNotices, type PendingNotice } from '../notices.js';
import { newGrantReads, type GrantReads } from '../offline-grants.js';
import { replayOperation, type ReplayRun, type SyncDevice } from './operations.js';
import { AppendedRows } from './run-writes.js';

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
 * recorded. The device's last applied seq is written once per run, by the caller, and the stored
 * outcome joins `run.rows`, which the caller writes (see needsWrittenRows).
 */
async function step(ctx: ServiceContext, trx: Transaction<Database>, device: SyncDevice, op: Operation, last: number, messages: MessageChannels, run: ReplayRun): Promise<Step> {
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
  const outcome = await replayOperation(scoped, device, op, blocked, run);
  // The code, field and params are stored; the messages are rendered on the way out, in today's wording.
  const storedError = outcome.ok ? null : { code: outcome.error.code, ...(outcome.error.field === undefined ? {} : { field: outcome.error.field }), ...(outcome.error.params === undefined ? {} : { params: outcome.error.params }) };
  const value = outcome.ok && outcome.value !== undefined ? JSON.parse(JSON.stringify(outcome.value)) : null;
  run.rows.add('sync_operations', {
    device_id: device.deviceId,
    seq: op.seq,
    kind: op.kind,
    status: outcome.ok ? 'applied' : 'refused',
    result: value === null ? null : JSON.stringify(value),
    error: storedError === null ? null : JSON.stringify(storedError),
    depends_on: JSON.stringify(op.dependsOn ?? []),
    captured_at: new Date(op.capturedAt),
    applied_at: now,
  });
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
 * Every operation of a run has the same savepoint name: opening the next one releases the previous
 * (its operation is done), and a rollback goes back to the newest, i.e. to the start of the failing
 * operation. One name also keeps pg_stat_statements at one entry for them, so the bench can count them.
 */
const OPERATION_SAVEPOINT = sql.raw('replay_operation');

/**
 * Opens the operation's savepoint, releasing the previous operation's in the same round trip where
 * the driver allows several statements in one (PostgreSQL's simple query protocol, used for a
 * statement without parameters); PGlite takes them one by one. The last operation's savepoint is
 * never released: the COMMIT ends it.
 */
async function openOperationSavepoint(trx: Transaction<Database>, releasePrevious: boolean, together: boolean): Promise<void> {
  if (!releasePrevious) await sql`SAVEPOINT ${OPERATION_SAVEPOINT}`.execute(trx);
  else if (together) await sql`RELEASE SAVEPOINT ${OPERATION_SAVEPOINT}; SAVEPOINT ${OPERATION_SAVEPOINT}`.execute(trx);
  else {
    await sql`RELEASE SAVEPOINT ${OPERATION_SAVEPOINT}`.execute(trx);
    await sql`SAVEPOINT ${OPERATION_SAVEPOINT}`.execute(trx);
  }
}

const operationSavepoint = (trx: Transaction<Database>): ReplayRun['savepoint'] => ({
  rollback: async () => {
    await sql`ROLLBACK TO SAVEPOINT ${OPERATION_SAVEPOINT}`.execute(trx);
  },
});

/**
 * Kinds whose replay reads none of the rows a run defers (run-writes.ts, notices) and writes no row
 * that must come after them (a review event of the same candidate, say): a run keeps collecting
 * across them. Before any other operation, and before a duplicate or an operation with
 * dependencies (both read sync_operations), the run writes what it has collected.
 */
const KEEPS_COLLECTING: ReadonlySet<string> = new Set(['review.decide']);

function needsWrittenRows(op: Operation, last: number): boolean {
  return !KEEPS_COLLECTING.has(op.kind) || op.seq <= last || (op.dependsOn ?? []).length > 0;
}

/**
 * Operations from `from` on, in order, in ONE transaction under the device's lock, each in a
 * savepoint: one commit (one WAL flush on a durable PostgreSQL) for the run instead of one per
 * operation, which is what bounded replay speed (bench/replay.bench.ts). Exactly-once is unchanged:
 * every effect commits with its stored outcome and the device's last applied seq, or none does.
 *
 * Round trips per operation are what sets the replay's rate, so the append-only rows of the
 * operations (stored outcomes, review events, audit entries, notices and their SMS/email) are
 * collected per operation and written for the whole run with one INSERT per table (run-writes.ts):
 * a failed operation's collection is dropped with its savepoint's writes, a finished one's joins the
 * run's. The grants decisions carry are read once per push (`grants`).
 */
async function applyRun(ctx: ServiceContext, device: SyncDevice, operations: readonly Operation[], from: number, firstOfPush: boolean, grants: GrantReads): Promise<Run> {
  const together = isPostgresPool(ctx.db);
  return ctx.db.transaction().execute(async (trx): Promise<Run> => {
    await lockKey(trx, `device:${device.deviceId}`);
    const before = await lastAppliedSeqOf(trx, device.deviceId);
    const savepoint = operationSavepoint(trx);
    const rows = new AppendedRows();
    const notices: PendingNotice[] = [];
    const messageIds: string[] = [];
    /** Writes what the run collected so far: the notices (and their messages) first, then every table's rows. */
    const writeCollected = async () => {
      if (notices.length > 0) {
        const messages = collectingOutbound(ctx.clock);
        await writeNotices({ ...ctx, db: withinTransaction(trx), messages: messages.channels }, notices.splice(0));
        for (const row of messages.rows) rows.add('outbound_messages', row);
      }
      messageIds.push(...rows.messageIds());
      await rows.write(trx);
    };
    let last = before;
    const results: OperationResult[] = [];
    let gap: number | null = null;
    let stoppedBy: unknown = null;
    let opened = false;
    for (let at = from; at < operations.length; at += 1) {
      const op = operations[at];
      if (op === undefined) break;
      // The operation's SMS and email are collected while it runs and join the run's rows only once
      // it is done: they commit with its effect and stored outcome, or vanish with them.
      const messages = collectingOutbound(ctx.clock);
      const run: ReplayRun = { grants, savepoint, rows: new AppendedRows(), notices: [] };
      // A failure writing the collection, or opening the savepoint, leaves no point to roll back to
      // that keeps exactly the finished operations: it fails the whole run (nothing of it commits).
      if (needsWrittenRows(op, last)) await writeCollected();
      await openOperationSavepoint(trx, opened, together);
      opened = true;
      let done: Step;
      try {
        done = await step(ctx, trx, device, op, last, messages.channels, run);
      } catch (error) {
        // Nothing answered yet: the push fails as a whole (the route answers 503, the device re-sends).
        if (firstOfPush && results.length === 0) throw error;
        // The failed operation's writes go; the earlier ones stay and commit below.
        await savepoint.rollback();
        stoppedBy = error;
        break;
      }
      if (done.kind === 'gap') {
        gap = done.expectedSeq;
        break;
      }
      results.push(done.result);
      rows.take(run.rows);
      for (const row of messages.rows) rows.add('outbound_messages', row);
      notices.push(...run.notices);
      last = done.lastAppliedSeq;
      if (ENDS_RUN.has(op.kind) && done.result.status !== 'duplicate') break;
    }
    await writeCollected();
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
  const grants = newGrantReads();
  while (results.length < operations.length) {
    let run: Run;
    try {
      run = await applyRun(ctx, device, operations, results.length, results.length === 0, grants);
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
