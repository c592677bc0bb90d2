// K3 around the operations, over HTTP: teachers' offline decision grants and review.decide at replay, the candidate's notices, SMS and email, the SMS check of a passport registered offline, and the outbox monitor scoped by school.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSPORTS, DEMO_STAFF_PASSWORD } from '../../src-server/demo/seed.js';
import type { TestClient } from '../support/client.js';
import { login, newCandidate, passportRegisterPayload, staffLogin } from '../support/candidates.js';
import { startServer, type TestServer } from '../support/server.js';
import { enrolDevice, pendingOfflineApplication, Queue, rosteredCandidate, type Device } from './sync-support.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

const HOUR = 3600_000;

/** A staff member logged in on an enrolled device: the request carries the staff cookie and the device's bearer credential. */
async function staffOn(device: Device, username: string): Promise<TestClient> {
  const client = server.client({ authorization: `Bearer ${device.credential}` });
  expect((await staffLogin(client, username, DEMO_STAFF_PASSWORD)).status).toBe(200);
  return client;
}

async function grantFor(client: TestClient): Promise<{ grant: string; expiresAt: string }> {
  const answer = await client.post('/api/staff/offline-grant', {});
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

async function applicationStatus(applicationId: string): Promise<string> {
  return (await server.db.selectFrom('review_applications').select('status').where('id', '=', applicationId).executeTakeFirstOrThrow()).status;
}

describe('K3 offline decision grants', () => {
  it('K3 a grant needs the teacher’s session and the device’s credential together, a teacher of the device’s school', async () => {
    const device = await enrolDevice(server);
    const teacherOnly = server.client();
    expect((await staffLogin(teacherOnly, 'teacher99301', DEMO_STAFF_PASSWORD)).status).toBe(200);
    expect((await teacherOnly.post('/api/staff/offline-grant', {})).body.error.code).toBe('FORBIDDEN');
    expect((await device.client.post('/api/staff/offline-grant', {})).body.error.code).toBe('UNAUTHENTICATED');
    expect((await (await staffOn(device, 'admin')).post('/api/staff/offline-grant', {})).body.error.code).toBe('FORBIDDEN');
    expect((await (await staffOn(device, 'teacher99302')).post('/api/staff/offline-grant', {})).body.error.code).toBe('FORBIDDEN');
    const { grant, expiresAt } = await grantFor(await staffOn(device, 'teacher99301'));
    expect(grant.length).toBeGreaterThanOrEqual(32);
    expect(new Date(expiresAt).getTime() - server.clock.now().getTime()).toBe(24 * HOUR);
    // Only the hash is stored.
    const stored = await server.db.selectFrom('offline_decision_grants').selectAll().where('device_id', '=', device.deviceId).execute();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(grant);
  });

  it('C4 K3 a decision under a valid grant is the teacher’s, audited as offline with device and seq, and the candidate hears of it', async () => {
    const { applicationId, candidate } = await pendingOfflineApplication(server);
    const device = await enrolDevice(server);
    const { grant } = await grantFor(await staffOn(device, 'teacher99301'));
    const q = new Queue(device);
    const seq = q.add('review.decide', { grant, applicationId, decision: 'REJECTED', reason: '证件号码与成绩记录不符' });
    const [result] = await q.push();
    expect(result).toMatchObject({ status: 'applied', result: { applicationId, status: 'REJECTED' } });
    expect(await applicationStatus(applicationId)).toBe('REJECTED');
    const teacher = await server.db.selectFrom('staff_accounts').select('id').where('username', '=', 'teacher99301').executeTakeFirstOrThrow();
    const audit = await server.db.selectFrom('audit_log').selectAll().where('target_id', '=', applicationId).where('action', '=', 'review.rejected').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_kind: 'TEACHER', actor_id: teacher.id, details: { offline: true, deviceId: device.deviceId, seq } });
    const texts = await server.db.selectFrom('message_outbox').select('body').where('recipient', '=', candidate.mobile).where('channel', '=', 'sms').execute();
    expect(texts.some((text) => text.body.includes('复核申请已有审核结果'))).toBe(true);
  });

  it.each([
    ['captured after the grant expired', 'OFFLINE_GRANT_EXPIRED', async () => ({ capturedAt: new Date(server.clock.now().getTime() + 25 * HOUR) })],
    ['captured before the grant was issued', 'OFFLINE_GRANT_INVALID', async () => ({ capturedAt: new Date(server.clock.now().getTime() - HOUR) })],
    ['pushed by another device', 'OFFLINE_GRANT_INVALID', async () => ({ device: await enrolDevice(server) })],
    ['an unknown secret', 'OFFLINE_GRANT_INVALID', async () => ({ grant: 'x'.repeat(43) })],
    ['taken by a teacher of another school', 'REVIEW_NOT_FOUND', async () => ({ otherSchool: true })],
  ] as const)('K3 a decision %s is refused with %s and decides nothing', async (_name, code, make) => {
    const { applicationId } = await pendingOfflineApplication(server);
    const variant: { capturedAt?: Date; device?: Device; grant?: string; otherSchool?: boolean } = await make();
    const device = variant.otherSchool === true ? await enrolDevice(server, { teacher: 'teacher99302', campusCode: '993020' }) : await enrolDevice(server);
    const issued = await grantFor(await staffOn(device, variant.otherSchool === true ? 'teacher99302' : 'teacher99301'));
    const q = new Queue(variant.device ?? device);
    q.add('review.decide', { grant: variant.grant ?? issued.grant, applicationId, decision: 'APPROVED' }, variant.capturedAt === undefined ? {} : { capturedAt: variant.capturedAt });
    const [result] = await q.push();
    expect(result).toMatchObject({ status: 'refused', error: { code } });
    expect(await applicationStatus(applicationId)).toBe('PENDING');
  });

  it('K3 a grant replaced by a newer one counts for decisions captured before, not after', async () => {
    const device = await enrolDevice(server);
    const teacher = await staffOn(device, 'teacher99301');
    const { grant: old } = await grantFor(teacher);
    const before = new Date(server.clock.now().getTime() + 1000);
    server.clock.advance(60_000);
    await grantFor(teacher);
    const after = new Date(server.clock.now().getTime() + 1000);
    const [early, late] = [await pendingOfflineApplication(server), await pendingOfflineApplication(server)];
    const q = new Queue(device);
    q.add('review.decide', { grant: old, applicationId: early.applicationId, decision: 'APPROVED' }, { capturedAt: before });
    q.add('review.decide', { grant: old, applicationId: late.applicationId, decision: 'APPROVED' }, { capturedAt: after });
    const results = await q.push();
    expect(results.map((r) => r.result?.status ?? r.error?.code)).toEqual(['APPROVED', 'OFFLINE_GRANT_REVOKED']);
  });
});

