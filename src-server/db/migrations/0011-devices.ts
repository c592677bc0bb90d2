// Kiosk devices enrolled to one campus, and the one-time codes (stored hashed) that enrol them; a code from the CLI has no issuing staff account.
import { sql, type Kysely } from 'kysely';

const SCHEMA: readonly string[] = [
  `CREATE TABLE kiosk_devices (
    id text PRIMARY KEY,
    campus_code text NOT NULL REFERENCES campuses (code),
    name text NOT NULL,
    software_version text NOT NULL,
    enrolled_at timestamptz NOT NULL,
    last_contact_at timestamptz NOT NULL,
    revoked_at timestamptz
  )`,
  `CREATE INDEX kiosk_devices_campus ON kiosk_devices (campus_code)`,
  `CREATE TABLE device_enrolment_codes (
    code_hash text PRIMARY KEY,
    campus_code text NOT NULL REFERENCES campuses (code),
    issued_by text REFERENCES staff_accounts (id),
    issued_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    device_id text REFERENCES kiosk_devices (id),
    CONSTRAINT device_enrolment_codes_used_whole CHECK ((used_at IS NULL) = (device_id IS NULL))
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of SCHEMA) await sql.raw(statement).execute(db);
}
