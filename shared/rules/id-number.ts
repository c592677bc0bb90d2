// A2: ID number checks for the six supported ID types, and the one canonical form each is stored in.
import { HOUR_MS } from '../domain/clock.js';
import type { IdType } from '../domain/identity.js';
import { refuse, type DomainError } from '../errors/domain-error.js';
import { normalizeTypedCode } from './typed-code.js';

/**
 * The form an ID number is checked, stored and compared in: half-width, no spaces, upper-case
 * (so a resident ID's `x` becomes `X`), and HK and Macau ID numbers with their check digit in
 * parentheses as printed on the card, so `A1234563` and `A123456(3)` are one identity.
 * `checkIdNumber` expects this form and refuses anything else, a lower-case `x` included.
 */
export function normalizeIdNumber(idType: IdType, raw: string): string {
  const code = normalizeTypedCode(raw);
  if (idType === 'HK_ID') return code.replace(/^([A-Z]{1,2}\d{6})([0-9A])$/, '$1($2)');
  if (idType === 'MACAO_ID') return code.replace(/^(\d{7})(\d)$/, '$1($2)');
  return code;
}

/**
 * Checks the canonical form (see `normalizeIdNumber`). With `now`, a resident ID whose birth date
 * lies after today (China time) is refused too; without it only the calendar is checked, so the
 * function stays usable where no clock is at hand (a form field before submission).
 */
export function checkIdNumber(idType: IdType, idNumber: string, now?: Date): DomainError | null {
  if (idNumber === '') return refuse('FIELD_REQUIRED', { field: 'idNumber' });
  const error = CHECKS[idType](idNumber, now);
  return error === null ? null : refuse(error, { field: 'idNumber' });
}

type IdNumberErrorCode =
  | 'RESIDENT_ID_FORMAT'
  | 'RESIDENT_ID_REGION'
  | 'RESIDENT_ID_BIRTH_DATE'
  | 'RESIDENT_ID_CHECK_CHARACTER'
  | 'TAIWAN_PERMIT_FORMAT'
  | 'HK_MACAO_PERMIT_FORMAT'
  | 'PASSPORT_NUMBER_FORMAT'
  | 'HK_ID_FORMAT'
  | 'HK_ID_CHECK_DIGIT'
  | 'MACAO_ID_FORMAT';

const CHECKS: Readonly<Record<IdType, (idNumber: string, now?: Date) => IdNumberErrorCode | null>> = {
  RESIDENT_ID: checkResidentId,
  /** 台胞证: 8 digits since the 2015 card; the older booklets carry 10 letters and digits. */
  TAIWAN_PERMIT: (n) => (/^(\d{8}|[A-Z0-9]{10})$/.test(n) ? null : 'TAIWAN_PERMIT_FORMAT'),
  /** 回乡证: H (Hong Kong) or M (Macau), then 8 digits, or 10 on the older cards. */
  HK_MACAO_PERMIT: (n) => (/^[HM](\d{8}|\d{10})$/.test(n) ? null : 'HK_MACAO_PERMIT_FORMAT'),
  /** Passports of every country: no shared check digit, so only length and alphabet. */
  PASSPORT: (n) => (/^[A-Z0-9]{5,17}$/.test(n) ? null : 'PASSPORT_NUMBER_FORMAT'),
  HK_ID: checkHongKongId,
  /** Macau has no published check-digit algorithm, so only the shape 1234567(8) is checked. */
  MACAO_ID: (n) => (/^\d{7}\(\d\)$/.test(n) ? null : 'MACAO_ID_FORMAT'),
};

/** GB/T 2260 province-level codes, plus 81/82/83 of the residence permits for HK, Macau and Taiwan residents. */
const RESIDENT_ID_PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

function checkResidentId(idNumber: string, now?: Date): IdNumberErrorCode | null {
  if (!/^\d{17}[\dX]$/.test(idNumber)) return 'RESIDENT_ID_FORMAT';
  if (!RESIDENT_ID_PROVINCES.has(idNumber.slice(0, 2))) return 'RESIDENT_ID_REGION';
  const birthDate = idNumber.slice(6, 14);
  if (!isCalendarDate(birthDate) || (now !== undefined && birthDate > chinaDate(now))) return 'RESIDENT_ID_BIRTH_DATE';
  return residentIdCheckCharacter(idNumber.slice(0, 17)) === idNumber[17] ? null : 'RESIDENT_ID_CHECK_CHARACTER';
}

/**
 * GB 11643-1999, ISO 7064 MOD 11-2: weights 2^(17−i) mod 11 over the first 17 digits. Every
 * single-character substitution changes the sum modulo 11, so one mistyped digit is always caught.
 */
export function residentIdCheckCharacter(first17Digits: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17Digits[i]) * (2 ** (17 - i) % 11);
  return '10X98765432'[sum % 11] ?? '';
}

/** `YYYYMMDD` naming a real day from 1800 on (the standard's own example is born in 1880). */
function isCalendarDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1800 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Today's date in China (UTC+8 all year, no daylight saving) as `YYYYMMDD`. */
function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * HOUR_MS).toISOString().slice(0, 10).replaceAll('-', '');
}

function checkHongKongId(idNumber: string): IdNumberErrorCode | null {
  const match = /^([A-Z]{1,2})(\d{6})\(([0-9A])\)$/.exec(idNumber);
  if (match === null) return 'HK_ID_FORMAT';
  const [, letters = '', digits = '', check = ''] = match;
  return hongKongIdCheckDigit(letters, digits) === check ? null : 'HK_ID_CHECK_DIGIT';
}

/**
 * Hong Kong's scheme: a one-letter prefix is padded with a space worth 36, letters are worth
 * A=10 … Z=35, weights 9 down to 2, and the check is 11 − (sum mod 11), written A for 10 and 0 for 11.
 */
export function hongKongIdCheckDigit(letters: string, digits: string): string {
  const values = [...letters.padStart(2, ' ')].map((ch) => (ch === ' ' ? 36 : ch.charCodeAt(0) - 55));
  const all = [...values, ...[...digits].map(Number)];
  const sum = all.reduce((total, value, i) => total + value * (9 - i), 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'A' : String(check % 11);
}
