// The outbox's IndexedDB schema (Dexie 4): operations, the provisional local state they change, cached reference data, queue metadata and the local audit trail.
import { Dexie, type Table } from 'dexie';
import type { IpcError } from '../../shared/contracts/ipc.js';
import type { OperationKind } from '../../shared/contracts/operations.js';
import type { ReferenceEntity } from '../../shared/contracts/sync.js';
import type { OperationState, OperationSummary, OutboxAction, VoidReason } from './index.js';

export const OUTBOX_DATABASE = 'cet-outbox';

/** AES-GCM ciphertext (with its tag) and the 96-bit IV it was sealed with. */
export interface Sealed {
  readonly iv: Uint8Array<ArrayBuffer>;
  readonly data: ArrayBuffer;
}

export interface OperationRecord {
  readonly seq: number;
  /** The device the seq was assigned for (the server numbers per device). */
  readonly deviceId: string;
  readonly kind: OperationKind;
  readonly dependsOn: readonly number[];
  readonly capturedAt: string;
  readonly state: OperationState;
  /** 0 until the server answered it; a number, since IndexedDB cannot index booleans. */
  readonly sent: 0 | 1;
  /** The payload, sealed; dropped once applied or voided (and when a teacher dismisses a refusal). */
  readonly sealed?: Sealed;
  readonly summary: OperationSummary;
  readonly result?: unknown;
  readonly error?: IpcError;
  readonly voidReason?: VoidReason;
  readonly voidedKind?: OperationKind;
  readonly retriedAs?: number;
  readonly retryOf?: number;
  /** A refused operation a teacher discarded: nothing more will be done with it. */
  readonly dismissedAt?: string;
  readonly updatedAt: string;
}

export interface ProvisionalRow {
  readonly id: string;
  readonly sealed: Sealed;
  readonly seqs: readonly number[];
  readonly updatedAt: string;
}

export interface ReferenceRow {
  readonly entity: ReferenceEntity;
  readonly key: string;
  readonly value: unknown;
}

/** `queue`: { deviceId, lastSeq }; `pullCursor`: string; `browserKey`: the non-extractable CryptoKey of browser mode. */
export interface MetaRow {
  readonly key: 'queue' | 'pullCursor' | 'browserKey';
  readonly value: unknown;
}

export interface QueueMeta {
  readonly deviceId: string | null;
  readonly lastSeq: number;
}

export interface AuditRow extends OutboxAction {
  readonly id?: number;
}

export class OutboxDatabase extends Dexie {
  operations!: Table<OperationRecord, number>;
  provisional!: Table<ProvisionalRow, string>;
  reference!: Table<ReferenceRow, [ReferenceEntity, string]>;
  meta!: Table<MetaRow, MetaRow['key']>;
  audit!: Table<AuditRow, number>;

  constructor(name: string = OUTBOX_DATABASE) {
    // Strict: a transaction counts as committed only once it is flushed to disk, so a capture the
    // kiosk confirmed on screen survives a power cut (Chromium's default is relaxed).
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      operations: 'seq, state, [sent+seq]',
      provisional: 'id',
      reference: '[entity+key], entity',
      meta: 'key',
      audit: '++id, at',
    });
  }
}
