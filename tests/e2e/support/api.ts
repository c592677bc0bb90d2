// The real server over HTTP, for what a journey needs done by someone else: other candidates taking seats, a teacher deciding a review.
import { expect } from '@playwright/test';
import { DEMO_AGREEMENT_VERSION } from '../../../src-server/demo/seed.js';
import type { Identity } from '../../../shared/domain/identity.js';
import { passportForm, type NewCandidate } from './candidates.js';
import { smsCodeFor } from './outbox.js';
import { SERVER_URL } from './ports.js';

export interface Answer {
  readonly status: number;
  // The JSON body as the contract describes it; tests read the few fields they need.
  readonly body: Record<string, unknown> & { error?: { code: string } };
}

/** One caller with its own session cookie, as a phone or a teacher's browser would hold it. */
export class ApiClient {
  private cookie = '';

  async call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<Answer> {
    const response = await fetch(`${SERVER_URL}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(this.cookie === '' ? {} : { cookie: this.cookie }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.getSetCookie().map((line) => line.split(';')[0] ?? '').filter((pair) => pair !== '');
    if (setCookie.length > 0) this.cookie = setCookie.join('; ');
    const text = await response.text();
    return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Answer['body']) };
  }

  /** Like call, but the step must succeed: a refusal fails the test with its code. */
  async ok(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<Answer['body']> {
    const answer = await this.call(method, path, body);
    expect(answer.body.error?.code, `${method} ${path}`).toBeUndefined();
    expect(answer.status, `${method} ${path}`).toBe(200);
    return answer.body;
  }

  /** The test-mode captcha carries its answer in the picture (CAPTCHA_TEST_ANSWERS), as the kiosk tests read it. */
  async captcha(): Promise<{ id: string; answer: string }> {
    const issued = await this.ok('POST', '/api/captchas', {});
    const answer = /data-answer="([^"]+)"/.exec(String(issued['svg']))?.[1] ?? '';
    return { id: String(issued['captchaId']), answer };
  }
}

/** Registers a passport the way the kiosk does: SMS code from the dev outbox, preview, then register with its confirmation. */
export async function registerPassport(candidate: NewCandidate): Promise<void> {
  const client = new ApiClient();
  await client.ok('POST', '/api/passport/sms-code', { mobile: candidate.mobile });
  const form = passportForm(candidate, await smsCodeFor(candidate.mobile));
  const preview = await client.ok('POST', '/api/passport/register/preview', form);
  await client.ok('POST', '/api/passport/register', { ...form, confirmation: preview['confirmation'] });
}

export async function candidateSession(candidate: NewCandidate): Promise<ApiClient> {
  const client = new ApiClient();
  await client.ok('POST', '/api/session', { provinceCode: '99', account: candidate.email, password: candidate.password, captcha: await client.captcha() });
  return client;
}

export async function teacherSession(username = 'teacher99301', password = 'Staff@2026'): Promise<ApiClient> {
  const client = new ApiClient();
  await client.ok('POST', '/api/staff/session', { username, password, captcha: await client.captcha() });
  return client;
}

/** R1–R3 for a logged-in candidate: the agreement, the query and the save of this roster identity. */
export async function saveRegistration(client: ApiClient, identity: Identity): Promise<Answer> {
  await client.ok('POST', '/api/registration/agreement', { agreementVersion: DEMO_AGREEMENT_VERSION, accepted: true });
  await client.ok('POST', '/api/registration/qualification', identity);
  return client.call('POST', '/api/registration', { ...identity, confirmed: true });
}

export function offeringId(campusCode: string, subjectCode: string): string {
  return `demo-offering-${campusCode}-${subjectCode}`;
}

interface Choice {
  readonly offering: { readonly id: string; readonly remaining: number };
}

/** Seats left in one oral offering, as the candidate's choice list shows them. */
export async function oralRemaining(client: ApiClient, campusCode: string, subjectCode: string): Promise<number> {
  const listed = await client.ok('GET', `/api/enrolment/oral/campuses/${campusCode}/choices`);
  const choice = (listed['choices'] as Choice[]).find((entry) => entry.offering.id === offeringId(campusCode, subjectCode));
  if (choice === undefined) throw new Error(`no oral offering ${subjectCode} at ${campusCode}`);
  return choice.offering.remaining;
}
