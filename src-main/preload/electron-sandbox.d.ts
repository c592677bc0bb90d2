// The slice of Electron a sandboxed preload can reach, and all of it we use: typed narrowly (tsconfig maps 'electron' here) so nothing else creeps in.

export interface IpcRendererEvent {
  readonly senderId: number;
}

export interface IpcRenderer {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): this;
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): this;
}

export interface ContextBridge {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}

export declare const ipcRenderer: IpcRenderer;
export declare const contextBridge: ContextBridge;
