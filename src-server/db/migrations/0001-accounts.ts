// Passport accounts, staff, sessions, one-time codes, throttling, the message outbox, appeals, audit, and the registration seam.
import { sql, type Kysely } from 'kysely';

/** GB/T 2260 province-level divisions: the 考点省份 of the login form. Schools come with each province's data. */
const PROVINCES: readonly (readonly [string, string])[] = [
  ['11', '北京市'], ['12', '天津市'], ['13', '河北省'], ['14', '山西省'], ['15', '内蒙古自治区'],
  ['21', '辽宁省'], ['22', '吉林省'], ['23', '黑龙江省'], ['31', '上海市'], ['32', '江苏省'],
  ['33', '浙江省'], ['34', '安徽省'], ['35', '福建省'], ['36', '江西省'], ['37', '山东省'],
  ['41', '河南省'], ['42', '湖北省'], ['43', '湖南省'], ['44', '广东省'], ['45', '广西壮族自治区'],
  ['46', '海南省'], ['50', '重庆市'], ['51', '四川省'], ['52', '贵州省'], ['53', '云南省'],
  ['54', '西藏自治区'], ['61', '陕西省'], ['62', '甘肃省'], ['63', '青海省'], ['64', '宁夏回族自治区'],
  ['65', '新疆维吾尔自治区'],
];

