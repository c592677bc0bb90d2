// Where Electron's binary is, read the way Electron's own index.js reads it, but without its
// download-on-require side effect: ELECTRON_OVERRIDE_DIST_PATH, else node_modules/electron/dist per path.txt.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The launcher's exit code for "no Electron binary here": npm start then falls back to browser mode. */
export const NO_ELECTRON_EXIT_CODE = 3;

export const electronDir = fileURLToPath(new URL('../node_modules/electron', import.meta.url));

/** The binary's path, or null where it is not installed. */
export function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : process.platform === 'win32' ? 'electron.exe' : 'electron';
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist');
  const binary = join(dist, relative);
  return existsSync(binary) ? binary : null;
}
