// A8: customer service moves a saved registration to the passport a candidate registered anew, with the reason in the audit log.
import { maskIdNumber, normalizeIdNumber } from '../../shared/rules/index.js';
import type { IdType } from '../../shared/domain/identity.js';
import { uniqueViolation } from '../db/database.js';
import type { RegistrationTable } from '../db/schema.js';
import { auditActorOf, type StaffActor } from './actors.js';
import { recordAudit } from './audit.js';
import type { ServiceContext } from './context.js';
import { command, refuseWith } from './outcome.js';

export interface BoundRegistration {
  readonly registrationId: string;
  readonly examSessionId: string;
  readonly passportId: string;
  readonly idType: IdType;
  readonly idNumber: string;
  readonly name: string;
  readonly savedAt: Date;
}

function viewOf(row: Pick<RegistrationTable, 'id' | 'exam_session_id' | 'passport_id' | 'id_type' | 'id_number' | 'name' | 'saved_at'>): BoundRegistration {
  return {
    registrationId: row.id,
    examSessionId: row.exam_session_id,
    passportId: row.passport_id,
    idType: row.id_type,
    idNumber: row.id_number,
    name: row.name,
    savedAt: row.saved_at,
  };
}

/** Newest first: the registration of the latest exam session is the one a caller usually means. */
export async function findRegistrations(ctx: ServiceContext, input: { idType: IdType; idNumber: string }): Promise<BoundRegistration[]> {
  const rows = await ctx.db
    .selectFrom('registrations')
    .selectAll()
    .where('id_type', '=', input.idType)
    .where('id_number', '=', normalizeIdNumber(input.idType, input.idNumber))
    .orderBy('saved_at', 'desc')
    .execute();
  return rows.map(viewOf);
}

export function rebindRegistration(ctx: ServiceContext, admin: StaffActor, input: { registrationId: string; passportId: string; reason: string }) {
  return command(async () => {
    const now = ctx.clock.now();
    try {
      const row = await ctx.db.transaction().execute(async (trx) => {
        const registration = await trx.selectFrom('registrations').selectAll().where('id', '=', input.registrationId).forUpdate().executeTakeFirst();
        if (registration === undefined) refuseWith('NOT_FOUND', { field: 'registrationId' });
        if (registration.passport_id === input.passportId) refuseWith('REBIND_SAME_PASSPORT', { field: 'passportId' });
        const target = await trx.selectFrom('passports').select('id').where('id', '=', input.passportId).executeTakeFirst();
        if (target === undefined) refuseWith('PASSPORT_NOT_FOUND', { field: 'passportId' });
        const rebound = await trx.updateTable('registrations').set({ passport_id: target.id }).where('id', '=', registration.id).returningAll().executeTakeFirstOrThrow();
        await recordAudit(
          trx,
          {
            actor: auditActorOf(admin),
            action: 'registration.rebound',
            target: { kind: 'registration', id: registration.id },
            details: {
              fromPassportId: registration.passport_id,
              toPassportId: target.id,
              idNumber: maskIdNumber(registration.id_number),
              reason: input.reason,
            },
          },
          now,
        );
        return rebound;
      });
      return viewOf(row);
    } catch (error) {
      // One registration per passport and exam session (R3): the new passport has its own already.
      if (uniqueViolation(error) === 'registrations_one_per_passport') refuseWith('REGISTRATION_PASSPORT_ALREADY_BOUND', { field: 'passportId' });
      throw error;
    }
  });
}
