// A7, A3's 信息占用申诉 and A8 over HTTP: account retrieval, appeals an admin decides, and the audited rebind of a registration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EXAM_SESSION_ID, DEMO_PASSPORTS, DEMO_STAFF_PASSWORD } from '../../src-server/demo/seed.js';
import type { TestClient } from '../support/client.js';
import { login, newCandidate, register, registrationForm, staffLogin, type TestCandidate } from '../support/candidates.js';
import { insertSavedRegistration } from '../support/registrations.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
let admin: TestClient;
beforeAll(async () => {
  server = await startServer();
  admin = server.client();
  expect((await staffLogin(admin, 'admin', DEMO_STAFF_PASSWORD)).status).toBe(200);
});
afterAll(() => server?.close());

const zhang = DEMO_PASSPORTS[0];

describe('A7 account retrieval', () => {
  async function retrieve(identity: { idType: string; idNumber: string; name: string }) {
    const client = server.client();
    return client.post('/api/passport/retrieval', { ...identity, captcha: await client.captcha() });
  }

  it('shows the masked account of an identity with a saved registration', async () => {
    const { status, body } = await retrieve({ idType: 'RESIDENT_ID', idNumber: zhang.idNumber, name: zhang.name });
    expect(status).toBe(200);
    expect(body).toEqual({ email: 'zh***@example.com', mobile: '138****0001' });
  });

  it.each([
    ['an identity without a saved registration', { idNumber: DEMO_PASSPORTS[1].idNumber, name: DEMO_PASSPORTS[1].name }],
    ['a name that does not match', { idNumber: zhang.idNumber, name: '张四' }],
  ])('answers 无法查询到报名信息 for %s', async (_what, identity) => {
    const { status, body } = await retrieve({ idType: 'RESIDENT_ID', ...identity });
    expect(status).toBe(404);
    expect(body.error.code).toBe('ACCOUNT_RETRIEVAL_NO_REGISTRATION');
    expect(body.error.message['zh-CN']).toBe('无法查询到报名信息');
  });

  it('refuses without a right captcha', async () => {
    const { body } = await server.client().post('/api/passport/retrieval', { idType: 'RESIDENT_ID', idNumber: zhang.idNumber, name: zhang.name, captcha: { id: 'x', answer: 'ABCD' } });
    expect(body.error.code).toBe('CAPTCHA_INVALID');
  });
});

async function decisionSms(mobile: string): Promise<string | undefined> {
  const sms = await server.db.selectFrom('message_outbox').select('body').where('recipient', '=', mobile).where('body', 'like', '%申诉%').executeTakeFirst();
  return sms?.body;
}

async function fileAppeal(appellant: TestCandidate, reason = '本人证件被他人注册') {
  const client = server.client();
  await client.post('/api/passport/sms-code', { mobile: appellant.mobile });
  return client.post('/api/appeals', { ...registrationForm(appellant, await server.smsCode(appellant.mobile)), reason });
}

