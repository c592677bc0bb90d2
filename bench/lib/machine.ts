// What a figure was measured on: the numbers mean little without the machine and how busy it was.
import { cpus, freemem, loadavg, release, totalmem } from 'node:os';
import { availableParallelism } from 'node:os';

export interface Machine {
  readonly cpu_model: string;
  readonly logical_cores: number;
  readonly memory_gb: number;
  readonly kernel: string;
  readonly node: string;
  /** 1-minute load average when the part started and ended: the machine is shared, so above ~0.5 others were running too. */
  readonly load_at_start: number;
  load_at_end: number;
  readonly note: string;
}

export function describeMachine(): Machine {
  return {
    cpu_model: cpus()[0]?.model ?? 'unknown',
    logical_cores: availableParallelism(),
    memory_gb: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
    load_at_start: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    load_at_end: Number.NaN,
    note: `shared build VM (other engineers' builds and tests may run at the same time); ${Math.round(freemem() / 2 ** 30)} GB free at start`,
  };
}
