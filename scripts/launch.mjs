// Helpers the app launchers share: build the renderer, run a child in the foreground with signals passed on.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** vite build of src-renderer into dist/renderer (the renderer's own `npm run build:renderer`). */
export function buildRenderer() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', 'build:renderer'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('the renderer build failed: see above');
    process.exit(result.status ?? 1);
  }
}

/** Runs `command` until it exits, passing Ctrl-C and a supervisor's SIGTERM on; exits with its code. */
export function runForeground(command, args, options = {}) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
