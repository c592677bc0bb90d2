// `npm start`: the central server on embedded PostgreSQL with demo data, then the desktop app.
// Where Electron cannot run, it says why (see scripts/electron.mjs) and opens the same app in
// browser mode, so the product can still be tried.
import { spawn } from 'node:child_process';
import { NO_ELECTRON_EXIT_CODE } from './electron-binary.mjs';
import { root } from './launch.mjs';

const port = process.env.PORT ?? '3000';
const serverUrl = `http://127.0.0.1:${port}`;
const appArgs = process.argv.slice(2);

const children = new Set();
function start(command, args, env = {}) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}
function stopAll(code) {
  for (const child of children) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(0));

async function waitForHealth(deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${serverUrl}/api/health`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

const server = start(process.execPath, ['--import', 'tsx', 'src-server/bin/server.ts'], { PORT: port });
server.on('exit', (code) => {
  console.error(`the server stopped (exit ${code}); stopping the app too`);
  stopAll(code ?? 1);
});

if (!(await waitForHealth(120_000))) {
  console.error(`the server did not answer at ${serverUrl}/api/health within two minutes: see its log above`);
  stopAll(1);
} else {
  const app = start(process.execPath, ['scripts/electron.mjs', `--server-url=${serverUrl}`, ...appArgs]);
  app.on('exit', (code) => {
    if (code !== NO_ELECTRON_EXIT_CODE) return stopAll(code ?? 0);
    console.error('\nStarting browser mode instead (Ctrl-C stops everything):\n');
    const web = start(process.execPath, ['scripts/dev-web.mjs', `--server-url=${serverUrl}`]);
    web.on('exit', (webCode) => stopAll(webCode ?? 0));
  });
}
