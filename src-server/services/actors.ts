// Who is acting: a logged-in candidate, a staff member or an enrolled kiosk device, as resolved from their session.
import type { AuditActor } from './audit.js';

export interface CandidateActor {
  readonly role: 'candidate';
  readonly passportId: string;
  readonly provinceCode: string;
  /** A passport registered offline whose mobile no SMS code has proven yet (K3): most candidate routes wait for that proof. */
  readonly mobileUnverified: boolean;
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

/** A kiosk enrolled to one campus (SPEC §1), calling with its bearer credential. */
export interface DeviceActor {
  readonly role: 'device';
  readonly deviceId: string;
  readonly campusCode: string;
  readonly tokenHash: string;
  readonly expiresAt: Date;
}

export type Actor = CandidateActor | StaffActor | DeviceActor;

/** A teacher or admin at an enrolled device: the staff member's cookie session and the device's bearer credential in one request. */
export interface StaffOnDevice {
  readonly staff: StaffActor;
  readonly device: DeviceActor;
}

export function auditActorOf(actor: Actor): AuditActor {
  switch (actor.role) {
    case 'candidate':
      return { kind: 'CANDIDATE', id: actor.passportId, name: null };
    case 'device':
      return { kind: 'DEVICE', id: actor.deviceId, name: null };
    default:
      return { kind: actor.role === 'admin' ? 'ADMIN' : 'TEACHER', id: actor.staffId, name: actor.displayName };
  }
}
