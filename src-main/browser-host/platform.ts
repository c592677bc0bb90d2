// The browser-mode side of HostPlatform: events over the page's socket, no silent printing, the page reloads itself.
import { hostname } from 'node:os';
import type { HostPlatform } from '../core/host-services.js';
import type { BrowserConnections } from './host.js';

export function browserPlatform(connections: BrowserConnections, softwareVersion: string): HostPlatform {
  return {
    host: 'browser',
    softwareVersion,
    defaultDeviceName: hostname(),
    send: (windowId, event, payload) => connections.send(windowId, event, payload),
    // A browser prints only through its dialog; the page's platform layer opens it.
    print: async () => ({ printed: false, failureReason: 'unsupported' }),
    // The host cannot clear a browser's storage: the page has cleared its own and reloads itself.
    afterWipe: async () => 'self',
    forceReset: (windowId) => connections.reset(windowId),
  };
}
