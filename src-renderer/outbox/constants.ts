// The outbox's tunables, apart from index.ts so the implementation can import them without a cycle.
/** How long a captured operation may wait for the server before it is voided as expired (72 h: a long weekend offline). */
export const OUTBOX_RETENTION_MS = 72 * 3600_000;
/** Retry delays of the pump after a transient failure: first retry within 2 s, never more than 5 min apart. */
export const PUMP_BACKOFF = { baseMs: 2_000, capMs: 5 * 60_000 } as const;
/** How often an open outbox looks for operations past their retention time. */
export const EXPIRY_SWEEP_INTERVAL_MS = 60_000;
