// The syncer, the device's only path for queued work: pushes outbox batches, pulls reference data, and keeps the sync status every window shows.
import type { Clock } from '../../shared/domain/clock.js';
import type { IpcResult } from '../../shared/contracts/ipc.js';
import {
  SYNC_SEQUENCE_GAP,
  syncEndpoints,
  type Operation,
  type PullResponse,
  type PushResponse,
  type SyncStatus,
} from '../../shared/contracts/sync.js';
import type { ConnectivityMonitor } from './connectivity.js';
import type { DeviceStore } from './device-store.js';
import { outcomeToResult } from './forwarder.js';
import { callEndpoint, type ServerConnection } from './http-client.js';
import { failure, success } from './ipc-result.js';

export interface SyncerDeps {
  readonly connection: ServerConnection;
  readonly device: DeviceStore;
  readonly monitor: ConnectivityMonitor;
  readonly clock: Clock;
  readonly log: (message: string) => void;
}

/** Results must answer the batch that was sent: each seq once, and only seqs of the batch. */
function resultsMatchBatch(response: PushResponse, operations: readonly Operation[]): boolean {
  const sent = new Set(operations.map((op) => op.seq));
  const seen = new Set<number>();
  return response.results.every((result) => {
    const fresh = sent.has(result.seq) && !seen.has(result.seq);
    seen.add(result.seq);
    return fresh;
  });
}

export class Syncer {
  private pending = 0;
  private lastSyncAt: Date | null = null;
  private lastAppliedSeq = 0;
  private replay: { total: number; done: number } | null = null;
  private blocked: SyncStatus['blocked'] = null;
  /** Pushes run one at a time, in the order the outbox handed them over. */
  private pushChain: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(status: SyncStatus) => void>();

  constructor(private readonly deps: SyncerDeps) {
    deps.monitor.onChange(() => this.emit());
  }

  /** Loads what survives a restart (the server's last applied seq). */
  async init(): Promise<void> {
    this.lastAppliedSeq = await this.deps.device.lastAppliedSeq();
  }

  onStatus(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  status(): SyncStatus {
    const connectivity = this.deps.monitor.snapshot();
    return {
      connectivity: connectivity.state,
      lastContactAt: connectivity.lastContactAt?.toISOString() ?? null,
      lastSyncAt: this.lastSyncAt?.toISOString() ?? null,
      pending: this.pending,
      lastAppliedSeq: this.lastAppliedSeq,
      replay: this.replay,
      blocked: this.blocked,
    };
  }

  /** The outbox's count of waiting operations; an empty outbox ends a replay. */
  reportOutbox(pending: number): void {
    this.pending = pending;
    if (this.replay) {
      this.replay = pending === 0 ? null : { done: this.replay.done, total: this.replay.done + pending };
    }
    this.emit();
  }

  /** Enrolment changed the identity: the new device starts at seq 0. */
  async identityChanged(): Promise<void> {
    await this.init();
    this.blocked = null;
    this.emit();
  }

  push(operations: readonly Operation[]): Promise<IpcResult<PushResponse>> {
    const run = this.pushChain.then(() => this.pushNow(operations));
    this.pushChain = run.catch(() => undefined);
    return run;
  }

  async pull(cursor: string | undefined): Promise<IpcResult<PullResponse>> {
    const bearer = await this.deps.device.credential();
    if (!bearer) return failure('UNAUTHENTICATED');
    const outcome = await callEndpoint(syncEndpoints.syncPull, cursor === undefined ? {} : { cursor }, this.deps.connection, { bearer });
    const result = outcomeToResult(outcome, this.deps.monitor, this.deps.log);
    if (!result.ok) return result;
    this.lastSyncAt = this.deps.clock.now();
    this.emit();
    return success(result.value as PullResponse);
  }

  private async pushNow(operations: readonly Operation[]): Promise<IpcResult<PushResponse>> {
    const identity = await this.deps.device.identity();
    const bearer = await this.deps.device.credential();
    if (!identity || !bearer) return failure('UNAUTHENTICATED');
    this.replay ??= { total: Math.max(this.pending, operations.length), done: 0 };
    this.emit();
    const outcome = await callEndpoint(
      syncEndpoints.syncPush,
      { deviceId: identity.deviceId, operations },
      this.deps.connection,
      { bearer },
    );
    const result = outcomeToResult(outcome, this.deps.monitor, this.deps.log);
    if (!result.ok) {
      if (outcome.kind === 'refused' && outcome.error.code === SYNC_SEQUENCE_GAP) {
        const expected = outcome.error.params?.['expectedSeq'];
        this.blocked = typeof expected === 'number' ? { code: SYNC_SEQUENCE_GAP, expectedSeq: expected } : { code: SYNC_SEQUENCE_GAP };
        this.deps.log(`push refused as a gap: the server expects seq ${String(expected)}, the batch starts at ${operations[0]?.seq}`);
      }
      this.replay = null;
      this.emit();
      return result;
    }
    const response = result.value as PushResponse;
    if (!resultsMatchBatch(response, operations)) {
      this.deps.log('push answer names operations that were not in the batch');
      this.replay = null;
      this.emit();
      return failure('INTERNAL_ERROR');
    }
    this.lastAppliedSeq = await this.deps.device.recordLastAppliedSeq(response.lastAppliedSeq);
    this.lastSyncAt = this.deps.clock.now();
    this.blocked = null;
    const done = (this.replay?.done ?? 0) + response.results.length;
    this.replay = { done, total: Math.max(this.replay?.total ?? 0, done) };
    this.emit();
    return success(response);
  }

  private emit(): void {
    const status = this.status();
    for (const listener of this.listeners) listener(status);
  }
}
