// What the browser benchmarks (kiosk, replay) run against: a production renderer build of their own, a real server and a real browser-mode host, on free ports, all removed afterwards.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../../tests/e2e/support/chromium.js';
import { onCleanup } from './cleanup.js';
import { freePort, waitFor } from './net.js';

const REPO = resolve(import.meta.dirname, '..', '..');

/** A temporary folder removed when the bench ends, however it ends. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onCleanup(`temp folder ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * `npm run build:renderer` into a folder of the bench's own: never dist/renderer, which the browser
 * tests of other people on this machine may be serving at the same time.
 */
export function buildRenderer(): string {
  const outDir = tempDir('bench-renderer-');
  const build = spawnSync(join(REPO, 'node_modules/.bin/vite'), ['build', '--config', 'vite.renderer.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: REPO,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`renderer build failed:\n${build.stdout}\n${build.stderr}`);
  return outDir;
}

export interface BuiltFile {
  /** Path as the page requests it, relative to the renderer folder, e.g. assets/index-abc.js. */
  readonly path: string;
  readonly bytes: number;
  /** zlib's default level (6), what an HTTP server compressing on the fly sends. */
  readonly gzipBytes: number;
}

/** Every JS and CSS file of a renderer build with its raw and gzip size. */
export function builtScriptsAndStyles(rendererDir: string): BuiltFile[] {
  const files: BuiltFile[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(m?js|css)$/.test(name)) {
        const body = readFileSync(full);
        files.push({ path: relative(rendererDir, full).split('\\').join('/'), bytes: body.length, gzipBytes: gzipSync(body).length });
      }
    }
  };
  walk(rendererDir);
  return files.sort((a, b) => b.gzipBytes - a.gzipBytes);
}

export interface BrowserHost {
  readonly origin: string;
  /** The host's last log lines, for the error when something it did went wrong. */
  logTail(): string;
  stop(): Promise<void>;
}

/** The browser-mode host (`npm run dev:web` without its build) serving `rendererDir`, its device data in a temp folder. */
export async function startBrowserHost(serverUrl: string, rendererDir: string): Promise<BrowserHost> {
  const port = await freePort();
  const dataDir = tempDir('bench-host-');
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-main/browser-host/main.ts', '--windows=kiosk', `--server-url=${serverUrl}`, `--port=${port}`, `--data-dir=${dataDir}`, `--renderer-dir=${rendererDir}`],
    { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  let exited = false;
  const exit = new Promise<void>((done) => child.once('exit', () => ((exited = true), done())));
  const kill = onCleanup(`browser host ${child.pid}`, () => {
    if (!exited) child.kill('SIGKILL');
  });
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`browser host on port ${port}`, async () => {
      if (exited) throw new Error('browser host exited');
      return (await fetch(`${origin}/index.html`)).ok;
    }, 60_000);
  } catch (error) {
    kill();
    throw new Error(`${String(error)}\n${stderr}`);
  }
  return {
    origin,
    logTail: () => stderr,
    async stop() {
      if (!exited) child.kill('SIGTERM');
      await Promise.race([exit, new Promise((done) => setTimeout(done, 10_000))]);
      kill();
    },
  };
}

/** Debian's Chromium as the browser tests launch it (Playwright kills it too if the bench exits without closing it). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}
