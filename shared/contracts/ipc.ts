// The IPC contract: every call a renderer window may make to its host (Electron main or the
// browser-mode Node host) and every event it receives, with the windows allowed to use each.
// The preload exposes exactly these names, the host validates every payload with these schemas,
// and browser mode carries the same calls over a loopback WebSocket (the wire frames below).
import { z } from 'zod';
import { deviceId, deviceName, enrolmentCode } from './device.js';
import { campusCode } from './http/fields.js';
import { operationBatch, pullResponse, pushResponse, syncStatus } from './sync.js';

export const WINDOW_KINDS = ['kiosk', 'staff'] as const;
export const windowKind = z.enum(WINDOW_KINDS);
export type WindowKind = z.infer<typeof windowKind>;

/** A refusal crossing the bridge: a stable code, and the bilingual message when one is known. */
export const ipcError = z.object({
  code: z.string().min(1).max(64),
  field: z.string().max(200).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  message: z.object({ 'zh-CN': z.string(), en: z.string() }).optional(),
});
export type IpcError = z.infer<typeof ipcError>;

/** Every call resolves to a result value: errors never travel as exceptions (Electron drops their fields). */
export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

export const ipcResult = z.discriminatedUnion('ok', [
  // Optional: JSON drops an undefined value, and a result must still parse after the trip.
  z.object({ ok: z.literal(true), value: z.unknown().optional() }),
  z.object({ ok: z.literal(false), error: ipcError }),
]);

export interface IpcMethod<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  /** The window kinds whose renderer may call it; any other sender is refused. */
  readonly windows: readonly WindowKind[];
  readonly request: Req;
  readonly response: Res;
}

function method<Req extends z.ZodType, Res extends z.ZodType>(spec: IpcMethod<Req, Res>): IpcMethod<Req, Res> {
  return spec;
}

const BOTH: readonly WindowKind[] = WINDOW_KINDS;
const KIOSK: readonly WindowKind[] = ['kiosk'];
const none = z.object({}).strict();

export const printableDocument = z.enum(['receipt', 'admissionTicket']);
export type PrintableDocument = z.infer<typeof printableDocument>;

/** How well the device credential and outbox key are kept, so the staff window can warn. */
export const secretProtection = z.enum(['os-keystore', 'basic-text', 'plain-file', 'memory']);
export type SecretProtection = z.infer<typeof secretProtection>;

export const appInfo = z.object({
  window: windowKind,
  host: z.enum(['electron', 'browser']),
  softwareVersion: z.string(),
  device: z.discriminatedUnion('enrolled', [
    z.object({ enrolled: z.literal(false) }),
    z.object({ enrolled: z.literal(true), deviceId, campusCode, deviceName, enrolledAt: z.iso.datetime() }),
  ]),
  secretProtection,
});
export type AppInfo = z.infer<typeof appInfo>;

export const idlePolicy = z.object({
  /** Inactivity after which the candidate is logged out and wiped (SPEC K2). */
  timeoutSeconds: z.number().int().positive(),
  /** How long before the wipe the warning shows. */
  warningSeconds: z.number().int().positive(),
});
export type IdlePolicy = z.infer<typeof idlePolicy>;

export const ipcMethods = {
  appInfo: method({ windows: BOTH, request: none, response: appInfo }),
  /** Enrols this device with a one-time code; the credential stays in the host, never in the page. */
  deviceEnrol: method({
    windows: BOTH,
    request: z.object({ code: enrolmentCode, deviceName: deviceName.optional() }).strict(),
    response: z.object({ deviceId, campusCode }),
  }),
  /**
   * Calls a server endpoint by its name in the shared endpoint registry. The host validates
   * `request` with that endpoint's schema, attaches the device credential and this window's
   * session cookie, and validates the response before returning it as `value`.
   */
  apiInvoke: method({
    windows: BOTH,
    request: z.object({ endpoint: z.string().min(1).max(100), request: z.unknown() }).strict(),
    response: z.unknown(),
  }),
  /** Forgets this window's server session (call after the logout endpoint, or on leaving). */
  sessionLogout: method({ windows: BOTH, request: none, response: none }),
  idlePolicy: method({ windows: KIOSK, request: none, response: idlePolicy }),
  /** The candidate touched or typed: the idle countdown starts over. Renderers throttle it. */
  idleActivity: method({ windows: KIOSK, request: none, response: none }),
  /**
   * The renderer has cleared its candidate state after an `idleWipe` event. `host` means the host
   * now clears the page's storage and reloads it; `self` means the page must reload itself.
   */
  idleWiped: method({ windows: KIOSK, request: none, response: z.object({ reload: z.enum(['host', 'self']) }) }),
  /**
   * Prints what the page currently renders for printing (its print stylesheet shows only the
   * document) silently on the printer configured for that document. `unsupported` means this host
   * cannot print silently (browser mode): the page opens the browser's print dialog instead.
   */
  printDocument: method({
    windows: BOTH,
    request: z.object({ document: printableDocument }).strict(),
    response: z.object({ printed: z.boolean(), failureReason: z.string().max(500).optional() }),
  }),
  /** Hands a batch of the outbox to the syncer, which pushes it and returns per-operation results. */
  syncPush: method({ windows: BOTH, request: z.object({ operations: operationBatch }).strict(), response: pushResponse }),
  /** Pulls the next page of reference data changes after `cursor` (absent: from the beginning). */
  syncPull: method({
    windows: BOTH,
    request: z.object({ cursor: z.string().min(1).max(512).optional() }).strict(),
    response: pullResponse,
  }),
  /** The renderer's outbox tells the syncer how many operations wait, for the status and replay progress. */
  syncReportOutbox: method({ windows: BOTH, request: z.object({ pending: z.number().int().min(0) }).strict(), response: none }),
  syncStatus: method({ windows: BOTH, request: none, response: syncStatus }),
  /** The AES-256-GCM key (base64) the outbox encrypts queued work with at rest (SPEC K2). */
  outboxKey: method({ windows: BOTH, request: none, response: z.object({ key: z.base64().length(44) }) }),
};

