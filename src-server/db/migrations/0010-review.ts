// CET6 qualification review applications (C1–C8), one per passport, and their history kept by passport so it outlives a deleted application.
import { sql, type Kysely } from 'kysely';

/**
 * The application carries the school and campus of the candidate's roster record at filing time:
 * the teacher queue filters on them in SQL, so a teacher never reads another school's rows.
 * History is keyed by passport, not by application: a candidate who deletes a rejected application
 * and files again still counts as a repeat submitter (C7). Events written in one transaction share
 * a time, so `seq` keeps their order.
 */
const SCHEMA: readonly string[] = [
  `CREATE TABLE review_applications (
    id text PRIMARY KEY,
    passport_id text NOT NULL REFERENCES passports (id) ON DELETE CASCADE,
    school_code text NOT NULL REFERENCES schools (code),
    campus_code text NOT NULL REFERENCES campuses (code),
    roster_record_id text REFERENCES roster_records (id) ON DELETE SET NULL,
    id_type text NOT NULL,
    id_number text NOT NULL,
    name text NOT NULL,
    ticket_number text CHECK (ticket_number ~ '^[0-9]{15}$'),
    status text NOT NULL CHECK (status IN ('AUTO_APPROVED', 'PENDING', 'APPROVED', 'REJECTED')),
    filed_by text NOT NULL CHECK (filed_by IN ('CANDIDATE', 'TEACHER')),
    proof_kind text CHECK (proof_kind IN ('PRE_2005_SCORE', 'FORGOTTEN_TICKET', 'OTHER')),
    proof_note text,
    reviewer_id text REFERENCES staff_accounts (id),
    reason text,
    submission_count integer NOT NULL CHECK (submission_count >= 1),
    repeat_flag boolean,
    submitted_at timestamptz NOT NULL,
    reviewed_at timestamptz,
    CONSTRAINT review_applications_ticket_unless_teacher CHECK (filed_by = 'TEACHER' OR ticket_number IS NOT NULL),
    CONSTRAINT review_applications_proof_with_teacher CHECK ((filed_by = 'TEACHER') = (proof_note IS NOT NULL))
  )`,
  `CREATE UNIQUE INDEX review_applications_one_per_passport ON review_applications (passport_id)`,
  `CREATE INDEX review_applications_queue ON review_applications (school_code, status, submitted_at, id)`,
  `CREATE INDEX review_applications_campus_status ON review_applications (campus_code, status)`,
  `CREATE TABLE review_events (
    id text PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    passport_id text NOT NULL REFERENCES passports (id) ON DELETE CASCADE,
    application_id text NOT NULL,
    at timestamptz NOT NULL,
    kind text NOT NULL,
    actor_kind text NOT NULL CHECK (actor_kind IN ('CANDIDATE', 'TEACHER', 'SYSTEM')),
    actor_id text,
    actor_name text,
    reason text
  )`,
  `CREATE INDEX review_events_passport_at ON review_events (passport_id, seq)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of SCHEMA) await sql.raw(statement).execute(db);
}
