// Which bridge a page uses and where browser mode's socket is: read from the page's own URL.
import { describe, expect, it } from 'vitest';
import { browserIpcUrl, windowKindOf } from '../../src-renderer/platform/bridge.js';

describe('renderer bridge selection', () => {
  it.each([
    ['?window=staff', 'staff'],
    ['?window=kiosk', 'kiosk'],
    ['', 'kiosk'],
    ['?window=admin', 'kiosk'],
  ])('the page opened with %j is a %s window', (search, kind) => {
    expect(windowKindOf({ search })).toBe(kind);
  });

  it('browser mode connects to /ipc on its own origin, with its window kind', () => {
    expect(browserIpcUrl({ href: 'http://127.0.0.1:5174/index.html?window=staff', protocol: 'http:', search: '?window=staff' })).toBe(
      'ws://127.0.0.1:5174/ipc?window=staff',
    );
    expect(browserIpcUrl({ href: 'https://cet.example/index.html', protocol: 'https:', search: '' })).toBe('wss://cet.example/ipc?window=kiosk');
  });
});
