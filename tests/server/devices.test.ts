// Kiosk device enrolment over HTTP (issue 5, the device identity K3's sync rests on): one-time expiring codes, bearer credentials, last contact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSPORTS, DEMO_STAFF_PASSWORD } from '../../src-server/demo/seed.js';
import type { TestClient } from '../support/client.js';
import { login, staffLogin } from '../support/candidates.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
let admin: TestClient;
let teacher: TestClient;

beforeAll(async () => {
  server = await startServer();
  admin = server.client();
  teacher = server.client();
  expect((await staffLogin(admin, 'admin', DEMO_STAFF_PASSWORD)).status).toBe(200);
  expect((await staffLogin(teacher, 'teacher99301', DEMO_STAFF_PASSWORD)).status).toBe(200);
});
afterAll(() => server?.close());

const KIOSK = { deviceName: '图书馆一楼 1号机', softwareVersion: '1.4.0' };

async function issue(client: TestClient, campusCode: string): Promise<string> {
  const { status, body } = await client.post('/api/staff/devices/enrolment-codes', { campusCode });
  expect(status).toBe(200);
  return body.code as string;
}

function enrol(code: string, extra: Partial<typeof KIOSK> = {}) {
  return server.client().post('/api/devices/enrol', { code, ...KIOSK, ...extra });
}

function asDevice(credential: string): TestClient {
  return server.client({ authorization: `Bearer ${credential}` });
}

describe('K3 device enrolment codes', () => {
  it('K3 an admin issues a one-time code for any campus, a teacher for a campus of their school, audited', async () => {
    const byAdmin = await admin.post('/api/staff/devices/enrolment-codes', { campusCode: '993020' });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body).toMatchObject({ code: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/), campusCode: '993020' });
    expect(new Date(byAdmin.body.expiresAt).getTime()).toBeGreaterThan(server.clock.now().getTime());
    expect((await teacher.post('/api/staff/devices/enrolment-codes', { campusCode: '993011' })).status).toBe(200);
    const audit = await server.db.selectFrom('audit_log').select(['actor_kind', 'target_id']).where('action', '=', 'device.enrolment_code_issued').execute();
    expect(audit).toEqual(expect.arrayContaining([{ actor_kind: 'ADMIN', target_id: '993020' }, { actor_kind: 'TEACHER', target_id: '993011' }]));
  });

  it("K3 refuses a teacher another school's campus, an unknown campus, candidates and anonymous callers", async () => {
    const elsewhere = await teacher.post('/api/staff/devices/enrolment-codes', { campusCode: '993020' });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.code).toBe('FORBIDDEN');
    expect((await admin.post('/api/staff/devices/enrolment-codes', { campusCode: '999999' })).status).toBe(404);
    const candidate = server.client();
    expect((await login(candidate, DEMO_PASSPORTS[1].email, DEMO_PASSPORTS[1].password)).status).toBe(200);
    expect((await candidate.post('/api/staff/devices/enrolment-codes', { campusCode: '993010' })).status).toBe(403);
    expect((await server.client().post('/api/staff/devices/enrolment-codes', { campusCode: '993010' })).status).toBe(401);
  });

  it('K3 stores only a hash of the code', async () => {
    const code = await issue(admin, '993010');
    const rows = await server.db.selectFrom('device_enrolment_codes').select('code_hash').execute();
    expect(JSON.stringify(rows)).not.toContain(code.replace('-', ''));
  });
});

describe('K3 enrolling a device', () => {
  it('K3 a device spends the code (typed in lower case with spaces) for a bearer credential of its campus', async () => {
    const code = await issue(teacher, '993010');
    const typed = ` ${code.toLowerCase().replace('-', ' ')} `;
    const { status, body } = await enrol(typed);
    expect(status).toBe(200);
    expect(body).toMatchObject({ deviceId: expect.stringMatching(/^[0-9a-f-]{36}$/), campusCode: '993010', credential: expect.any(String) });
    const device = await server.db.selectFrom('kiosk_devices').selectAll().where('id', '=', body.deviceId).executeTakeFirstOrThrow();
    expect(device).toMatchObject({ campus_code: '993010', name: KIOSK.deviceName, software_version: KIOSK.softwareVersion, revoked_at: null });
    const audit = await server.db.selectFrom('audit_log').select(['actor_kind', 'actor_id']).where('action', '=', 'device.enrolled').execute();
    expect(audit).toContainEqual({ actor_kind: 'DEVICE', actor_id: body.deviceId });
  });

  it('K3 each call with the credential records the last contact', async () => {
    const { body } = await enrol(await issue(admin, '993020'));
    const device = asDevice(body.credential);
    server.clock.advance(60_000);
    const first = await device.get('/api/devices/me');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ deviceId: body.deviceId, campusCode: '993020', deviceName: KIOSK.deviceName, softwareVersion: KIOSK.softwareVersion });
    expect(first.body.lastContactAt).toBe(server.clock.now().toISOString());
    server.clock.advance(60_000);
    await device.get('/api/devices/me');
    const row = await server.db.selectFrom('kiosk_devices').select('last_contact_at').where('id', '=', body.deviceId).executeTakeFirstOrThrow();
    expect(row.last_contact_at.toISOString()).toBe(server.clock.now().toISOString());
  });

  it('K3 a code enrols one device only', async () => {
    const code = await issue(admin, '993010');
    expect((await enrol(code)).status).toBe(200);
    const again = await enrol(code, { deviceName: '第二台' });
    expect(again.status).toBe(403);
    expect(again.body.error).toMatchObject({ code: 'DEVICE_ENROLMENT_CODE_INVALID', field: 'code' });
    expect(again.body.error.message['zh-CN']).not.toBe('');
  });

  it('K3 refuses a code nobody issued, and a malformed one', async () => {
    expect((await enrol('ABCD-EFGH')).body.error.code).toBe('DEVICE_ENROLMENT_CODE_INVALID');
    const malformed = await enrol('ILOU-0000');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.field).toBe('code');
  });

  it('K3 the device credential opens device routes only: candidate and staff routes refuse it, and it has no browser session', async () => {
    const { body } = await enrol(await issue(admin, '993010'));
    const device = asDevice(body.credential);
    expect((await device.get('/api/review')).status).toBe(403);
    expect((await device.get('/api/staff/reviews')).status).toBe(403);
    expect((await device.post('/api/staff/devices/enrolment-codes', { campusCode: '993010' })).status).toBe(403);
    expect((await device.get('/api/session')).body).toEqual({ session: null });
    expect((await admin.get('/api/devices/me')).status).toBe(403);
    expect((await asDevice('not-a-credential').get('/api/devices/me')).status).toBe(401);
  });

  it('K3 a revoked device is no longer let in', async () => {
    const { body } = await enrol(await issue(admin, '993010'));
    await server.db.updateTable('kiosk_devices').set({ revoked_at: server.clock.now() }).where('id', '=', body.deviceId).execute();
    const refused = await asDevice(body.credential).get('/api/devices/me');
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('SESSION_EXPIRED');
  });

  it('K3 an expired code is refused', async () => {
    const code = await issue(admin, '993010');
    server.clock.advance(25 * 60 * 60 * 1000);
    const { status, body } = await enrol(code);
    expect(status).toBe(403);
    expect(body.error.code).toBe('DEVICE_ENROLMENT_CODE_INVALID');
  });
});
