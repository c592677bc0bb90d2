// A counter that moves whenever the reference data a server process caches changes, so every process can trust its cache or reload it (issue #9).
import { sql, type Kysely } from 'kysely';

/**
 * `reference_generation` holds one number, raised by triggers in the same transaction as any change
 * to provinces, schools, campuses, subjects, exam sessions, their provincial windows, or an
 * offering's fixed terms. Nearly every candidate request reads those tables, and they change a few
 * times a season, so each server process keeps them in memory (src-server/services/reference-cache.ts)
 * and compares the generation it loaded with the one the request's session lookup reads anyway
 * (sessions.ts resolveSession): one scalar subquery instead of several statements per request.
 *
 * Triggers rather than the writers themselves, because the writers are many (the admin's edits, the
 * imports, the demo seed, tests and operators writing SQL by hand) and a writer that forgot would
 * leave every process serving stale windows. A seat taken or given back changes only an offering's
 * `remaining` (and its reference `version`), which the cache does not hold: the offerings trigger
 * ignores those two columns, so the seat race never touches this row.
 *
 * Statement-level where it can be, so a bulk import raises the number once per statement; the row
 * lock serialises concurrent reference edits, which are rare and short.
 */
const STATIC_TABLES = ['provinces', 'schools', 'campuses', 'subjects', 'exam_sessions', 'exam_session_province_windows'] as const;

const SCHEMA: readonly string[] = [
  `CREATE TABLE reference_generation (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    generation bigint NOT NULL
  )`,
  `INSERT INTO reference_generation (only_row, generation) VALUES (true, 1)`,
  `CREATE FUNCTION raise_reference_generation() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE reference_generation SET generation = generation + 1;
      RETURN NULL;
    END
  $$`,
  ...STATIC_TABLES.map(
    (table) => `CREATE TRIGGER ${table}_raise_reference_generation
      AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
      FOR EACH STATEMENT EXECUTE FUNCTION raise_reference_generation()`,
  ),
  `CREATE TRIGGER offerings_added_or_removed_raise_reference_generation
    AFTER INSERT OR DELETE OR TRUNCATE ON offerings
    FOR EACH STATEMENT EXECUTE FUNCTION raise_reference_generation()`,
  // Row-level, for its WHEN: only an update of a column other than the seat counter and its version.
  `CREATE TRIGGER offerings_terms_raise_reference_generation
    AFTER UPDATE ON offerings
    FOR EACH ROW
    WHEN ((to_jsonb(OLD) - 'remaining' - 'version') IS DISTINCT FROM (to_jsonb(NEW) - 'remaining' - 'version'))
    EXECUTE FUNCTION raise_reference_generation()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of SCHEMA) await sql.raw(statement).execute(db);
}
