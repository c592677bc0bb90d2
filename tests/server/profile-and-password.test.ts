// A5 and A6 over HTTP: profile change with an SMS code that never reaches a saved registration, password change and both resets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSPORTS } from '../../src-server/demo/seed.js';
import type { TestClient } from '../support/client.js';
import { login, newCandidate, register, type TestCandidate } from '../support/candidates.js';
import { insertSavedRegistration } from '../support/registrations.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

async function loggedIn(): Promise<{ client: TestClient; candidate: TestCandidate; passportId: string }> {
  const candidate = newCandidate();
  const client = server.client();
  const passportId = await register(server, client, candidate);
  // Past the phone's 60 s SMS cooldown, which holds across purposes, so the test may send it another code.
  server.clock.advance(61_000);
  expect((await login(client, candidate.email, candidate.password)).status).toBe(200);
  return { client, candidate, passportId };
}

function profileForm(candidate: TestCandidate) {
  const { email, mobile, idType, idNumber, name } = candidate;
  return { email, mobile, idType, idNumber, name };
}

describe('A6 profile change', () => {
  it('shows what changes and, for a registered candidate, that the registration keeps its data', async () => {
    const { client, candidate, passportId } = await loggedIn();
    const next = { ...profileForm(candidate), email: 'renamed@example.com' };
    const before = await client.post('/api/passport/profile/preview', next);
    expect(before.body).toEqual({ changed: { email: true, mobile: false, idType: false, idNumber: false, name: false }, hasSavedRegistration: false });
    await insertSavedRegistration(server.db, { id: `r-${passportId}`, passportId, identity: candidate, at: server.clock.now() });
    expect((await client.post('/api/passport/profile/preview', next)).body.hasSavedRegistration).toBe(true);
  });

  it('changes identity and mobile with a code sent to the new mobile, and leaves the saved registration as it was', async () => {
    const { client, candidate, passportId } = await loggedIn();
    await insertSavedRegistration(server.db, { id: `r-${passportId}`, passportId, identity: candidate, at: server.clock.now() });
    const next = { ...profileForm(candidate), mobile: newCandidate().mobile, idNumber: newCandidate().idNumber, name: '王小芳' };
    expect((await client.post('/api/passport/profile/sms-code', { mobile: next.mobile })).status).toBe(200);
    const changed = await client.put('/api/passport/profile', { ...next, smsCode: await server.smsCode(next.mobile) });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ passportId, email: candidate.email, mobile: next.mobile, identity: { idType: 'RESIDENT_ID', idNumber: next.idNumber, name: '王小芳' } });
    const registration = await server.db.selectFrom('registrations').selectAll().where('passport_id', '=', passportId).executeTakeFirstOrThrow();
    expect(registration).toMatchObject({ id_number: candidate.idNumber, name: candidate.name });
    const audit = await server.db.selectFrom('audit_log').selectAll().where('target_id', '=', passportId).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_kind: 'CANDIDATE', actor_id: passportId, action: 'passport.profile_changed', details: { email: false, mobile: true, identity: true } });
  });

  it('refuses a wrong SMS code and changes nothing', async () => {
    const { client, candidate, passportId } = await loggedIn();
    await client.post('/api/passport/profile/sms-code', { mobile: candidate.mobile });
    const code = await server.smsCode(candidate.mobile);
    const { status, body } = await client.put('/api/passport/profile', { ...profileForm(candidate), email: 'x@example.com', smsCode: code === '000000' ? '111111' : '000000' });
    expect(status).toBe(400);
    expect(body.error.code).toBe('SMS_CODE_INVALID');
    expect((await server.db.selectFrom('passports').select('email').where('id', '=', passportId).executeTakeFirstOrThrow()).email).toBe(candidate.email);
  });

  it.each([
    ['an identity another passport holds', { idNumber: DEMO_PASSPORTS[1].idNumber }, 409, 'INFORMATION_OCCUPIED'],
    ['an email another passport uses', { email: DEMO_PASSPORTS[1].email }, 409, 'EMAIL_TAKEN'],
    ['a malformed email', { email: 'nope' }, 400, 'EMAIL_FORMAT'],
  ])('refuses %s', async (_what, change, status, code) => {
    const { client, candidate } = await loggedIn();
    const answer = await client.post('/api/passport/profile/preview', { ...profileForm(candidate), ...change });
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(code);
  });

  it('refuses to send a code to a mobile another passport uses', async () => {
    const { client } = await loggedIn();
    const { status, body } = await client.post('/api/passport/profile/sms-code', { mobile: DEMO_PASSPORTS[1].mobile });
    expect(status).toBe(409);
    expect(body.error.code).toBe('MOBILE_TAKEN');
  });
});

