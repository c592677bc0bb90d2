// The audit trail: who did what to whom, for every staff action and every change of who holds an identity or a registration.
import type { Executor } from '../db/database.js';
import type { AuditActorKind } from '../db/schema.js';
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

/** Write it in the same transaction as the change it records, so neither exists without the other. */
export async function recordAudit(db: Executor, entry: AuditEntry, at: Date): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      at,
      actor_kind: entry.actor.kind,
      actor_id: entry.actor.id,
      actor_name: entry.actor.name,
      action: entry.action,
      target_kind: entry.target?.kind ?? null,
      target_id: entry.target?.id ?? null,
      details: JSON.stringify(entry.details),
    })
    .execute();
}
