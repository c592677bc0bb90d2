// Kiosk device enrolment: staff issue a one-time code for a campus, a device spends it for its bearer credential (role 'device').
import { randomInt, randomUUID } from 'node:crypto';
import { HOUR_MS } from '../../shared/domain/clock.js';
import { auditActorOf, type DeviceActor, type StaffActor } from './actors.js';
import { recordAudit, type AuditActor } from './audit.js';
import type { ServiceContext } from './context.js';
import { command, Refused, refuseWith } from './outcome.js';
import { findCampus } from './reference-data.js';
import { keyedHash, newToken, tokenHash } from './secrets.js';
import { countEvent, secondsOf, waitBeforeNext } from './throttle.js';

/** Crockford base32, as shared/contracts/device.ts's `enrolmentCode` reads it: no I, L, O, U. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 8;
/** Long enough to walk from the office to the hallway kiosk the next morning, short enough that a lost slip goes stale. */
export const ENROLMENT_CODE_TTL_MS = 24 * HOUR_MS;
/** A kiosk's credential outlives any school year; revoking the device (kiosk_devices.revoked_at) is how it ends early. */
const DEVICE_CREDENTIAL_TTL_MS = 5 * 365 * 24 * HOUR_MS;

/** The CLI issues codes as the operator at the server, who has no staff account. */
export const CLI_ISSUER: AuditActor = { kind: 'SYSTEM', id: null, name: 'cli' };

/** 40 bits: with the code stored as a keyed hash and failed attempts throttled per IP, guessing is hopeless. */
function newEnrolmentCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

function codeHash(ctx: ServiceContext, code: string): string {
  return keyedHash(ctx.config.secret, 'device-enrolment', code);
}

/** Shown to people as ABCD-EFGH; the contract accepts it with or without the dash. */
function readable(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export function issueEnrolmentCode(ctx: ServiceContext, issuer: StaffActor | null, input: { campusCode: string }) {
  return command(async () => {
    const campus = await findCampus(ctx.db, input.campusCode);
    if (campus === null) return refuseWith('NOT_FOUND', { field: 'campusCode' });
    if (issuer?.role === 'teacher' && campus.schoolCode !== issuer.schoolCode) refuseWith('FORBIDDEN', { field: 'campusCode' });
    const now = ctx.clock.now();
    const code = newEnrolmentCode();
    const expiresAt = new Date(now.getTime() + ENROLMENT_CODE_TTL_MS);
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('device_enrolment_codes')
        .values({ code_hash: codeHash(ctx, code), campus_code: campus.code, issued_by: issuer?.staffId ?? null, issued_at: now, expires_at: expiresAt, used_at: null, device_id: null })
        .execute();
      await recordAudit(
        trx,
        {
          actor: issuer === null ? CLI_ISSUER : auditActorOf(issuer),
          action: 'device.enrolment_code_issued',
          target: { kind: 'campus', id: campus.code },
          details: { expiresAt: expiresAt.toISOString() },
        },
        now,
      );
    });
    return { code: readable(code), campusCode: campus.code, expiresAt: expiresAt.toISOString() };
  });
}

const enrolFailureKey = (ip: string) => `device-enrol-fail-ip:${ip}`;

/**
 * Spends the code (one time, unexpired) and creates the device with its credential in one
 * transaction. A wrong, used or expired code is the same 403 and counts against the caller's IP,
 * with the login's IP limit, so nobody walks the code space.
 */
export function enrolDevice(ctx: ServiceContext, input: { code: string; deviceName: string; softwareVersion: string }, ip: string) {
  return command(async () => {
    const now = ctx.clock.now();
    const limit = { key: enrolFailureKey(ip), max: ctx.config.limits.loginIpMaxFailures, windowMs: ctx.config.limits.loginLockMs };
    const wait = await waitBeforeNext(ctx.db, limit, now);
    if (wait > 0) refuseWith('RATE_LIMITED', { params: { seconds: secondsOf(wait) } });
    try {
      return await ctx.db.transaction().execute(async (trx) => {
        const code = await trx.selectFrom('device_enrolment_codes').selectAll().where('code_hash', '=', codeHash(ctx, input.code)).forUpdate().executeTakeFirst();
        if (code === undefined || code.used_at !== null || code.expires_at <= now) return refuseWith('DEVICE_ENROLMENT_CODE_INVALID', { field: 'code' });
        const deviceId = randomUUID();
        const credential = newToken();
        await trx
          .insertInto('kiosk_devices')
          .values({ id: deviceId, campus_code: code.campus_code, name: input.deviceName, software_version: input.softwareVersion, enrolled_at: now, last_contact_at: now, revoked_at: null })
          .execute();
        await trx.updateTable('device_enrolment_codes').set({ used_at: now, device_id: deviceId }).where('code_hash', '=', code.code_hash).execute();
        await trx
          .insertInto('sessions')
          .values({
            token_hash: tokenHash(credential),
            kind: 'bearer',
            role: 'device',
            passport_id: null,
            staff_id: null,
            device_id: deviceId,
            province_code: null,
            created_at: now,
            expires_at: new Date(now.getTime() + DEVICE_CREDENTIAL_TTL_MS),
            revoked_at: null,
          })
          .execute();
        await recordAudit(
          trx,
          {
            actor: { kind: 'DEVICE', id: deviceId, name: input.deviceName },
            action: 'device.enrolled',
            target: { kind: 'campus', id: code.campus_code },
            details: { softwareVersion: input.softwareVersion, issuedBy: code.issued_by },
          },
          now,
        );
        return { deviceId, campusCode: code.campus_code, credential };
      });
    } catch (error) {
      if (error instanceof Refused) await countEvent(ctx.db, limit.key, now);
      throw error;
    }
  });
}

export function describeDevice(ctx: ServiceContext, device: DeviceActor) {
  return command(async () => {
    const row = await ctx.db.selectFrom('kiosk_devices').selectAll().where('id', '=', device.deviceId).executeTakeFirstOrThrow();
    return {
      deviceId: row.id,
      campusCode: row.campus_code,
      deviceName: row.name,
      softwareVersion: row.software_version,
      enrolledAt: row.enrolled_at.toISOString(),
      lastContactAt: row.last_contact_at.toISOString(),
    };
  });
}
