// Typed calls to server endpoints by name, through the bridge (the host does the HTTP, with the device credential and session).
import type { Endpoint, RequestOf, ResponseOf } from '../../shared/contracts/http/endpoint.js';
import type { IpcBridge, IpcResult } from '../../shared/contracts/ipc.js';

export interface ApiClient<R extends Readonly<Record<string, Endpoint>>> {
  invoke<K extends keyof R & string>(endpoint: K, request: RequestOf<R[K]>): Promise<IpcResult<ResponseOf<R[K]>>>;
}

/**
 * `R` is the endpoint registry type (e.g. `typeof endpoints` from shared/contracts/http); the host
 * validated the response against the same endpoint's schema, so its type can be trusted here.
 */
export function createApiClient<R extends Readonly<Record<string, Endpoint>>>(bridge: Pick<IpcBridge, 'apiInvoke'>): ApiClient<R> {
  return {
    invoke: (endpoint, request) => bridge.apiInvoke({ endpoint, request }) as Promise<IpcResult<ResponseOf<R[typeof endpoint]>>>,
  };
}
