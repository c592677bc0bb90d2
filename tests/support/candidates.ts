// Valid candidates for server tests, each with its own identity, email and mobile, and the register/login steps they take.
import { residentIdCheckCharacter } from '../../shared/rules/index.js';
import type { TestClient } from './client.js';
import type { TestServer } from './server.js';

export interface TestCandidate {
  readonly email: string;
  readonly mobile: string;
  readonly password: string;
  readonly idType: 'RESIDENT_ID';
  readonly idNumber: string;
  readonly name: string;
}

let serial = 0;

/** A resident ID with a valid region, birth date and check character; `n` keeps numbers apart within a file. */
export function residentId(n: number): string {
  const first17 = `330106${2000 + (n % 5)}0101${String(n % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

export function newCandidate(overrides: Partial<TestCandidate> = {}): TestCandidate {
  serial += 1;
  return {
    email: `candidate${serial}@example.com`,
    mobile: `139${String(10_000_000 + serial).slice(-8)}`,
    password: 'Cet4pass!',
    idType: 'RESIDENT_ID',
    idNumber: residentId(serial),
    name: '王芳',
    ...overrides,
  };
}

/** The A3 form of 注册: the offline payload plus the SMS code only an online registration has. */
export function registrationForm(candidate: TestCandidate, smsCode: string) {
  return { ...passportRegisterPayload(candidate), smsCode };
}

/** The whole A3 flow: SMS code, 注册信息确认, 注册. Returns the new passport id. */
export async function register(server: TestServer, client: TestClient, candidate: TestCandidate): Promise<string> {
  const sent = await client.post('/api/passport/sms-code', { mobile: candidate.mobile });
  if (sent.status !== 200) throw new Error(`sms-code: ${JSON.stringify(sent.body)}`);
  const form = registrationForm(candidate, await server.smsCode(candidate.mobile));
  const preview = await client.post('/api/passport/register/preview', form);
  if (preview.status !== 200) throw new Error(`preview: ${JSON.stringify(preview.body)}`);
  const registered = await client.post('/api/passport/register', { ...form, confirmation: preview.body.confirmation });
  if (registered.status !== 200) throw new Error(`register: ${JSON.stringify(registered.body)}`);
  return registered.body.passportId as string;
}

export const DEMO_PROVINCE_CODE = '99';

export async function login(client: TestClient, account: string, password: string, provinceCode = DEMO_PROVINCE_CODE) {
  return client.post('/api/session', { provinceCode, account, password, captcha: await client.captcha() });
}

export async function staffLogin(client: TestClient, username: string, password: string) {
  return client.post('/api/staff/session', { username, password, captcha: await client.captcha() });
}

/** The payload of an offline-captured passport registration (sync kind 'passport.register') for this candidate. */
export function passportRegisterPayload(candidate: TestCandidate) {
  return {
    email: candidate.email,
    mobile: candidate.mobile,
    password: candidate.password,
    passwordConfirmation: candidate.password,
    idType: candidate.idType,
    idNumber: candidate.idNumber,
    name: candidate.name,
    agreementAccepted: true,
  };
}
