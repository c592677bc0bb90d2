// The server session cookie of each window, kept in main-process memory only: never on disk, never in the page.

interface StoredCookie {
  readonly value: string;
  /** ms since epoch; undefined for a session cookie. */
  readonly expiresAt?: number;
}

/** Reads `name=value` and the expiry of one Set-Cookie header; the other attributes do not matter to a single-server client. */
function parseSetCookie(header: string, now: number): { name: string; cookie: StoredCookie | null } | null {
  const [pair = '', ...attributes] = header.split(';');
  const eq = pair.indexOf('=');
  if (eq <= 0) return null;
  const name = pair.slice(0, eq).trim();
  const value = pair.slice(eq + 1).trim();
  let expiresAt: number | undefined;
  for (const attribute of attributes) {
    const [rawKey = '', ...rawValue] = attribute.split('=');
    const key = rawKey.trim().toLowerCase();
    const text = rawValue.join('=').trim();
    if (key === 'max-age' && /^-?\d+$/.test(text)) {
      // Max-Age wins over Expires (RFC 6265 §5.3).
      expiresAt = now + Number(text) * 1000;
      break;
    }
    if (key === 'expires') {
      const time = Date.parse(text);
      if (!Number.isNaN(time)) expiresAt = time;
    }
  }
  if (expiresAt !== undefined && expiresAt <= now) return { name, cookie: null };
  return { name, cookie: expiresAt === undefined ? { value } : { value, expiresAt } };
}

export class SessionCookies {
  private readonly jars = new Map<string, Map<string, StoredCookie>>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Applies the Set-Cookie headers of one response to the window's jar (an expired cookie deletes). */
  store(windowId: string, setCookieHeaders: readonly string[]): void {
    if (setCookieHeaders.length === 0) return;
    const jar = this.jars.get(windowId) ?? new Map<string, StoredCookie>();
    for (const header of setCookieHeaders) {
      const parsed = parseSetCookie(header, this.now());
      if (!parsed) continue;
      if (parsed.cookie) jar.set(parsed.name, parsed.cookie);
      else jar.delete(parsed.name);
    }
    this.jars.set(windowId, jar);
  }

  /** The Cookie header for the window's next request, if it has a live cookie. */
  header(windowId: string): string | undefined {
    const jar = this.jars.get(windowId);
    if (!jar) return undefined;
    const now = this.now();
    const live = [...jar].filter(([, cookie]) => cookie.expiresAt === undefined || cookie.expiresAt > now);
    return live.length > 0 ? live.map(([name, cookie]) => `${name}=${cookie.value}`).join('; ') : undefined;
  }

  /** Logout, idle wipe, window closed: the window's server session is forgotten. */
  clear(windowId: string): void {
    this.jars.delete(windowId);
  }
}