/** One statement each: PGlite runs parameterless SQL through the extended protocol, which takes one at a time. */
const SCHEMA: readonly string[] = [
  `CREATE TABLE provinces (
    code text PRIMARY KEY CHECK (code ~ '^[0-9]{2}$'),
    name text NOT NULL
  )`,
  `CREATE TABLE schools (
    code text PRIMARY KEY CHECK (code ~ '^[0-9]{5}$'),
    province_code text NOT NULL REFERENCES provinces (code),
    name text NOT NULL
  )`,
  `CREATE TABLE passports (
    id text PRIMARY KEY CHECK (id ~ '^[0-9A-F]{32}$'),
    email text NOT NULL,
    mobile text NOT NULL,
    password_hash text NOT NULL,
    id_type text,
    id_number text,
    name text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT passports_identity_whole CHECK ((id_type IS NULL) = (id_number IS NULL) AND (id_type IS NULL) = (name IS NULL))
  )`,
  `CREATE UNIQUE INDEX passports_identity_key ON passports (id_type, id_number)`,
  `CREATE UNIQUE INDEX passports_email_key ON passports (email)`,
  `CREATE UNIQUE INDEX passports_mobile_key ON passports (mobile)`,
  `CREATE TABLE staff_accounts (
    id text PRIMARY KEY,
    username text NOT NULL UNIQUE,
    display_name text NOT NULL,
    password_hash text NOT NULL,
    role text NOT NULL CHECK (role IN ('teacher', 'admin')),
    school_code text REFERENCES schools (code),
    created_at timestamptz NOT NULL,
    CONSTRAINT staff_teacher_has_school CHECK ((role = 'teacher') = (school_code IS NOT NULL))
  )`,
  `CREATE TABLE sessions (
    token_hash text PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('cookie', 'bearer')),
    role text NOT NULL CHECK (role IN ('candidate', 'teacher', 'admin', 'device')),
    passport_id text REFERENCES passports (id) ON DELETE CASCADE,
    staff_id text REFERENCES staff_accounts (id) ON DELETE CASCADE,
    device_id text,
    province_code text REFERENCES provinces (code),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    CONSTRAINT sessions_one_subject CHECK (
    (role = 'candidate' AND passport_id IS NOT NULL AND staff_id IS NULL AND device_id IS NULL) OR
    (role IN ('teacher', 'admin') AND staff_id IS NOT NULL AND passport_id IS NULL AND device_id IS NULL) OR
    (role = 'device' AND device_id IS NOT NULL AND passport_id IS NULL AND staff_id IS NULL)
    )
  )`,
  `CREATE INDEX sessions_passport ON sessions (passport_id) WHERE passport_id IS NOT NULL`,
  `CREATE INDEX sessions_staff ON sessions (staff_id) WHERE staff_id IS NOT NULL`,
  `CREATE INDEX sessions_expires ON sessions (expires_at)`,
  `CREATE TABLE captchas (
    id text PRIMARY KEY,
    answer_hash text NOT NULL,
    expires_at timestamptz NOT NULL
  )`,
  `CREATE INDEX captchas_expires ON captchas (expires_at)`,
  `CREATE TABLE verification_codes (
    id text PRIMARY KEY,
    purpose text NOT NULL CHECK (purpose IN ('register', 'reset_password', 'change_profile')),
    mobile text NOT NULL,
    code_hash text NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    consumed_at timestamptz
  )`,
  `CREATE INDEX verification_codes_lookup ON verification_codes (purpose, mobile, created_at DESC)`,
  `CREATE TABLE password_reset_tokens (
    token_hash text PRIMARY KEY,
    passport_id text NOT NULL REFERENCES passports (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz
  )`,
  `CREATE INDEX password_reset_tokens_passport ON password_reset_tokens (passport_id)`,
  `CREATE TABLE throttle_events (
    key text NOT NULL,
    at timestamptz NOT NULL
  )`,
  `CREATE INDEX throttle_events_key_at ON throttle_events (key, at)`,
  `CREATE TABLE message_outbox (
    id text PRIMARY KEY,
    channel text NOT NULL CHECK (channel IN ('sms', 'email')),
    recipient text NOT NULL,
    subject text,
    body text NOT NULL,
    created_at timestamptz NOT NULL
  )`,
  `CREATE INDEX message_outbox_recent ON message_outbox (created_at DESC)`,
  `CREATE TABLE appeals (
    id text PRIMARY KEY,
    status text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    id_type text NOT NULL,
    id_number text NOT NULL,
    name text NOT NULL,
    email text NOT NULL,
    mobile text NOT NULL,
    password_hash text NOT NULL,
    reason text NOT NULL,
    filed_at timestamptz NOT NULL,
    occupying_passport_id text REFERENCES passports (id) ON DELETE SET NULL,
    decided_at timestamptz,
    decided_by text REFERENCES staff_accounts (id),
    decision_reason text,
    appellant_passport_id text REFERENCES passports (id) ON DELETE SET NULL
  )`,
  `CREATE UNIQUE INDEX appeals_one_pending_per_mobile ON appeals (mobile) WHERE status = 'PENDING'`,
  `CREATE INDEX appeals_status_filed ON appeals (status, filed_at)`,
  `CREATE TABLE registrations (
    id text PRIMARY KEY,
    exam_session_id text NOT NULL,
    passport_id text NOT NULL REFERENCES passports (id),
    id_type text NOT NULL,
    id_number text NOT NULL,
    name text NOT NULL,
    saved_at timestamptz NOT NULL
  )`,
  `CREATE UNIQUE INDEX registrations_one_per_passport ON registrations (exam_session_id, passport_id)`,
  `CREATE UNIQUE INDEX registrations_one_per_identity ON registrations (exam_session_id, id_type, id_number)`,
  `CREATE INDEX registrations_identity ON registrations (id_type, id_number, saved_at DESC)`,
  `CREATE TABLE audit_log (
    id text PRIMARY KEY,
    at timestamptz NOT NULL,
    actor_kind text NOT NULL CHECK (actor_kind IN ('CANDIDATE', 'TEACHER', 'ADMIN', 'DEVICE', 'SYSTEM')),
    actor_id text,
    actor_name text,
    action text NOT NULL,
    target_kind text,
    target_id text,
    details jsonb NOT NULL DEFAULT '{}'
  )`,
  `CREATE INDEX audit_log_at ON audit_log (at DESC)`,
  `CREATE INDEX audit_log_target ON audit_log (target_id, at DESC)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of SCHEMA) await sql.raw(statement).execute(db);
  for (const [code, name] of PROVINCES) {
    await sql`INSERT INTO provinces (code, name) VALUES (${code}, ${name})`.execute(db);
  }
}
