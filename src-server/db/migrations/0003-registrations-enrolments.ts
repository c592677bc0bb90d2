// Registration agreements (R1), registrations bound to a roster record with its snapshot (R3), and enrolments holding seats (R5–R8).
import { sql, type Kysely } from 'kysely';

/**
 * Registrations saved through the 0001 seam have no roster record. Those whose identity has one are
 * bound to it now; the others could never be shown or enrolled, so they go (only demo rows existed).
 */
const SCHEMA: readonly string[] = [
  `CREATE TABLE registration_agreements (
    passport_id text NOT NULL REFERENCES passports (id) ON DELETE CASCADE,
    exam_session_id text NOT NULL REFERENCES exam_sessions (id),
    agreement_version text NOT NULL,
    accepted_at timestamptz NOT NULL,
    PRIMARY KEY (passport_id, exam_session_id)
  )`,
  `ALTER TABLE registrations ADD COLUMN roster_record_id text REFERENCES roster_records (id)`,
  `ALTER TABLE registrations ADD COLUMN roster_snapshot jsonb`,
  `UPDATE registrations SET roster_record_id = roster_records.id, roster_snapshot = jsonb_build_object(
      'id', roster_records.id, 'idType', roster_records.id_type, 'idNumber', roster_records.id_number, 'name', roster_records.name,
      'gender', roster_records.gender, 'schoolCode', roster_records.school_code, 'campusCode', roster_records.campus_code,
      'educationLevel', roster_records.education_level, 'lengthOfSchooling', roster_records.length_of_schooling,
      'enrolmentYear', roster_records.enrolment_year, 'grade', roster_records.grade, 'department', roster_records.department,
      'major', roster_records.major, 'className', roster_records.class_name, 'studentNumber', roster_records.student_number,
      'notes', roster_records.notes, 'qualificationSubjectCodes', roster_records.qualification_subject_codes,
      'restrictedFromCet6', roster_records.restricted_from_cet6)
    FROM roster_records WHERE roster_records.id_type = registrations.id_type AND roster_records.id_number = registrations.id_number`,
  `DELETE FROM registrations WHERE roster_record_id IS NULL OR exam_session_id NOT IN (SELECT id FROM exam_sessions)`,
  `ALTER TABLE registrations ALTER COLUMN roster_record_id SET NOT NULL`,
  `ALTER TABLE registrations ALTER COLUMN roster_snapshot SET NOT NULL`,
  `ALTER TABLE registrations ADD CONSTRAINT registrations_exam_session_fkey FOREIGN KEY (exam_session_id) REFERENCES exam_sessions (id)`,
  `CREATE UNIQUE INDEX registrations_one_per_roster_record ON registrations (exam_session_id, roster_record_id)`,
  `CREATE INDEX registrations_saved_at ON registrations (saved_at)`,
  `CREATE TABLE enrolments (
    id text PRIMARY KEY,
    registration_id text NOT NULL REFERENCES registrations (id),
    offering_id text NOT NULL REFERENCES offerings (id),
    subject_code text NOT NULL REFERENCES subjects (code),
    fee_fen integer NOT NULL CHECK (fee_fen >= 0),
    payment_status text NOT NULL DEFAULT 'UNPAID' CHECK (payment_status IN ('UNPAID', 'PAID')),
    arrangement_status text NOT NULL DEFAULT 'UNARRANGED' CHECK (arrangement_status IN ('UNARRANGED', 'ARRANGED')),
    method text NOT NULL CHECK (method IN ('CANDIDATE', 'SCHOOL')),
    created_at timestamptz NOT NULL,
    paid_at timestamptz,
    group_payment_order_id text,
    CHECK ((payment_status = 'PAID') = (paid_at IS NOT NULL))
  )`,
  `CREATE UNIQUE INDEX enrolments_one_per_subject ON enrolments (registration_id, subject_code)`,
  `CREATE INDEX enrolments_offering ON enrolments (offering_id)`,
  `CREATE INDEX enrolments_unpaid_created ON enrolments (created_at) WHERE payment_status = 'UNPAID'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of SCHEMA) await sql.raw(statement).execute(db);
}
