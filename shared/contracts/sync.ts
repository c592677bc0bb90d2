// The sync protocol between a device's outbox and the central server, shared by both sides.
//
// Push follows Replicache's push (rocicorp/replicache-express, src/backend/push.ts):
// - each device numbers its operations 1, 2, 3… (the renderer's outbox assigns `seq` in the same
//   IndexedDB transaction that stores the operation, so a crash can never leave a hole);
// - the server applies a batch in order and records the device's last applied seq in the same
//   transaction as each operation's effect;
// - an operation with seq ≤ last applied is a re-send: the server returns the result it stored
//   the first time (`duplicate`), so replay after a lost response is exactly-once;
// - a batch that starts after last applied + 1 is a gap: the whole batch is refused with 409
//   `SYNC_SEQUENCE_GAP` and nothing is applied;
// - an operation that fails for good (seat gone, rule broken) is recorded as applied-with-error
//   (`refused`): last applied moves past it, so one bad operation never blocks the queue.
import { z } from 'zod';
import { deviceId } from './device.js';
import { endpoint, errorBody } from './http/endpoint.js';

export const MAX_PUSH_BATCH = 100;
export const MAX_PULL_PAGE = 1000;

/** Refusal codes of the sync endpoints (the server adds their zh-CN/en messages to the catalogue). */
export const SYNC_SEQUENCE_GAP = 'SYNC_SEQUENCE_GAP';
/** An operation whose `dependsOn` names a refused operation is refused with this code. */
export const SYNC_DEPENDENCY_REFUSED = 'SYNC_DEPENDENCY_REFUSED';

export const operationSeq = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** `area.verb` in the domain's words, e.g. `registration.save`, `enrolment.add`, `review.decide`. */
export const operationKind = z
  .string()
  .max(64)
  .regex(/^[a-z][a-zA-Z]*(?:\.[a-z][a-zA-Z]*)+$/);

export const operation = z
  .object({
    seq: operationSeq,
    kind: operationKind,
    /** Validated by the server against the schema of `kind`; the transport does not look inside. */
    payload: z.unknown(),
    /** Earlier operations this one needs (e.g. an enrolment needs its registration). */
    dependsOn: z.array(operationSeq).max(MAX_PUSH_BATCH).optional(),
    /** When the device captured it (UTC), so the server can judge windows and TTLs honestly. */
    capturedAt: z.iso.datetime(),
  })
  .refine((op) => (op.dependsOn ?? []).every((earlier) => earlier < op.seq), {
    message: 'dependsOn may only name earlier operations',
    path: ['dependsOn'],
  });
export type Operation = z.infer<typeof operation>;

/** A batch is one contiguous, ascending run of seqs: the server never has to sort or fill holes. */
export const operationBatch = z
  .array(operation)
  .min(1)
  .max(MAX_PUSH_BATCH)
  .refine((ops) => ops.every((op, i) => i === 0 || op.seq === (ops[i - 1]?.seq ?? 0) + 1), {
    message: 'operations must be numbered contiguously in ascending order',
  });

export const pushRequest = z.object({ deviceId, operations: operationBatch });
export type PushRequest = z.infer<typeof pushRequest>;

/** The refusal of one operation: the same shape as an HTTP refusal body's `error`. */
export const operationError = errorBody.shape.error;

export const operationStatus = z.enum(['applied', 'refused', 'duplicate']);
export type OperationStatus = z.infer<typeof operationStatus>;

export const operationResult = z
  .object({
    seq: operationSeq,
    status: operationStatus,
    /** What applying produced (e.g. the registration id), stored so a re-send gets it again. */
    result: z.unknown().optional(),
    /** For `refused`, and for a `duplicate` of an operation that was refused. */
    error: operationError.optional(),
  })
  .refine((r) => (r.status === 'refused' ? r.error !== undefined : r.status === 'duplicate' || r.error === undefined), {
    message: 'refused carries an error, applied does not',
    path: ['error'],
  });
export type OperationResult = z.infer<typeof operationResult>;

export const pushResponse = z.object({
  results: z.array(operationResult),
  /** The device's last applied seq after this push; the outbox numbers new operations above it. */
  lastAppliedSeq: z.number().int().min(0),
});
export type PushResponse = z.infer<typeof pushResponse>;

/** Reference data a device caches to check offline captures (catalogue, offerings, the rules' settings). */
export const referenceEntity = z.enum(['province', 'school', 'campus', 'examSession', 'subject', 'offering']);
export type ReferenceEntity = z.infer<typeof referenceEntity>;

export const referenceChange = z.discriminatedUnion('op', [
  z.object({ op: z.literal('put'), entity: referenceEntity, key: z.string().min(1).max(128), value: z.unknown() }),
  z.object({ op: z.literal('delete'), entity: referenceEntity, key: z.string().min(1).max(128) }),
]);
export type ReferenceChange = z.infer<typeof referenceChange>;

/** Query string of GET /api/sync/pull: absent cursor means "from the beginning". */
export const pullRequest = z.object({
  cursor: z.string().min(1).max(512).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_PAGE).optional(),
});
export type PullRequest = z.infer<typeof pullRequest>;

export const pullResponse = z.object({
  /** Opaque to the device: it stores it and sends it back. */
  cursor: z.string().min(1).max(512),
  changes: z.array(referenceChange),
  /** More changes wait beyond this page: pull again with the new cursor. */
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponse>;

export const syncEndpoints = {
  syncPush: endpoint({ method: 'POST', path: '/api/sync/push', audience: 'device', request: pushRequest, response: pushResponse }),
  syncPull: endpoint({ method: 'GET', path: '/api/sync/pull', audience: 'device', request: pullRequest, response: pullResponse }),
};

/** What the main process tells every window about sync (the outbox monitor, the offline banner). */
export const syncStatus = z.object({
  connectivity: z.enum(['online', 'offline']),
  /** Last time the server answered anything. */
  lastContactAt: z.iso.datetime().nullable(),
  /** Last successful push or pull. */
  lastSyncAt: z.iso.datetime().nullable(),
  /** Operations waiting in the outbox, as the renderer last reported. */
  pending: z.number().int().min(0),
  /** The server's last applied seq for this device, as of the last push. */
  lastAppliedSeq: z.number().int().min(0),
  /** Progress of the current replay of the outbox, null when none is running. */
  replay: z.object({ total: z.number().int().min(0), done: z.number().int().min(0) }).nullable(),
  /** Set when the server refused the queue as a whole (a gap): a teacher must look. */
  blocked: z.object({ code: z.string(), expectedSeq: z.number().int().min(1).optional() }).nullable(),
});
export type SyncStatus = z.infer<typeof syncStatus>;
