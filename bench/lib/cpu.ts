// CPU seconds used by a process, or by a PostgreSQL server with all its backends, read from /proc (Linux): what a figure per claim or per request divides.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const CLOCK_TICKS_PER_SECOND = 100;

/** The fields of /proc/<pid>/stat (or /proc/<pid>/task/<tid>/stat) after the command name (which may hold spaces): ppid is [1], utime [11], stime [12], cutime [13], cstime [14]. */
function statFields(pid: number, tid?: number): string[] | null {
  try {
    const stat = readFileSync(tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null; // gone meanwhile
  }
}

/** User + system CPU seconds of one process so far. */
export function processCpuSeconds(pid: number): number {
  const fields = statFields(pid);
  return fields === null ? 0 : (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/**
 * User + system CPU seconds of a process's main thread so far: for Node, its event loop, where every
 * request's JavaScript runs. The rest of processCpuSeconds is other threads: V8's optimising compiler
 * and garbage collector helpers, and libuv's pool.
 */
export function mainThreadCpuSeconds(pid: number): number {
  const fields = statFields(pid, pid);
  return fields === null ? 0 : (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/**
 * A PostgreSQL server's CPU seconds so far: the postmaster, every backend and worker it runs now,
 * and (through the postmaster's cutime/cstime) those that have exited. PostgreSQL shares the cores
 * with the servers and the load generator, so its part of a claim is its own figure.
 */
export function postgresCpuSeconds(dataDir: string): number {
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const own = statFields(postmaster);
  let ticks = own === null ? 0 : Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (fields !== null && Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / CLOCK_TICKS_PER_SECOND;
}
