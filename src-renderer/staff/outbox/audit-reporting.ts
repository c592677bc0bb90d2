// Retry and discard on this device reach the server's audit log (K4 "audited"): each local audit row is sent once the server
// answers; until then it waits (and the monitor says so). The reported set is kept sealed in the outbox, so a reload or a
// crash between the action and its report loses nothing: whatever is in the local trail and not marked reported is sent again.
import { z } from 'zod';
import type { IpcError } from '../../../shared/contracts/ipc.js';
import { startOutbox, type OutboxAction } from '../../outbox/index.js';
import { staffCall } from '../shell/staff-api.js';

const REPORTED_ID = 'staff:reported-outbox-actions';
/** Keys of reported actions kept at most; the oldest are forgotten first (their rows are long reported). */
const MAX_REMEMBERED = 2_000;

const reportedKeys = z.array(z.string());

/** One local action's identity: device, operation, action and when. */
export function actionKey(action: OutboxAction): string {
  return `${action.deviceId}/${action.seq}/${action.action}/${action.at}`;
}

/** Only a teacher's or admin's retry and discard are reported here; an expiry reaches the server as its outbox.void tombstone. */
export function reportable(action: OutboxAction): action is OutboxAction & { action: 'retry' | 'discard' } {
  return action.action === 'retry' || action.action === 'discard';
}

export async function reportedActions(): Promise<ReadonlySet<string>> {
  const record = await (await startOutbox()).provisional(REPORTED_ID).catch(() => undefined);
  const parsed = reportedKeys.safeParse(record?.value);
  return new Set(parsed.success ? parsed.data : []);
}

async function markReported(key: string): Promise<void> {
  const known = [...(await reportedActions()), key];
  await (await startOutbox()).keep(REPORTED_ID, known.slice(-MAX_REMEMBERED));
}

let running: Promise<IpcError | null> | null = null;

/** Sends every unreported action, oldest first; stops at the first failure (offline: they wait). One run at a time per page. */
export function reportOutboxActions(): Promise<IpcError | null> {
  running ??= (async () => {
    try {
      const outbox = await startOutbox();
      const reported = await reportedActions();
      const waiting = (await outbox.auditTrail()).filter(reportable).filter((action) => !reported.has(actionKey(action))).reverse();
      for (const action of waiting) {
        const result = await staffCall('recordOutboxAction', {
          deviceId: action.deviceId,
          seq: action.seq,
          kind: action.kind,
          action: action.action,
          ...(action.reason === undefined ? {} : { reason: action.reason }),
        });
        if (!result.ok) return result.error;
        await markReported(actionKey(action));
      }
      return null;
    } finally {
      running = null;
    }
  })();
  return running;
}
