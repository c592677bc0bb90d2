// A durable queue of sync operations on disk, modelled on the kiosk outbox's protocol, for tests that replay through the real main-process Syncer.
//
// The renderer's outbox keeps operations in IndexedDB, which Node does not have; what the replay
// depends on is its protocol, and that is what this file keeps, in an append-only JSON-lines file
// (each append flushed with fdatasync, so what was written survives a crash of the writer):
// - enqueueing numbers an operation seq = last + 1 in the same write that stores it (no holes);
// - an operation stays unacknowledged until a push answer names it; the pump always sends from the
//   first unacknowledged operation, so after any failure it re-sends exactly what may be lost;
// - an answer's `duplicate` is the server's stored outcome of an operation whose first answer never
//   arrived: it is kept as that operation's outcome (applied when it carries no error).
import { open, readFile, type FileHandle } from 'node:fs/promises';
import type { Operation, OperationResult } from '../../shared/contracts/sync.js';

/** The final outcome of an operation as the device keeps it. */
export interface Outcome {
  readonly status: 'applied' | 'refused';
  readonly result?: unknown;
  readonly error?: OperationResult['error'];
  /** True when the first answer was lost and this outcome came back as a duplicate of a re-send. */
  readonly viaDuplicate: boolean;
}

type Line = { readonly t: 'op'; readonly op: Operation } | { readonly t: 'ack'; readonly result: OperationResult };

export interface NewOperation {
  readonly kind: string;
  readonly payload: unknown;
  readonly dependsOn?: readonly number[];
}

export class FileOutbox {
  private readonly operations: Operation[] = [];
  private readonly outcomes = new Map<number, Outcome>();
  /** Index of the first operation without an outcome: everything before it is acknowledged. */
  private head = 0;

  private constructor(
    private readonly file: FileHandle,
    private readonly clock: { now(): Date },
  ) {}

  /** Opens (or creates) the queue at `path` and replays its lines into memory. */
  static async open(path: string, clock: { now(): Date } = { now: () => new Date() }): Promise<FileOutbox> {
    const existing = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? '' : Promise.reject(error)));
    const outbox = new FileOutbox(await open(path, 'a'), clock);
    for (const text of existing.split('\n')) {
      if (text.length === 0) continue;
      const line = JSON.parse(text) as Line;
      if (line.t === 'op') outbox.operations.push(line.op);
      else outbox.record(line.result);
    }
    return outbox;
  }

  async close(): Promise<void> {
    await this.file.close();
  }

  /** Stores operations in one flushed write, numbered after the last; returns their seqs. */
  async enqueue(items: readonly NewOperation[]): Promise<number[]> {
    const capturedAt = this.clock.now().toISOString();
    const added = items.map((item, i): Operation => ({
      seq: this.operations.length + i + 1,
      kind: item.kind,
      payload: item.payload,
      ...(item.dependsOn === undefined || item.dependsOn.length === 0 ? {} : { dependsOn: [...item.dependsOn] }),
      capturedAt,
    }));
    await this.append(added.map((op): Line => ({ t: 'op', op })));
    this.operations.push(...added);
    return added.map((op) => op.seq);
  }

  /** Up to `limit` operations from the first unacknowledged one: what the next push sends. */
  unacknowledged(limit: number): Operation[] {
    return this.operations.slice(this.head, this.head + limit);
  }

  /** How many operations, from seq 1 on, have an outcome. */
  acknowledgedCount(): number {
    return this.head;
  }

  size(): number {
    return this.operations.length;
  }

  all(): readonly Operation[] {
    return this.operations;
  }

  outcome(seq: number): Outcome | undefined {
    return this.outcomes.get(seq);
  }

  /** Keeps a push answer's results (flushed before they count), and says how many were duplicates of lost answers. */
  async acknowledge(results: readonly OperationResult[]): Promise<{ lostAnswers: number }> {
    const fresh = results.filter((result) => !this.outcomes.has(result.seq));
    await this.append(fresh.map((result): Line => ({ t: 'ack', result })));
    let lostAnswers = 0;
    for (const result of fresh) if (this.record(result).viaDuplicate) lostAnswers += 1;
    return { lostAnswers };
  }

  private record(result: OperationResult): Outcome {
    const outcome: Outcome = {
      status: result.status === 'duplicate' ? (result.error === undefined ? 'applied' : 'refused') : result.status,
      ...(result.result === undefined ? {} : { result: result.result }),
      ...(result.error === undefined ? {} : { error: result.error }),
      viaDuplicate: result.status === 'duplicate',
    };
    this.outcomes.set(result.seq, outcome);
    while (this.head < this.operations.length && this.outcomes.has(this.operations[this.head]!.seq)) this.head += 1;
    return outcome;
  }

  private async append(lines: readonly Line[]): Promise<void> {
    if (lines.length === 0) return;
    await this.file.appendFile(lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
    await this.file.datasync();
  }
}
