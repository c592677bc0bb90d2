// The outbox itself: capture in one transaction, the pump (one across windows), expiry, retry and discard, the reference cache. See index.ts for the contract.
import { Dexie } from 'dexie';
import type { IpcBridge, IpcResult } from '../../shared/contracts/ipc.js';
import { operationPayloads, type OperationKind, type OperationPayload, type OutboxVoidPayload } from '../../shared/contracts/operations.js';
import { MAX_PUSH_BATCH, SYNC_SEQUENCE_GAP, type Operation, type OperationResult, type PushResponse, type ReferenceEntity, type SyncStatus } from '../../shared/contracts/sync.js';
import { fullJitterDelay, type BackoffPolicy } from '../../shared/domain/backoff.js';
import { platformBridge } from '../platform/bridge.js';
import { OutboxDatabase, type AuditRow, type OperationRecord, type QueueMeta } from './database.js';
import { OutboxError } from './errors.js';
import { EXPIRY_SWEEP_INTERVAL_MS, OUTBOX_RETENTION_MS, PUMP_BACKOFF } from './constants.js';
import type {
  CapturableKind,
  CaptureOptions,
  Outbox,
  OutboxAction,
  OutboxOperation,
  OutboxStatus,
  OperationState,
  OperationSummary,
  ProvisionalRecord,
  PumpOutcome,
  VoidReason,
} from './index.js';
import { operationBinding, outboxCryptoKey, provisionalBinding, seal, unseal } from './seal.js';
import { useOutboxStatus } from './status-store.js';

/** The Web Lock that makes one pump run at a time across every window of this origin. */
export const PUMP_LOCK = 'cet-outbox-pump';

/** Refusals of a whole push that retrying cannot cure: the queue waits for a person (re-enrolment, a teacher). */
const BLOCKING_CODES = new Set([SYNC_SEQUENCE_GAP, 'UNAUTHENTICATED', 'DEVICE_REVOKED', 'FORBIDDEN', 'VALIDATION_FAILED']);

/** Payload fields that hold personal data or secrets: a summary may not repeat them. */
const PERSONAL_FIELDS = new Set(['email', 'mobile', 'password', 'passwordConfirmation', 'idNumber', 'name', 'account', 'grant', 'ticketNumber']);

const MAX_DISCARD_REASON = 200;
const MAX_PROVISIONAL_ID = 200;

export interface OutboxDeps {
  readonly bridge: IpcBridge;
  /** Another database name keeps tests apart; the app uses `cet-outbox`. */
  readonly database?: OutboxDatabase;
  readonly now?: () => Date;
  readonly random?: () => number;
  readonly retentionMs?: number;
  readonly backoff?: BackoffPolicy;
  /** Pump on open, on reconnect, after captures and on the backoff timer (default true). */
  readonly autoPump?: boolean;
  /** Sweep for expired operations every EXPIRY_SWEEP_INTERVAL_MS (default true). */
  readonly expirySweep?: boolean;
  /** Status updates (default: the page's zustand store). */
  readonly onStatus?: (patch: Partial<OutboxStatus>) => void;
}

class CaptureConflict extends Error {}

function personalValues(value: unknown, key: string | null, into: Set<string>): Set<string> {
  if (typeof value === 'string') {
    if (key !== null && PERSONAL_FIELDS.has(key) && value.trim().length >= 2) into.add(value.trim());
  } else if (Array.isArray(value)) {
    for (const item of value) personalValues(item, key, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [field, inner] of Object.entries(value)) personalValues(inner, field, into);
  }
  return into;
}

function firstIssueField(issues: readonly { path: readonly PropertyKey[] }[]): string | undefined {
  const path = issues[0]?.path;
  return path && path.length > 0 ? path.map(String).join('.') : undefined;
}

