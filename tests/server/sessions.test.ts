// A4 over HTTP: login by province, account and password with a one-time captcha, the lockout, sessions, logout and role guards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSPORTS, DEMO_STAFF_PASSWORD } from '../../src-server/demo/seed.js';
import { login, newCandidate, register, staffLogin } from '../support/candidates.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ LOGIN_IP_MAX_FAILURES: '12' });
});
afterAll(() => server?.close());

const zhang = DEMO_PASSPORTS[0];

describe('A4 candidate login', () => {
  it.each([
    ['ID number', zhang.idNumber],
    ['ID number with a lower-case x and spaces', ` ${zhang.idNumber.toLowerCase()} `],
    ['email', zhang.email.toUpperCase()],
    ['mobile', zhang.mobile],
  ])('accepts the %s as account', async (_kind, account) => {
    const client = server.client();
    const { status, body } = await login(client, account, zhang.password);
    expect(status).toBe(200);
    expect(body).toMatchObject({ role: 'candidate', provinceCode: '99', passportId: expect.stringMatching(/^[0-9A-F]{32}$/) });
    expect((await client.get('/api/passport/profile')).body.identity).toEqual({ idType: 'RESIDENT_ID', idNumber: zhang.idNumber, name: zhang.name });
  });

  it('sets an HttpOnly, SameSite=Lax cookie and never shows the token', async () => {
    const client = server.client();
    const { headers, body } = await login(client, zhang.email, zhang.password);
    const cookie = headers.getSetCookie().find((line) => line.startsWith('cet_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(JSON.stringify(body)).not.toContain(client.cookies.get('cet_session')?.split('.')[0]);
  });

  it('refuses an unknown province', async () => {
    const { status, body } = await login(server.client(), zhang.email, zhang.password, '98');
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'PROVINCE_UNKNOWN', field: 'provinceCode', message: { 'zh-CN': '请选择考点省份' } });
  });

  it('refuses a wrong captcha, and a captcha used once already', async () => {
    const client = server.client();
    const captcha = await client.captcha();
    const wrong = await client.post('/api/session', { provinceCode: '99', account: zhang.email, password: zhang.password, captcha: { ...captcha, answer: 'ZZZZ' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'CAPTCHA_INVALID', field: 'captcha' });
    const reused = await client.post('/api/session', { provinceCode: '99', account: zhang.email, password: zhang.password, captcha });
    expect(reused.body.error.code).toBe('CAPTCHA_INVALID');
  });

  it('accepts a captcha in any case but not after it expired', async () => {
    const client = server.client();
    const lower = await client.captcha();
    const ok = await client.post('/api/session', { provinceCode: '99', account: zhang.email, password: zhang.password, captcha: { ...lower, answer: lower.answer.toLowerCase() } });
    expect(ok.status).toBe(200);
    const late = await client.captcha();
    server.clock.advance(5 * 60 * 1000 + 1);
    const expired = await client.post('/api/session', { provinceCode: '99', account: zhang.email, password: zhang.password, captcha: late });
    expect(expired.body.error.code).toBe('CAPTCHA_INVALID');
  });

  it('says only 账号或密码错误, for a wrong password and an unknown account alike', async () => {
    const wrongPassword = await login(server.client(), DEMO_PASSPORTS[2].email, 'Wrong4pass!');
    const unknown = await login(server.client(), 'nobody@example.com', 'Wrong4pass!');
    for (const answer of [wrongPassword, unknown]) {
      expect(answer.status).toBe(401);
      expect(answer.body.error).toMatchObject({ code: 'LOGIN_FAILED', message: { 'zh-CN': '账号或密码错误' } });
    }
  });

  it('locks an account after five failures, for every way of naming it, until the lock passes', async () => {
    const candidate = newCandidate();
    await register(server, server.client(), candidate);
    for (let i = 0; i < 5; i += 1) expect((await login(server.client(), candidate.email, 'Wrong4pass!')).body.error.code).toBe('LOGIN_FAILED');
    const locked = await login(server.client(), candidate.idNumber, candidate.password);
    expect(locked.status).toBe(429);
    expect(locked.body.error).toMatchObject({ code: 'LOGIN_LOCKED', params: { minutes: 15 } });
    server.clock.advance(15 * 60 * 1000 + 1);
    expect((await login(server.client(), candidate.mobile, candidate.password)).status).toBe(200);
  });

  it('limits failures from one IP address across accounts', async () => {
    const client = server.client();
    server.clock.advance(15 * 60 * 1000 + 1);
    for (let i = 0; i < 12; i += 1) await login(client, `nobody${i}@example.com`, 'Wrong4pass!');
    const limited = await login(client, zhang.email, zhang.password);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    server.clock.advance(15 * 60 * 1000 + 1);
  });
});

describe('sessions', () => {
  it('tell who is logged in, and nobody after logout', async () => {
    const client = server.client();
    expect((await client.get('/api/session')).body).toEqual({ session: null });
    await login(client, zhang.email, zhang.password);
    expect((await client.get('/api/session')).body.session).toMatchObject({ role: 'candidate', provinceCode: '99' });
    const out = await client.delete('/api/session');
    expect(out.body).toEqual({ loggedOut: true });
    expect(client.cookies.has('cet_session')).toBe(false);
    expect((await client.get('/api/session')).body).toEqual({ session: null });
    expect((await client.delete('/api/session')).body).toEqual({ loggedOut: false });
  });

  it('end with a stolen cookie too: a logged-out token is refused as SESSION_EXPIRED', async () => {
    const client = server.client();
    await login(client, zhang.email, zhang.password);
    const stolen = new Map(client.cookies);
    await client.delete('/api/session');
    const thief = server.client();
    for (const [name, value] of stolen) thief.cookies.set(name, value);
    const { status, body } = await thief.get('/api/passport/profile');
    expect(status).toBe(401);
    expect(body.error.code).toBe('SESSION_EXPIRED');
  });

  it('expire after their time to live', async () => {
    const client = server.client();
    await login(client, zhang.email, zhang.password);
    server.clock.advance(2 * 60 * 60 * 1000 + 1);
    expect((await client.get('/api/passport/profile')).body.error.code).toBe('SESSION_EXPIRED');
  });

  it('refuse a cookie whose signature was tampered with', async () => {
    const client = server.client();
    await login(client, zhang.email, zhang.password);
    const value = client.cookies.get('cet_session') ?? '';
    client.cookies.set('cet_session', `${value.slice(0, -2)}xx`);
    expect((await client.get('/api/passport/profile')).body.error.code).toBe('UNAUTHENTICATED');
  });

  it('accept the same token as a bearer token, as enrolled devices send it', async () => {
    const client = server.client();
    await login(client, zhang.email, zhang.password);
    const token = decodeURIComponent(client.cookies.get('cet_session') ?? '').replace(/\.[^.]+$/, '');
    const bearer = await server.client({ authorization: `Bearer ${token}` }).get('/api/passport/profile');
    expect(bearer.status).toBe(200);
  });
});

describe('roles', () => {
  it('keep candidate pages from visitors (401) and admin pages from candidates and teachers (403)', async () => {
    expect((await server.client().get('/api/passport/profile')).body.error.code).toBe('UNAUTHENTICATED');
    const candidate = server.client();
    await login(candidate, zhang.email, zhang.password);
    expect((await candidate.get('/api/admin/appeals')).status).toBe(403);
    const teacher = server.client();
    expect((await staffLogin(teacher, 'teacher99301', DEMO_STAFF_PASSWORD)).body).toMatchObject({ role: 'teacher', schoolCode: '99301' });
    const refused = await teacher.get('/api/admin/appeals');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect((await teacher.get('/api/passport/profile')).status).toBe(403);
  });

  it('let an admin in with the staff login', async () => {
    const admin = server.client();
    const { status, body } = await staffLogin(admin, 'admin', DEMO_STAFF_PASSWORD);
    expect(status).toBe(200);
    expect(body).toMatchObject({ role: 'admin', username: 'admin', schoolCode: null });
    expect((await admin.get('/api/admin/appeals')).status).toBe(200);
  });

  it('refuse a wrong staff password like any login', async () => {
    const { status, body } = await staffLogin(server.client(), 'admin', 'Wrong4pass!');
    expect(status).toBe(401);
    expect(body.error.code).toBe('LOGIN_FAILED');
  });
});
