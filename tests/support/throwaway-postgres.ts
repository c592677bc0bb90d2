// A throwaway PostgreSQL 15 cluster in a temporary folder, on a free loopback port: the test suite's (globalSetup of 'server:pg') and the benchmarks' one way to start and remove one.
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './processes.js';

const BIN = '/usr/lib/postgresql/15/bin';

/** initdb refuses to run as root, so as root every cluster command runs as the postgres user. */
function asPostgres(command: string, args: readonly string[]): void {
  const program = join(BIN, command);
  const asRoot = process.getuid?.() === 0;
  execFileSync(asRoot ? 'runuser' : program, asRoot ? ['-u', 'postgres', '--', program, ...args] : [...args], { stdio: 'pipe' });
}

export interface ThrowawayPostgres {
  readonly port: number;
  /** Superuser URL of the `postgres` database. */
  readonly adminUrl: string;
  /** The cluster's data folder (its postmaster.pid names the server's process). */
  readonly dataDir: string;
  /** Stops the server at once (nothing in it is worth a clean shutdown) and deletes the folder; synchronous, so it also works from process.on('exit'). */
  stop(): void;
}

/** `settings` become `-c name=value` server options (durability, max_connections, preloaded libraries). */
export async function startThrowawayPostgres(options: { folderPrefix: string; settings: Readonly<Record<string, string>> }): Promise<ThrowawayPostgres> {
  const dir = mkdtempSync(join(tmpdir(), options.folderPrefix));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  const data = join(dir, 'data');
  try {
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      chownSync(dir, uid, gid);
    }
    const port = await freePort();
    asPostgres('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync']);
    const flags = Object.entries(options.settings).map(([name, value]) => `-c ${name}=${value}`);
    const serverOptions = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', ...flags].join(' ');
    asPostgres('pg_ctl', ['-D', data, '-o', serverOptions, '-l', join(dir, 'postgres.log'), '-w', 'start']);
    return {
      port,
      adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
      dataDir: data,
      stop() {
        try {
          asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
        } finally {
          removeDir();
        }
      },
    };
  } catch (error) {
    removeDir();
    throw error;
  }
}
