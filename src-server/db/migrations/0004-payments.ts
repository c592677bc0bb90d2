// Payment orders (R9) for a candidate's or a school's selection, the providers' notices (idempotent), and the sandbox provider's ledger.
import { sql, type Kysely } from 'kysely';

/**
 * `payment_order_enrolments` keeps no foreign key to enrolments: an order is a money record and
 * outlives an enrolment that expired while it was pending. The sandbox ledger is a table so that
 * several server processes see one provider.
 */
const SCHEMA: readonly string[] = [
  `CREATE TABLE payment_orders (
    id text PRIMARY KEY,
    exam_session_id text NOT NULL REFERENCES exam_sessions (id),
    provider text NOT NULL CHECK (provider IN ('ALIPAY', 'BANK')),
    provider_ref text,
    pay_url text,
    status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'PAID', 'FAILED')),
    amount_fen integer NOT NULL CHECK (amount_fen > 0),
    passport_id text REFERENCES passports (id),
    group_school_code text REFERENCES schools (code),
    created_by_staff_id text REFERENCES staff_accounts (id),
    created_at timestamptz NOT NULL,
    settled_at timestamptz,
    released_at timestamptz,
    CHECK ((passport_id IS NULL) <> (group_school_code IS NULL))
  )`,
  `CREATE UNIQUE INDEX payment_orders_provider_ref ON payment_orders (provider, provider_ref)`,
  `CREATE INDEX payment_orders_passport ON payment_orders (passport_id, created_at DESC)`,
  `CREATE TABLE payment_order_enrolments (
    order_id text NOT NULL REFERENCES payment_orders (id),
    enrolment_id text NOT NULL,
    fee_fen integer NOT NULL,
    PRIMARY KEY (order_id, enrolment_id)
  )`,
  `CREATE INDEX payment_order_enrolments_enrolment ON payment_order_enrolments (enrolment_id)`,
  `ALTER TABLE enrolments ADD CONSTRAINT enrolments_group_payment_order_fkey FOREIGN KEY (group_payment_order_id) REFERENCES payment_orders (id)`,
  `CREATE TABLE payment_notices (
    provider text NOT NULL,
    notice_id text NOT NULL,
    order_id text NOT NULL REFERENCES payment_orders (id),
    status text NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (provider, notice_id)
  )`,
  `CREATE TABLE sandbox_payments (
    provider_ref text PRIMARY KEY,
    provider text NOT NULL,
    order_id text NOT NULL,
    amount_fen integer NOT NULL,
    description text NOT NULL,
    status text NOT NULL CHECK (status IN ('PENDING', 'PAID', 'FAILED')),
    created_at timestamptz NOT NULL,
    settled_at timestamptz
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of SCHEMA) await sql.raw(statement).execute(db);
}
