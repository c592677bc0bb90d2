// Serving the built renderer for app:// requests: a fetch-style handler confined to one folder.
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { APP_HOST, APP_SCHEME, ENTRY_DOCUMENT } from './app-url.js';
import { securityHeaders } from './csp.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

export type AppPathResolution =
  | { readonly kind: 'file'; readonly relativePath: string }
  | { readonly kind: 'refused'; readonly status: 400 | 404 };

/**
 * Maps an app:// URL to a path relative to the renderer folder, or refuses it. Decoded `..`,
 * backslashes, NUL bytes and absolute paths are refused outright rather than normalised away:
 * a request that tries them is not one the renderer makes.
 */
export function resolveAppPath(url: string): AppPathResolution {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'refused', status: 400 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { kind: 'refused', status: 404 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return { kind: 'refused', status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'refused', status: 400 };
  const segments = decoded.split('/').filter((segment) => segment.length > 0);
  if (segments.some((segment) => segment === '..' || segment === '.' || /^[A-Za-z]:$/.test(segment))) {
    return { kind: 'refused', status: 400 };
  }
  if (segments.length === 0) return { kind: 'file', relativePath: ENTRY_DOCUMENT };
  // In-app routes (no file extension) are the single-page app's: they get the entry document.
  const last = segments[segments.length - 1] ?? '';
  if (extname(last) === '') return { kind: 'file', relativePath: ENTRY_DOCUMENT };
  return { kind: 'file', relativePath: segments.join('/') };
}

function refusal(status: number): Response {
  return new Response(null, { status, headers: { 'X-Content-Type-Options': 'nosniff' } });
}

/**
 * The protocol handler: resolves, then checks the real path (symlinks included) is still inside
 * `rootDir` before reading. Only GET and HEAD; every response carries the CSP.
 */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405);
    const resolved = resolveAppPath(request.url);
    if (resolved.kind === 'refused') return refusal(resolved.status);
    try {
      const root = await realpath(rootDir);
      const real = await realpath(normalize(join(root, resolved.relativePath)));
      if (!real.startsWith(root + sep)) return refusal(404);
      if (!(await stat(real)).isFile()) return refusal(404);
      const body = request.method === 'HEAD' ? null : await readFile(real);
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': CONTENT_TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream',
          'Cache-Control': 'no-cache',
          ...securityHeaders(),
        },
      });
    } catch {
      return refusal(404);
    }
  };
}
