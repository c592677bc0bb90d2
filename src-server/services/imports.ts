// Roster (学籍) and CET4 score imports: parse and check every row, then all or nothing — any refused row writes nothing, else one transaction upserts all.
import type { Insertable } from 'kysely';
import type { ImportReport } from '../../shared/contracts/http/imports.js';
import { errorMessages, refuse } from '../../shared/errors/domain-error.js';
import { lockKey, type Executor } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { parseCet4ScoreCsv } from '../imports/cet4-scores.js';
import type { ImportResult } from '../imports/import-csv.js';
import { parseRosterCsv, type RosterImportRow } from '../imports/roster.js';
import type { ImportRowError } from '../imports/table.js';
import { auditActorOf, type StaffActor } from './actors.js';
import { recordAudit, type AuditActor } from './audit.js';
import type { ServiceContext } from './context.js';
import { command, refuseWith } from './outcome.js';
import { listSubjects, rosterRecordRow } from './reference-data.js';
import { newId } from './secrets.js';

export interface CsvUpload {
  readonly fileName: string;
  /** The file's bytes, as the HTTP contract carries them (base64) or the CLI reads them. */
  readonly bytes: Uint8Array;
  readonly dryRun: boolean;
}

/** Who imports: a staff member over HTTP, or the operator at the CLI (audited as SYSTEM 'cli'). */
export type Importer = { readonly staff: StaffActor } | { readonly cli: AuditActor };

function auditActorOfImporter(importer: Importer): AuditActor {
  return 'staff' in importer ? auditActorOf(importer.staff) : importer.cli;
}

/** Rows per INSERT: well inside PostgreSQL's 65,535 parameters at the roster's 19 columns. */
const CHUNK = 1000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** `refusedByDatabase` are refusals of rows the file check passed, found against what is stored. */
function reportOf<Row>(kind: ImportReport['kind'], upload: CsvUpload, result: ImportResult<Row>, refusedByDatabase: readonly ImportRowError[], imported: boolean): ImportReport {
  const errors = [...result.errors, ...refusedByDatabase].sort((a, b) => a.line - b.line);
  return {
    kind,
    fileName: upload.fileName,
    encoding: result.encoding,
    totalRows: result.totalRows,
    validRows: result.rows.length - new Set(refusedByDatabase.map((error) => error.line)).size,
    issues: errors.map((error) => {
      const field = error.field ?? error.reason.field;
      return {
        line: error.line,
        column: error.column,
        error: {
          code: error.reason.code,
          ...(field === undefined ? {} : { field }),
          ...(error.reason.params === undefined ? {} : { params: { ...error.reason.params } }),
          message: errorMessages(error.reason),
        },
      };
    }),
    imported,
  };
}

/**
 * A school's roster may not take over a person whose roster record another school holds: that
 * would move the student between schools (and out of their teacher's review queue) by upload.
 */
async function identitiesOfOtherSchools(db: Executor, rows: readonly RosterImportRow[], schoolCode: string): Promise<ImportRowError[]> {
  const errors: ImportRowError[] = [];
  for (const part of chunks(rows)) {
    const held = await db
      .selectFrom('roster_records')
      .select(['id_type', 'id_number', 'school_code'])
      .where('id_number', 'in', part.map((row) => row.idNumber))
      .where('school_code', '<>', schoolCode)
      .execute();
    const holder = new Map(held.map((record) => [`${record.id_type}:${record.id_number}`, record.school_code]));
    for (const row of part) {
      const school = holder.get(`${row.idType}:${row.idNumber}`);
      if (school !== undefined) {
        errors.push({ line: row.line, field: 'idNumber', column: null, reason: refuse('IMPORT_IDENTITY_OF_OTHER_SCHOOL', { field: 'idNumber', params: { school } }) });
      }
    }
  }
  return errors;
}

/**
 * A teacher imports their own school's roster, an admin any school's; the CLI may leave the school
 * open. Existing records are updated in place by identity (their ids stay), so saved registrations
 * keep pointing at them while keeping their own snapshots (R3).
 */
