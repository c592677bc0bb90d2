// `npm run server` as a child process, as production runs it: its own pool and event loop. Stopped on exit or Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import { onCleanup } from './cleanup.js';
import { mainThreadCpuSeconds, processCpuSeconds } from './cpu.js';
import { freePort, waitFor } from './net.js';

export const BENCH_SECRET = 'bench-secret-that-is-long-enough-for-hmac-0123456789';

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  /** CPU seconds (user + system) the process has used so far, from /proc: what a figure per core divides by. */
  cpuSeconds(): number;
  /** The part of cpuSeconds spent on the event loop's thread; the rest is V8's compiler and GC threads. */
  mainThreadCpuSeconds(): number;
  stop(): Promise<void>;
}

/**
 * `env` is added to a production environment: NODE_ENV=production (responses not re-validated,
 * no dev pages), LOG_LEVEL=warn (no line per request), no demo seeding (the bench prepares its data).
 */
export async function startServerProcess(env: Readonly<Record<string, string>>, options: { nodeArgs?: readonly string[] } = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', 'src-server/bin/server.ts'], {
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), SEED_DEMO: 'false', LOG_LEVEL: 'warn', COOKIE_SECRET: BENCH_SECRET, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const kill = onCleanup(`server process ${child.pid}`, () => {
    if (!exited) child.kill('SIGKILL');
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`server on port ${port}`, async () => {
      if (exited) throw new Error(`server process exited: ${stderr}`);
      return (await fetch(`${url}/api/health`)).ok;
    }, 60_000);
  } catch (error) {
    kill();
    throw new Error(`${String(error)}\n${stderr}`);
  }
  return {
    url,
    pid: child.pid ?? 0,
    cpuSeconds: () => processCpuSeconds(child.pid ?? 0),
    mainThreadCpuSeconds: () => mainThreadCpuSeconds(child.pid ?? 0),
    async stop() {
      if (!exited) child.kill('SIGTERM');
      await Promise.race([exit, new Promise((done) => setTimeout(done, 10_000))]);
      kill();
    },
  };
}
