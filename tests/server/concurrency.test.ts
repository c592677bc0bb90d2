// Replayed or racing registrations: one identity, email or mobile never ends up on two passports, and the losers learn why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCandidate, registrationForm, type TestCandidate } from '../support/candidates.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

const RACERS = 10;

/** Sends each SMS code, confirms each form, then fires all registrations at once. */
async function raceRegistrations(candidates: readonly TestCandidate[]) {
  const client = server.client();
  const forms = [];
  const codes = new Map<string, string>();
  for (const candidate of candidates) {
    if (!codes.has(candidate.mobile)) {
      expect((await client.post('/api/passport/sms-code', { mobile: candidate.mobile })).status).toBe(200);
      codes.set(candidate.mobile, await server.smsCode(candidate.mobile));
    }
    const form = registrationForm(candidate, codes.get(candidate.mobile) ?? '');
    const preview = await client.post('/api/passport/register/preview', form);
    expect(preview.status).toBe(200);
    forms.push({ ...form, confirmation: preview.body.confirmation });
  }
  const answers = await Promise.all(forms.map((form) => server.client().post('/api/passport/register', form)));
  return answers.map((answer) => (answer.status === 200 ? 'OK' : `${answer.status} ${answer.body.error.code}`));
}

async function passportsWhere(column: 'email' | 'mobile' | 'id_number', value: string) {
  return server.db.selectFrom('passports').select('id').where(column, '=', value).execute();
}

describe('concurrent duplicate registrations', () => {
  it(`of one identical form: exactly one of ${RACERS} succeeds`, async () => {
    const candidate = newCandidate();
    const outcomes = await raceRegistrations(Array.from({ length: RACERS }, () => candidate));
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'OK')).toEqual(Array(RACERS - 1).fill('409 INFORMATION_OCCUPIED'));
    expect(await passportsWhere('id_number', candidate.idNumber)).toHaveLength(1);
  });

  it('of one identity with different emails and mobiles: one passport, the rest 信息占用', async () => {
    const identity = newCandidate();
    const outcomes = await raceRegistrations(Array.from({ length: RACERS }, () => newCandidate({ idNumber: identity.idNumber, name: identity.name })));
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'OK')).toEqual(Array(RACERS - 1).fill('409 INFORMATION_OCCUPIED'));
    expect(await passportsWhere('id_number', identity.idNumber)).toHaveLength(1);
  });

  it('of one email with different identities and mobiles: one passport, the rest EMAIL_TAKEN', async () => {
    const email = newCandidate().email;
    const outcomes = await raceRegistrations(Array.from({ length: RACERS }, () => newCandidate({ email })));
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'OK')).toEqual(Array(RACERS - 1).fill('409 EMAIL_TAKEN'));
    expect(await passportsWhere('email', email)).toHaveLength(1);
  });

  it('of one mobile with different identities and emails: one passport, the rest MOBILE_TAKEN', async () => {
    const mobile = newCandidate().mobile;
    const outcomes = await raceRegistrations(Array.from({ length: RACERS }, () => newCandidate({ mobile })));
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'OK')).toEqual(Array(RACERS - 1).fill('409 MOBILE_TAKEN'));
    expect(await passportsWhere('mobile', mobile)).toHaveLength(1);
  });

  it('replayed one after another: the first succeeds, every replay is refused the same way', async () => {
    const candidate = newCandidate();
    const client = server.client();
    await client.post('/api/passport/sms-code', { mobile: candidate.mobile });
    const form = registrationForm(candidate, await server.smsCode(candidate.mobile));
    const { body } = await client.post('/api/passport/register/preview', form);
    const outcomes = [];
    for (let i = 0; i < 3; i += 1) {
      const answer = await client.post('/api/passport/register', { ...form, confirmation: body.confirmation });
      outcomes.push(answer.status === 200 ? 'OK' : answer.body.error.code);
    }
    expect(outcomes).toEqual(['OK', 'INFORMATION_OCCUPIED', 'INFORMATION_OCCUPIED']);
  });
});

describe('the unique indexes as the last line of defence', () => {
  it('refuse a second passport with the same identity written past the services', async () => {
    const row = await server.db.selectFrom('passports').selectAll().where('id_number', 'is not', null).executeTakeFirstOrThrow();
    const copy = { ...row, id: 'F'.repeat(32), email: 'copy@example.com', mobile: '13999999999' };
    await expect(server.db.insertInto('passports').values(copy).execute()).rejects.toMatchObject({ code: '23505', constraint: 'passports_identity_key' });
  });
});