export function importRoster(ctx: ServiceContext, importer: Importer, input: CsvUpload & { readonly schoolCode: string | null }) {
  return command(async (): Promise<ImportReport> => {
    const teacher = 'staff' in importer && importer.staff.role === 'teacher' ? importer.staff : null;
    if (teacher !== null && teacher.schoolCode !== input.schoolCode) refuseWith('FORBIDDEN', { field: 'schoolCode' });
    if (input.schoolCode !== null) {
      const school = await ctx.db.selectFrom('schools').select('code').where('code', '=', input.schoolCode).executeTakeFirst();
      if (school === undefined) refuseWith('NOT_FOUND', { field: 'schoolCode' });
    }
    const now = ctx.clock.now();
    let campuses = ctx.db.selectFrom('campuses').select('code');
    if (input.schoolCode !== null) campuses = campuses.where('school_code', '=', input.schoolCode);
    const result = parseRosterCsv(input.bytes, {
      subjects: await listSubjects(ctx.db),
      now,
      campusCodes: new Set((await campuses.execute()).map((campus) => campus.code)),
      ...(input.schoolCode === null ? {} : { schoolCode: input.schoolCode }),
    });
    const elsewhere = input.schoolCode === null ? [] : await identitiesOfOtherSchools(ctx.db, result.rows, input.schoolCode);
    if (result.errors.length + elsewhere.length > 0 || input.dryRun || result.rows.length === 0) return reportOf('ROSTER', input, result, elsewhere, false);

    await ctx.db.transaction().execute(async (trx) => {
      await lockKey(trx, 'import:roster');
      for (const part of chunks(result.rows)) {
        const values = part.map(({ line: _line, ...record }) => rosterRecordRow({ ...record, id: newId() }, now));
        await trx
          .insertInto('roster_records')
          .values(values)
          .onConflict((oc) =>
            oc.columns(['id_type', 'id_number']).doUpdateSet((eb) => ({
              name: eb.ref('excluded.name'),
              gender: eb.ref('excluded.gender'),
              school_code: eb.ref('excluded.school_code'),
              campus_code: eb.ref('excluded.campus_code'),
              education_level: eb.ref('excluded.education_level'),
              length_of_schooling: eb.ref('excluded.length_of_schooling'),
              enrolment_year: eb.ref('excluded.enrolment_year'),
              grade: eb.ref('excluded.grade'),
              department: eb.ref('excluded.department'),
              major: eb.ref('excluded.major'),
              class_name: eb.ref('excluded.class_name'),
              student_number: eb.ref('excluded.student_number'),
              notes: eb.ref('excluded.notes'),
              qualification_subject_codes: eb.ref('excluded.qualification_subject_codes'),
              restricted_from_cet6: eb.ref('excluded.restricted_from_cet6'),
              updated_at: eb.ref('excluded.updated_at'),
            })),
          )
          .execute();
      }
      await recordAudit(
        trx,
        {
          actor: auditActorOfImporter(importer),
          action: 'roster.imported',
          target: input.schoolCode === null ? null : { kind: 'school', id: input.schoolCode },
          details: { fileName: input.fileName, rows: result.rows.length, encoding: result.encoding },
        },
        now,
      );
    });
    return reportOf('ROSTER', input, result, [], true);
  });
}

/** Admins (and the CLI) import the national CET4 scores; a record is replaced by its ticket number. */
export function importCet4Scores(ctx: ServiceContext, importer: Importer, input: CsvUpload) {
  return command(async (): Promise<ImportReport> => {
    const now = ctx.clock.now();
    const result = parseCet4ScoreCsv(input.bytes, { now });
    if (result.errors.length > 0 || input.dryRun || result.rows.length === 0) return reportOf('CET4_SCORES', input, result, [], false);
    await ctx.db.transaction().execute(async (trx) => {
      await lockKey(trx, 'import:cet4-scores');
      for (const part of chunks(result.rows)) {
        const values: Insertable<Database['cet4_scores']>[] = part.map((row) => ({
          ticket_number: row.ticketNumber,
          id_number: row.idNumber,
          name: row.name,
          score: row.score,
          exam_year: row.examYear,
        }));
        await trx
          .insertInto('cet4_scores')
          .values(values)
          .onConflict((oc) =>
            oc.column('ticket_number').doUpdateSet((eb) => ({
              id_number: eb.ref('excluded.id_number'),
              name: eb.ref('excluded.name'),
              score: eb.ref('excluded.score'),
              exam_year: eb.ref('excluded.exam_year'),
            })),
          )
          .execute();
      }
      await recordAudit(
        trx,
        { actor: auditActorOfImporter(importer), action: 'cet4_scores.imported', target: null, details: { fileName: input.fileName, rows: result.rows.length, encoding: result.encoding } },
        now,
      );
    });
    return reportOf('CET4_SCORES', input, result, [], true);
  });
}
