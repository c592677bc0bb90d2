// Each window's server session cookie lives in main-process memory, apart from every other window's.
import { describe, expect, it } from 'vitest';
import { SessionCookies } from '../../src-main/core/session-cookies.js';

describe('session cookies', () => {
  it('keeps cookies per window', () => {
    const cookies = new SessionCookies(() => 0);
    cookies.store('1', ['sid=candidate-a; Path=/; HttpOnly; SameSite=Strict']);
    cookies.store('2', ['sid=teacher-b; Path=/; HttpOnly']);
    expect(cookies.header('1')).toBe('sid=candidate-a');
    expect(cookies.header('2')).toBe('sid=teacher-b');
    expect(cookies.header('3')).toBeUndefined();
  });

  it('replaces a cookie of the same name and joins different names', () => {
    const cookies = new SessionCookies(() => 0);
    cookies.store('1', ['sid=a', 'lang=zh-CN']);
    cookies.store('1', ['sid=b']);
    expect(cookies.header('1')).toBe('sid=b; lang=zh-CN');
  });

  it('deletes on Max-Age=0 or an Expires in the past, and lets Max-Age win over Expires', () => {
    const now = Date.parse('2026-09-01T00:00:00Z');
    const cookies = new SessionCookies(() => now);
    cookies.store('1', ['sid=a', 'lang=en']);
    cookies.store('1', ['sid=; Max-Age=0']);
    expect(cookies.header('1')).toBe('lang=en');
    cookies.store('1', ['lang=; Expires=Thu, 01 Jan 1970 00:00:00 GMT']);
    expect(cookies.header('1')).toBeUndefined();
    cookies.store('1', ['sid=c; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=60']);
    expect(cookies.header('1')).toBe('sid=c');
  });

  it('stops sending a cookie once it expires', () => {
    let now = 0;
    const cookies = new SessionCookies(() => now);
    cookies.store('1', ['sid=a; Max-Age=90']);
    now = 89_000;
    expect(cookies.header('1')).toBe('sid=a');
    now = 90_000;
    expect(cookies.header('1')).toBeUndefined();
  });

  it('forgets a window entirely on clear (logout, idle wipe)', () => {
    const cookies = new SessionCookies(() => 0);
    cookies.store('1', ['sid=a']);
    cookies.store('2', ['sid=b']);
    cookies.clear('1');
    expect(cookies.header('1')).toBeUndefined();
    expect(cookies.header('2')).toBe('sid=b');
  });

  it('ignores a header without a name', () => {
    const cookies = new SessionCookies(() => 0);
    cookies.store('1', ['=nameless', 'garbage']);
    expect(cookies.header('1')).toBeUndefined();
  });
});
