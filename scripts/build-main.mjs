// Bundles the Electron main process (ESM) and the sandboxed preload (CommonJS, as sandboxed preloads must be) into dist/main.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function buildMain() {
  const common = { absWorkingDir: root, bundle: true, external: ['electron'], legalComments: 'none', logLevel: 'warning' };
  await Promise.all([
    build({
      ...common,
      entryPoints: ['src-main/electron/main.ts'],
      outfile: 'dist/main/electron-main.js',
      platform: 'node',
      format: 'esm',
      target: 'node22',
    }),
    build({
      ...common,
      entryPoints: ['src-main/preload/preload.ts'],
      outfile: 'dist/main/preload.cjs',
      // No Node in a sandboxed preload: bundle for the browser, leave only `require('electron')`.
      platform: 'browser',
      format: 'cjs',
      target: 'chrome130',
      // It carries zod (the contract's names come with their schemas): minified, it parses faster per window.
      minify: true,
    }),
  ]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildMain();
  console.log('built dist/main/electron-main.js and dist/main/preload.cjs');
}
