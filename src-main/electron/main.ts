// Electron main process entry: single instance, app:// protocol, hardened session, the shared host services and one window.
import { app, dialog, ipcMain, Menu, session } from 'electron';
import { join } from 'node:path';
import { systemClock } from '../../shared/domain/clock.js';
import { loadConfig } from '../core/config.js';
import { DeviceStore } from '../core/device-store.js';
import { forwardedEndpoints } from '../core/endpoint-registry.js';
import { createHostServices } from '../core/host-services.js';
import { registerHandlers, WindowRegistry } from '../core/ipc-handlers.js';
import { createIpcRouter } from '../core/ipc-router.js';
import { FileSecretStore } from '../core/secret-store.js';
import { systemTimers } from '../core/timers.js';
import { electronPlatform } from './platform.js';
import { registerAppScheme, serveRenderer } from './protocol.js';
import { safeStorageCipher } from './safe-storage.js';
import { hardenSession, lockNavigation } from './session-security.js';
import { createAppWindow } from './windows.js';

const log = (message: string): void => console.error(`[main ${new Date().toISOString()}] ${message}`);

// Both before `ready`: privileged schemes cannot be registered later, and every renderer is sandboxed.
registerAppScheme();
app.enableSandbox();

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  const outcome = await loadConfig(userData, process.argv.slice(1));
  await app.whenReady();
  if (!outcome.ok) {
    dialog.showErrorBox('CET 报名：配置有误 / configuration error', `${outcome.file}\n\n${outcome.problems.join('\n')}`);
    app.exit(1);
    return;
  }
  const { config } = outcome;
  const devTools = config.devTools && !app.isPackaged;
  Menu.setApplicationMenu(null);

  const registry = new WindowRegistry();
  hardenSession(session.defaultSession);
  serveRenderer(session.defaultSession, join(app.getAppPath(), 'dist', 'renderer'));
  app.on('web-contents-created', (_event, contents) => lockNavigation(contents, registry));

  const secrets = new FileSecretStore(join(userData, 'secrets'), await safeStorageCipher());
  const host = createHostServices({
    config,
    platform: electronPlatform(registry, app.getVersion(), log),
    device: new DeviceStore(userData, secrets),
    registry: forwardedEndpoints,
    // Node's fetch, not net.fetch: net.fetch would keep the server's session cookies in the
    // Chromium session on disk; here they stay in main-process memory, per window.
    fetch: (input, init) => fetch(input, init),
    timers: systemTimers,
    clock: systemClock,
    random: Math.random,
    log,
  });
  registerHandlers(ipcMain, createIpcRouter(host.services, log), registry);
  await host.start();

  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
    host.stop();
  });
  app.on('window-all-closed', () => app.quit());
  // A supervisor (systemd, a kiosk shell) stops the app with SIGTERM: quit properly, so the kiosk window may close.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => app.quit());

  const window = createAppWindow(config.window, {
    preloadPath: join(import.meta.dirname, 'preload.cjs'),
    devTools,
    registry,
    host,
    log,
    quitting: () => quitting,
  });
  // A second launch (a double-tap on the icon, an autostart racing the supervisor) shows this window instead.
  app.on('second-instance', () => {
    if (window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
}

if (app.requestSingleInstanceLock()) {
  start().catch((error: unknown) => {
    log(`start failed: ${(error as Error).stack ?? String(error)}`);
    app.exit(1);
  });
} else {
  app.quit();
}
