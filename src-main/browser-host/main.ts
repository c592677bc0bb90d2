// Browser mode entry (`npm run dev:web`): the main-process services without Electron, for development and for machines without the desktop app.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { WINDOW_KINDS, windowKind } from '../../shared/contracts/ipc.js';
import { systemClock } from '../../shared/domain/clock.js';
import { loadConfig } from '../core/config.js';
import { DeviceStore } from '../core/device-store.js';
import { forwardedEndpoints } from '../core/endpoint-registry.js';
import { createHostServices } from '../core/host-services.js';
import { createIpcRouter } from '../core/ipc-router.js';
import { FileSecretStore, plainTextCipher } from '../core/secret-store.js';
import { systemTimers } from '../core/timers.js';
import { startBrowserHost } from './host.js';
import { browserPlatform } from './platform.js';

const log = (message: string): void => console.error(`[browser-host ${new Date().toISOString()}] ${message}`);

const hostFlags = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(5174),
  'data-dir': z.string().min(1).default('data/browser-host'),
  'renderer-dir': z.string().min(1).default('dist/renderer'),
  /** Which window kinds pages may connect as, comma-separated. */
  windows: z
    .string()
    .default(WINDOW_KINDS.join(','))
    .transform((list) => list.split(','))
    .pipe(z.array(windowKind).min(1)),
});

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, 'renderer-dir': { type: 'string' }, windows: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  const flags = hostFlags.safeParse(values);
  if (!flags.success) throw new Error(`bad flags: ${flags.error.message}`);
  const dataDir = resolve(flags.data['data-dir']);
  const rendererDir = resolve(flags.data['renderer-dir']);
  await readFile(resolve(rendererDir, 'index.html')).catch(() => {
    throw new Error(`no renderer build in ${rendererDir}: run npm run build:renderer first`);
  });

  const outcome = await loadConfig(dataDir, argv);
  if (!outcome.ok) throw new Error(`configuration error in ${outcome.file}:\n${outcome.problems.join('\n')}`);
  const { config } = outcome;
  const { version } = z.object({ version: z.string() }).parse(JSON.parse(await readFile('package.json', 'utf8')));

  // LESS PROTECTED than the desktop app: the credential is a plain file under the data folder.
  const secrets = new FileSecretStore(resolve(dataDir, 'secrets'), plainTextCipher);
  log(`secrets are kept as plain files in ${resolve(dataDir, 'secrets')} (browser mode has no OS keystore)`);

  let services: ReturnType<typeof createHostServices> | undefined;
  const host = await startBrowserHost(
    { rendererDir, port: flags.data.port, allowedWindows: flags.data.windows, log },
    (connections) => {
      services = createHostServices({
        config,
        platform: browserPlatform(connections, version),
        device: new DeviceStore(dataDir, secrets),
        registry: forwardedEndpoints,
        fetch: (input, init) => fetch(input, init),
        timers: systemTimers,
        clock: systemClock,
        random: Math.random,
        log,
      });
      return { router: createIpcRouter(services.services, log), windowOpened: services.windowOpened, windowClosed: services.windowClosed };
    },
  );
  await services?.start();
  for (const kind of flags.data.windows) console.log(`${kind}: ${host.origin}/index.html?window=${kind}`);
  console.log(`server: ${config.serverUrl}`);

  const stop = (): void => {
    services?.stop();
    void host.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  log((error as Error).message);
  process.exit(1);
});
