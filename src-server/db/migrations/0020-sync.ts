// Exactly-once replay of device outboxes (K3): each device's last applied seq, every operation's stored outcome, and passports captured offline.
import { sql, type Kysely } from 'kysely';

/**
 * `sync_devices.last_applied_seq` moves in the same transaction as the operation's effect and its
 * `sync_operations` row, so a re-sent operation finds its stored result and is never applied twice.
 * The device id is the one its bearer credential resolves to, so no foreign key ties these rows to
 * the enrolment tables: a revoked device's history stays readable for the teacher's monitor.
 */
const SCHEMA: readonly string[] = [
  `CREATE TABLE sync_devices (
    device_id text PRIMARY KEY,
    last_applied_seq bigint NOT NULL DEFAULT 0 CHECK (last_applied_seq >= 0),
    updated_at timestamptz NOT NULL
  )`,
  `CREATE TABLE sync_operations (
    device_id text NOT NULL,
    seq bigint NOT NULL CHECK (seq >= 1),
    kind text NOT NULL,
    status text NOT NULL CHECK (status IN ('applied', 'refused')),
    result jsonb,
    error jsonb,
    depends_on jsonb NOT NULL DEFAULT '[]',
    captured_at timestamptz NOT NULL,
    applied_at timestamptz NOT NULL,
    PRIMARY KEY (device_id, seq),
    CHECK ((status = 'refused') = (error IS NOT NULL))
  )`,
  `CREATE INDEX sync_operations_refused ON sync_operations (device_id, applied_at) WHERE status = 'refused'`,
  `CREATE TABLE provisional_passports (
    passport_id text PRIMARY KEY REFERENCES passports (id) ON DELETE CASCADE,
    device_id text NOT NULL,
    seq bigint NOT NULL,
    captured_at timestamptz NOT NULL,
    mobile_verified_at timestamptz
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of SCHEMA) await sql.raw(statement).execute(db);
}
