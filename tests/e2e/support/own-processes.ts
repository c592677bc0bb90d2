// A central server and a browser host (staff or kiosk window) of a test's own, on free ports, for tests that must take the server away
// (the suite's shared server on 3310 must stay up for the other specs).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, waitFor } from '../../support/processes.js';

const root = resolve(import.meta.dirname, '../../..');
/** Ceilings, not expectations: tsx compiling and PGlite opening on two shared cores can take a while. */
const START_MS = 120_000;

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

async function stop(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill(signal);
  await exited;
}

/** The real server (src-server/bin/server.ts) on PGlite in a folder of its own, so a restart finds the same database. */
export class OwnServer {
  private child: ChildProcess | undefined;

  private constructor(
    readonly url: string,
    private readonly port: number,
    /** The server's DATA_DIR: a test may open its PGlite database while the server is stopped. */
    readonly dataDir: string,
  ) {}

  static async create(): Promise<OwnServer> {
    const port = await freePort();
    return new OwnServer(`http://127.0.0.1:${port}`, port, await mkdtemp(join(tmpdir(), 'cet-e2e-own-server-')));
  }

  async start(): Promise<void> {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'src-server/bin/server.ts'], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        PORT: String(this.port),
        DATA_DIR: this.dataDir,
        PUBLIC_BASE_URL: this.url,
        LOG_LEVEL: 'warn',
        CAPTCHA_TEST_ANSWERS: '1',
        SMS_COOLDOWN_SECONDS: '5',
        SMS_IP_HOURLY_LIMIT: '10000',
        LOGIN_IP_MAX_FAILURES: '1000',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitFor(() => answers(`${this.url}/api/health`), START_MS);
  }

  /** SIGKILL by default: the server gets no chance to finish anything, as when the campus link drops. */
  async stop(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const running = this.child;
    this.child = undefined;
    await stop(running, signal);
  }

  async dispose(): Promise<void> {
    await this.stop('SIGTERM');
    await rm(this.dataDir, { recursive: true, force: true });
  }
}

/** `npm run dev:web --windows=staff` (or kiosk) against one server, with quick connectivity polls so a test sees the server go and come back in seconds. */
export class OwnHost {
  private child: ChildProcess | undefined;

  private constructor(
    readonly url: string,
    private readonly port: number,
    private readonly dataDir: string,
    private readonly window: 'staff' | 'kiosk',
  ) {}

  static async create(window: 'staff' | 'kiosk' = 'staff'): Promise<OwnHost> {
    const port = await freePort();
    return new OwnHost(`http://127.0.0.1:${port}`, port, await mkdtemp(join(tmpdir(), 'cet-e2e-own-host-')), window);
  }

  async start(serverUrl: string): Promise<void> {
    await mkdir(this.dataDir, { recursive: true });
    // The longest idle time the host accepts: a test's kiosk page waits for another page or for a server restart far longer than a
    // candidate would, and the K2 wipe (tested on its own in idle-wipe.spec.ts) must not take its screen meanwhile.
    const idle = { timeoutSeconds: 3600, warningSeconds: 15 };
    await writeFile(join(this.dataDir, 'config.json'), JSON.stringify({ idle, sync: { onlineIntervalSeconds: 1, offlineBaseSeconds: 0.5, offlineCapSeconds: 2, requestTimeoutSeconds: 5 } }));
    this.child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src-main/browser-host/main.ts', `--windows=${this.window}`, `--server-url=${serverUrl}`, `--port=${this.port}`, `--data-dir=${this.dataDir}`],
      { cwd: root, env: process.env, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    await waitFor(() => answers(`${this.url}/index.html`), START_MS);
  }

  async dispose(): Promise<void> {
    const running = this.child;
    this.child = undefined;
    await stop(running, 'SIGTERM');
    await rm(this.dataDir, { recursive: true, force: true });
  }
}

/** The staff window's host, as the staff specs name it. */
export const OwnStaffHost = OwnHost;
export type OwnStaffHost = OwnHost;
