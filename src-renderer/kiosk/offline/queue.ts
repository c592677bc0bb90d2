// The offline screens' one seam to the outbox: queue a step (operation and provisional view in one transaction), read the cached catalogue, follow the outcomes.
import { useEffect, useState } from 'react';
import type { IpcError } from '../../../shared/contracts/ipc.js';
import { operationPayloads, type OperationPayload } from '../../../shared/contracts/operations.js';
import { referenceEntity, type ReferenceEntity } from '../../../shared/contracts/sync.js';
import { OutboxError, startOutbox, useOutboxStatus, type CapturableKind, type OperationState, type OutboxOperation } from '../../outbox/index.js';
import { useSyncStatusStore } from '../../stores/sync-status-store.js';
import { KIOSK_PROVISIONAL_PREFIX } from '../../privacy/clear-traces.js';
import { catalogueOf, type CachedCatalogue } from './cached-catalogue.js';
import { dependsOnSoFar, useOfflineStore, type CapturedStep } from '../../stores/offline-capture-store.js';

/** The provisional view of one candidate's capture: the summary as shown, sealed by the outbox with the operations. */
export const PROVISIONAL_ID = `${KIOSK_PROVISIONAL_PREFIX}offline-capture`;

function refusalOf(error: unknown): IpcError {
  return error instanceof OutboxError ? error.refusal : { code: 'INTERNAL_ERROR' };
}

/**
 * Validates the payload with its kind's shared schema, then captures it depending on every step
 * before it in this session, with the summary lines as the provisional view in the same
 * transaction. `params` is what the teacher's monitor may show: never personal data.
 */
export async function queueStep<K extends CapturableKind>(
  kind: K,
  payload: OperationPayload<K>,
  lines: readonly string[],
  params: Readonly<Record<string, string | number>> = {},
): Promise<{ ok: true; seq: number } | { ok: false; error: IpcError }> {
  const parsed = operationPayloads[kind].safeParse(payload);
  if (!parsed.success) return { ok: false, error: { code: 'VALIDATION_FAILED', field: String(parsed.error.issues[0]?.path[0] ?? '') } };
  const steps = useOfflineStore.getState().steps;
  try {
    const outbox = await startOutbox();
    const seq = await outbox.capture(kind, payload, {
      dependsOn: dependsOnSoFar(),
      summary: { params },
      local: { id: PROVISIONAL_ID, value: { steps: [...steps, { seq: 0, kind, lines }] } },
    });
    const step: CapturedStep = { seq, kind, lines };
    useOfflineStore.getState().addStep(step);
    return { ok: true, seq };
  } catch (error) {
    return { ok: false, error: refusalOf(error) };
  }
}

async function loadCatalogue(): Promise<CachedCatalogue> {
  const outbox = await startOutbox();
  const entries = await Promise.all(referenceEntity.options.map(async (entity) => [entity, [...(await outbox.referenceData(entity)).values()]] as const));
  const raw = Object.fromEntries(entries) as Record<ReferenceEntity, unknown[]>;
  // The last successful push or pull: the cached seats are no fresher than that, so the notice names it.
  const refreshedAt = useOutboxStatus.getState().lastSyncAt ?? useSyncStatusStore.getState().status?.lastSyncAt ?? null;
  return catalogueOf({ ...raw, refreshedAt });
}

/** The cached catalogue, read once per screen; null while it loads. */
export function useCachedCatalogue(): CachedCatalogue | null {
  const [catalogue, setCatalogue] = useState<CachedCatalogue | null>(null);
  useEffect(() => {
    let live = true;
    void loadCatalogue()
      .catch(() => catalogueOf({ province: [], school: [], campus: [], examSession: [], subject: [], offering: [], refreshedAt: null }))
      .then((loaded) => {
        if (live) setCatalogue(loaded);
      });
    return () => {
      live = false;
    };
  }, []);
  return catalogue;
}

export interface StepOutcome {
  readonly state: OperationState;
  readonly error?: IpcError;
}

/** Each step's state as the outbox knows it, re-read whenever a replay moves on, so provisional marks turn into outcomes on screen. */
export function useStepOutcomes(seqs: readonly number[], tick: unknown): ReadonlyMap<number, StepOutcome> {
  const [outcomes, setOutcomes] = useState<ReadonlyMap<number, StepOutcome>>(new Map());
  const key = seqs.join(',');
  useEffect(() => {
    let live = true;
    if (seqs.length === 0) return;
    void startOutbox()
      .then((outbox) => outbox.operations({ seqs }))
      .then((operations: OutboxOperation[]) => {
        if (live) setOutcomes(new Map(operations.map((op) => [op.seq, { state: op.state, ...(op.error === undefined ? {} : { error: op.error }) }])));
      });
    return () => {
      live = false;
    };
  }, [key, tick]);
  return outcomes;
}
