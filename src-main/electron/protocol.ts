// The app:// scheme: registered as privileged before ready, then served from dist/renderer with the CSP on every response.
import { protocol, type Session } from 'electron';
import { createAppProtocolHandler } from '../core/app-protocol.js';
import { APP_SCHEME } from '../core/app-url.js';

/**
 * Must run before `app` is ready. `standard` gives the scheme a real origin (app://renderer), so
 * relative URLs, localStorage and IndexedDB work; `secure` makes it a secure context like https.
 * Not `corsEnabled` (that would let other origins read it), not `bypassCSP`: the CSP applies.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}
