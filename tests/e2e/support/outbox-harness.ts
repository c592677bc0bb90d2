// Bundled for the browser by tests/e2e/outbox.spec.ts: the real outbox module on a page of the real browser host, driven through window.outboxHarness.
// Only the pushes are observed on their way through (which seqs each window sent); nothing is faked.
import type { IpcBridge } from '../../../shared/contracts/ipc.js';
import type { OperationKind } from '../../../shared/contracts/operations.js';
import type { ReferenceEntity } from '../../../shared/contracts/sync.js';
import { OutboxDatabase } from '../../../src-renderer/outbox/database.js';
import {
  OutboxError,
  openOutbox,
  useOutboxStatus,
  type CapturableKind,
  type CaptureOptions,
  type Outbox,
  type OperationState,
  type OutboxStatus,
} from '../../../src-renderer/outbox/index.js';
import { platformBridge } from '../../../src-renderer/platform/bridge.js';

export interface HarnessOpenOptions {
  readonly autoPump?: boolean;
  readonly backoff?: { baseMs: number; capMs: number };
  /** Every write of a new provisional record fails inside the capture's transaction (a full disk, say). */
  readonly failLocalWrites?: boolean;
}

export type Attempt<T> = { ok: true; value: T } | { ok: false; code: string; field?: string; params?: Record<string, string | number>; message?: string };

let clockOffsetMs = 0;
const pushedSeqs: number[][] = [];
let opened: Outbox | undefined;

function observedBridge(): IpcBridge {
  const bridge = platformBridge();
  return new Proxy(bridge, {
    get(target, property, receiver) {
      if (property === 'syncPush') {
        return (request: Parameters<IpcBridge['syncPush']>[0]) => {
          pushedSeqs.push(request.operations.map((operation) => operation.seq));
          return target.syncPush(request);
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

async function attempt<T>(run: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof OutboxError) {
      const { code, field, params } = error.refusal;
      return { ok: false, code, ...(field === undefined ? {} : { field }), ...(params === undefined ? {} : { params }) };
    }
    return { ok: false, code: 'THROWN', message: String(error) };
  }
}

function current(): Outbox {
  if (!opened) throw new Error('open the outbox first');
  return opened;
}

const harness = {
  async open(options: HarnessOpenOptions = {}): Promise<Attempt<true>> {
    return attempt(async () => {
      const database = new OutboxDatabase();
      if (options.failLocalWrites) {
        database.provisional.hook('creating', () => {
          throw new Error('simulated failure of the local write');
        });
      }
      opened = await openOutbox({
        bridge: observedBridge(),
        database,
        now: () => new Date(Date.now() + clockOffsetMs),
        autoPump: options.autoPump ?? false,
        ...(options.backoff ? { backoff: options.backoff } : {}),
      });
      return true as const;
    });
  },
  close(): void {
    opened?.close();
    opened = undefined;
  },
  enrol: async (code: string) => platformBridge().deviceEnrol({ code }),
  hostStatus: async () => platformBridge().syncStatus({}),
  capture: (kind: CapturableKind, payload: unknown, options: CaptureOptions) => attempt(() => current().capture(kind, payload as never, options)),
  pump: () => attempt(() => current().pump()),
  retry: (seq: number, actor: string) => attempt(() => current().retry(seq, actor)),
  discard: (seq: number, actor: string, reason: string) => attempt(() => current().discard(seq, actor, reason)),
  expireOverdue: () => attempt(() => current().expireOverdue()),
  operations: (filter?: { states?: OperationState[]; seqs?: number[] }) => current().operations(filter),
  provisional: (id: string) => attempt(() => current().provisional(id)),
  keep: (id: string, value: unknown) => attempt(() => current().keep(id, value)),
  refreshReference: () => attempt(() => current().refreshReference()),
  referenceKeys: async (entity: ReferenceEntity) => [...(await current().referenceData(entity)).keys()],
  auditTrail: () => current().auditTrail(),
  status: (): OutboxStatus => {
    const { patch: _patch, ...status } = useOutboxStatus.getState();
    return status;
  },
  pushed: () => pushedSeqs,
  /** Moves the outbox's clock (not the page's timers): retention is judged by it. */
  setClockOffset(ms: number): void {
    clockOffsetMs = ms;
  },
  kinds: (): OperationKind[] => ['passport.register', 'registration.save', 'enrolment.written', 'enrolment.oral', 'review.submit', 'review.decide'],
};

export type OutboxHarness = typeof harness;

declare global {
  interface Window {
    outboxHarness: OutboxHarness;
  }
}

window.outboxHarness = harness;
