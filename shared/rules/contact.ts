// A3: the contact and name fields of passport registration, profile change and qualification query.
import { refuse, type DomainError } from '../errors/domain-error.js';

export const NAME_MAX_LENGTH = 50;
/** RFC 5321's limit on a forward path. */
export const EMAIL_MAX_LENGTH = 254;

/** Spaces and hyphens people put into phone numbers, and the country code, are dropped. */
export function normalizeMobile(raw: string): string {
  return raw.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
}

/** Mainland mobile numbers: 11 digits, 13x to 19x. */
export function checkMobile(mobile: string): DomainError | null {
  if (mobile === '') return refuse('FIELD_REQUIRED', { field: 'mobile' });
  return /^1[3-9]\d{9}$/.test(mobile) ? null : refuse('MOBILE_FORMAT', { field: 'mobile' });
}

/** Emails are unique per passport; mail providers ignore case, so uniqueness must too. */
export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

const EMAIL_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const EMAIL_DOMAIN = /^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** Addresses a real mailbox can have: no quoted local parts or IP-literal domains, which no candidate uses. */
export function checkEmail(email: string): DomainError | null {
  if (email === '') return refuse('FIELD_REQUIRED', { field: 'email' });
  if (email.length > EMAIL_MAX_LENGTH) return refuse('FIELD_TOO_LONG', { field: 'email', params: { max: EMAIL_MAX_LENGTH } });
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const valid = at > 0 && local.length <= 64 && EMAIL_LOCAL.test(local) && EMAIL_DOMAIN.test(domain);
  return valid ? null : refuse('EMAIL_FORMAT', { field: 'email' });
}

/**
 * Trims, collapses inner whitespace and folds the look-alike dots input methods produce
 * (•, ・, ･, ‧) into the middle dot of minority names such as 阿沛·阿旺晋美.
 */
export function normalizeName(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ').replace(/[\u2022\u30FB\uFF65\u2027]/g, '\u00B7');
}

const LETTER = '\\p{Script=Han}\\p{Script=Latin}';
/** Letters joined by single spaces, hyphens, apostrophes or middle dots (O'Brien, Jean-Luc, 阿沛·阿旺晋美). */
const NAME = new RegExp(`^[${LETTER}]+([ '\\-\u00B7][${LETTER}]+)*$`, 'u');

export function checkName(name: string): DomainError | null {
  if (name === '') return refuse('FIELD_REQUIRED', { field: 'name' });
  if ([...name].length > NAME_MAX_LENGTH) return refuse('FIELD_TOO_LONG', { field: 'name', params: { max: NAME_MAX_LENGTH } });
  return NAME.test(name) ? null : refuse('NAME_FORMAT', { field: 'name' });
}
