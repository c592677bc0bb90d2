// Holds the Electron security checklist for both windows: a weakened webPreference fails CI.
import { describe, expect, it } from 'vitest';
import { appUrl, isAllowedNavigation, isAppOrigin } from '../../src-main/core/app-url.js';
import { windowOptions } from '../../src-main/core/window-options.js';
import { WINDOW_KINDS } from '../../shared/contracts/ipc.js';

describe('window options', () => {
  it.each(WINDOW_KINDS)('%s window: isolated, sandboxed, no Node, web security on, no webview', (kind) => {
    const prefs = windowOptions(kind, '/app/dist/main/preload.cjs', { devTools: false }).webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/dist/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs).not.toHaveProperty('partition');
  });

  it.each(WINDOW_KINDS)('%s window: devtools only when a development run asks for them', (kind) => {
    expect(windowOptions(kind, 'p', { devTools: false }).webPreferences?.devTools).toBe(false);
    expect(windowOptions(kind, 'p', { devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('the kiosk window is a full-screen kiosk the candidate cannot close, resize or minimise', () => {
    expect(windowOptions('kiosk', 'p', { devTools: false })).toMatchObject({
      kiosk: true,
      fullscreen: true,
      frame: false,
      closable: false,
      minimizable: false,
      resizable: false,
      show: false,
    });
  });

  it('the staff window is an ordinary desktop window', () => {
    const options = windowOptions('staff', 'p', { devTools: false });
    expect(options.kiosk).toBeUndefined();
    expect(options.fullscreen).toBeUndefined();
    expect(options.minWidth).toBeGreaterThanOrEqual(1024);
  });
});

describe('app:// URLs and navigation', () => {
  it('each window starts at the entry document with its kind in the query', () => {
    expect(appUrl('kiosk')).toBe('app://renderer/index.html?window=kiosk');
    expect(appUrl('staff')).toBe('app://renderer/index.html?window=staff');
  });

  it.each([
    ['app://renderer/index.html?window=kiosk', 'kiosk', true],
    ['app://renderer/index.html?window=staff', 'staff', true],
    ['app://renderer/index.html?window=staff', 'kiosk', false],
    ['app://renderer/index.html?window=kiosk&debug=1', 'kiosk', false],
    ['app://renderer/other.html?window=kiosk', 'kiosk', false],
    ['app://evil/index.html?window=kiosk', 'kiosk', false],
    ['https://example.com/index.html?window=kiosk', 'kiosk', false],
    ['file:///etc/passwd', 'kiosk', false],
    ['javascript:alert(1)', 'kiosk', false],
    ['not a url', 'kiosk', false],
  ] as const)('navigation to %s from a %s window allowed: %s', (url, kind, allowed) => {
    expect(isAllowedNavigation(url, kind)).toBe(allowed);
  });

  it.each([
    ['app://renderer/index.html', true],
    ['app://renderer/kiosk/register', true],
    ['app://renderer.evil/index.html', false],
    ['http://renderer/index.html', false],
    ['', false],
  ])('origin of %s is ours: %s', (url, ours) => {
    expect(isAppOrigin(url)).toBe(ours);
  });
});
