// The audit trail: who did what to whom, for every staff action and every change of who holds an identity or a registration.
import { sql } from 'kysely';
import { splitAuditDetails, type AuditDetailValue } from '../../shared/domain/audit.js';
import type { Executor } from '../db/database.js';
import type { AuditActorKind } from '../db/schema.js';
import { command, refuseWith } from './outcome.js';
import { newId } from './secrets.js';

export interface AuditActor {
  readonly kind: AuditActorKind;
  readonly id: string | null;
  readonly name: string | null;
}

export interface AuditEntry {
  readonly actor: AuditActor;
  /** Dotted, stable: `appeal.approved`, `registration.rebound`, `passport.identity_changed`. */
  readonly action: string;
  readonly target: { readonly kind: string; readonly id: string } | null;
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
}

/** The row an entry is stored as, for a caller that writes many at once (a replay run, sync/run-writes.ts). */
export function auditRow(entry: AuditEntry, at: Date) {
  return {
    id: newId(),
    at,
    actor_kind: entry.actor.kind,
    actor_id: entry.actor.id,
    actor_name: entry.actor.name,
    action: entry.action,
    target_kind: entry.target?.kind ?? null,
    target_id: entry.target?.id ?? null,
    details: JSON.stringify(entry.details),
  };
}

/** Write it in the same transaction as the change it records, so neither exists without the other. */
export async function recordAudit(db: Executor, entry: AuditEntry, at: Date): Promise<void> {
  await db.insertInto('audit_log').values(auditRow(entry, at)).execute();
}

export interface AuditFilter {
  readonly action?: string;
  readonly actorKind?: AuditActorKind;
  /** An actor's id, or a part of their name in any letter case. */
  readonly actor?: string;
  readonly targetId?: string;
  readonly from?: string;
  readonly to?: string;
  readonly cursor?: string;
  readonly limit: number;
}

/** Keyset paging over (at, id), newest first: stable while new entries arrive at the top. */
function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

function decodeCursor(cursor: string): { at: Date; id: string } | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || typeof value[0] !== 'string' || typeof value[1] !== 'string') return null;
    const at = new Date(value[0]);
    return Number.isNaN(at.getTime()) ? null : { at, id: value[1] };
  } catch {
    return null;
  }
}

function splitDetails(details: Readonly<Record<string, AuditDetailValue>>) {
  const { shown, withheld } = splitAuditDetails(details);
  return { details: shown, withheld };
}

/** One page of the log for an admin's screen, newest first, details split by splitAuditDetails. */
export function listAuditEntries(db: Executor, filter: AuditFilter) {
  return command(async () => {
    let query = db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(filter.limit + 1);
    if (filter.action !== undefined) query = query.where('action', '=', filter.action);
    if (filter.actorKind !== undefined) query = query.where('actor_kind', '=', filter.actorKind);
    const actor = filter.actor;
    // strpos, not LIKE: a name typed with % or _ matches those characters, not any.
    if (actor !== undefined) query = query.where((eb) => eb.or([eb('actor_id', '=', actor), eb(sql<number>`strpos(lower(coalesce(actor_name, '')), lower(${actor}))`, '>', 0)]));
    if (filter.targetId !== undefined) query = query.where('target_id', '=', filter.targetId);
    if (filter.from !== undefined) query = query.where('at', '>=', new Date(filter.from));
    if (filter.to !== undefined) query = query.where('at', '<', new Date(filter.to));
    if (filter.cursor !== undefined) {
      const after = decodeCursor(filter.cursor);
      if (after === null) refuseWith('VALIDATION_FAILED', { field: 'cursor' });
      query = query.where((eb) => eb.or([eb('at', '<', after.at), eb.and([eb('at', '=', after.at), eb('id', '<', after.id)])]));
    }
    const rows = await query.execute();
    const page = rows.slice(0, filter.limit);
    const last = page[page.length - 1];
    return {
      entries: page.map((row) => ({
        id: row.id,
        at: row.at,
        actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
        action: row.action,
        target: row.target_kind === null || row.target_id === null ? null : { kind: row.target_kind, id: row.target_id },
        // Shown back without what could carry personal data; the row itself keeps everything.
        ...splitDetails(row.details),
      })),
      nextCursor: rows.length > filter.limit && last !== undefined ? encodeCursor(last.at, last.id) : null,
    };
  });
}
