// Reference data: campuses, exam sessions and their windows, the subject catalogue, offerings, roster records (学籍) and CET4 scores.
import { sql, type Kysely } from 'kysely';

/**
 * Every row a kiosk caches carries `version`, drawn from one sequence on insert and on each change,
 * so a device pulls "everything above the version I hold" (K3) without a clock comparison. Deleted
 * rows leave a tombstone with a version of their own, so the pull can tell the device to drop them.
 */
const SCHEMA: readonly string[] = [
  `CREATE SEQUENCE reference_version`,
  `ALTER TABLE provinces ADD COLUMN notice jsonb NOT NULL DEFAULT '[]'`,
  `ALTER TABLE provinces ADD COLUMN version bigint NOT NULL DEFAULT nextval('reference_version')`,
  `ALTER TABLE schools ADD COLUMN notice jsonb NOT NULL DEFAULT '[]'`,
  `ALTER TABLE schools ADD COLUMN version bigint NOT NULL DEFAULT nextval('reference_version')`,
  `CREATE TABLE campuses (
    code text PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
    school_code text NOT NULL REFERENCES schools (code),
    name text NOT NULL,
    allows_external_oral boolean NOT NULL,
    version bigint NOT NULL DEFAULT nextval('reference_version'),
    CONSTRAINT campuses_code_in_school CHECK (left(code, 5) = school_code)
  )`,
  `CREATE TABLE exam_sessions (
    id text PRIMARY KEY,
    name text NOT NULL,
    time_zone text NOT NULL,
    agreement_version text NOT NULL,
    qualification_query_opens_at timestamptz NOT NULL,
    registration_opens_at timestamptz NOT NULL,
    registration_closes_at timestamptz NOT NULL,
    unpaid_enrolment_ttl_ms bigint NOT NULL CHECK (unpaid_enrolment_ttl_ms > 0),
    empty_registration_ttl_ms bigint NOT NULL CHECK (empty_registration_ttl_ms > 0),
    written_exam_date timestamptz NOT NULL,
    oral_exam_dates jsonb NOT NULL DEFAULT '[]',
    written_print_opens_at timestamptz NOT NULL,
    written_print_closes_at timestamptz NOT NULL,
    oral_print_opens_at timestamptz NOT NULL,
    oral_print_closes_at timestamptz NOT NULL,
    is_current boolean NOT NULL DEFAULT false,
    version bigint NOT NULL DEFAULT nextval('reference_version'),
    CHECK (registration_opens_at < registration_closes_at),
    CHECK (written_print_opens_at < written_print_closes_at),
    CHECK (oral_print_opens_at < oral_print_closes_at)
  )`,
  `CREATE UNIQUE INDEX exam_sessions_one_current ON exam_sessions (is_current) WHERE is_current`,
  `CREATE TABLE exam_session_province_windows (
    exam_session_id text NOT NULL REFERENCES exam_sessions (id) ON DELETE CASCADE,
    province_code text NOT NULL REFERENCES provinces (code),
    opens_at timestamptz NOT NULL,
    closes_at timestamptz NOT NULL,
    PRIMARY KEY (exam_session_id, province_code),
    CHECK (opens_at < closes_at)
  )`,
  `CREATE TABLE subjects (
    code text PRIMARY KEY CHECK (code ~ '^[0-9A-Z]{1,2}$'),
    name text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('written', 'oral')),
    language text NOT NULL,
    level text NOT NULL CHECK (level IN ('CET4', 'CET6')),
    version bigint NOT NULL DEFAULT nextval('reference_version')
  )`,
  `CREATE TABLE offerings (
    id text PRIMARY KEY,
    exam_session_id text NOT NULL REFERENCES exam_sessions (id),
    subject_code text NOT NULL REFERENCES subjects (code),
    campus_code text NOT NULL REFERENCES campuses (code),
    fee_fen integer NOT NULL CHECK (fee_fen >= 0),
    capacity integer NOT NULL CHECK (capacity >= 0),
    remaining integer NOT NULL CHECK (remaining >= 0 AND remaining <= capacity),
    opens_at timestamptz NOT NULL,
    closes_at timestamptz NOT NULL,
    exam_date timestamptz,
    version bigint NOT NULL DEFAULT nextval('reference_version'),
    CHECK (opens_at < closes_at)
  )`,
  `CREATE UNIQUE INDEX offerings_one_per_campus_subject ON offerings (exam_session_id, campus_code, subject_code)`,
  `CREATE INDEX offerings_version ON offerings (version)`,
  `CREATE TABLE reference_tombstones (
    entity text NOT NULL,
    key text NOT NULL,
    version bigint NOT NULL DEFAULT nextval('reference_version'),
    PRIMARY KEY (entity, key)
  )`,
  `CREATE TABLE roster_records (
    id text PRIMARY KEY,
    id_type text NOT NULL,
    id_number text NOT NULL,
    name text NOT NULL,
    gender text NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
    school_code text NOT NULL REFERENCES schools (code),
    campus_code text NOT NULL REFERENCES campuses (code),
    education_level text NOT NULL CHECK (education_level IN ('JUNIOR_COLLEGE', 'UNDERGRADUATE', 'POSTGRADUATE')),
    length_of_schooling integer NOT NULL CHECK (length_of_schooling BETWEEN 1 AND 9),
    enrolment_year text NOT NULL,
    grade text NOT NULL,
    department text NOT NULL,
    major text NOT NULL,
    class_name text NOT NULL,
    student_number text NOT NULL,
    notes text NOT NULL DEFAULT '',
    qualification_subject_codes jsonb NOT NULL DEFAULT '[]',
    restricted_from_cet6 boolean NOT NULL DEFAULT false,
    updated_at timestamptz NOT NULL
  )`,
  `CREATE UNIQUE INDEX roster_records_identity ON roster_records (id_type, id_number)`,
  `CREATE INDEX roster_records_school ON roster_records (school_code, campus_code)`,
  `CREATE TABLE cet4_scores (
    ticket_number text PRIMARY KEY CHECK (ticket_number ~ '^[0-9]{15}$'),
    id_number text NOT NULL,
    name text NOT NULL,
    score integer NOT NULL CHECK (score BETWEEN 0 AND 710),
    exam_year integer NOT NULL
  )`,
  `CREATE INDEX cet4_scores_id_number ON cet4_scores (id_number)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of SCHEMA) await sql.raw(statement).execute(db);
}
