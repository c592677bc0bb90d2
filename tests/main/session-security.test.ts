// The session and webContents lock-down, driven through stand-ins for Electron's objects: permissions denied, navigation and new windows refused.
import { describe, expect, it } from 'vitest';
import type { Session, WebContents } from 'electron';
import { WindowRegistry } from '../../src-main/core/ipc-handlers.js';
import { hardenSession, lockNavigation } from '../../src-main/electron/session-security.js';

type Handler = (...args: unknown[]) => unknown;

function fakeSession() {
  const handlers: Record<string, Handler> = {};
  const session = {
    webRequest: { onHeadersReceived: (_filter: unknown, handler: Handler) => (handlers['headers'] = handler) },
    setPermissionRequestHandler: (handler: Handler) => (handlers['request'] = handler),
    setPermissionCheckHandler: (handler: Handler) => (handlers['check'] = handler),
    setDevicePermissionHandler: (handler: Handler) => (handlers['device'] = handler),
    setDisplayMediaRequestHandler: (handler: Handler) => (handlers['display'] = handler),
    on: (event: string, handler: Handler) => (handlers[event] = handler),
  };
  hardenSession(session as unknown as Session);
  return handlers;
}

function fakeContents(id: number) {
  const listeners: Record<string, Handler> = {};
  let openHandler: Handler = () => ({ action: 'allow' });
  const contents = {
    id,
    on: (event: string, listener: Handler) => (listeners[event] = listener),
    setWindowOpenHandler: (handler: Handler) => (openHandler = handler),
  };
  return { contents: contents as unknown as WebContents, listeners, open: (url: string) => openHandler({ url }) };
}

function prevented(listener: Handler | undefined, details: Record<string, unknown>): boolean {
  let stopped = false;
  listener?.({ ...details, preventDefault: () => (stopped = true) });
  return stopped;
}

describe('session hardening', () => {
  it('denies every permission request and check', () => {
    const handlers = fakeSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'openExternal']) {
      let granted: boolean | undefined;
      handlers['request']?.({}, permission, (answer: boolean) => (granted = answer), {});
      expect([permission, granted]).toEqual([permission, false]);
      expect(handlers['check']?.({}, permission, 'app://renderer', {})).toBe(false);
    }
    expect(handlers['device']?.({})).toBe(false);
  });

  it('refuses screen capture and downloads', () => {
    const handlers = fakeSession();
    let streams: unknown = 'unset';
    handlers['display']?.({}, (answer: unknown) => (streams = answer));
    expect(streams).toBeNull();
    expect(prevented(handlers['will-download'], {})).toBe(true);
  });

  it('adds the CSP to app:// responses', () => {
    const handlers = fakeSession();
    let headers: Record<string, string[]> = {};
    handlers['headers']?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, (answer: { responseHeaders: Record<string, string[]> }) => (headers = answer.responseHeaders));
    expect(headers['Content-Security-Policy']?.[0]).toContain("script-src 'self'");
    expect(headers['Content-Type']).toEqual(['text/html']);
  });
});

describe('navigation lock', () => {
  const windows = new WindowRegistry();
  windows.add(7, 'kiosk');

  it('lets a window reload its own start page only', () => {
    const { contents, listeners } = fakeContents(7);
    lockNavigation(contents, windows);
    expect(prevented(listeners['will-navigate'], { url: 'app://renderer/index.html?window=kiosk' })).toBe(false);
    expect(prevented(listeners['will-navigate'], { url: 'app://renderer/index.html?window=staff' })).toBe(true);
    expect(prevented(listeners['will-navigate'], { url: 'https://phish.example/login' })).toBe(true);
    expect(prevented(listeners['will-navigate'], { url: 'file:///etc/passwd' })).toBe(true);
    expect(prevented(listeners['will-redirect'], { url: 'https://phish.example/' })).toBe(true);
  });

  it('refuses every navigation of a webContents we did not open', () => {
    const { contents, listeners } = fakeContents(99);
    lockNavigation(contents, windows);
    expect(prevented(listeners['will-navigate'], { url: 'app://renderer/index.html?window=kiosk' })).toBe(true);
  });

  it('denies new windows, webviews and subframe navigation', () => {
    const { contents, listeners, open } = fakeContents(7);
    lockNavigation(contents, windows);
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(open('app://renderer/index.html?window=kiosk')).toEqual({ action: 'deny' });
    expect(prevented(listeners['will-attach-webview'], {})).toBe(true);
    expect(prevented(listeners['will-frame-navigate'], { isMainFrame: false, url: 'https://ads.example/' })).toBe(true);
    expect(prevented(listeners['will-frame-navigate'], { isMainFrame: true, url: 'app://renderer/index.html?window=kiosk' })).toBe(false);
  });
});
