// The production email channel against a real SMTP server, and hostile bodies to every account route: always a 4xx with a code.
import fc from 'fast-check';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src-server/config/config.js';
import { smtpEmail } from '../../src-server/messages/smtp.js';
import { outboxSms } from '../../src-server/messages/outbox.js';
import { CLAIM_LEASE_MS, dispatchOutbound, outboundChannels } from '../../src-server/messages/outbound.js';
import { DEMO_PASSPORTS } from '../../src-server/demo/seed.js';
import { login } from '../support/candidates.js';
import { startServer, type TestServer } from '../support/server.js';

interface Received {
  readonly from: string;
  readonly to: readonly string[];
  readonly data: string;
}

/** The text of a single-part mail as its recipient reads it, whichever transfer encoding nodemailer chose. */
function mailText(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  if (/^Content-Transfer-Encoding: base64/im.test(headers)) return Buffer.from(body, 'base64').toString('utf8');
  if (/^Content-Transfer-Encoding: quoted-printable/im.test(headers)) {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_hex, code: string) => String.fromCharCode(parseInt(code, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

let smtp: SMTPServer;
let smtpPort = 0;
const received: Received[] = [];
let server: TestServer;
let email: ReturnType<typeof smtpEmail>;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  const address = smtp.server.address();
  smtpPort = typeof address === 'object' && address !== null ? address.port : 0;
  const config = loadConfig({ EMAIL_TRANSPORT: 'smtp', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtpPort), SMTP_FROM: 'ETEST通行证 <no-reply@etest.test>' });
  if (config.email.transport !== 'smtp') throw new Error('smtp settings not taken');
  email = smtpEmail(config.email);
  server = await startServer({}, (db, clock) => ({ sms: outboxSms(db, clock), email }));
});

afterAll(async () => {
  await server?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('SMTP email channel', () => {
  it('delivers the password-reset mail with its link to a real SMTP server', async () => {
    const client = server.client();
    const answer = await client.post('/api/password-reset/email', { email: 'lisi@example.com', captcha: await client.captcha() });
    expect(answer.status).toBe(200);
    const mail = received.at(-1);
    expect(mail?.from).toBe('no-reply@etest.test');
    expect(mail?.to).toEqual(['lisi@example.com']);
    expect(mail?.data).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(mailText(mail?.data ?? '')).toContain('/passport/reset-password?token=');
  });

  it('K3 an outcome email from the outbound outbox carries its row id as Message-ID, the same when a resend after a kill repeats it', async () => {
    const deps = { db: server.db, clock: server.clock, messages: { sms: outboxSms(server.db, server.clock), email } };
    const queued = outboundChannels(server.db, server.clock);
    await queued.channels.email.sendEmail({ to: 'wangwu@example.com', subject: '离线报名结果', text: '您在自助机提交的报名已受理。' });
    const [id] = queued.ids;
    expect(await dispatchOutbound(deps, { ids: queued.ids })).toEqual({ sent: 1, failed: 0 });
    // Long header lines arrive folded (RFC 5322 §2.2.3): unfold before reading.
    const messageId = (data: string) => /^Message-ID:\s*(\S+)/im.exec(data.replace(/\r?\n[ \t]+/g, ' '))?.[1];
    const first = received.at(-1);
    expect(first?.to).toEqual(['wangwu@example.com']);
    expect(messageId(first?.data ?? '')).toBe(`<${id}@outbound.cet-registration>`);
    // What a dispatcher killed after the send and before marking it leaves: sent, claimed, not marked.
    await server.db.updateTable('outbound_messages').set({ sent_at: null }).where('id', '=', id!).execute();
    server.clock.advance(CLAIM_LEASE_MS);
    expect(await dispatchOutbound(deps, { ids: queued.ids })).toEqual({ sent: 1, failed: 0 });
    expect(messageId(received.at(-1)?.data ?? '')).toBe(`<${id}@outbound.cet-registration>`);
  });

  it('refuses to start with EMAIL_TRANSPORT=smtp but no host', () => {
    expect(() => loadConfig({ EMAIL_TRANSPORT: 'smtp' })).toThrow(/SMTP_HOST/);
  });
});

/** Every route that takes a body from a candidate or a visitor. */
const ACCOUNT_ROUTES: readonly (readonly [string, string])[] = [
  ['POST', '/api/session'],
  ['POST', '/api/staff/session'],
  ['POST', '/api/captchas'],
  ['POST', '/api/passport/sms-code'],
  ['POST', '/api/passport/register/preview'],
  ['POST', '/api/passport/register'],
  ['POST', '/api/passport/retrieval'],
  ['POST', '/api/password-reset/sms-code'],
  ['POST', '/api/password-reset/by-sms'],
  ['POST', '/api/password-reset/email'],
  ['POST', '/api/password-reset/by-email'],
  ['POST', '/api/appeals'],
  ['PUT', '/api/passport/profile'],
  ['PUT', '/api/passport/password'],
];

const FIELDS = ['email', 'mobile', 'password', 'passwordConfirmation', 'idType', 'idNumber', 'name', 'smsCode', 'agreementAccepted', 'confirmation', 'captcha', 'provinceCode', 'account', 'token', 'reason', 'username'];

/** Bodies that look almost right: the routes' own field names holding anything JSON can carry. */
const hostileBody = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), fc.jsonValue(), { maxKeys: 8 }),
  fc.jsonValue(),
  fc.string().map((text) => ({ raw: text })),
);

describe('hostile input', () => {
  it('never gets a 5xx, and always a code with both messages', async () => {
    // Logged in, so the candidate routes parse their bodies instead of stopping at the session check.
    const client = server.client();
    expect((await login(client, DEMO_PASSPORTS[1].email, DEMO_PASSPORTS[1].password)).status).toBe(200);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ACCOUNT_ROUTES), hostileBody, async ([method, path], body) => {
        const payload = typeof body === 'object' && body !== null && 'raw' in body ? String(body.raw) : JSON.stringify(body);
        const answer = await client.request(method, path, payload);
        expect(answer.status).toBeLessThan(500);
        if (answer.status >= 400) {
          expect(answer.body.error.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
          expect(answer.body.error.message['zh-CN']).not.toBe('');
          expect(answer.body.error.message.en).not.toBe('');
          expect(JSON.stringify(answer.body)).not.toMatch(/\bat .*\.ts:\d+/);
        }
      }),
      { numRuns: 150 },
    );
  });
});
