// Wires the contract's channels onto an ipcMain-like object, identifying each sender by its frame: testable without Electron.
import { IPC_METHOD_NAMES, ipcChannel, type WindowKind } from '../../shared/contracts/ipc.js';
import { isAppOrigin } from './app-url.js';
import type { IpcRouter, Sender } from './ipc-router.js';

/** The parts of Electron's IpcMainInvokeEvent a sender check needs. */
export interface IpcEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/** The part of Electron's ipcMain that registers invoke handlers. */
export interface IpcMainLike<E extends IpcEventLike> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<unknown>): void;
}

/** The host's own windows by webContents id; a sender not in here is nobody we opened. */
export class WindowRegistry {
  private readonly kinds = new Map<number, WindowKind>();

  add(webContentsId: number, kind: WindowKind): void {
    this.kinds.set(webContentsId, kind);
  }

  remove(webContentsId: number): void {
    this.kinds.delete(webContentsId);
  }

  kindOf(webContentsId: number): WindowKind | undefined {
    return this.kinds.get(webContentsId);
  }
}

/**
 * The sender is one of our windows (its kind comes from our registry, never from the page), and
 * the message comes from its top frame while that frame shows our own app:// origin: not an
 * iframe, not a page it somehow navigated to. The path is not checked: the renderer routes
 * in-page with the history API.
 */
export function identifySender(event: IpcEventLike, windows: WindowRegistry): Sender | null {
  const kind = windows.kindOf(event.sender.id);
  const frame = event.senderFrame;
  if (!kind || !frame || frame.parent !== null) return null;
  if (!isAppOrigin(frame.url)) return null;
  return { windowId: String(event.sender.id), kind };
}

export function registerHandlers<E extends IpcEventLike>(ipc: IpcMainLike<E>, router: IpcRouter, windows: WindowRegistry): void {
  for (const name of IPC_METHOD_NAMES) {
    ipc.handle(ipcChannel(name), (event, payload) => router.dispatch(identifySender(event, windows), name, payload));
  }
}
