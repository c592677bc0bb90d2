// The sandboxed preload: exposes exactly the IPC contract's named functions on window.cet, and nothing of Electron itself.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  BRIDGE_GLOBAL,
  IPC_EVENT_NAMES,
  IPC_METHOD_NAMES,
  ipcChannel,
  ipcEventChannel,
  subscriberName,
  type IpcBridge,
} from '../../shared/contracts/ipc.js';

const bridge: Record<string, unknown> = {};

for (const name of IPC_METHOD_NAMES) {
  const channel = ipcChannel(name);
  // One argument, passed as is: main validates it against the contract, so the preload need not.
  bridge[name] = (request: unknown) => ipcRenderer.invoke(channel, request);
}

for (const name of IPC_EVENT_NAMES) {
  const channel = ipcEventChannel(name);
  bridge[subscriberName(name)] = (listener: unknown) => {
    if (typeof listener !== 'function') throw new TypeError(`${subscriberName(name)} needs a listener function`);
    // The IpcRendererEvent (with its sender) never reaches the page: only the payload does.
    const forward = (_event: IpcRendererEvent, payload: unknown) => (listener as (payload: unknown) => void)(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  };
}

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, Object.freeze(bridge) as IpcBridge);
