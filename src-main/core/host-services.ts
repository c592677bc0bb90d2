// The composition shared by both hosts (Electron main and the browser-mode Node host): the contract's services over one syncer, forwarder and device store.
import type { Clock } from '../../shared/domain/clock.js';
import type { IpcEventName, IpcEventPayload, PrintableDocument } from '../../shared/contracts/ipc.js';
import type { AppConfig } from './config.js';
import { ConnectivityMonitor } from './connectivity.js';
import type { DeviceStore } from './device-store.js';
import { enrolDevice } from './enrolment.js';
import type { EndpointRegistry } from '../../shared/contracts/http/index.js';
import { createApiForwarder } from './forwarder.js';
import type { FetchLike, ServerConnection } from './http-client.js';
import { IdleCountdown } from './idle.js';
import { success } from './ipc-result.js';
import type { IpcServices, Sender } from './ipc-router.js';
import { SessionCookies } from './session-cookies.js';
import { Syncer } from './syncer.js';
import type { Timers } from './timers.js';

/** How long a page gets to confirm it wiped itself before the host resets it by force. */
export const WIPE_CONFIRMATION_MS = 10_000;

export interface PrintOutcome {
  readonly printed: boolean;
  readonly failureReason?: string;
}

/** What differs between Electron and browser mode; everything else is shared. */
export interface HostPlatform {
  readonly host: 'electron' | 'browser';
  readonly softwareVersion: string;
  readonly defaultDeviceName: string;
  send<E extends IpcEventName>(windowId: string, event: E, payload: IpcEventPayload<E>): void;
  /** Silent print of what the window renders for printing; `printer` null is the system default. */
  print(windowId: string, document: PrintableDocument, printer: string | null): Promise<PrintOutcome>;
  /** The page wiped its candidate state: clear what the host can, and say who reloads the page. */
  afterWipe(windowId: string): Promise<'host' | 'self'>;
  /** The page did not confirm a wipe in time (hung, or subverted): reset it without asking. */
  forceReset(windowId: string): void;
}

export interface HostDeps {
  readonly config: AppConfig;
  readonly platform: HostPlatform;
  readonly device: DeviceStore;
  readonly registry: EndpointRegistry;
  readonly fetch: FetchLike;
  readonly timers: Timers;
  readonly clock: Clock;
  readonly random: () => number;
  readonly log: (message: string) => void;
}

interface OpenWindow {
  readonly sender: Sender;
  readonly idle: IdleCountdown | null;
  wipeDeadline: unknown;
}

