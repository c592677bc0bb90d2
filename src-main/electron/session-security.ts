// Locks the session down: CSP on app:// responses, every permission denied, nothing navigates or opens windows.
import type { Session, WebContents } from 'electron';
import { APP_ORIGIN, isAllowedNavigation } from '../core/app-url.js';
import { securityHeaders } from '../core/csp.js';
import type { WindowRegistry } from '../core/ipc-handlers.js';

export function hardenSession(session: Session): void {
  // The protocol handler already sends these; setting them here as well covers any response the
  // session sees for our origin, whatever produced it.
  const headers = Object.fromEntries(Object.entries(securityHeaders()).map(([name, value]) => [name, [value]]));
  session.webRequest.onHeadersReceived({ urls: [`${APP_ORIGIN}/*`] }, (details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, ...headers } });
  });
  // Camera, notifications, geolocation, HID, serial, fullscreen API…: the app needs none of them.
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  // The renderer never downloads anything.
  session.on('will-download', (event) => event.preventDefault());
}

/** For every webContents the app ever creates, including ones nobody expected. */
export function lockNavigation(contents: WebContents, windows: WindowRegistry): void {
  const allowed = (url: string): boolean => {
    const kind = windows.kindOf(contents.id);
    return kind !== undefined && isAllowedNavigation(url, kind);
  };
  contents.on('will-navigate', (event) => {
    if (!allowed(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!allowed(event.url)) event.preventDefault();
  });
  // No iframes navigate anywhere (the CSP forbids frames; this catches the rest).
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
