// The renderer's Content-Security-Policy: scripts only from our origin, nothing framed, nothing posted away.
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from '../../src-main/core/csp.js';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('content security policy', () => {
  const policy = directives(contentSecurityPolicy());

  it('denies by default and allows scripts from our own origin only', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
  });

  it('never allows eval or inline script', () => {
    const text = contentSecurityPolicy({ connectSources: ['ws://127.0.0.1:5174'] });
    expect(text).not.toContain('unsafe-eval');
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(text).not.toMatch(/script-src[^;]*(\*|https?:|data:|blob:)/);
  });

  it.each(['object-src', 'frame-src', 'child-src', 'frame-ancestors', 'form-action', 'base-uri'])('%s is none', (name) => {
    expect(policy.get(name)).toEqual(["'none'"]);
  });

  it('connects only to itself in Electron, and to the loopback socket in browser mode', () => {
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(directives(contentSecurityPolicy({ connectSources: ['ws://127.0.0.1:5174'] })).get('connect-src')).toEqual([
      "'self'",
      'ws://127.0.0.1:5174',
    ]);
  });

  it('travels with nosniff, no referrer and a same-origin opener policy', () => {
    expect(securityHeaders()).toMatchObject({
      'Content-Security-Policy': contentSecurityPolicy(),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
  });
});
