// Teachers' offline decision grants (K3, C4): issued online to a teacher on one enrolled device, checked when that device replays a decision taken offline.
//
// A device credential says which machine pushed an operation, not who decided it, so a decision
// carries a grant: a random secret the server issued to the teacher on that device. Only its SHA-256
// is stored. At replay the grant must be this device's, unexpired and unrevoked when the decision
// was captured, and its holder still a teacher; the school scoping is the online decision's own.
import type { DeviceActor, StaffActor } from './actors.js';
import { recordAudit } from './audit.js';
import { auditActorOf } from './actors.js';
import type { ServiceContext } from './context.js';
import { command, refuseWith } from './outcome.js';
import { newId, newToken, tokenHash } from './secrets.js';

/**
 * A new grant for this teacher on this device revokes the earlier ones from now on: decisions
 * captured before stay valid, and a lost device's old secret stops working once the teacher asks again.
 */
export function issueOfflineGrant(ctx: ServiceContext, teacher: StaffActor, device: DeviceActor) {
  return command(() =>
    ctx.db.transaction().execute(async (trx) => {
      // Decisions are a teacher's (C4), for their own school, on a kiosk of that school.
      if (teacher.role !== 'teacher' || teacher.schoolCode === null) return refuseWith('FORBIDDEN');
      const campus = await trx.selectFrom('campuses').select('school_code').where('code', '=', device.campusCode).executeTakeFirst();
      if (campus?.school_code !== teacher.schoolCode) return refuseWith('FORBIDDEN');
      const now = ctx.clock.now();
      const expiresAt = new Date(now.getTime() + ctx.config.ttl.offlineGrantMs);
      const grant = newToken();
      await trx
        .updateTable('offline_decision_grants')
        .set({ revoked_at: now })
        .where('staff_id', '=', teacher.staffId)
        .where('device_id', '=', device.deviceId)
        .where('revoked_at', 'is', null)
        .execute();
      const id = newId();
      await trx
        .insertInto('offline_decision_grants')
        .values({ id, secret_hash: tokenHash(grant), staff_id: teacher.staffId, device_id: device.deviceId, issued_at: now, expires_at: expiresAt, revoked_at: null })
        .execute();
      await recordAudit(
        trx,
        {
          actor: auditActorOf(teacher),
          action: 'sync.offline_grant_issued',
          target: { kind: 'offline_decision_grant', id },
          details: { deviceId: device.deviceId, campusCode: device.campusCode, expiresAt: expiresAt.toISOString() },
        },
        now,
      );
      return { grant, expiresAt };
    }),
  );
}

async function grantRow(ctx: ServiceContext, secretHash: string) {
  return ctx.db
    .selectFrom('offline_decision_grants')
    .innerJoin('staff_accounts', 'staff_accounts.id', 'offline_decision_grants.staff_id')
    .select([
      'offline_decision_grants.device_id',
      'offline_decision_grants.issued_at',
      'offline_decision_grants.expires_at',
      'offline_decision_grants.revoked_at',
      'staff_accounts.id as staff_id',
      'staff_accounts.role',
      'staff_accounts.username',
      'staff_accounts.display_name',
      'staff_accounts.school_code',
    ])
    .where('offline_decision_grants.secret_hash', '=', secretHash)
    .executeTakeFirst();
}

/**
 * The grants one push has read, by secret hash. A device's queue of decisions carries the same grant
 * op after op, so one read per push batch serves them all; a new batch (the next push) reads again,
 * so a revocation or a change of the teacher's role is seen from the next batch on. The checks
 * against each decision's capture time still run per decision.
 */
export type GrantReads = Map<string, ReturnType<typeof grantRow>>;

export function newGrantReads(): GrantReads {
  return new Map();
}

/**
 * The teacher a grant speaks for, as of the decision's capture time; refuses with the reason
 * otherwise. An unknown secret and another device's grant answer alike (OFFLINE_GRANT_INVALID).
 */
export async function grantHolderAt(ctx: ServiceContext, secret: string, deviceId: string, capturedAt: Date, reads: GrantReads = newGrantReads()): Promise<StaffActor> {
  const secretHash = tokenHash(secret);
  let read = reads.get(secretHash);
  if (read === undefined) {
    read = grantRow(ctx, secretHash);
    reads.set(secretHash, read);
  }
  const row = await read;
  const field = 'payload.grant';
  if (row === undefined || row.device_id !== deviceId || capturedAt < row.issued_at) return refuseWith('OFFLINE_GRANT_INVALID', { field });
  if (capturedAt > row.expires_at) return refuseWith('OFFLINE_GRANT_EXPIRED', { field });
  if (row.revoked_at !== null && row.revoked_at <= capturedAt) return refuseWith('OFFLINE_GRANT_REVOKED', { field });
  if (row.role !== 'teacher' || row.school_code === null) return refuseWith('OFFLINE_GRANT_INVALID', { field });
  // No session stands behind a replayed decision: the grant's expiry stands in for the session's.
  return {
    role: 'teacher',
    staffId: row.staff_id,
    username: row.username,
    displayName: row.display_name,
    schoolCode: row.school_code,
    tokenHash: '',
    expiresAt: row.expires_at,
  };
}