function toView(record: OperationRecord): OutboxOperation {
  return {
    seq: record.seq,
    kind: record.kind,
    dependsOn: record.dependsOn,
    capturedAt: record.capturedAt,
    state: record.state,
    summary: record.summary,
    ...(record.result === undefined ? {} : { result: record.result }),
    ...(record.error === undefined ? {} : { error: record.error }),
    ...(record.voidReason === undefined ? {} : { voidReason: record.voidReason }),
    ...(record.voidedKind === undefined ? {} : { voidedKind: record.voidedKind }),
    sent: record.sent === 1,
    hasPayload: record.sealed !== undefined && record.state !== 'voided',
    ...(record.retriedAs === undefined ? {} : { retriedAs: record.retriedAs }),
    ...(record.retryOf === undefined ? {} : { retryOf: record.retryOf }),
    updatedAt: record.updatedAt,
  };
}

/** `duplicate` is a re-send of an operation the server already answered: it counts as what was stored then. */
function settledState(result: OperationResult): 'applied' | 'refused' {
  if (result.status === 'duplicate') return result.error === undefined ? 'applied' : 'refused';
  return result.status;
}

class OutboxImpl implements Outbox {
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly retentionMs: number;
  private readonly backoff: BackoffPolicy;
  private readonly autoPump: boolean;
  private readonly report: (patch: Partial<OutboxStatus>) => void;
  private readonly unsubscribe: () => void;
  private sweepTimer: ReturnType<typeof setInterval> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private closed = false;
  private hostStatus: SyncStatus | null = null;
  /** Why this outbox will not push (set by a gap, a refused device, a re-enrolled device with old work); cleared by pump(). */
  private localBlock: OutboxStatus['blocked'] = null;
  private deviceId: string | null;

  constructor(
    private readonly bridge: IpcBridge,
    private readonly db: OutboxDatabase,
    private readonly key: CryptoKey,
    deviceId: string | null,
    deps: OutboxDeps,
  ) {
    this.deviceId = deviceId;
    this.now = deps.now ?? (() => new Date());
    this.random = deps.random ?? Math.random;
    this.retentionMs = deps.retentionMs ?? OUTBOX_RETENTION_MS;
    this.backoff = deps.backoff ?? PUMP_BACKOFF;
    this.autoPump = deps.autoPump ?? true;
    this.report = deps.onStatus ?? ((patch) => useOutboxStatus.getState().patch(patch));
    this.unsubscribe = bridge.onSyncStatusChanged((status) => this.hostChanged(status));
    if (deps.expirySweep ?? true) {
      this.sweepTimer = setInterval(() => void this.expireOverdue().catch(() => undefined), EXPIRY_SWEEP_INTERVAL_MS);
    }
  }

  async start(): Promise<void> {
    const status = await this.bridge.syncStatus({});
    if (status.ok) this.hostChanged(status.value, false);
    await this.reconcileDevice();
    await this.expireOverdue();
    // The host learns what waits right away (after a reload its count is the outbox's, not its memory's).
    await this.afterChange();
    this.report({ ready: true });
    this.autoPumpNow();
  }

  // ---- capture -------------------------------------------------------------------------------

  async capture<K extends CapturableKind>(kind: K, payload: OperationPayload<K>, options: CaptureOptions): Promise<number> {
    return this.captureParsed(kind, this.validPayload(kind, payload), options);
  }

  private validPayload(kind: OperationKind, payload: unknown): unknown {
    const schema = operationPayloads[kind] as (typeof operationPayloads)[OperationKind] | undefined;
    if (schema === undefined) throw new OutboxError('OUTBOX_PAYLOAD_INVALID', undefined, 'kind');
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw new OutboxError('OUTBOX_PAYLOAD_INVALID', undefined, firstIssueField(parsed.error.issues));
    return parsed.data;
  }