describe('K3 outcomes reach the candidate', () => {
  it('K3 a passport registered offline must prove its mobile by SMS at the next login; the notices of its operations are shown once', async () => {
    const candidate = await rosteredCandidate(server);
    const q = new Queue(await enrolDevice(server));
    const passport = q.add('passport.register', passportRegisterPayload(candidate));
    q.add('registration.save', { candidate: { by: 'operation', seq: passport }, agreementVersion: '2019-1', idType: candidate.idType, idNumber: candidate.idNumber, name: candidate.name, confirmed: true }, { dependsOn: [passport] });
    const results = await q.push();
    expect(results.map((r) => r.status)).toEqual(['applied', 'refused']);

    // SMS for each outcome, and an email to the passport's address; no ID number in either.
    const messages = await server.db.selectFrom('message_outbox').select(['channel', 'recipient', 'body']).where('recipient', 'in', [candidate.mobile, candidate.email]).execute();
    expect(messages.filter((m) => m.channel === 'sms')).toHaveLength(2);
    expect(messages.filter((m) => m.channel === 'email')).toHaveLength(2);
    expect(messages.some((m) => m.body.includes('首次登录报名网站时请按提示验证手机'))).toBe(true);
    expect(messages.some((m) => m.body.includes('未能受理'))).toBe(true);
    expect(JSON.stringify(messages)).not.toContain(candidate.idNumber);

    const client = server.client();
    const session = await login(client, candidate.email, candidate.password);
    expect(session.body).toMatchObject({ role: 'candidate', mobileVerificationRequired: true });
    expect((await client.get('/api/session')).body.session.mobileVerificationRequired).toBe(true);
    const blocked = await client.get('/api/registration');
    expect([blocked.status, blocked.body.error.code]).toEqual([403, 'MOBILE_VERIFICATION_REQUIRED']);

    const notices = await client.get('/api/notices');
    expect(notices.status).toBe(200);
    expect(notices.body.notices.map((n: { code: string; params: Record<string, unknown> }) => [n.code, n.params.kind, n.params.reason])).toEqual([
      ['OFFLINE_OPERATION_APPLIED', 'passport.register', undefined],
      ['OFFLINE_OPERATION_REFUSED', 'registration.save', 'REGISTRATION_AGREEMENT_OUTDATED'],
    ]);
    expect(JSON.stringify(notices.body)).not.toContain(candidate.idNumber);
    expect((await client.get('/api/notices')).body.notices).toEqual([]);

    const sent = await client.post('/api/session/mobile-verification/sms-code', {});
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.sentTo).not.toBe(candidate.mobile);
    const code = await server.smsCode(candidate.mobile);
    expect((await client.post('/api/session/mobile-verification', { smsCode: code === '000000' ? '111111' : '000000' })).body.error.code).toBe('SMS_CODE_INVALID');
    expect((await client.get('/api/registration')).status).toBe(403);
    expect((await client.post('/api/session/mobile-verification', { smsCode: code })).body).toEqual({ mobileVerified: true });
    expect((await client.get('/api/session')).body.session.mobileVerificationRequired).toBe(false);
    expect((await client.get('/api/registration')).status).toBe(200);
    // Once proven there is nothing left to verify.
    expect((await client.post('/api/session/mobile-verification/sms-code', {})).body.error.code).toBe('VALIDATION_FAILED');
  });

  it('A6 K3 a mobile mistyped offline is put right through 修改资料: the new mobile’s code proves it', async () => {
    const candidate = await rosteredCandidate(server);
    const q = new Queue(await enrolDevice(server));
    q.add('passport.register', passportRegisterPayload(candidate));
    expect((await q.push())[0]?.status).toBe('applied');
    const client = server.client();
    expect((await login(client, candidate.email, candidate.password)).body.mobileVerificationRequired).toBe(true);
    const mobile = newCandidate().mobile;
    const form = { email: candidate.email, mobile, idType: candidate.idType, idNumber: candidate.idNumber, name: candidate.name };
    expect((await client.post('/api/passport/profile/sms-code', { mobile })).status).toBe(200);
    const changed = await client.put('/api/passport/profile', { ...form, smsCode: await server.smsCode(mobile) });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await client.get('/api/session')).body.session.mobileVerificationRequired).toBe(false);
    expect((await client.get('/api/registration')).status).toBe(200);
  });

  it('A5 K3 a password reset by SMS proves the mobile of a passport registered offline', async () => {
    const candidate = await rosteredCandidate(server);
    const q = new Queue(await enrolDevice(server));
    q.add('passport.register', passportRegisterPayload(candidate));
    expect((await q.push())[0]?.status).toBe('applied');
    const client = server.client();
    expect((await client.post('/api/password-reset/sms-code', { mobile: candidate.mobile, captcha: await client.captcha() })).status).toBe(200);
    const reset = await client.post('/api/password-reset/by-sms', { mobile: candidate.mobile, smsCode: await server.smsCode(candidate.mobile), password: 'Newpass1!', passwordConfirmation: 'Newpass1!' });
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    expect((await login(client, candidate.email, 'Newpass1!')).body.mobileVerificationRequired).toBe(false);
  });

  it('K3 a passport registered online is never asked to verify its mobile again', async () => {
    const client = server.client();
    const session = await login(client, DEMO_PASSPORTS[0].email, DEMO_PASSPORTS[0].password);
    expect(session.body.mobileVerificationRequired).toBe(false);
    expect((await client.post('/api/session/mobile-verification/sms-code', {})).body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('K4 the outbox monitor on the server', () => {
  it('K4 retry and discard are audited for the device the teacher stands at, and only there', async () => {
    const device = await enrolDevice(server);
    const other = await enrolDevice(server);
    const teacher = await staffOn(device, 'teacher99301');
    const recorded = await teacher.post('/api/staff/outbox-actions', { deviceId: device.deviceId, seq: 7, kind: 'enrolment.written', action: 'discard', reason: '考生要求取消' });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    expect(recorded.body.recorded).toBe(true);
    const entry = await server.db.selectFrom('audit_log').selectAll().where('target_id', '=', `${device.deviceId}:7`).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor_kind: 'TEACHER', action: 'sync.outbox_discard', details: { deviceId: device.deviceId, seq: 7, kind: 'enrolment.written', reason: '考生要求取消' } });
    expect((await teacher.post('/api/staff/outbox-actions', { deviceId: other.deviceId, seq: 1, kind: 'enrolment.written', action: 'retry' })).body.error.code).toBe('FORBIDDEN');
    const elsewhere = await staffOn(device, 'teacher99302');
    expect((await elsewhere.post('/api/staff/outbox-actions', { deviceId: device.deviceId, seq: 1, kind: 'enrolment.written', action: 'retry' })).body.error.code).toBe('FORBIDDEN');
    expect((await device.client.post('/api/staff/outbox-actions', { deviceId: device.deviceId, seq: 1, kind: 'enrolment.written', action: 'retry' })).status).toBe(401);
  });

  it('K4 refused operations are listed for the devices of the teacher’s school only, without payloads', async () => {
    const ours = new Queue(await enrolDevice(server));
    const theirs = new Queue(await enrolDevice(server, { teacher: 'teacher99302', campusCode: '993020' }));
    for (const q of [ours, theirs]) {
      q.add('outbox.void', { reason: 'discarded', voidedKind: 'enrolment.written' });
      q.add('passport.register', passportRegisterPayload(newCandidate()));
      await q.push();
    }
    const list = async (username: string, query = '?status=refused') => {
      const client = server.client();
      expect((await staffLogin(client, username, DEMO_STAFF_PASSWORD)).status).toBe(200);
      const answer = await client.get(`/api/staff/device-operations${query}`);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body.items as { deviceId: string; seq: number; kind: string; error: { code: string; message: { 'zh-CN': string } } | null }[];
    };
    const mine = await list('teacher99301');
    expect(mine.some((item) => item.deviceId === ours.device.deviceId && item.seq === 1 && item.kind === 'outbox.void' && item.error?.code === 'OPERATION_DISCARDED')).toBe(true);
    expect(mine.some((item) => item.deviceId === theirs.device.deviceId)).toBe(false);
    expect(mine.find((item) => item.deviceId === ours.device.deviceId)?.error?.message['zh-CN']).toBe('该离线操作已由学校负责老师作废');
    expect(mine.every((item) => !Object.hasOwn(item, 'payload') && !Object.hasOwn(item, 'result'))).toBe(true);
    const other = await list('teacher99302');
    expect(other.some((item) => item.deviceId === theirs.device.deviceId)).toBe(true);
    expect(other.some((item) => item.deviceId === ours.device.deviceId)).toBe(false);
    const admin = await list('admin');
    expect([ours, theirs].every((q) => admin.some((item) => item.deviceId === q.device.deviceId))).toBe(true);
    expect((await list('teacher99301', `?status=applied&deviceId=${ours.device.deviceId}`)).map((item) => [item.seq, item.kind, item.error])).toEqual([[2, 'passport.register', null]]);
  });
});
