// The server's settings, read once from the environment and validated, so a typo fails at start and not at 2 a.m.
import { z } from 'zod';
import { DEFAULT_POOL_SIZE } from '../db/database.js';
import { DEMO_PRINT_WINDOW_MODES } from '../demo/data/catalogue.js';

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');
const seconds = z.coerce.number().int().positive();
const count = z.coerce.number().int().positive();

/** A development secret that anybody can read here: production refuses to start with it. */
const DEVELOPMENT_SECRET = 'development-only-cookie-secret-change-me-0123456789';

const environment = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATA_DIR: z.string().min(1).default('./data'),
    /** Absent: embedded PGlite in DATA_DIR/pglite. Present: a real PostgreSQL shared by every server process. */
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    /** Connections per server process when DATABASE_URL is set (db/database.ts says why the default is small). */
    DATABASE_POOL_SIZE: count.default(DEFAULT_POOL_SIZE),
    PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
    TRUST_PROXY: flag.default(false),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    BODY_LIMIT_BYTES: count.default(64 * 1024),
    CLOCK_SKEW_SECONDS: z.coerce.number().int().nonnegative().default(300),
    COOKIE_SECRET: z.string().min(32).default(DEVELOPMENT_SECRET),
    COOKIE_SECURE: flag.optional(),
    SESSION_TTL_MINUTES: count.default(120),
    CAPTCHA_TTL_SECONDS: seconds.default(300),
    SMS_CODE_TTL_SECONDS: seconds.default(600),
    SMS_CODE_MAX_ATTEMPTS: count.default(5),
    SMS_COOLDOWN_SECONDS: seconds.default(60),
    SMS_DAILY_LIMIT: count.default(10),
    SMS_IP_HOURLY_LIMIT: count.default(30),
    RESET_LINK_TTL_MINUTES: count.default(30),
    /** How long a teacher's offline decision grant lets decisions captured on its device count (K3). */
    OFFLINE_GRANT_TTL_HOURS: count.default(24),
    LOGIN_MAX_FAILURES: count.default(5),
    LOGIN_LOCK_MINUTES: count.default(15),
    LOGIN_IP_MAX_FAILURES: count.default(50),
    EMAIL_TRANSPORT: z.enum(['outbox', 'smtp']).default('outbox'),
    SMTP_HOST: z.string().min(1).optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    SMTP_SECURE: flag.default(false),
    SMTP_USER: z.string().optional(),
    SMTP_PASSWORD: z.string().optional(),
    SMTP_FROM: z.string().min(3).default('ETEST通行证 <no-reply@localhost>'),
    SEED_DEMO: flag.optional(),
    /** Demo data only, at its first seeding: `open` lets admission tickets print now (R10), for a demo of 打印准考证. */
    DEMO_PRINT_WINDOWS: z.enum(DEMO_PRINT_WINDOW_MODES).default('scheduled'),
    /** Development and browser tests only: captcha pictures carry their answer, so Playwright can log in. */
    CAPTCHA_TEST_ANSWERS: flag.default(false),
  })
  .superRefine((env, context) => {
    if (env.NODE_ENV === 'production' && env.COOKIE_SECRET === DEVELOPMENT_SECRET) {
      context.addIssue({ code: 'custom', path: ['COOKIE_SECRET'], message: 'must be set to a secret of at least 32 characters in production' });
    }
    if (env.NODE_ENV === 'production' && env.CAPTCHA_TEST_ANSWERS) {
      context.addIssue({ code: 'custom', path: ['CAPTCHA_TEST_ANSWERS'], message: 'must not be set in production: it makes every captcha readable by a machine' });
    }
    if (env.EMAIL_TRANSPORT === 'smtp' && env.SMTP_HOST === undefined) {
      context.addIssue({ code: 'custom', path: ['SMTP_HOST'], message: 'is required when EMAIL_TRANSPORT=smtp' });
    }
  });

export function loadConfig(env: Readonly<Record<string, string | undefined>>) {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid server configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  return {
    environment: e.NODE_ENV,
    production,
    host: e.HOST,
    port: e.PORT,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL ?? null,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    maxClockSkewSeconds: e.CLOCK_SKEW_SECONDS,
    /** Signs cookies and keys the HMACs that store codes and captcha answers. */
    secret: e.COOKIE_SECRET,
    cookieSecure: e.COOKIE_SECURE ?? production,
    /** Development and test answer with the response checked against its contract; production trusts the types. */
    checkResponses: !production,
    devPages: !production,
    seedDemo: e.SEED_DEMO ?? !production,
    demoPrintWindows: e.DEMO_PRINT_WINDOWS,
    /** Captchas drawn by readableCaptchaImages instead of svg-captcha (never in production). */
    captchaTestAnswers: e.CAPTCHA_TEST_ANSWERS,
    ttl: {
      sessionMs: e.SESSION_TTL_MINUTES * 60_000,
      captchaMs: e.CAPTCHA_TTL_SECONDS * 1000,
      smsCodeMs: e.SMS_CODE_TTL_SECONDS * 1000,
      resetLinkMs: e.RESET_LINK_TTL_MINUTES * 60_000,
      offlineGrantMs: e.OFFLINE_GRANT_TTL_HOURS * 3_600_000,
    },
    limits: {
      smsCodeMaxAttempts: e.SMS_CODE_MAX_ATTEMPTS,
      smsCooldownMs: e.SMS_COOLDOWN_SECONDS * 1000,
      smsDailyLimit: e.SMS_DAILY_LIMIT,
      smsIpHourlyLimit: e.SMS_IP_HOURLY_LIMIT,
      loginMaxFailures: e.LOGIN_MAX_FAILURES,
      loginLockMs: e.LOGIN_LOCK_MINUTES * 60_000,
      loginIpMaxFailures: e.LOGIN_IP_MAX_FAILURES,
    },
    email:
      e.EMAIL_TRANSPORT === 'smtp'
        ? {
            transport: 'smtp' as const,
            host: e.SMTP_HOST ?? '',
            port: e.SMTP_PORT,
            secure: e.SMTP_SECURE,
            user: e.SMTP_USER ?? null,
            password: e.SMTP_PASSWORD ?? null,
            from: e.SMTP_FROM,
          }
        : { transport: 'outbox' as const, from: e.SMTP_FROM },
  };
}

export type Config = ReturnType<typeof loadConfig>;
export type SmtpConfig = Extract<Config['email'], { transport: 'smtp' }>;