describe('A3 信息占用申诉', () => {
  it('moves the identity to a new passport of the appellant when an admin approves, audited', async () => {
    const holder = newCandidate();
    const holderId = await register(server, server.client(), holder);
    const appellant = newCandidate({ idNumber: holder.idNumber, name: holder.name });
    const filed = await fileAppeal(appellant);
    expect(filed.status).toBe(200);
    expect(filed.body).toMatchObject({ status: 'PENDING' });

    const pending = await admin.get('/api/admin/appeals?status=PENDING');
    const listed = pending.body.appeals.find((a: { appealId: string }) => a.appealId === filed.body.appealId);
    expect(listed).toMatchObject({ idNumber: holder.idNumber, mobile: appellant.mobile, occupyingPassportId: holderId, reason: '本人证件被他人注册' });

    const approved = await admin.post(`/api/admin/appeals/${filed.body.appealId}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', appellantPassportId: expect.stringMatching(/^[0-9A-F]{32}$/) });
    const newId = approved.body.appellantPassportId as string;

    const appellantClient = server.client();
    expect((await login(appellantClient, appellant.idNumber, appellant.password)).body.passportId).toBe(newId);
    const formerHolder = server.client();
    await login(formerHolder, holder.email, holder.password);
    expect((await formerHolder.get('/api/passport/profile')).body.identity).toBeNull();

    const audit = await server.db.selectFrom('audit_log').selectAll().where('target_id', '=', filed.body.appealId).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_kind: 'ADMIN', action: 'appeal.approved', details: { fromPassportId: holderId, toPassportId: newId } });
    expect(await decisionSms(appellant.mobile)).toContain('信息占用申诉已通过');

    const twice = await admin.post(`/api/admin/appeals/${filed.body.appealId}/approve`);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('APPEAL_ALREADY_DECIDED');
  });

  it('lets an admin reject with a reason, which the appellant is sent', async () => {
    const holder = newCandidate();
    await register(server, server.client(), holder);
    const appellant = newCandidate({ idNumber: holder.idNumber, name: holder.name });
    const filed = await fileAppeal(appellant);
    const rejected = await admin.post(`/api/admin/appeals/${filed.body.appealId}/reject`, { reason: '证明材料不足' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'REJECTED', decisionReason: '证明材料不足' });
    expect(await decisionSms(appellant.mobile)).toContain('信息占用申诉未通过。原因：证明材料不足');
    const audit = await server.db.selectFrom('audit_log').selectAll().where('target_id', '=', filed.body.appealId).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'appeal.rejected', details: { reason: '证明材料不足' } });
  });

  it('refuses an appeal for an identity nobody holds', async () => {
    const { status, body } = await fileAppeal(newCandidate());
    expect(status).toBe(400);
    expect(body.error.code).toBe('APPEAL_NOT_NEEDED');
  });

  it('refuses a second pending appeal from one mobile', async () => {
    const holder = newCandidate();
    await register(server, server.client(), holder);
    const appellant = newCandidate({ idNumber: holder.idNumber, name: holder.name });
    expect((await fileAppeal(appellant)).status).toBe(200);
    server.clock.advance(61_000);
    const again = await fileAppeal(appellant);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('APPEAL_ALREADY_PENDING');
  });

  it('refuses to decide an unknown appeal, and a rejection without a reason', async () => {
    const unknown = await admin.post('/api/admin/appeals/no-such-appeal/approve');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('APPEAL_NOT_FOUND');
    const reasonless = await admin.post('/api/admin/appeals/no-such-appeal/reject', { reason: ' ' });
    expect(reasonless.status).toBe(400);
    expect(reasonless.body.error).toMatchObject({ code: 'FIELD_REQUIRED', field: 'reason' });
  });

  it('keeps appeals from candidates', async () => {
    const candidate = server.client();
    await login(candidate, zhang.email, zhang.password);
    expect((await candidate.get('/api/admin/appeals')).status).toBe(403);
  });
});

describe('A8 rebinding a registration to a new passport', () => {
  async function savedRegistration(candidate: TestCandidate, passportId: string, examSessionId = DEMO_EXAM_SESSION_ID) {
    return insertSavedRegistration(server.db, { passportId, identity: candidate, at: server.clock.now(), examSessionId });
  }

  it('moves the registration to the passport registered anew, with the reason in the audit log', async () => {
    const old = newCandidate();
    const oldId = await register(server, server.client(), old);
    const registrationId = await savedRegistration(old, oldId);
    const fresh = newCandidate();
    const freshId = await register(server, server.client(), fresh);

    const found = await admin.get(`/api/admin/registrations?idType=RESIDENT_ID&idNumber=${old.idNumber}`);
    expect(found.body.registrations).toEqual([expect.objectContaining({ registrationId, passportId: oldId, idNumber: old.idNumber })]);

    const rebound = await admin.post(`/api/admin/registrations/${registrationId}/rebind`, { passportId: freshId.toLowerCase(), reason: '考生注册邮箱错误且忘记密码' });
    expect(rebound.status).toBe(200);
    expect(rebound.body).toMatchObject({ registrationId, passportId: freshId, idNumber: old.idNumber, name: old.name });
    const audit = await server.db.selectFrom('audit_log').selectAll().where('target_id', '=', registrationId).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_kind: 'ADMIN', actor_name: '客服管理员', action: 'registration.rebound', details: { fromPassportId: oldId, toPassportId: freshId, reason: '考生注册邮箱错误且忘记密码' } });

    const retrieval = server.client();
    const account = await retrieval.post('/api/passport/retrieval', { idType: 'RESIDENT_ID', idNumber: old.idNumber, name: old.name, captcha: await retrieval.captcha() });
    expect(account.body.mobile).toBe(`${fresh.mobile.slice(0, 3)}****${fresh.mobile.slice(7)}`);
  });

  it.each([
    ['an unknown registration', 'no-such-registration', 'F'.repeat(32), 404, 'NOT_FOUND'],
    ['an unknown passport', 'existing', 'E'.repeat(32), 404, 'PASSPORT_NOT_FOUND'],
    ['the passport it already has', 'existing', 'own', 409, 'REBIND_SAME_PASSPORT'],
    ['a passport that is not 32 hex digits', 'existing', 'xyz', 400, 'VALIDATION_FAILED'],
  ])('refuses %s', async (_what, registration, passport, status, code) => {
    const candidate = newCandidate();
    const passportId = await register(server, server.client(), candidate);
    const existing = await savedRegistration(candidate, passportId);
    const answer = await admin.post(`/api/admin/registrations/${registration === 'existing' ? existing : registration}/rebind`, {
      passportId: passport === 'own' ? passportId : passport,
      reason: '客服重新绑定',
    });
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(code);
  });

  it('refuses a passport that already has a registration in that exam session', async () => {
    const first = newCandidate();
    const firstId = await register(server, server.client(), first);
    const registrationId = await savedRegistration(first, firstId);
    const second = newCandidate();
    const secondId = await register(server, server.client(), second);
    await savedRegistration(second, secondId);
    const answer = await admin.post(`/api/admin/registrations/${registrationId}/rebind`, { passportId: secondId, reason: '客服重新绑定' });
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('REGISTRATION_PASSPORT_ALREADY_BOUND');
    expect((await server.db.selectFrom('registrations').select('passport_id').where('id', '=', registrationId).executeTakeFirstOrThrow()).passport_id).toBe(firstId);
  });
});

describe('audit log', () => {
  it('lists entries newest first, filtered and paged by cursor, to admins only', async () => {
    const all = await admin.get('/api/admin/audit?limit=200');
    expect(all.status).toBe(200);
    const actions = all.body.entries.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['appeal.approved', 'appeal.rejected', 'registration.rebound']));
    const times = all.body.entries.map((entry: { at: string }) => entry.at);
    expect([...times].sort().reverse()).toEqual(times);

    const rebound = await admin.get('/api/admin/audit?action=registration.rebound');
    expect(rebound.body.entries).toHaveLength(1);
    expect(rebound.body.entries[0]).toMatchObject({ actor: { kind: 'ADMIN', name: '客服管理员' }, target: { kind: 'registration' } });

    const first = await admin.get('/api/admin/audit?limit=1');
    const second = await admin.get(`/api/admin/audit?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.entries[0].id).toBe(all.body.entries[1].id);

    const broken = await admin.get('/api/admin/audit?cursor=not-a-cursor');
    expect(broken.status).toBe(400);
    expect(broken.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'cursor' });

    const candidate = server.client();
    await login(candidate, zhang.email, zhang.password);
    expect((await candidate.get('/api/admin/audit')).status).toBe(403);
  });
});
