// Starts the real app on a free port over a fresh database, with a hand-moved clock and captchas a test can read.
import { pino } from 'pino';
import { loadConfig } from '../../src-server/config/config.js';
import type { Db } from '../../src-server/db/database.js';
import { seedDemo } from '../../src-server/demo/seed.js';
import { buildApp } from '../../src-server/http/app.js';
import type { MessageChannels } from '../../src-server/messages/adapters.js';
import { outboxEmail, outboxSms, readOutbox } from '../../src-server/messages/outbox.js';
import { readableCaptchaImages } from '../../src-server/services/captcha.js';
import { TestClock } from './clock.js';
import { TestClient } from './client.js';
import { freshDatabase, type DatabaseKind } from './database.js';

/** The answer rides in the picture, so a test reads it from the HTTP response like a person reads the image. */
export const readableCaptchas = readableCaptchaImages;

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hmac-0123456789';

export interface TestServer {
  readonly url: string;
  readonly db: Db;
  readonly kind: DatabaseKind;
  readonly clock: TestClock;
  client(headers?: Record<string, string>): TestClient;
  /** The newest SMS code sent to a mobile, read from the outbox like a candidate reads the phone. */
  smsCode(mobile: string): Promise<string>;
  /** The newest email to an address. */
  lastEmail(to: string): Promise<{ subject: string | null; body: string }>;
  close(): Promise<void>;
}

/** `env` overrides settings by their environment variable names, e.g. `{ SMS_DAILY_LIMIT: '3' }`. */
export async function startServer(env: Readonly<Record<string, string>> = {}, messages?: (db: Db, clock: TestClock) => MessageChannels): Promise<TestServer> {
  const { db, kind, dispose } = await freshDatabase();
  // Real time, so the cookies the server dates by this clock are not already expired for the jar.
  const clock = new TestClock(new Date());
  // 测试省 99 and its schools, the admin and teachers, and three passports (张三 with a saved registration).
  await seedDemo(db, clock.now());
  const config = loadConfig({ NODE_ENV: 'test', COOKIE_SECRET: TEST_SECRET, SMS_IP_HOURLY_LIMIT: '10000', LOGIN_IP_MAX_FAILURES: '1000', ...env });
  const channels = messages?.(db, clock) ?? { sms: outboxSms(db, clock), email: outboxEmail(db, clock) };
  const app = buildApp({ db, clock, config, messages: channels, logger: pino({ level: 'silent' }), captchaImages: readableCaptchas });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('server has no address');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    db,
    kind,
    clock,
    client: (headers) => new TestClient(url, headers),
    async smsCode(mobile) {
      // Messages sent within one tick of the test clock share a time, so look past other texts.
      const messages = await readOutbox(db, { limit: 5, recipient: mobile });
      const code = messages.map((message) => /验证码为(\d{6})/.exec(message.body)?.[1]).find((found) => found !== undefined);
      if (code === undefined) throw new Error(`no SMS code was sent to ${mobile}`);
      return code;
    },
    async lastEmail(to) {
      const [message] = await readOutbox(db, { limit: 1, recipient: to });
      if (message === undefined || message.channel !== 'email') throw new Error(`no email was sent to ${to}`);
      return { subject: message.subject, body: message.body };
    },
    async close() {
      await app.close();
      await dispose();
    },
  };
}
