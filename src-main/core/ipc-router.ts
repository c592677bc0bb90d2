// One dispatcher for every IPC call, whichever transport carried it: sender check, payload validation, one service call, response check.
import type { z } from 'zod';
import {
  ipcMethods,
  isIpcMethodName,
  type IpcMethodName,
  type IpcMethods,
  type IpcResponse,
  type IpcResult,
  type WindowKind,
} from '../../shared/contracts/ipc.js';
import { failure, fieldOf } from './ipc-result.js';

/** A caller the host recognised: one of its own windows (Electron) or connections (browser mode). */
export interface Sender {
  readonly windowId: string;
  readonly kind: WindowKind;
}

/** The host's implementation of the contract; each gets an already-validated request. */
export type IpcServices = {
  readonly [M in IpcMethodName]: (request: z.output<IpcMethods[M]['request']>, sender: Sender) => Promise<IpcResult<IpcResponse<M>>>;
};

export interface IpcRouter {
  /** `sender` is null when the transport could not vouch for the caller: refused like any stranger. */
  dispatch(sender: Sender | null, method: string, payload: unknown): Promise<IpcResult<unknown>>;
}

export function createIpcRouter(services: IpcServices, log: (message: string) => void): IpcRouter {
  return {
    async dispatch(sender, method, payload) {
      if (!isIpcMethodName(method)) return failure('NOT_FOUND');
      const contract = ipcMethods[method];
      if (!sender || !contract.windows.includes(sender.kind)) {
        log(`refused ${method} from ${sender ? `a ${sender.kind} window` : 'an unknown sender'}`);
        return failure('FORBIDDEN');
      }
      const request = contract.request.safeParse(payload);
      if (!request.success) {
        const field = fieldOf(request.error.issues);
        return failure('VALIDATION_FAILED', field === undefined ? {} : { field });
      }
      let result: IpcResult<unknown>;
      try {
        const service = services[method] as (request: unknown, sender: Sender) => Promise<IpcResult<unknown>>;
        result = await service(request.data, sender);
      } catch (error) {
        log(`${method} failed: ${(error as Error).stack ?? String(error)}`);
        return failure('INTERNAL_ERROR');
      }
      if (!result.ok) return result;
      // What leaves the host is what the contract says, even if a service slips.
      const response = contract.response.safeParse(result.value);
      if (!response.success) {
        log(`${method} produced a response outside the contract: ${response.error.message}`);
        return failure('INTERNAL_ERROR');
      }
      return { ok: true, value: response.data };
    },
  };
}
