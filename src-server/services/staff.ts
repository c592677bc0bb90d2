// Staff accounts (teachers of one school, admins): created from the CLI or the demo seed, never by self-service.
import { checkPassword } from '../../shared/rules/index.js';
import { uniqueViolation } from '../db/database.js';
import type { StaffRole } from '../db/schema.js';
import type { Db } from '../db/database.js';
import { check, command, refuseWith } from './outcome.js';
import { hashPassword } from './passwords.js';
import { newId } from './secrets.js';

export interface NewStaffAccount {
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
  readonly role: StaffRole;
  readonly schoolCode: string | null;
}

/** Staff passwords follow the candidates' rule (A1): one rule, one place. */
export function createStaffAccount(db: Db, account: NewStaffAccount, now: Date) {
  return command(async () => {
    check(checkPassword(account.password));
    if ((account.role === 'teacher') !== (account.schoolCode !== null)) refuseWith('VALIDATION_FAILED', { field: 'schoolCode' });
    if (account.schoolCode !== null) {
      const school = await db.selectFrom('schools').select('code').where('code', '=', account.schoolCode).executeTakeFirst();
      if (school === undefined) refuseWith('NOT_FOUND', { field: 'schoolCode' });
    }
    const id = newId();
    try {
      await db
        .insertInto('staff_accounts')
        .values({
          id,
          username: account.username,
          display_name: account.displayName,
          password_hash: await hashPassword(account.password),
          role: account.role,
          school_code: account.schoolCode,
          created_at: now,
        })
        .execute();
    } catch (error) {
      if (uniqueViolation(error) !== null) refuseWith('STAFF_USERNAME_TAKEN', { field: 'username' });
      throw error;
    }
    return { staffId: id };
  });
}
