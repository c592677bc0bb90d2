// Reference data deltas for a device's cache (K3, issue 5 item 5c): every put and delete above the device's cursor, in version order, paged.
import { sql } from 'kysely';
import type { PullResponse, ReferenceChange, ReferenceEntity } from '../../../shared/contracts/sync.js';
import { referenceEntity } from '../../../shared/contracts/sync.js';
import type { Executor } from '../../db/database.js';
import type { ServiceContext } from '../context.js';
import { command, refuseWith } from '../outcome.js';
import { examSessionById, offeringOf, referenceVersion } from '../reference-data.js';

export const DEFAULT_PULL_PAGE = 500;

/** Each cached entity's table and key column; every row carries a `version` from the one `reference_version` sequence. */
const TABLES = {
  province: { table: 'provinces', key: 'code' },
  school: { table: 'schools', key: 'code' },
  campus: { table: 'campuses', key: 'code' },
  examSession: { table: 'exam_sessions', key: 'id' },
  subject: { table: 'subjects', key: 'code' },
  offering: { table: 'offerings', key: 'id' },
} as const satisfies Record<ReferenceEntity, { table: string; key: string }>;

/**
 * The highest version a pull may hand out. Versions are drawn when a write runs but become visible
 * when it commits, and commits do not come in draw order: an enrolment holding version 41 may commit
 * after one holding 42, and a device whose cursor already passed 42 would never see 41. A SHARE lock
 * on the reference tables waits for every transaction that wrote to them (writers hold ROW EXCLUSIVE
 * until they commit, and draw their version while holding it), so below the maximum read under the
 * lock nothing is still in flight. The lock is held only for that read.
 */
async function settledVersion(ctx: ServiceContext): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    await sql`LOCK TABLE provinces, schools, campuses, exam_sessions, subjects, offerings, reference_tombstones IN SHARE MODE`.execute(trx);
    return referenceVersion(trx);
  });
}

function cursorOf(raw: string | undefined): number {
  if (raw === undefined) return 0;
  if (!/^\d{1,18}$/.test(raw)) refuseWith('VALIDATION_FAILED', { field: 'cursor' });
  return Number(raw);
}

interface Changed {
  readonly entity: ReferenceEntity;
  readonly key: string;
  readonly version: number;
  readonly deleted: boolean;
}

/** Which rows changed in (since, upTo], oldest first: puts from each table and deletes from the tombstones. */
async function changedRows(db: Executor, since: number, upTo: number, limit: number): Promise<Changed[]> {
  const puts = Object.entries(TABLES).map(
    ([entity, { table, key }]) => sql`SELECT ${entity}::text AS entity, ${sql.ref(key)}::text AS key, version, false AS deleted FROM ${sql.table(table)} WHERE version > ${since} AND version <= ${upTo}`,
  );
  const deletes = sql`SELECT entity, key, version, true AS deleted FROM reference_tombstones WHERE version > ${since} AND version <= ${upTo} AND entity IN (${sql.join(referenceEntity.options)})`;
  const { rows } = await sql<{ entity: ReferenceEntity; key: string; version: string | number | bigint; deleted: boolean }>`
    SELECT entity, key, version, deleted FROM (${sql.join([...puts, deletes], sql` UNION ALL `)}) AS changed ORDER BY version LIMIT ${limit}`.execute(db);
  return rows.map((row) => ({ entity: row.entity, key: row.key, version: Number(row.version), deleted: row.deleted }));
}

/**
 * The current value of each changed row as the shared/domain type, instants in UTC (the device has
 * the session's time zone for display). A row deleted since is skipped: its tombstone follows.
 */
async function valuesOf(db: Executor, entity: ReferenceEntity, keys: readonly string[]): Promise<Map<string, unknown>> {
  const values = new Map<string, unknown>();
  if (keys.length === 0) return values;
  const list = [...keys];
  switch (entity) {
    case 'province':
      for (const row of await db.selectFrom('provinces').select(['code', 'name', 'notice']).where('code', 'in', list).execute()) values.set(row.code, row);
      break;
    case 'school':
      for (const row of await db.selectFrom('schools').select(['code', 'name', 'province_code', 'notice']).where('code', 'in', list).execute()) {
        values.set(row.code, { code: row.code, name: row.name, provinceCode: row.province_code, notice: row.notice });
      }
      break;
    case 'campus':
      for (const row of await db.selectFrom('campuses').selectAll().where('code', 'in', list).execute()) {
        values.set(row.code, { code: row.code, name: row.name, schoolCode: row.school_code, allowsExternalOral: row.allows_external_oral });
      }
      break;
    case 'examSession':
      for (const row of await db.selectFrom('exam_sessions').select(['id', 'is_current']).where('id', 'in', list).execute()) {
        const session = await examSessionById(db, row.id);
        if (session !== null) values.set(row.id, { ...session, isCurrent: row.is_current });
      }
      break;
    case 'subject':
      for (const row of await db.selectFrom('subjects').select(['code', 'name', 'kind', 'language', 'level']).where('code', 'in', list).execute()) values.set(row.code, row);
      break;
    case 'offering': {
      const rows = await db
        .selectFrom('offerings')
        .innerJoin('campuses', 'campuses.code', 'offerings.campus_code')
        .selectAll('offerings')
        .select(['campuses.school_code', 'campuses.allows_external_oral'])
        .where('offerings.id', 'in', list)
        .execute();
      for (const row of rows) values.set(row.id, offeringOf(row));
      break;
    }
  }
  return values;
}

export function pullReferenceData(ctx: ServiceContext, input: { cursor?: string | undefined; limit?: number | undefined }) {
  return command(async (): Promise<PullResponse> => {
    const since = cursorOf(input.cursor);
    const limit = input.limit ?? DEFAULT_PULL_PAGE;
    const upTo = await settledVersion(ctx);
    const page = await changedRows(ctx.db, since, upTo, limit + 1);
    const hasMore = page.length > limit;
    const taken = page.slice(0, limit);
    const byEntity = new Map<ReferenceEntity, string[]>();
    for (const row of taken) if (!row.deleted) byEntity.set(row.entity, [...(byEntity.get(row.entity) ?? []), row.key]);
    const values = new Map<ReferenceEntity, Map<string, unknown>>();
    for (const [entity, keys] of byEntity) values.set(entity, await valuesOf(ctx.db, entity, keys));
    const changes: ReferenceChange[] = [];
    for (const row of taken) {
      if (row.deleted) {
        changes.push({ op: 'delete', entity: row.entity, key: row.key });
        continue;
      }
      const value = values.get(row.entity)?.get(row.key);
      if (value !== undefined) changes.push({ op: 'put', entity: row.entity, key: row.key, value });
    }
    const last = taken.at(-1)?.version;
    const cursor = hasMore && last !== undefined ? last : Math.max(since, upTo);
    return { cursor: String(cursor), changes, hasMore };
  });
}
