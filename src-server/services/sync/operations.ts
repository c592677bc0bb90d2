// The operation kinds a device may replay (K3): each kind's payload schema and how it applies, through the same services the HTTP routes call.
//
// Offline passport registration (A3 without an SMS code): a kiosk that cannot reach the server
// cannot get an SMS code either, so nothing proves the candidate holds the mobile. The operation is
// checked with the same form rules, the same 'held elsewhere' checks and the same unique indexes as
// the online registration, and the passport is created, but it is recorded in
// `provisional_passports` with no `mobile_verified_at`: the mobile counts as unproven until the
// candidate passes an SMS check online. The enrolled kiosk only vouches that the form was filled
// in on its screen; it does not vouch for the phone.
import type { z } from 'zod';
import { operationPayloads, type OperationKind, type PassportRegisterPayload } from '../../../shared/contracts/operations.js';
import type { Result } from '../../../shared/errors/domain-error.js';
import type { ServiceContext } from '../context.js';
import { command } from '../outcome.js';
import { canonicalPassportForm, explainPassportConflict, insertPassport, refuseIfHeldElsewhere } from '../passport-form.js';
import { hashPassword } from '../passwords.js';
import { newPassportId } from '../secrets.js';

/** The device a push comes from, as its credential resolved. */
export interface SyncDevice {
  readonly deviceId: string;
  readonly campusCode: string;
}

/** Where in the device's queue the operation sits, for what it records. */
export interface OperationOrigin {
  readonly device: SyncDevice;
  readonly seq: number;
  readonly capturedAt: Date;
}

interface OperationKindSpec<P extends z.ZodType> {
  readonly payload: P;
  /** Runs inside the replay's transaction: `ctx.db` is bound to it, so every write commits with the seq or not at all. */
  apply(ctx: ServiceContext, origin: OperationOrigin, payload: z.output<P>): Promise<Result<unknown>>;
}

/** Stands in for the SMS code the A3 form requires: the offline capture has none, and the passport is recorded as provisional instead. */
const NO_SMS_CODE_OFFLINE = 'offline-capture';

function registerPassportOffline(ctx: ServiceContext, origin: OperationOrigin, payload: PassportRegisterPayload) {
  return command(async () => {
    const data = canonicalPassportForm({ ...payload, smsCode: NO_SMS_CODE_OFFLINE }, ctx.clock.now());
    await refuseIfHeldElsewhere(ctx.db, data, null);
    const passwordHash = await hashPassword(data.password);
    const passportId = newPassportId();
    const now = ctx.clock.now();
    try {
      await ctx.db.transaction().execute(async (trx) => {
        await insertPassport(trx, passportId, data, passwordHash, now);
        await trx
          .insertInto('provisional_passports')
          .values({ passport_id: passportId, device_id: origin.device.deviceId, seq: origin.seq, captured_at: origin.capturedAt, mobile_verified_at: null })
          .execute();
      });
    } catch (error) {
      return explainPassportConflict(ctx.db, error, data, null);
    }
    // Stored with the operation and returned to every re-send: the id only, no personal data.
    return { passportId, provisional: true };
  });
}

// Partial until every kind of shared/contracts/operations.ts has its apply (issue #7, in progress).
const kinds: { readonly [K in OperationKind]?: OperationKindSpec<(typeof operationPayloads)[K]> } = {
  'passport.register': { payload: operationPayloads['passport.register'], apply: registerPassportOffline },
};

export function operationKindSpec(kind: string): OperationKindSpec<z.ZodType> | null {
  return Object.hasOwn(kinds, kind) ? ((kinds[kind as OperationKind] ?? null) as unknown as OperationKindSpec<z.ZodType> | null) : null;
}

export const registeredOperationKinds: readonly string[] = Object.keys(kinds);
