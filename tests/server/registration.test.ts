// A3 over HTTP: the SMS code, the 注册信息确认 step and registration, with every refusal on the way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSPORTS } from '../../src-server/demo/seed.js';
import { newCandidate, register, registrationForm, type TestCandidate } from '../support/candidates.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ SMS_DAILY_LIMIT: '3' });
});
afterAll(() => server?.close());

async function formWithCode(candidate: TestCandidate) {
  const client = server.client();
  const sent = await client.post('/api/passport/sms-code', { mobile: candidate.mobile });
  expect(sent.status).toBe(200);
  return { client, form: registrationForm(candidate, await server.smsCode(candidate.mobile)) };
}

describe('A3 SMS code for registration', () => {
  it('is sent to the phone, masked in the answer, with a 60 s cooldown', async () => {
    const candidate = newCandidate();
    const client = server.client();
    const sent = await client.post('/api/passport/sms-code', { mobile: candidate.mobile });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ sentTo: `${candidate.mobile.slice(0, 3)}****${candidate.mobile.slice(7)}`, resendAfterSeconds: 60 });
    expect(await server.smsCode(candidate.mobile)).toMatch(/^\d{6}$/);

    const again = await client.post('/api/passport/sms-code', { mobile: candidate.mobile });
    expect(again.status).toBe(429);
    expect(again.body.error).toMatchObject({ code: 'RATE_LIMITED', field: 'mobile', params: { seconds: 60 } });
    expect(again.body.error.message['zh-CN']).toBe('操作过于频繁，请60秒后再试');
  });

  it('stops at the daily cap of a phone', async () => {
    const { mobile } = newCandidate();
    const client = server.client();
    for (let i = 0; i < 3; i += 1) {
      expect((await client.post('/api/passport/sms-code', { mobile })).status).toBe(200);
      server.clock.advance(61_000);
    }
    const capped = await client.post('/api/passport/sms-code', { mobile });
    expect(capped.status).toBe(429);
    expect(capped.body.error.code).toBe('SMS_DAILY_LIMIT');
    server.clock.advance(24 * 60 * 60 * 1000);
    expect((await client.post('/api/passport/sms-code', { mobile })).status).toBe(200);
  });

  it.each([
    ['12345', 'MOBILE_FORMAT'],
    ['', 'FIELD_REQUIRED'],
  ])('refuses the mobile %j with %s', async (mobile, code) => {
    const { status, body } = await server.client().post('/api/passport/sms-code', { mobile });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code, field: 'mobile' });
  });

  it('refuses a mobile another passport uses', async () => {
    const { status, body } = await server.client().post('/api/passport/sms-code', { mobile: DEMO_PASSPORTS[1].mobile });
    expect(status).toBe(409);
    expect(body.error.code).toBe('MOBILE_TAKEN');
  });
});

describe('A3 confirm step (preview)', () => {
  it('shows the data back in canonical form with a confirmation', async () => {
    const candidate = newCandidate({ email: ' Mixed.Case@Example.com ' });
    const { client, form } = await formWithCode(candidate);
    const { status, body } = await client.post('/api/passport/register/preview', { ...form, idNumber: candidate.idNumber.toLowerCase() });
    expect(status).toBe(200);
    expect(body).toEqual({
      email: 'mixed.case@example.com',
      mobile: candidate.mobile,
      idType: 'RESIDENT_ID',
      idNumber: candidate.idNumber,
      name: candidate.name,
      confirmation: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it.each([
    ['email', { email: 'not-an-email' }, 'EMAIL_FORMAT'],
    ['password', { password: 'short1!', passwordConfirmation: 'short1!' }, 'PASSWORD_FORMAT'],
    ['passwordConfirmation', { passwordConfirmation: 'Other4pass!' }, 'PASSWORD_CONFIRMATION_MISMATCH'],
    ['idNumber', { idNumber: '330106200001010000' }, 'RESIDENT_ID_CHECK_CHARACTER'],
    ['idType', { idType: 'MILITARY_OFFICER' }, 'VALIDATION_FAILED'],
    ['name', { name: '王芳1' }, 'NAME_FORMAT'],
    ['smsCode', { smsCode: '' }, 'FIELD_REQUIRED'],
    ['agreementAccepted', { agreementAccepted: false }, 'AGREEMENT_NOT_ACCEPTED'],
  ])('refuses a bad %s with %s', async (field, change, code) => {
    const { client, form } = await formWithCode(newCandidate());
    const { status, body } = await client.post('/api/passport/register/preview', { ...form, ...change });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code, field });
    expect(body.error.message['zh-CN']).not.toBe('');
  });

  it('refuses a wrong SMS code', async () => {
    const { client, form } = await formWithCode(newCandidate());
    const wrong = form.smsCode === '000000' ? '111111' : '000000';
    const { status, body } = await client.post('/api/passport/register/preview', { ...form, smsCode: wrong });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'SMS_CODE_INVALID', field: 'smsCode' });
  });
});

