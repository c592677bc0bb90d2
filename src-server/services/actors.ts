// Who is acting: a logged-in candidate or a staff member, as resolved from their session.
import type { AuditActor } from './audit.js';

export interface CandidateActor {
  readonly role: 'candidate';
  readonly passportId: string;
  readonly provinceCode: string;
  readonly tokenHash: string;
  readonly expiresAt: Date;
}

export interface StaffActor {
  readonly role: 'teacher' | 'admin';
  readonly staffId: string;
  readonly username: string;
  readonly displayName: string;
  /** The one school a teacher acts for; null for admins, who act for all. */
  readonly schoolCode: string | null;
  readonly tokenHash: string;
  readonly expiresAt: Date;
}

export type Actor = CandidateActor | StaffActor;

export function auditActorOf(actor: Actor): AuditActor {
  return actor.role === 'candidate'
    ? { kind: 'CANDIDATE', id: actor.passportId, name: null }
    : { kind: actor.role === 'admin' ? 'ADMIN' : 'TEACHER', id: actor.staffId, name: actor.displayName };
}
