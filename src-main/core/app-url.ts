// The app:// origin the renderer is served from, and the only navigations a window may make.
import type { WindowKind } from '../../shared/contracts/ipc.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const ENTRY_DOCUMENT = 'index.html';

/** The start page of a window: the renderer reads its kind from the query. */
export function appUrl(kind: WindowKind): string {
  return `${APP_ORIGIN}/${ENTRY_DOCUMENT}?window=${kind}`;
}

export function isAppOrigin(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * A window may only (re)load its own start page. The renderer routes in-page with the history
 * API, which never asks; anything else (a link to the web, a drag-dropped file, another window
 * kind's page) is a navigation it has no business making.
 */
export function isAllowedNavigation(url: string, kind: WindowKind): boolean {
  try {
    const parsed = new URL(url);
    return (
      isAppOrigin(url) &&
      parsed.pathname === `/${ENTRY_DOCUMENT}` &&
      parsed.searchParams.get('window') === kind &&
      [...parsed.searchParams.keys()].length === 1
    );
  } catch {
    return false;
  }
}