describe('A3 registration', () => {
  it('makes a passport with a 32-hex id the candidate can log in with (注册成功)', async () => {
    const candidate = newCandidate();
    const client = server.client();
    const passportId = await register(server, client, candidate);
    expect(passportId).toMatch(/^[0-9A-F]{32}$/);
    const row = await server.db.selectFrom('passports').selectAll().where('id', '=', passportId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ email: candidate.email, mobile: candidate.mobile, id_number: candidate.idNumber, name: candidate.name });
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('refuses data other than what was confirmed', async () => {
    const candidate = newCandidate();
    const { client, form } = await formWithCode(candidate);
    const preview = await client.post('/api/passport/register/preview', form);
    const { status, body } = await client.post('/api/passport/register', { ...form, name: '李娜', confirmation: preview.body.confirmation });
    expect(status).toBe(400);
    expect(body.error.code).toBe('PASSPORT_CONFIRMATION_MISMATCH');
    expect(await server.db.selectFrom('passports').select('id').where('mobile', '=', candidate.mobile).execute()).toEqual([]);
  });

  it('refuses an identity another passport holds with 信息占用', async () => {
    const held = DEMO_PASSPORTS[0];
    const candidate = newCandidate({ idNumber: held.idNumber, name: held.name });
    const { client, form } = await formWithCode(candidate);
    const { status, body } = await client.post('/api/passport/register/preview', form);
    expect(status).toBe(409);
    expect(body.error).toMatchObject({ code: 'INFORMATION_OCCUPIED', field: 'idNumber' });
    expect(body.error.message['zh-CN']).toContain('信息占用申诉');
  });

  it('refuses an email another passport uses, whatever its case', async () => {
    const { client, form } = await formWithCode(newCandidate({ email: DEMO_PASSPORTS[2].email.toUpperCase() }));
    const { status, body } = await client.post('/api/passport/register/preview', form);
    expect(status).toBe(409);
    expect(body.error).toMatchObject({ code: 'EMAIL_TAKEN', field: 'email' });
  });

  it('uses an SMS code once: a replay of the same registration is refused and writes nothing', async () => {
    const candidate = newCandidate();
    const { client, form } = await formWithCode(candidate);
    const preview = await client.post('/api/passport/register/preview', form);
    const first = await client.post('/api/passport/register', { ...form, confirmation: preview.body.confirmation });
    expect(first.status).toBe(200);
    const replay = await client.post('/api/passport/register', { ...form, confirmation: preview.body.confirmation });
    expect(replay.status).toBe(409);
    expect(replay.body.error.code).toBe('INFORMATION_OCCUPIED');
    const spent = await client.post('/api/passport/register/preview', { ...form, email: 'other@example.com', idNumber: newCandidate().idNumber });
    expect(spent.body.error.code).toBe('MOBILE_TAKEN');
  });

  it('burns a code after five wrong guesses', async () => {
    const candidate = newCandidate();
    const { client, form } = await formWithCode(candidate);
    const wrong = form.smsCode === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i += 1) {
      expect((await client.post('/api/passport/register/preview', { ...form, smsCode: wrong })).body.error.code).toBe('SMS_CODE_INVALID');
    }
    const right = await client.post('/api/passport/register/preview', form);
    expect(right.body.error.code).toBe('SMS_CODE_INVALID');
  });

  it('refuses a code that has expired', async () => {
    const { client, form } = await formWithCode(newCandidate());
    server.clock.advance(10 * 60 * 1000 + 1);
    const { body } = await client.post('/api/passport/register/preview', form);
    expect(body.error.code).toBe('SMS_CODE_INVALID');
  });
});