export type IpcMethods = typeof ipcMethods;
export type IpcMethodName = keyof IpcMethods;
export type IpcRequest<M extends IpcMethodName> = z.input<IpcMethods[M]['request']>;
export type IpcResponse<M extends IpcMethodName> = z.output<IpcMethods[M]['response']>;

export interface IpcEvent<P extends z.ZodType = z.ZodType> {
  readonly windows: readonly WindowKind[];
  readonly payload: P;
}

function event<P extends z.ZodType>(spec: IpcEvent<P>): IpcEvent<P> {
  return spec;
}

export const ipcEvents = {
  syncStatusChanged: event({ windows: BOTH, payload: syncStatus }),
  /** The idle wipe comes in `secondsLeft` unless the candidate does something. */
  idleWarning: event({ windows: KIOSK, payload: z.object({ secondsLeft: z.number().int().min(0) }) }),
  /**
   * SPEC K2, the page's half of the wipe: best-effort call of the logout endpoint, then clear the
   * app state (stores, in-memory caches), sessionStorage and every IndexedDB table except the outbox
   * and the reference-data cache, then call `idleWiped`. The host's half: drop the window's server
   * session, and in Electron clear cookies, localStorage, Cache Storage, service workers and the
   * HTTP cache, then reload the page for a fresh heap. (IndexedDB is origin-wide in Chromium's
   * clearStorageData, which is why the page clears its own tables.)
   */
  idleWipe: event({ windows: KIOSK, payload: z.object({ reason: z.enum(['idle']) }) }),
};

export type IpcEvents = typeof ipcEvents;
export type IpcEventName = keyof IpcEvents;
export type IpcEventPayload<E extends IpcEventName> = z.output<IpcEvents[E]['payload']>;

export const IPC_METHOD_NAMES = Object.keys(ipcMethods) as IpcMethodName[];
export const IPC_EVENT_NAMES = Object.keys(ipcEvents) as IpcEventName[];

export function isIpcMethodName(name: string): name is IpcMethodName {
  return Object.hasOwn(ipcMethods, name);
}

/** Electron channel of a method; the prefix keeps ours apart from anything Electron sends itself. */
export function ipcChannel(name: IpcMethodName): string {
  return `cet:${name}`;
}

export function ipcEventChannel(name: IpcEventName): string {
  return `cet-event:${name}`;
}

type Subscriber<E extends string> = `on${Capitalize<E>}`;

export function subscriberName<E extends IpcEventName>(name: E): Subscriber<E> {
  return `on${name.charAt(0).toUpperCase()}${name.slice(1)}` as Subscriber<E>;
}

/** What a renderer sees: one named function per method and one `onX` subscription per event. */
export type IpcBridge = {
  readonly [M in IpcMethodName]: (request: IpcRequest<M>) => Promise<IpcResult<IpcResponse<M>>>;
} & {
  readonly [E in IpcEventName as Subscriber<E>]: (listener: (payload: IpcEventPayload<E>) => void) => () => void;
};

/** The name under which the Electron preload exposes the bridge on `window`. */
export const BRIDGE_GLOBAL = 'cet';

// Browser mode: the same calls as JSON frames over a WebSocket at BROWSER_IPC_PATH on the page's origin.
export const BROWSER_IPC_PATH = '/ipc';
/** The host closes a page's socket with this code to reset the page: the page reloads itself. */
export const BROWSER_RESET_CLOSE_CODE = 4000;

export const wireCall = z.object({
  type: z.literal('call'),
  id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  method: z.string().min(1).max(64),
  // Optional for the same reason; a missing payload then fails the method's own schema, as in Electron.
  payload: z.unknown().optional(),
});
export type WireCall = z.infer<typeof wireCall>;

export const wireToPage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.number().int().min(0), result: ipcResult }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type WireToPage = z.infer<typeof wireToPage>;
