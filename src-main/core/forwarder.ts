// The API forwarder: a window names a shared-contract endpoint, main calls the server with the device's credential and the window's session.
import type { Audience } from '../../shared/contracts/http/endpoint.js';
import type { IpcResult, WindowKind } from '../../shared/contracts/ipc.js';
import { callEndpoint, type CallOutcome, type ServerConnection } from './http-client.js';
import { failure, success } from './ipc-result.js';
import type { SessionCookies } from './session-cookies.js';

/** Endpoints by name, e.g. the registry `shared/contracts/http` exports. */
import type { EndpointRegistry } from '../../shared/contracts/http/index.js';

/**
 * Which endpoints each window may reach. The server enforces audiences by session; this is the
 * second lock: a kiosk page, even a subverted one, cannot reach a teacher or admin endpoint.
 */
export const WINDOW_AUDIENCES: Readonly<Record<WindowKind, readonly Audience[]>> = {
  kiosk: ['public', 'candidate', 'device'],
  staff: ['public', 'teacher', 'admin', 'staff', 'device', 'staffDevice'],
};

export interface ServerReachability {
  reportReachable(): void;
  reportUnreachable(): void;
}

export interface ForwarderDeps {
  readonly registry: EndpointRegistry;
  readonly connection: ServerConnection;
  /** The device bearer credential (sent to `device` endpoints only), null before enrolment. */
  readonly credential: () => Promise<string | null>;
  readonly cookies: SessionCookies;
  readonly reachability: ServerReachability;
  readonly log: (message: string) => void;
}

export interface ForwardCaller {
  readonly windowId: string;
  readonly kind: WindowKind;
}

/** Turns the outcome of a server call into the IPC result, telling the connectivity monitor what it learned. */
export function outcomeToResult(outcome: CallOutcome, reachability: ServerReachability, log: (message: string) => void): IpcResult<unknown> {
  switch (outcome.kind) {
    case 'ok':
      reachability.reportReachable();
      return success(outcome.value);
    case 'refused':
      reachability.reportReachable();
      return { ok: false, error: outcome.error };
    case 'invalid-request':
      return { ok: false, error: outcome.error };
    case 'unreachable':
      reachability.reportUnreachable();
      return failure('SERVICE_UNAVAILABLE');
    case 'bad-response':
      reachability.reportReachable();
      log(`server answer broke the contract (HTTP ${outcome.status}): ${outcome.reason}`);
      return failure('INTERNAL_ERROR');
  }
}

export function createApiForwarder(deps: ForwarderDeps) {
  return async function forward(caller: ForwardCaller, call: { endpoint: string; request?: unknown }): Promise<IpcResult<unknown>> {
    // hasOwn: a name like "constructor" or "__proto__" must not reach Object.prototype.
    const ep = Object.hasOwn(deps.registry, call.endpoint) ? deps.registry[call.endpoint] : undefined;
    if (!ep) return failure('NOT_FOUND', { field: 'endpoint' });
    if (!WINDOW_AUDIENCES[caller.kind].includes(ep.audience)) return failure('FORBIDDEN', { field: 'endpoint' });
    // The server reads a bearer token before the session cookie, so the device credential goes only
    // where the device itself is the caller; everywhere else the window's own session speaks.
    // `staffDevice` endpoints want both: the staff member's session and this machine's credential.
    const outcome = await callEndpoint(ep, call.request, deps.connection, {
      bearer: ep.audience === 'device' || ep.audience === 'staffDevice' ? await deps.credential() : null,
      cookie: deps.cookies.header(caller.windowId),
    });
    if (outcome.kind === 'ok' || outcome.kind === 'refused') deps.cookies.store(caller.windowId, outcome.setCookies);
    return outcomeToResult(outcome, deps.reachability, deps.log);
  };
}
