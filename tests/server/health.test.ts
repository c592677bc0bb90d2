// The server's frame: health, migrations, and that malformed requests get a 4xx with a code, never a 500 or a trace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src-server/config/config.js';
import { migrateToLatest } from '../../src-server/db/database.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

describe('health', () => {
  it('answers ok with the server time and the tolerated clock skew', async () => {
    const { status, body } = await server.client().get('/api/health');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok', serverTime: server.clock.now().toISOString(), maxClockSkewSeconds: 300 });
  });

  it('finds nothing left to migrate on a migrated database', async () => {
    expect(await migrateToLatest(server.db)).toEqual([]);
  });
});

describe('malformed requests', () => {
  it('refuses an unknown route with 404 NOT_FOUND in both languages', async () => {
    const { status, body } = await server.client().get('/api/nothing-here');
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: 'NOT_FOUND', message: { 'zh-CN': '未找到相关信息', en: 'Nothing was found.' } } });
  });

  it('refuses broken JSON with 400 VALIDATION_FAILED', async () => {
    const { status, body } = await server.client().request('POST', '/api/passport/sms-code', '{"mobile":');
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a JSON body that is not an object', async () => {
    const { status, body } = await server.client().request('POST', '/api/passport/sms-code', '["13912345678"]');
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a body that is not JSON with 415 and a code', async () => {
    const { status, body } = await server.client().request('POST', '/api/passport/sms-code', 'mobile=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(status).toBe(415);
    expect(body.error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses an oversized body with 413 PAYLOAD_TOO_LARGE', async () => {
    const { status, body } = await server.client().post('/api/passport/sms-code', { mobile: 'x'.repeat(100_000) });
    expect(status).toBe(413);
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('names a missing field FIELD_REQUIRED and a long one FIELD_TOO_LONG', async () => {
    const missing = await server.client().post('/api/passport/sms-code', {});
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'FIELD_REQUIRED', field: 'mobile', message: { 'zh-CN': '此项为必填项' } });
    const long = await server.client().post('/api/passport/sms-code', { mobile: '1'.repeat(21) });
    expect(long.body.error).toMatchObject({ code: 'FIELD_TOO_LONG', field: 'mobile', params: { max: 20 } });
  });
});

describe('dev outbox', () => {
  it('shows the stored messages as a page', async () => {
    await server.client().post('/api/passport/sms-code', { mobile: '13700000001' });
    const { status, body, headers } = await server.client().get('/dev/outbox');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('text/html');
    expect(body).toContain('13700000001');
    expect(body).toMatch(/短信验证码为\d{6}/);
  });
});

describe('production settings', () => {
  it('hide the dev outbox and mark the session cookie Secure', async () => {
    const production = await startServer({ NODE_ENV: 'production' });
    try {
      const client = production.client();
      expect((await client.get('/dev/outbox')).status).toBe(404);
      const login = await client.post('/api/session', { provinceCode: '99', account: 'lisi@example.com', password: 'Demo@2026', captcha: await client.captcha() });
      expect(login.status).toBe(200);
      expect(login.headers.getSetCookie().find((line) => line.startsWith('cet_session='))).toMatch(/; Secure/);
    } finally {
      await production.close();
    }
  });

  it('refuse to start with the development cookie secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/COOKIE_SECRET/);
  });
});
