// What offline replay needs around the operations themselves (K3, issue #7): teachers' offline decision grants, the notices candidates see at their next login, and the SMS check of a provisional passport's mobile.
import { sql, type Kysely } from 'kysely';

/**
 * `offline_decision_grants`: a grant lets decisions a teacher takes on one device while it is offline
 * count as that teacher's when the device replays them. Only the SHA-256 of the random secret is
 * stored (the device holds the secret), like session tokens. A grant issued to the same teacher on
 * the same device revokes the earlier one; decisions captured before the revocation still count.
 *
 * `candidate_notices`: one row per replayed operation that concerns a candidate, applied or
 * refused, shown at the candidate's next login. Codes and parameters only (operation kind, error
 * code, capture time), never personal data: the candidate's own pages show the data itself.
 *
 * `verification_codes.purpose` gains `verify_mobile`, the SMS check of a mobile that a kiosk
 * captured offline without a code.
 */
const SCHEMA: readonly string[] = [
  `CREATE TABLE offline_decision_grants (
    id text PRIMARY KEY,
    secret_hash text NOT NULL UNIQUE,
    staff_id text NOT NULL REFERENCES staff_accounts (id) ON DELETE CASCADE,
    device_id text NOT NULL,
    issued_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    CHECK (expires_at > issued_at)
  )`,
  `CREATE INDEX offline_decision_grants_holder ON offline_decision_grants (staff_id, device_id) WHERE revoked_at IS NULL`,
  `CREATE TABLE candidate_notices (
    id text PRIMARY KEY,
    passport_id text NOT NULL REFERENCES passports (id) ON DELETE CASCADE,
    code text NOT NULL,
    params jsonb NOT NULL DEFAULT '{}',
    device_id text NOT NULL,
    seq bigint NOT NULL,
    created_at timestamptz NOT NULL,
    seen_at timestamptz,
    UNIQUE (device_id, seq, passport_id)
  )`,
  `CREATE INDEX candidate_notices_unseen ON candidate_notices (passport_id, created_at) WHERE seen_at IS NULL`,
  `ALTER TABLE verification_codes DROP CONSTRAINT verification_codes_purpose_check`,
  `ALTER TABLE verification_codes ADD CONSTRAINT verification_codes_purpose_check CHECK (purpose IN ('register', 'reset_password', 'change_profile', 'verify_mobile'))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of SCHEMA) await sql.raw(statement).execute(db);
}
