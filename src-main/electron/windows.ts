// Creates the kiosk or staff window and applies the kiosk policy to it: shortcuts, zoom, close, crash and hang recovery.
//
// @electron/remote is deliberately not used, in either window. It hands the page the main
// process's whole object graph (any module, any BrowserWindow, `require` by proxy), which undoes
// the sandbox and the sender checks this module and ipc.ts exist for. Everything the staff window
// needs (printing, enrolment, the outbox, the server) is a named call in shared/contracts/ipc.ts,
// validated in main; a staff need that is not there belongs in that contract, not in remote.
import { BrowserWindow, type WebContents } from 'electron';
import type { WindowKind } from '../../shared/contracts/ipc.js';
import { appUrl } from '../core/app-url.js';
import type { HostServices } from '../core/host-services.js';
import type { WindowRegistry } from '../core/ipc-handlers.js';
import { DEFAULT_RECOVERY_POLICY, recoveryStep, trimCrashHistory } from '../core/recovery.js';
import { isBlockedShortcut } from '../core/shortcuts.js';
import { windowOptions } from '../core/window-options.js';

export interface WindowDeps {
  readonly preloadPath: string;
  readonly devTools: boolean;
  readonly registry: WindowRegistry;
  readonly host: HostServices;
  readonly log: (message: string) => void;
  /** True once the app is quitting, so a kiosk window may finally close. */
  readonly quitting: () => boolean;
}

export function reloadToStart(contents: WebContents, kind: WindowKind): void {
  if (!contents.isDestroyed()) void contents.loadURL(appUrl(kind));
}

/**
 * Everything origin-wide a candidate could have left behind, except IndexedDB: the outbox and the
 * reference cache live there, and the page clears its own candidate tables (on a wipe, and at start
 * for the times it could not: a crash, a forced reset).
 */
export async function clearCandidateStorage(contents: WebContents): Promise<void> {
  if (contents.isDestroyed()) return;
  await contents.session.clearStorageData({
    storages: ['cookies', 'localstorage', 'cachestorage', 'serviceworkers', 'shadercache', 'filesystem'],
  });
  await contents.session.clearCache();
}

export function createAppWindow(kind: WindowKind, deps: WindowDeps): BrowserWindow {
  const window = new BrowserWindow(windowOptions(kind, deps.preloadPath, { devTools: deps.devTools }));
  const contents = window.webContents;
  const windowId = String(contents.id);
  deps.registry.add(contents.id, kind);
  deps.host.windowOpened({ windowId, kind });

  contents.on('before-input-event', (event, input) => {
    if (isBlockedShortcut(input, { kind, devToolsAllowed: deps.devTools })) event.preventDefault();
  });
  if (!deps.devTools) contents.on('devtools-opened', () => contents.closeDevTools());

  if (kind === 'kiosk') {
    // Pinch zoom off; keyboard zoom is filtered above.
    void contents.setVisualZoomLevelLimits(1, 1);
    window.on('close', (event) => {
      if (!deps.quitting()) event.preventDefault();
    });
  }

  let crashes: number[] = [];
  let recoveryTimer: ReturnType<typeof setTimeout> | undefined;
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    crashes = trimCrashHistory([...crashes, Date.now()]);
    const step = recoveryStep(crashes, DEFAULT_RECOVERY_POLICY);
    deps.log(`${kind} renderer gone (${details.reason}); reload #${step.attempt} in ${step.delayMs} ms`);
    // Whoever was logged in does not come back with the page.
    deps.host.windowReset(windowId);
    const cleared =
      kind === 'kiosk'
        ? clearCandidateStorage(contents).catch((error: unknown) => deps.log(`clearing storage failed: ${String(error)}`))
        : Promise.resolve();
    clearTimeout(recoveryTimer);
    recoveryTimer = setTimeout(() => void cleared.then(() => reloadToStart(contents, kind)), step.delayMs);
  });

  let hangTimer: ReturnType<typeof setTimeout> | undefined;
  window.on('unresponsive', () => {
    clearTimeout(hangTimer);
    hangTimer = setTimeout(() => {
      deps.log(`${kind} renderer unresponsive for ${DEFAULT_RECOVERY_POLICY.unresponsiveGraceMs} ms: restarting it`);
      // Ends in render-process-gone, which reloads with the crash backoff.
      if (!contents.isDestroyed()) contents.forcefullyCrashRenderer();
    }, DEFAULT_RECOVERY_POLICY.unresponsiveGraceMs);
  });
  window.on('responsive', () => clearTimeout(hangTimer));

  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    clearTimeout(recoveryTimer);
    clearTimeout(hangTimer);
    deps.registry.remove(Number(windowId));
    deps.host.windowClosed(windowId);
  });

  void window.loadURL(appUrl(kind));
  return window;
}