describe('A5 password change', () => {
  it('needs the old password, the new one twice and a captcha, and ends the other sessions', async () => {
    const { client, candidate } = await loggedIn();
    const other = server.client();
    await login(other, candidate.email, candidate.password);
    const changed = await client.put('/api/passport/password', { oldPassword: candidate.password, password: 'New4pass!', passwordConfirmation: 'New4pass!', captcha: await client.captcha() });
    expect(changed.status).toBe(200);
    expect((await client.get('/api/passport/profile')).status).toBe(200);
    expect((await other.get('/api/passport/profile')).body.error.code).toBe('SESSION_EXPIRED');
    expect((await login(server.client(), candidate.email, 'New4pass!')).status).toBe(200);
  });

  it.each([
    ['a wrong old password', { oldPassword: 'Wrong4pass!' }, 'OLD_PASSWORD_WRONG'],
    ['a new password breaking A1', { password: 'abcdefgh', passwordConfirmation: 'abcdefgh' }, 'PASSWORD_FORMAT'],
    ['two different new passwords', { passwordConfirmation: 'Other4pass!' }, 'PASSWORD_CONFIRMATION_MISMATCH'],
  ])('refuses %s', async (_what, change, code) => {
    const { client, candidate } = await loggedIn();
    const body = { oldPassword: candidate.password, password: 'New4pass!', passwordConfirmation: 'New4pass!', captcha: await client.captcha(), ...change };
    const answer = await client.put('/api/passport/password', body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe(code);
  });

  it('refuses a wrong captcha', async () => {
    const { client, candidate } = await loggedIn();
    const captcha = await client.captcha();
    const answer = await client.put('/api/passport/password', { oldPassword: candidate.password, password: 'New4pass!', passwordConfirmation: 'New4pass!', captcha: { ...captcha, answer: '????' } });
    expect(answer.body.error.code).toBe('CAPTCHA_INVALID');
  });

  it('locks after five wrong old passwords, like a login', async () => {
    const { client, candidate } = await loggedIn();
    for (let i = 0; i < 5; i += 1) {
      await client.put('/api/passport/password', { oldPassword: 'Wrong4pass!', password: 'New4pass!', passwordConfirmation: 'New4pass!', captcha: await client.captcha() });
    }
    const locked = await client.put('/api/passport/password', { oldPassword: candidate.password, password: 'New4pass!', passwordConfirmation: 'New4pass!', captcha: await client.captcha() });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('LOGIN_LOCKED');
    server.clock.advance(15 * 60 * 1000 + 1);
  });
});

describe('A5 password reset by SMS', () => {
  it('sends a code to the registered mobile and sets the new password (重置密码成功)', async () => {
    const { candidate } = await loggedIn();
    const client = server.client();
    const sent = await client.post('/api/password-reset/sms-code', { mobile: candidate.mobile, captcha: await client.captcha() });
    expect(sent.status).toBe(200);
    const code = await server.smsCode(candidate.mobile);
    const reset = await client.post('/api/password-reset/by-sms', { mobile: candidate.mobile, smsCode: code, password: 'Reset4pass!', passwordConfirmation: 'Reset4pass!' });
    expect(reset.status).toBe(200);
    expect((await login(server.client(), candidate.idNumber, 'Reset4pass!')).status).toBe(200);
    const again = await client.post('/api/password-reset/by-sms', { mobile: candidate.mobile, smsCode: code, password: 'Again4pass!', passwordConfirmation: 'Again4pass!' });
    expect(again.body.error.code).toBe('SMS_CODE_INVALID');
  });

  it('refuses an unregistered mobile and a wrong captcha', async () => {
    const client = server.client();
    const unknown = await client.post('/api/password-reset/sms-code', { mobile: newCandidate().mobile, captcha: await client.captcha() });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('MOBILE_NOT_REGISTERED');
    const wrong = await client.post('/api/password-reset/sms-code', { mobile: DEMO_PASSPORTS[0].mobile, captcha: { id: 'nope', answer: 'ABCD' } });
    expect(wrong.body.error.code).toBe('CAPTCHA_INVALID');
  });

  it('refuses a new password breaking A1 without spending the code', async () => {
    const { candidate } = await loggedIn();
    const client = server.client();
    await client.post('/api/password-reset/sms-code', { mobile: candidate.mobile, captcha: await client.captcha() });
    const code = await server.smsCode(candidate.mobile);
    const weak = await client.post('/api/password-reset/by-sms', { mobile: candidate.mobile, smsCode: code, password: 'weak', passwordConfirmation: 'weak' });
    expect(weak.body.error.code).toBe('PASSWORD_FORMAT');
    const strong = await client.post('/api/password-reset/by-sms', { mobile: candidate.mobile, smsCode: code, password: 'Strong4pass!', passwordConfirmation: 'Strong4pass!' });
    expect(strong.status).toBe(200);
  });
});

describe('A5 password reset by email link', () => {
  async function requestLink(candidate: TestCandidate, client = server.client()) {
    const sent = await client.post('/api/password-reset/email', { email: candidate.email, captcha: await client.captcha() });
    expect(sent.status).toBe(200);
    const mail = await server.lastEmail(candidate.email);
    const token = /token=([\w-]+)/.exec(mail.body)?.[1] ?? '';
    return { sent: sent.body, mail, token };
  }

  it('mails a one-time link that sets the new password and ends every session', async () => {
    const { client: session, candidate } = await loggedIn();
    const { sent, mail, token } = await requestLink(candidate);
    expect(sent.sentTo).toMatch(/^ca\*\*\*@example\.com$/);
    expect(mail.subject).toBe('ETEST通行证 重置密码');
    expect(mail.body).toContain('/passport/reset-password?token=');
    const client = server.client();
    expect((await client.get(`/api/password-reset/email/${token}`)).body).toMatchObject({ email: sent.sentTo });
    const reset = await client.post('/api/password-reset/by-email', { token, password: 'Mail4pass!', passwordConfirmation: 'Mail4pass!' });
    expect(reset.status).toBe(200);
    expect((await session.get('/api/passport/profile')).body.error.code).toBe('SESSION_EXPIRED');
    expect((await login(server.client(), candidate.email, 'Mail4pass!')).status).toBe(200);
    const reuse = await client.post('/api/password-reset/by-email', { token, password: 'Again4pass!', passwordConfirmation: 'Again4pass!' });
    expect(reuse.status).toBe(400);
    expect(reuse.body.error.code).toBe('RESET_LINK_INVALID');
  });

  it('expires the link, and retires an older link when a newer one is sent', async () => {
    const { candidate } = await loggedIn();
    const first = await requestLink(candidate);
    server.clock.advance(61_000);
    const second = await requestLink(candidate);
    expect((await server.client().get(`/api/password-reset/email/${first.token}`)).body.error.code).toBe('RESET_LINK_INVALID');
    server.clock.advance(30 * 60 * 1000 + 1);
    const late = await server.client().post('/api/password-reset/by-email', { token: second.token, password: 'Late4pass!', passwordConfirmation: 'Late4pass!' });
    expect(late.body.error.code).toBe('RESET_LINK_INVALID');
  });

  it('refuses an unregistered email, and a second mail within the cooldown', async () => {
    const client = server.client();
    const unknown = await client.post('/api/password-reset/email', { email: 'nobody@example.com', captcha: await client.captcha() });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('EMAIL_NOT_REGISTERED');
    const { candidate } = await loggedIn();
    await requestLink(candidate);
    const soon = await client.post('/api/password-reset/email', { email: candidate.email, captcha: await client.captcha() });
    expect(soon.status).toBe(429);
    expect(soon.body.error.code).toBe('RATE_LIMITED');
  });

  it('refuses a made-up token', async () => {
    const { status, body } = await server.client().get('/api/password-reset/email/not-a-real-token');
    expect(status).toBe(400);
    expect(body.error.code).toBe('RESET_LINK_INVALID');
  });
});
