// The Electron side of HostPlatform: events to a window, silent printing, storage clearing and reloads.
import { webContents, type WebContents } from 'electron';
import { hostname } from 'node:os';
import { ipcEventChannel, ipcEvents, type WindowKind } from '../../shared/contracts/ipc.js';
import type { HostPlatform } from '../core/host-services.js';
import type { WindowRegistry } from '../core/ipc-handlers.js';
import { printOptions } from '../core/printing.js';
import { clearCandidateStorage, reloadToStart } from './windows.js';

function contentsOf(windowId: string): WebContents | undefined {
  const contents = webContents.fromId(Number(windowId));
  return contents && !contents.isDestroyed() ? contents : undefined;
}

export function electronPlatform(registry: WindowRegistry, softwareVersion: string, log: (message: string) => void): HostPlatform {
  const reload = (windowId: string): void => {
    const contents = contentsOf(windowId);
    const kind: WindowKind | undefined = contents ? registry.kindOf(contents.id) : undefined;
    if (contents && kind) reloadToStart(contents, kind);
  };
  // A failure to clear is logged, never a reason to leave the candidate's page on screen.
  const clear = async (windowId: string): Promise<void> => {
    const contents = contentsOf(windowId);
    if (contents) await clearCandidateStorage(contents).catch((error: unknown) => log(`clearing storage failed: ${String(error)}`));
  };
  return {
    host: 'electron',
    softwareVersion,
    defaultDeviceName: hostname(),
    send(windowId, event, payload) {
      const contents = contentsOf(windowId);
      const kind = contents ? registry.kindOf(contents.id) : undefined;
      // Events go only to window kinds the contract names for them.
      if (contents && kind && ipcEvents[event].windows.includes(kind)) contents.send(ipcEventChannel(event), payload);
    },
    print(windowId, document, printer) {
      const contents = contentsOf(windowId);
      if (!contents) return Promise.resolve({ printed: false, failureReason: 'window closed' });
      return new Promise((resolve) => {
        contents.print(printOptions(document, printer), (printed, failureReason) =>
          resolve(printed ? { printed } : { printed, failureReason }),
        );
      });
    },
    async afterWipe(windowId) {
      await clear(windowId);
      // After this reply has gone out: a fresh page, a fresh JavaScript heap.
      setImmediate(() => reload(windowId));
      return 'host';
    },
    forceReset(windowId) {
      void clear(windowId).then(() => reload(windowId));
    },
  };
}
