// Admission tickets (准考证): the ticket number, room and seat the arrangement (编排) gives a paid enrolment (R10).
import { sql, type Kysely } from 'kysely';

const SCHEMA: readonly string[] = [
  `CREATE TABLE admission_tickets (
    enrolment_id text PRIMARY KEY REFERENCES enrolments (id),
    ticket_number text NOT NULL UNIQUE CHECK (ticket_number ~ '^[0-9]{15}$'),
    room text NOT NULL CHECK (room ~ '^[0-9]{3}$'),
    seat integer NOT NULL CHECK (seat BETWEEN 1 AND 99),
    arranged_at timestamptz NOT NULL
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of SCHEMA) await sql.raw(statement).execute(db);
}
