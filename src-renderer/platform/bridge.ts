// The one way renderer code reaches its host: Electron's preload bridge when present, else browser mode's WebSocket, behind one IpcBridge type.
import { BRIDGE_GLOBAL, BROWSER_IPC_PATH, windowKind, type IpcBridge, type WindowKind } from '../../shared/contracts/ipc.js';
import { createWebSocketBridge } from './websocket-bridge.js';

declare global {
  interface Window {
    /** Set by the Electron preload (src-main/preload); absent in a plain browser. */
    readonly cet?: IpcBridge;
  }
}

/** The window kind the host opened this page as; read once at start, before in-app routing rewrites the URL. */
export function windowKindOf(location: Pick<Location, 'search'>): WindowKind {
  const kind = windowKind.safeParse(new URLSearchParams(location.search).get('window'));
  return kind.success ? kind.data : 'kiosk';
}

export function browserIpcUrl(location: Pick<Location, 'href' | 'protocol' | 'search'>): string {
  const url = new URL(BROWSER_IPC_PATH, location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = `?window=${windowKindOf(location)}`;
  return url.toString();
}

let connected: IpcBridge | undefined;

/** The page's bridge, created on first use. */
export function platformBridge(): IpcBridge {
  connected ??=
    window[BRIDGE_GLOBAL] ??
    createWebSocketBridge({
      url: browserIpcUrl(window.location),
      createSocket: (url) => new WebSocket(url),
      reload: () => window.location.reload(),
      openPrintDialog: () => window.print(),
    });
  return connected;
}
