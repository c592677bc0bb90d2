// The Content-Security-Policy and companion headers every renderer document is served with, in Electron and in browser mode.

export interface CspOptions {
  /** Where the page may open connections besides its own origin: the browser-mode IPC socket. */
  readonly connectSources?: readonly string[];
}

/**
 * Scripts only from the app's own origin, no eval, no plugins, no frames, no forms posting away.
 * The renderer never talks to the server itself (main forwards its calls), so nothing but 'self'
 * (and, in browser mode, the loopback IPC socket) is reachable.
 */
export function contentSecurityPolicy(options: CspOptions = {}): string {
  const directives: Record<string, readonly string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    // antd's CSS-in-JS writes <style> elements at run time; inline styles cannot run script.
    'style-src': ["'self'", "'unsafe-inline'"],
    // data: for the login captcha's picture, blob: for images the page renders itself. (The payment
    // QR code is an inline <svg> the renderer draws, so it needs neither.)
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(options.connectSources ?? [])],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'media-src': ["'none'"],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'child-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'none'"],
    'base-uri': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** Headers that go with the CSP on every renderer response. */
export function securityHeaders(options: CspOptions = {}): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=(), payment=()',
  };
}
