// Turns what a candidate typed into the canonical passport data, refusing with the first broken A1–A3 rule.
import type { IdType } from '../../shared/domain/identity.js';
import { checkEmail, checkIdNumber, checkMobile, checkName, checkNewPassword, normalizeEmail, normalizeIdNumber, normalizeMobile, normalizeName } from '../../shared/rules/index.js';
import { refuse } from '../../shared/errors/domain-error.js';
import { uniqueViolation, type Executor } from '../db/database.js';
import { check, refuseWith } from './outcome.js';

export interface IdentityData {
  readonly idType: IdType;
  readonly idNumber: string;
  readonly name: string;
}

export interface ContactData {
  readonly email: string;
  readonly mobile: string;
}

export interface PassportData extends ContactData, IdentityData {
  readonly password: string;
}

export function canonicalMobile(raw: string): string {
  const mobile = normalizeMobile(raw);
  check(checkMobile(mobile));
  return mobile;
}

export function canonicalEmail(raw: string): string {
  const email = normalizeEmail(raw);
  check(checkEmail(email));
  return email;
}

export function canonicalIdentity(raw: IdentityData, now: Date): IdentityData {
  const idNumber = normalizeIdNumber(raw.idType, raw.idNumber);
  const name = normalizeName(raw.name);
  check(checkIdNumber(raw.idType, idNumber, now), checkName(name));
  return { idType: raw.idType, idNumber, name };
}

export interface PassportFormInput extends ContactData, IdentityData {
  readonly password: string;
  readonly passwordConfirmation: string;
  readonly smsCode: string;
  readonly agreementAccepted: boolean;
}

/** In the order the 注册ETEST通行证 form lists its fields, so the first refusal is the one highest on the page. */
export function canonicalPassportForm(input: PassportFormInput, now: Date): PassportData {
  const email = canonicalEmail(input.email);
  const mobile = canonicalMobile(input.mobile);
  check(checkNewPassword(input.password, input.passwordConfirmation));
  const identity = canonicalIdentity(input, now);
  check(input.smsCode.trim() === '' ? refuse('FIELD_REQUIRED', { field: 'smsCode' }) : null);
  if (!input.agreementAccepted) refuseWith('AGREEMENT_NOT_ACCEPTED', { field: 'agreementAccepted' });
  return { email, mobile, password: input.password, ...identity };
}

/**
 * The first thing another passport already holds, in the order a candidate can act on: the
 * identity (appeal), then email, then mobile. Registration asks before writing for a friendly
 * answer, and again after a unique violation, to name the conflict a racing writer created.
 * One statement, so the answer comes from one snapshot even while a racing writer commits.
 */
export async function refuseIfHeldElsewhere(db: Executor, data: Partial<ContactData & IdentityData>, self: string | null): Promise<void> {
  const { idType, idNumber, email, mobile } = data;
  const holders = await db
    .selectFrom('passports')
    .select(['id_type', 'id_number', 'email', 'mobile'])
    .where('id', '<>', self ?? '')
    .where((eb) =>
      eb.or([
        ...(idType !== undefined && idNumber !== undefined ? [eb.and([eb('id_type', '=', idType), eb('id_number', '=', idNumber)])] : []),
        ...(email !== undefined ? [eb('email', '=', email)] : []),
        ...(mobile !== undefined ? [eb('mobile', '=', mobile)] : []),
      ]),
    )
    .execute();
  if (holders.some((h) => idType !== undefined && h.id_type === idType && h.id_number === idNumber)) refuseWith('INFORMATION_OCCUPIED', { field: 'idNumber' });
  if (holders.some((h) => h.email === email)) refuseWith('EMAIL_TAKEN', { field: 'email' });
  if (holders.some((h) => h.mobile === mobile)) refuseWith('MOBILE_TAKEN', { field: 'mobile' });
}

/** The passports' unique indexes, for when no conflicting row can be seen any more (the winner rolled back). */
export const PASSPORT_UNIQUE_INDEXES = {
  passports_identity_key: ['INFORMATION_OCCUPIED', 'idNumber'],
  passports_email_key: ['EMAIL_TAKEN', 'email'],
  passports_mobile_key: ['MOBILE_TAKEN', 'mobile'],
} as const;

type PassportIndex = keyof typeof PASSPORT_UNIQUE_INDEXES;

/** After a unique violation on a passport: the conflict as a refusal, or the original error if it was something else. */
export async function explainPassportConflict(db: Executor, error: unknown, data: ContactData & Partial<IdentityData>, self: string | null): Promise<never> {
  const constraint = uniqueViolation(error);
  if (constraint === null || !Object.hasOwn(PASSPORT_UNIQUE_INDEXES, constraint)) throw error;
  await refuseIfHeldElsewhere(db, data, self);
  const [code, field] = PASSPORT_UNIQUE_INDEXES[constraint as PassportIndex];
  return refuseWith(code, { field });
}

/** The passport row of a checked form: the one insert online registration and an offline-captured one share. */
export async function insertPassport(trx: Executor, passportId: string, data: PassportData, passwordHash: string, now: Date): Promise<void> {
  await trx
    .insertInto('passports')
    .values({
      id: passportId,
      email: data.email,
      mobile: data.mobile,
      password_hash: passwordHash,
      id_type: data.idType,
      id_number: data.idNumber,
      name: data.name,
      created_at: now,
      updated_at: now,
    })
    .execute();
}