  /**
   * Seals first (WebCrypto is not IndexedDB, so awaiting it inside the transaction would end the
   * transaction), with the seq it expects to get; the transaction then checks that no other window
   * took that seq meanwhile and otherwise starts over. Everything else happens in the one transaction.
   */
  private async captureParsed(
    kind: OperationKind,
    payload: unknown,
    options: CaptureOptions,
    alsoInTransaction?: (seq: number) => Promise<void>,
  ): Promise<number> {
    this.checkSummary(options.summary, payload);
    const local = options.local;
    if (local !== undefined && (local.id.length === 0 || local.id.length > MAX_PROVISIONAL_ID)) throw new OutboxError('OUTBOX_PAYLOAD_INVALID', undefined, 'local.id');
    const deviceId = await this.currentDevice();
    const dependsOn = [...new Set([...(options.dependsOn ?? []), ...this.referencedSeqs(payload)])].sort((a, b) => a - b);
    const hostLast = await this.hostLastAppliedSeq();
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const queue = await this.queueMeta();
      const seq = Math.max(queue.lastSeq, hostLast) + 1;
      const sealed = await seal(this.key, payload, operationBinding(deviceId, seq, kind));
      const sealedLocal = local === undefined ? undefined : await seal(this.key, local.value, provisionalBinding(local.id));
      const at = this.now().toISOString();
      try {
        await this.db.transaction('rw', [this.db.operations, this.db.meta, this.db.provisional, this.db.audit], async () => {
          const current = await this.queueMeta();
          if (current.lastSeq !== queue.lastSeq || current.deviceId !== deviceId || (await this.db.operations.get(seq)) !== undefined) throw new CaptureConflict();
          for (const earlier of dependsOn) {
            if (earlier >= seq || (await this.db.operations.get(earlier)) === undefined) throw new OutboxError('OUTBOX_OPERATION_NOT_FOUND', { seq: earlier }, 'dependsOn');
          }
          await this.db.operations.add({
            seq,
            deviceId,
            kind,
            dependsOn,
            capturedAt: at,
            state: 'pending',
            sent: 0,
            sealed,
            summary: options.summary,
            updatedAt: at,
          });
          await this.db.meta.put({ key: 'queue', value: { deviceId, lastSeq: seq } satisfies QueueMeta });
          if (local !== undefined && sealedLocal !== undefined) {
            const before = await this.db.provisional.get(local.id);
            await this.db.provisional.put({ id: local.id, sealed: sealedLocal, seqs: [...(before?.seqs ?? []), seq], updatedAt: at });
          }
          await alsoInTransaction?.(seq);
        });
      } catch (error) {
        if (error instanceof CaptureConflict) continue;
        throw error;
      }
      await this.afterChange();
      if (this.hostStatus?.connectivity === 'online') this.autoPumpNow();
      return seq;
    }
    throw new OutboxError('SERVICE_UNAVAILABLE');
  }

  /** A summary is shown to anyone at the monitor: it may not repeat a personal field of the payload. */
  private checkSummary(summary: OperationSummary, payload: unknown): void {
    const personal = personalValues(payload, null, new Set());
    for (const value of Object.values(summary.params ?? {})) {
      const text = String(value);
      for (const secret of personal) if (text.includes(secret)) throw new OutboxError('OUTBOX_SUMMARY_PERSONAL', undefined, 'summary');
    }
  }

  /** A `candidate: { by: 'operation', seq }` needs that operation first: it is added to dependsOn, as the contract asks. */
  private referencedSeqs(payload: unknown): number[] {
    const candidate = (payload as { candidate?: { by?: string; seq?: number } } | null)?.candidate;
    return candidate?.by === 'operation' && typeof candidate.seq === 'number' ? [candidate.seq] : [];
  }

  private async queueMeta(): Promise<QueueMeta> {
    const row = await this.db.meta.get('queue');
    return (row?.value as QueueMeta | undefined) ?? { deviceId: null, lastSeq: 0 };
  }

  private async hostLastAppliedSeq(): Promise<number> {
    const status = await this.bridge.syncStatus({});
    if (status.ok) this.hostChanged(status.value, false);
    return this.hostStatus?.lastAppliedSeq ?? 0;
  }

  /** The enrolled device this queue numbers for; refuses when none or when an older device's work still waits. */
  private async currentDevice(): Promise<string> {
    await this.reconcileDevice();
    if (this.localBlock?.code === 'OUTBOX_DEVICE_CHANGED') throw new OutboxError('OUTBOX_DEVICE_CHANGED');
    if (this.deviceId === null) throw new OutboxError('OUTBOX_DEVICE_NOT_ENROLLED');
    return this.deviceId;
  }

  /**
   * The server numbers per device: after a re-enrolment the new device starts at 0. An emptied queue
   * (everything answered) simply starts over for the new device, keeping nothing of the old one; old
   * work still unsent cannot be pushed under the new identity, so the queue blocks for a teacher.
   */
  private async reconcileDevice(): Promise<void> {
    const info = await this.bridge.appInfo({});
    if (!info.ok) return;
    const current = info.value.device.enrolled ? info.value.device.deviceId : null;
    this.deviceId = current;
    if (current === null) return;
    const queue = await this.queueMeta();
    if (queue.deviceId === current) {
      if (this.localBlock?.code === 'OUTBOX_DEVICE_CHANGED') this.setBlock(null);
      return;
    }
    const restarted = await this.db.transaction('rw', [this.db.operations, this.db.meta, this.db.provisional], async () => {
      const again = await this.queueMeta();
      if (again.deviceId === current) return true;
      if (again.deviceId !== null && (await this.unsentCount()) > 0) return false;
      // Only another device's state is stale. On the first adoption there is none (nothing is captured
      // before enrolment), and values kept since (the staff window's sealed review cache) must stay.
      if (again.deviceId !== null) {
        await this.db.operations.clear();
        await this.db.provisional.clear();
      }
      await this.db.meta.put({ key: 'queue', value: { deviceId: current, lastSeq: 0 } satisfies QueueMeta });
      return true;
    });
    this.setBlock(restarted ? null : { code: 'OUTBOX_DEVICE_CHANGED' });
  }

  // ---- the pump ------------------------------------------------------------------------------

  /** A person asked (a button, or the app's own start): a block from an earlier gap or refusal is tried once more. */
  pump(): Promise<PumpOutcome> {
    if (this.localBlock?.code !== 'OUTBOX_DEVICE_CHANGED') this.setBlock(null);
    return this.runPump();
  }

  /** The automatic triggers (capture, reconnect, backoff timer) leave a blocked queue alone: it waits for a person, never loops. */
  private autoPumpNow(): void {
    if (!this.autoPump || this.closed || this.localBlock !== null) return;
    void this.runPump().catch(() => undefined);
  }

  private async runPump(): Promise<PumpOutcome> {
    if (this.closed) return { outcome: 'idle', answered: 0 };
    this.clearRetry();
    this.report({ pumping: true });
    let answered = 0;
    try {
      await this.reconcileDevice();
      if (this.localBlock) return { outcome: 'blocked', answered };
      await this.expireOverdue();
      // One batch per lock: a teacher's discard (which waits for the lock) never races a batch in flight.
      for (;;) {
        const step = await navigator.locks.request(PUMP_LOCK, { ifAvailable: true }, async (lock) => (lock ? this.pushOneBatch() : ({ kind: 'busy' } as const)));
        if (step.kind === 'answered') {
          answered += step.count;
          continue;
        }
        if (step.kind === 'busy') return { outcome: 'busy', answered };
        if (step.kind === 'empty') {
          this.attempt = 0;
          return { outcome: answered > 0 ? 'done' : 'idle', answered };
        }
        if (step.kind === 'blocked') return { outcome: 'blocked', answered };
        this.scheduleRetry();
        return { outcome: step.kind === 'offline' ? 'offline' : 'retrying', answered };
      }
    } finally {
      await this.afterChange().catch(() => undefined);
      this.report({ pumping: false });
    }
  }

  private async pushOneBatch(): Promise<{ kind: 'answered'; count: number } | { kind: 'empty' | 'blocked' | 'offline' | 'transient' }> {
    const waiting = await this.db.operations.where('[sent+seq]').between([0, Dexie.minKey], [0, Dexie.maxKey]).limit(MAX_PUSH_BATCH).toArray();
    if (waiting.length === 0) return { kind: 'empty' };
    // Only a contiguous run is a valid batch; unsent seqs always are, but a hole must not be papered over.
    const batch = waiting.filter((record, index) => record.seq === (waiting[0]?.seq ?? 0) + index);
    const operations: Operation[] = [];
    for (const record of batch) {
      let payload: unknown;
      try {
        // Opened just before sending: the plaintext lives only in this call's memory.
        payload = record.sealed === undefined ? undefined : await unseal(this.key, record.sealed, operationBinding(record.deviceId, record.seq, record.kind));
      } catch {
        payload = undefined;
      }
      if (payload === undefined) {
        this.setBlock({ code: 'OUTBOX_UNREADABLE', expectedSeq: record.seq });
        return { kind: 'blocked' };
      }
      operations.push({
        seq: record.seq,
        kind: record.kind,
        payload,
        ...(record.dependsOn.length === 0 ? {} : { dependsOn: [...record.dependsOn] }),
        capturedAt: record.capturedAt,
      });
    }
    await this.reportPending();
    let pushed: IpcResult<PushResponse>;
    try {
      pushed = await this.bridge.syncPush({ operations });
    } catch {
      // The bridge itself failed (host restarting, socket closed): as transient as a lost network.
      return { kind: 'transient' };
    }
    if (!pushed.ok) {
      if (BLOCKING_CODES.has(pushed.error.code)) {
        const expected = pushed.error.params?.['expectedSeq'];
        this.setBlock({ code: pushed.error.code, ...(typeof expected === 'number' ? { expectedSeq: expected } : {}) });
        return { kind: 'blocked' };
      }
      return { kind: pushed.error.code === 'SERVICE_UNAVAILABLE' ? 'offline' : 'transient' };
    }
    const count = await this.recordResults(pushed.value.results);
    // The server stopped before answering anything (a database hiccup): retry later rather than spin.
    return count === 0 ? { kind: 'transient' } : { kind: 'answered', count };
  }

  /** One transaction for the whole answer: applied drops the sealed payload, refused keeps it for a retry. */
  private async recordResults(results: readonly OperationResult[]): Promise<number> {
    const at = this.now().toISOString();
    return this.db.transaction('rw', this.db.operations, async () => {
      let count = 0;
      for (const result of results) {
        const record = await this.db.operations.get(result.seq);
        if (record === undefined || record.sent === 1) continue;
        const state = settledState(result);
        const { sealed, ...rest } = record;
        const answered: OperationRecord = {
          ...rest,
          sent: 1,
          updatedAt: at,
          ...(result.result === undefined ? {} : { result: result.result }),
          ...(result.error === undefined ? {} : { error: result.error }),
          // A tombstone stays voided whatever the server says (it records it as refused).
          state: record.state === 'voided' ? 'voided' : state,
          ...(state === 'refused' && record.state !== 'voided' && sealed !== undefined ? { sealed } : {}),
        };
        await this.db.operations.put(answered);
        count += 1;
      }
      return count;
    });
  }

  private scheduleRetry(): void {
    if (!this.autoPump || this.closed) return;
    const delay = fullJitterDelay(this.attempt, this.backoff, this.random);
    this.attempt += 1;
    this.clearRetry();
    this.retryTimer = setTimeout(() => this.autoPumpNow(), delay);
    this.report({ nextRetryAt: new Date(this.now().getTime() + delay).toISOString() });
  }

  private clearRetry(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.report({ nextRetryAt: null });
  }

  private hostChanged(status: SyncStatus, mayPump = true): void {
    const wasOnline = this.hostStatus?.connectivity === 'online';
    this.hostStatus = status;
    this.report({ connectivity: status.connectivity, lastSyncAt: status.lastSyncAt, replay: status.replay, blocked: this.localBlock ?? status.blocked });
    // Back online: send now instead of waiting for the backoff timer.
    if (mayPump && !wasOnline && status.connectivity === 'online') this.autoPumpNow();
  }

  private setBlock(block: OutboxStatus['blocked']): void {
    this.localBlock = block;
    this.report({ blocked: block ?? this.hostStatus?.blocked ?? null });
  }

  // ---- expiry, retry, discard ----------------------------------------------------------------

  async expireOverdue(): Promise<OutboxAction[]> {
    const cutoff = new Date(this.now().getTime() - this.retentionMs).toISOString();
    const overdue = (await this.db.operations.where('state').equals('pending').toArray()).filter((record) => record.sent === 0 && record.capturedAt < cutoff);
    if (overdue.length === 0) return [];
    return navigator.locks.request(PUMP_LOCK, async () => {
      const actions: OutboxAction[] = [];
      for (const record of overdue) {
        const action = await this.voidOperation(record.seq, 'expired', 'system', undefined, (current) => current.state === 'pending' && current.sent === 0);
        if (action) actions.push(action);
      }
      await this.afterChange();
      return actions;
    });
  }

  /**
   * Replaces a waiting operation by its `outbox.void` tombstone at the same seq, dropping the
   * personal payload, and audits it, in one transaction. Returns null when `still` no longer holds.
   */
  private async voidOperation(
    seq: number,
    reason: VoidReason,
    actor: string,
    note: string | undefined,
    still: (record: OperationRecord) => boolean,
  ): Promise<OutboxAction | null> {
    const record = await this.db.operations.get(seq);
    if (record === undefined || !still(record)) return null;
    const tombstone: OutboxVoidPayload = { reason, voidedKind: record.kind };
    const sealed = await seal(this.key, tombstone, operationBinding(record.deviceId, seq, 'outbox.void'));
    const at = this.now().toISOString();
    const action: OutboxAction = {
      action: reason === 'expired' ? 'expire' : 'discard',
      seq,
      kind: record.kind,
      actor,
      ...(note === undefined ? {} : { reason: note }),
      at,
      deviceId: record.deviceId,
    };
    return this.db.transaction('rw', [this.db.operations, this.db.audit], async () => {
      const current = await this.db.operations.get(seq);
      if (current === undefined || !still(current)) return null;
      const { sealed: _dropped, ...kept } = current;
      // No dependsOn: a tombstone needs nothing before it, so the server records it as discarded or
      // expired (never as a cascade), and what depended on it is refused with that reason.
      await this.db.operations.put({ ...kept, kind: 'outbox.void', dependsOn: [], sealed, state: 'voided', voidReason: reason, voidedKind: current.kind, updatedAt: at });
      await this.db.audit.add({ ...action });
      return action;
    });
  }

  async discard(seq: number, actor: string, reason: string): Promise<OutboxAction> {
    const note = reason.trim();
    if (note.length === 0) throw new OutboxError('FIELD_REQUIRED', undefined, 'reason');
    if (note.length > MAX_DISCARD_REASON) throw new OutboxError('VALIDATION_FAILED', undefined, 'reason');
    // Under the pump's lock: a batch already on its way to the server carries the payload, so a discard must wait for its answer.
    return navigator.locks.request(PUMP_LOCK, async () => {
      const record = await this.db.operations.get(seq);
      if (record === undefined) throw new OutboxError('OUTBOX_OPERATION_NOT_FOUND', { seq });
      if (record.state === 'pending' && record.sent === 0) {
        const action = await this.voidOperation(seq, 'discarded', actor, note, (current) => current.state === 'pending' && current.sent === 0);
        if (action === null) throw new OutboxError('OUTBOX_NOT_PENDING', { seq });
        await this.afterChange();
        return action;
      }
      // A refusal the teacher gives up on: the server has it already, only the kept payload goes.
      if (record.state === 'refused' && record.dismissedAt === undefined && record.retriedAs === undefined) {
        const at = this.now().toISOString();
        const action: OutboxAction = { action: 'discard', seq, kind: record.kind, actor, reason: note, at, deviceId: record.deviceId };
        await this.db.transaction('rw', [this.db.operations, this.db.audit], async () => {
          const { sealed: _dropped, ...kept } = record;
          await this.db.operations.put({ ...kept, dismissedAt: at, updatedAt: at });
          await this.db.audit.add({ ...action });
        });
        await this.afterChange();
        return action;
      }
      throw new OutboxError('OUTBOX_NOT_PENDING', { seq });
    });
  }

  async retry(seq: number, actor: string): Promise<OutboxAction> {
    const record = await this.db.operations.get(seq);
    if (record === undefined) throw new OutboxError('OUTBOX_OPERATION_NOT_FOUND', { seq });
    if (record.retriedAs !== undefined) throw new OutboxError('OUTBOX_ALREADY_RETRIED', { seq, newSeq: record.retriedAs });
    if (record.state !== 'refused') throw new OutboxError('OUTBOX_NOT_REFUSED', { seq });
    if (record.sealed === undefined) throw new OutboxError('OUTBOX_PAYLOAD_GONE', { seq });
    let payload: unknown;
    try {
      payload = await unseal(this.key, record.sealed, operationBinding(record.deviceId, seq, record.kind));
    } catch {
      throw new OutboxError('OUTBOX_UNREADABLE', { seq });
    }
    // What the old operation leaned on may itself have been retried: the retry leans on the retries.
    const successor = async (earlier: number): Promise<number> => {
      let current = earlier;
      for (let hop = 0; hop < 100; hop += 1) {
        const next = (await this.db.operations.get(current))?.retriedAs;
        if (next === undefined) return current;
        current = next;
      }
      return current;
    };
    const candidate = (payload as { candidate?: { by?: string; seq?: number } }).candidate;
    if (candidate?.by === 'operation' && typeof candidate.seq === 'number') {
      payload = { ...(payload as object), candidate: { by: 'operation', seq: await successor(candidate.seq) } };
    }
    const dependsOn = await Promise.all(record.dependsOn.map(successor));
    const at = this.now().toISOString();
    let action: OutboxAction | undefined;
    const newSeq = await this.captureParsed(record.kind, this.validPayload(record.kind, payload), { dependsOn, summary: record.summary }, async (fresh) => {
      const current = await this.db.operations.get(seq);
      if (current === undefined || current.retriedAs !== undefined || current.state !== 'refused') throw new OutboxError('OUTBOX_NOT_REFUSED', { seq });
      // The retry carries the payload now: the refused original keeps none.
      const { sealed: _moved, ...kept } = current;
      await this.db.operations.put({ ...kept, retriedAs: fresh, updatedAt: at });
      const fresher = await this.db.operations.get(fresh);
      if (fresher) await this.db.operations.put({ ...fresher, retryOf: seq });
      action = { action: 'retry', seq, kind: record.kind, newSeq: fresh, actor, at, deviceId: record.deviceId };
      await this.db.audit.add({ ...action });
    });
    return action ?? { action: 'retry', seq, kind: record.kind, newSeq, actor, at, deviceId: record.deviceId };
  }

  // ---- reading -------------------------------------------------------------------------------

  async operations(filter: { readonly states?: readonly OperationState[]; readonly seqs?: readonly number[] } = {}): Promise<OutboxOperation[]> {
    const records =
      filter.seqs !== undefined
        ? (await this.db.operations.bulkGet([...filter.seqs])).filter((record): record is OperationRecord => record !== undefined)
        : filter.states !== undefined
          ? await this.db.operations.where('state').anyOf([...filter.states]).toArray()
          : await this.db.operations.toArray();
    return records
      .filter((record) => filter.states === undefined || filter.states.includes(record.state))
      .sort((a, b) => b.seq - a.seq)
      .map(toView);
  }

  async provisional<T = unknown>(id: string): Promise<ProvisionalRecord<T> | undefined> {
    const row = await this.db.provisional.get(id);
    if (row === undefined) return undefined;
    const value = (await unseal(this.key, row.sealed, provisionalBinding(id))) as T;
    return { id, value, seqs: row.seqs, updatedAt: row.updatedAt };
  }

  async forgetProvisional(id: string): Promise<void> {
    await this.db.provisional.delete(id);
  }

  async keep(id: string, value: unknown): Promise<void> {
    if (id.length === 0 || id.length > MAX_PROVISIONAL_ID) throw new OutboxError('OUTBOX_PAYLOAD_INVALID', undefined, 'id');
    const sealed = await seal(this.key, value, provisionalBinding(id));
    const at = this.now().toISOString();
    await this.db.transaction('rw', this.db.provisional, async () => {
      const before = await this.db.provisional.get(id);
      await this.db.provisional.put({ id, sealed, seqs: before?.seqs ?? [], updatedAt: at });
    });
  }

  async auditTrail(): Promise<OutboxAction[]> {
    const rows = await this.db.audit.orderBy('id').reverse().toArray();
    return rows.map(({ id: _id, ...action }: AuditRow) => action);
  }

  // ---- reference cache -----------------------------------------------------------------------

  async refreshReference(): Promise<{ readonly changes: number }> {
    let changes = 0;
    for (;;) {
      const cursorRow = await this.db.meta.get('pullCursor');
      const cursor = typeof cursorRow?.value === 'string' ? cursorRow.value : undefined;
      const page = await this.bridge.syncPull(cursor === undefined ? {} : { cursor });
      if (!page.ok) throw new OutboxError(page.error);
      await this.db.transaction('rw', [this.db.reference, this.db.meta], async () => {
        for (const change of page.value.changes) {
          if (change.op === 'put') await this.db.reference.put({ entity: change.entity, key: change.key, value: change.value });
          else await this.db.reference.delete([change.entity, change.key]);
        }
        await this.db.meta.put({ key: 'pullCursor', value: page.value.cursor });
      });
      changes += page.value.changes.length;
      if (!page.value.hasMore) return { changes };
    }
  }

  async referenceData<T = unknown>(entity: ReferenceEntity): Promise<Map<string, T>> {
    const rows = await this.db.reference.where('entity').equals(entity).toArray();
    return new Map(rows.map((row) => [row.key, row.value as T]));
  }

  // ---- status --------------------------------------------------------------------------------

  private unsentCount(): Promise<number> {
    return this.db.operations.where('[sent+seq]').between([0, Dexie.minKey], [0, Dexie.maxKey]).count();
  }

  private async reportPending(): Promise<void> {
    // The host's replay progress counts what is still to send, tombstones included.
    await this.bridge.syncReportOutbox({ pending: await this.unsentCount() }).catch(() => undefined);
  }

  private async refreshStatus(): Promise<void> {
    const [pending, refused, expired] = await Promise.all([
      this.db.operations.where('state').equals('pending').count(),
      this.db.operations
        .where('state')
        .equals('refused')
        .filter((record) => record.retriedAs === undefined && record.dismissedAt === undefined)
        .count(),
      this.db.operations
        .where('state')
        .equals('voided')
        .filter((record) => record.voidReason === 'expired')
        .count(),
    ]);
    this.report({ pending, refused, expired });
  }

  private async afterChange(): Promise<void> {
    if (this.closed) return;
    await this.refreshStatus();
    await this.reportPending();
  }

  close(): void {
    this.closed = true;
    this.clearRetry();
    if (this.sweepTimer !== undefined) clearInterval(this.sweepTimer);
    this.unsubscribe();
    this.db.close();
  }
}

/** Opens the outbox for this page on the given bridge: key, database, device, status; starts pumping unless told not to. */
export async function openOutbox(deps: OutboxDeps): Promise<Outbox> {
  const info = await deps.bridge.appInfo({});
  if (!info.ok) throw new OutboxError(info.error);
  const db = deps.database ?? new OutboxDatabase();
  await db.open();
  const key = await outboxCryptoKey(info.value.host, deps.bridge, db);
  const outbox = new OutboxImpl(deps.bridge, db, key, info.value.device.enrolled ? info.value.device.deviceId : null, deps);
  await outbox.start();
  return outbox;
}

let pageOutbox: Promise<Outbox> | undefined;

/** The page's one outbox on the platform bridge, opened on first call (a failed open is tried again on the next call). */
export function startOutbox(): Promise<Outbox> {
  pageOutbox ??= openOutbox({ bridge: platformBridge() }).catch((error: unknown) => {
    pageOutbox = undefined;
    throw error;
  });
  return pageOutbox;
}