export function createHostServices(deps: HostDeps) {
  const { config, platform, device, timers, clock, log } = deps;
  const connection: ServerConnection = {
    baseUrl: config.serverUrl,
    fetch: deps.fetch,
    timeoutMs: config.sync.requestTimeoutSeconds * 1000,
  };
  const monitor = new ConnectivityMonitor({
    healthUrl: new URL('/api/health', config.serverUrl).toString(),
    fetch: deps.fetch,
    onlineIntervalMs: config.sync.onlineIntervalSeconds * 1000,
    offlineBackoff: { baseMs: config.sync.offlineBaseSeconds * 1000, capMs: config.sync.offlineCapSeconds * 1000 },
    timeoutMs: connection.timeoutMs,
    timers,
    clock,
    random: deps.random,
  });
  const cookies = new SessionCookies(() => clock.now().getTime());
  const syncer = new Syncer({ connection, device, monitor, clock, log });
  const forward = createApiForwarder({
    registry: deps.registry,
    connection,
    credential: () => device.credential(),
    cookies,
    reachability: monitor,
    log,
  });
  const windows = new Map<string, OpenWindow>();

  syncer.onStatus((status) => {
    for (const id of windows.keys()) platform.send(id, 'syncStatusChanged', status);
  });

  function resetWindow(windowId: string): void {
    const open = windows.get(windowId);
    open?.idle?.disarm();
    if (open) timers.clearTimeout(open.wipeDeadline);
    cookies.clear(windowId);
  }

  /**
   * SPEC K2: the page is asked to clear itself (it may still call the logout endpoint with its
   * session) and must confirm; without a confirmation the host drops the session and resets it.
   */
  function wipe(windowId: string): void {
    const open = windows.get(windowId);
    if (!open) return;
    open.idle?.disarm();
    timers.clearTimeout(open.wipeDeadline);
    platform.send(windowId, 'idleWipe', { reason: 'idle' });
    open.wipeDeadline = timers.setTimeout(() => {
      log(`window ${windowId} did not confirm its wipe: resetting it`);
      cookies.clear(windowId);
      platform.forceReset(windowId);
    }, WIPE_CONFIRMATION_MS);
  }

  const services: IpcServices = {
    appInfo: async (_request, sender) => {
      const identity = await device.identity();
      return success({
        window: sender.kind,
        host: platform.host,
        softwareVersion: platform.softwareVersion,
        device: identity ? { enrolled: true as const, ...identity } : { enrolled: false as const },
        secretProtection: device.secrets.protection,
      });
    },
    deviceEnrol: async (request) => {
      const result = await enrolDevice(
        {
          connection,
          device,
          reachability: monitor,
          clock,
          softwareVersion: platform.softwareVersion,
          expectedCampus: config.campusCode,
          log,
        },
        { code: request.code, deviceName: request.deviceName ?? config.deviceName ?? platform.defaultDeviceName },
      );
      if (result.ok) await syncer.identityChanged();
      return result;
    },
    apiInvoke: (request, sender) => forward(sender, request),
    sessionLogout: async (_request, sender) => {
      cookies.clear(sender.windowId);
      return success({});
    },
    idlePolicy: async () => success({ timeoutSeconds: config.idle.timeoutSeconds, warningSeconds: config.idle.warningSeconds }),
    idleActivity: async (_request, sender) => {
      windows.get(sender.windowId)?.idle?.activity();
      return success({});
    },
    idleWiped: async (_request, sender) => {
      const open = windows.get(sender.windowId);
      if (open) timers.clearTimeout(open.wipeDeadline);
      cookies.clear(sender.windowId);
      return success({ reload: await platform.afterWipe(sender.windowId) });
    },
    printDocument: async (request, sender) =>
      success(await platform.print(sender.windowId, request.document, config.printers[request.document])),
    syncPush: (request) => syncer.push(request.operations),
    syncPull: (request) => syncer.pull(request.cursor),
    syncReportOutbox: async (request) => {
      syncer.reportOutbox(request.pending);
      return success({});
    },
    syncStatus: async () => success(syncer.status()),
    outboxKey: async () => success({ key: await device.outboxKey() }),
  };

  return {
    services,
    async start(): Promise<void> {
      await syncer.init();
      monitor.start();
    },
    stop(): void {
      monitor.stop();
      for (const id of windows.keys()) resetWindow(id);
    },
    /** A window of ours came up (Electron: created; browser mode: its socket connected). */
    windowOpened(sender: Sender): void {
      const idle =
        sender.kind === 'kiosk'
          ? new IdleCountdown(config.idle, timers, {
              onWarning: (secondsLeft) => platform.send(sender.windowId, 'idleWarning', { secondsLeft }),
              onTimeout: () => wipe(sender.windowId),
            })
          : null;
      windows.set(sender.windowId, { sender, idle, wipeDeadline: undefined });
      platform.send(sender.windowId, 'syncStatusChanged', syncer.status());
    },
    windowClosed(windowId: string): void {
      resetWindow(windowId);
      windows.delete(windowId);
    },
    /** The page is being reloaded from scratch (crash, hang): whoever was logged in there is logged out. */
    windowReset: resetWindow,
  };
}

export type HostServices = ReturnType<typeof createHostServices>;
