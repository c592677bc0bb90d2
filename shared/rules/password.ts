// A1 and A5: what a passport password must look like, and that it is typed the same way twice.
import { refuse, type DomainError } from '../errors/domain-error.js';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 18;
export const PASSWORD_SPECIAL_CHARACTERS = '!@#%^&*_-';

/**
 * Only ASCII letters, digits and the listed specials are allowed: the seed's hint names exactly
 * these, and anything else (a space, `$`, a full-width character from an input method) is far more
 * likely a kiosk typing slip than a choice, and would lock the candidate out on another keyboard.
 */
const ALLOWED = /^[A-Za-z0-9!@#%^&*_-]*$/;

export function checkPassword(password: string): DomainError | null {
  if (password === '') return refuse('FIELD_REQUIRED', { field: 'password' });
  if (!ALLOWED.test(password)) return refuse('PASSWORD_CHARACTER_NOT_ALLOWED', { field: 'password' });
  const complete =
    password.length >= PASSWORD_MIN_LENGTH &&
    password.length <= PASSWORD_MAX_LENGTH &&
    /[A-Za-z]/.test(password) &&
    /[0-9]/.test(password) &&
    /[!@#%^&*_-]/.test(password);
  return complete ? null : refuse('PASSWORD_FORMAT', { field: 'password' });
}

export function checkPasswordConfirmation(password: string, confirmation: string): DomainError | null {
  if (confirmation === '') return refuse('FIELD_REQUIRED', { field: 'passwordConfirmation' });
  return password === confirmation ? null : refuse('PASSWORD_CONFIRMATION_MISMATCH', { field: 'passwordConfirmation' });
}

/** Registration (A3), reset and change (A5) all take a new password twice. */
export function checkNewPassword(password: string, confirmation: string): DomainError | null {
  return checkPassword(password) ?? checkPasswordConfirmation(password, confirmation);
}
