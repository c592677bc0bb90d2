// `npm run app`: builds main, preload and renderer, makes sure Electron's binary is there, and starts the desktop app.
// Flags go through to the app: --window=kiosk|staff --server-url=… --campus=… --printer-receipt=… (see src-main/core/config.ts)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildMain } from './build-main.mjs';
import { NO_ELECTRON_EXIT_CODE, electronBinary, electronDir } from './electron-binary.mjs';
import { buildRenderer, root, runForeground } from './launch.mjs';

const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;

function explainAndExit() {
  const platform = `${process.platform}-${process.arch}`;
  console.error(`
Electron ${version} is not installed, and downloading it failed (no internet, or a blocked mirror).
Do one of these, then run this command again:

  1. Download from a mirror you can reach:
       ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npx install-electron

  2. Copy a binary in by hand: take electron-v${version}-${platform}.zip from any machine that has it
     (from GitHub releases or the mirror above) and either
       unzip it into node_modules/electron/dist/ and write "${process.platform === 'win32' ? 'electron.exe' : 'electron'}" into node_modules/electron/path.txt
     or unzip it anywhere and point to that folder:
       ELECTRON_OVERRIDE_DIST_PATH=/opt/electron-v${version} npm run app

  3. Or use browser mode, which needs no Electron (the same renderer and main-process services):
       npm run dev:web
`);
  process.exit(NO_ELECTRON_EXIT_CODE);
}

await buildMain();
if (!existsSync(join(root, 'dist', 'renderer', 'index.html')) || process.argv.includes('--build-renderer')) buildRenderer();

let binary = electronBinary();
if (!binary) {
  console.error(`Electron ${version} binary not found: trying install-electron (Electron's on-demand downloader)…`);
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: root, stdio: 'inherit', timeout: 10 * 60_000 });
  binary = electronBinary();
}
if (!binary) explainAndExit();

runForeground(binary, [root, ...process.argv.slice(2).filter((arg) => arg !== '--build-renderer')]);
