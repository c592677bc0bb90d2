// `npm run dev:web`: browser mode. Builds the renderer, then serves it with the main-process services from a loopback Node host.
// Flags go through to the host and its config: --port=5174 --windows=kiosk,staff --server-url=… --data-dir=… --no-build
import { buildRenderer, root, runForeground } from './launch.mjs';

const args = process.argv.slice(2);
if (!args.includes('--no-build')) buildRenderer();
runForeground(process.execPath, ['--import', 'tsx', 'src-main/browser-host/main.ts', ...args.filter((arg) => arg !== '--no-build')], { cwd: root });
