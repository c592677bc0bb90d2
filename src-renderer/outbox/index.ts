/**
 * The renderer's durable outbox (issue #7, SPEC K3): the client half of offline capture.
 *
 * What it is: one IndexedDB database, `cet-outbox` (Dexie, strict durability), shared by every
 * window of this origin. A capture is written in ONE read-write transaction together with the local
 * state it changes; the server applies the queue exactly once (shared/contracts/sync.ts).
 *
 * How to use it (kiosk offline flow, staff outbox monitor):
 *
 *   const outbox = await startOutbox();               // once per page; also starts auto-pumping
 *   const seq = await outbox.capture('passport.register', payload, {
 *     summary: { params: { campus: '993010' } },      // NON-personal: shown in the monitor
 *     local: { id: 'kiosk:candidate', value: provisionalView }, // sealed too
 *   });
 *   await outbox.capture('registration.save', { candidate: { by: 'operation', seq }, ... }, { dependsOn: [seq], summary: {} });
 *   const view = await outbox.provisional<MyView>('kiosk:candidate'); // { value, seqs } or undefined
 *   const states = await outbox.operations({ seqs: view.seqs });       // pending → applied/refused
 *   useOutboxStatus((s) => s.pending);                 // pending, refused, expired, lastSyncAt, replay, connectivity, blocked
 *   await outbox.refreshReference(); await outbox.referenceData('offering'); // cached catalogue for offline checks
 *   const action = await outbox.retry(seq, 'teacher99301');      // refused → captured again (new seq)
 *   const action2 = await outbox.discard(seq, 'teacher99301', '考生放弃'); // pending → outbox.void tombstone
 *   // then POST action/action2 to the server's audit endpoint (POST /api/staff/outbox-actions).
 *
 * Rules it keeps:
 * - seqs are contiguous per device, assigned as max(last assigned, the host's lastAppliedSeq) + 1,
 *   and never reused: a discarded or expired operation keeps its seq as an `outbox.void` tombstone;
 * - payloads and provisional state are sealed with AES-GCM (key from the host's `outboxKey` in
 *   Electron; a non-extractable key kept in IndexedDB in browser mode), a fresh IV per seal and the
 *   record's identity (device, seq, kind) as additional data; no record holds plaintext personal
 *   data, and an applied or voided operation's payload is dropped;
 * - one pump at a time across windows (Web Locks), batches of ≤ MAX_PUSH_BATCH in seq order, stop on
 *   a transient failure and retry with capped exponential backoff and full jitter; a gap or a refused
 *   device blocks the queue (status `blocked`) until a person looks;
 * - operations still pending after OUTBOX_RETENTION_MS are voided as expired, audited and counted.
 *
 * Failures of the API itself are thrown as `OutboxError`; its `refusal` (code, params, bilingual
 * message when the host gave one) goes to `refusalMessage(error.refusal, locale)`.
 */
import type { OperationKind, OperationPayload, OUTBOX_VOID_REASONS } from '../../shared/contracts/operations.js';
import type { IpcError } from '../../shared/contracts/ipc.js';
import type { ReferenceEntity } from '../../shared/contracts/sync.js';

/** The kinds a window captures itself; `outbox.void` tombstones are made only by discard and expiry. */
export type CapturableKind = Exclude<OperationKind, 'outbox.void'>;

export type OperationState = 'pending' | 'applied' | 'refused' | 'voided';
export type VoidReason = (typeof OUTBOX_VOID_REASONS)[number];

/** What may be shown about an operation without opening it: never a name, ID number, mobile, email or password. */
export interface OperationSummary {
  /** e.g. { campus: '993010', offerings: 'F,1' }; refused at capture if a value repeats a personal field of the payload. */
  readonly params?: Readonly<Record<string, string | number>>;
}

/** The local state a capture changes, written in the same transaction (sealed). */
export interface ProvisionalChange {
  /** e.g. 'kiosk:candidate'; a later capture with the same id replaces the value and adds its seq. */
  readonly id: string;
  readonly value: unknown;
}

export interface CaptureOptions {
  readonly dependsOn?: readonly number[];
  readonly summary: OperationSummary;
  readonly local?: ProvisionalChange;
}

/** One queued operation as the UI may show it (the sealed payload never leaves the outbox this way). */
export interface OutboxOperation {
  readonly seq: number;
  readonly kind: OperationKind;
  readonly dependsOn: readonly number[];
  readonly capturedAt: string;
  readonly state: OperationState;
  readonly summary: OperationSummary;
  /** The server's result when applied (ids only). */
  readonly result?: unknown;
  /** The refusal (code, params, bilingual message) when refused or voided. */
  readonly error?: IpcError;
  /** For a voided operation: why, and which kind it was. */
  readonly voidReason?: VoidReason;
  readonly voidedKind?: OperationKind;
  /** Sent and answered by the server (a voided tombstone is sent too). */
  readonly sent: boolean;
  /** The sealed payload still exists (so a refused operation can be retried). */
  readonly hasPayload: boolean;
  /** A refused operation captured again: the seq of the new operation. */
  readonly retriedAs?: number;
  /** The operation this one retries. */
  readonly retryOf?: number;
  readonly updatedAt: string;
}

export interface ProvisionalRecord<T = unknown> {
  readonly id: string;
  readonly value: T;
  /** The captures that changed it, oldest first. */
  readonly seqs: readonly number[];
  readonly updatedAt: string;
}

export type OutboxActionKind = 'retry' | 'discard' | 'expire';

/** A local action on the queue, as audited locally and as the UI reports it to the server's audit endpoint. */
export interface OutboxAction {
  readonly action: OutboxActionKind;
  readonly seq: number;
  readonly kind: OperationKind;
  /** For a retry: the seq of the new operation. */
  readonly newSeq?: number;
  /** The teacher's username, or 'system' for expiry. */
  readonly actor: string;
  readonly reason?: string;
  readonly at: string;
  readonly deviceId: string;
}

export interface PumpOutcome {
  /** `busy`: another window holds the pump; `idle`: nothing to send; `done`: the queue is empty now. */
  readonly outcome: 'busy' | 'idle' | 'done' | 'retrying' | 'blocked' | 'offline';
  /** Operations answered by the server in this run. */
  readonly answered: number;
}

/** What the status bar, the offline banner and the outbox monitor show. */
export interface OutboxStatus {
  /** False until the outbox has opened (key, database, device). */
  readonly ready: boolean;
  readonly connectivity: 'online' | 'offline';
  /** Captured operations waiting for the server (tombstones not counted). */
  readonly pending: number;
  readonly refused: number;
  /** Voided because they waited past OUTBOX_RETENTION_MS: a visible notice. */
  readonly expired: number;
  readonly lastSyncAt: string | null;
  /** Progress of the host's current replay, null when none runs. */
  readonly replay: { readonly total: number; readonly done: number } | null;
  /** Set when the queue cannot move without a person (gap, device revoked, re-enrolled device with old work). */
  readonly blocked: { readonly code: string; readonly expectedSeq?: number } | null;
  /** When the next automatic retry runs after a transient failure. */
  readonly nextRetryAt: string | null;
  readonly pumping: boolean;
}

export interface Outbox {
  /** Validates, seals and stores the operation with its local state change in one transaction; returns its seq. */
  capture<K extends CapturableKind>(kind: K, payload: OperationPayload<K>, options: CaptureOptions): Promise<number>;
  /** Sends what is pending (one pump across all windows); safe to call any time. Clears a `blocked` state to try again. */
  pump(): Promise<PumpOutcome>;
  /** A refused operation with its payload still kept is captured again; returns the audited action. */
  retry(seq: number, actor: string): Promise<OutboxAction>;
  /** A pending operation becomes an `outbox.void` tombstone (reason 'discarded'); a refused one drops its payload. */
  discard(seq: number, actor: string, reason: string): Promise<OutboxAction>;
  /** Voids operations pending past OUTBOX_RETENTION_MS (runs on its own too); returns what it voided. */
  expireOverdue(): Promise<OutboxAction[]>;
  /** Operations newest first, optionally only some states or seqs. */
  operations(filter?: { readonly states?: readonly OperationState[]; readonly seqs?: readonly number[] }): Promise<OutboxOperation[]>;
  /** The opened local state of a capture, or undefined. */
  provisional<T = unknown>(id: string): Promise<ProvisionalRecord<T> | undefined>;
  /** Forgets a provisional view (e.g. once the kiosk has shown the confirmed outcome). */
  forgetProvisional(id: string): Promise<void>;
  /**
   * Keeps a value sealed under `id` without capturing an operation (the staff window's offline
   * decision grant and review cache: personal data that must never be plaintext at rest).
   */
  keep(id: string, value: unknown): Promise<void>;
  /** Pulls reference data pages from the stored cursor until none remain. */
  refreshReference(): Promise<{ readonly changes: number }>;
  /** The cached reference data of one entity, by key. */
  referenceData<T = unknown>(entity: ReferenceEntity): Promise<Map<string, T>>;
  /** Local audit trail of retry, discard and expiry, newest first. */
  auditTrail(): Promise<OutboxAction[]>;
  /** Stops timers and listeners and closes the database connection. */
  close(): void;
}

export { EXPIRY_SWEEP_INTERVAL_MS, OUTBOX_RETENTION_MS, PUMP_BACKOFF } from './constants.js';
export { OutboxError } from './errors.js';
export { startOutbox, openOutbox, type OutboxDeps } from './outbox.js';
export { useOutboxStatus } from './status-store.js';
