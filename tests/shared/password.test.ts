// A1 password shape, A3/A5 the new password typed twice.
import { describe, expect, it } from 'vitest';
import { checkNewPassword, checkPassword, checkPasswordConfirmation } from '../../shared/rules/password.js';

describe('A1 password', () => {
  it.each([
    ['abc123!@', 'eight characters, each kind present'],
    ['Abcdefgh12345678#_', 'eighteen characters'],
    ['1-2-3-a-b', 'hyphens as the special'],
    ['zZ9^&*%#', 'specials only but one letter and digit'],
  ])('A1 accepts %s (%s)', (password) => {
    expect(checkPassword(password)).toBeNull();
  });

  it.each([
    ['abc12!@', 'seven characters'],
    ['Abcdefgh12345678#_x', 'nineteen characters'],
    ['abcdefgh!', 'no digit'],
    ['12345678!', 'no letter'],
    ['abcd1234', 'no special'],
  ])('A1 refuses %s with the seed hint (%s)', (password) => {
    expect(checkPassword(password)).toEqual({ code: 'PASSWORD_FORMAT', field: 'password' });
  });

  it.each([
    ['abc 123!@', 'a space'],
    ['abc123$@', 'a dollar sign, not in the list'],
    ['abc123！@', 'a full-width exclamation mark from an input method'],
    ['密码abc123!', 'Chinese characters'],
  ])('A1 refuses %s: characters outside letters, digits and !@#%%^&*_- (%s)', (password) => {
    expect(checkPassword(password)).toEqual({ code: 'PASSWORD_CHARACTER_NOT_ALLOWED', field: 'password' });
  });

  it('A1 asks for a password that is missing', () => {
    expect(checkPassword('')).toEqual({ code: 'FIELD_REQUIRED', field: 'password' });
  });

  it.each([
    ['abc123!@', 'abc123!@', null],
    ['abc123!@', 'abc123!#', 'PASSWORD_CONFIRMATION_MISMATCH'],
    ['abc123!@', 'ABC123!@', 'PASSWORD_CONFIRMATION_MISMATCH'],
    ['abc123!@', '', 'FIELD_REQUIRED'],
  ])('A1 compares %s with its confirmation %s', (password, confirmation, code) => {
    expect(checkPasswordConfirmation(password, confirmation)?.code ?? null).toBe(code);
    if (code !== null) expect(checkPasswordConfirmation(password, confirmation)?.field).toBe('passwordConfirmation');
  });
});

describe('A5 new password twice (registration, reset, change)', () => {
  it.each([
    ['abc123!@', 'abc123!@', null],
    ['abc123', 'abc123', 'PASSWORD_FORMAT'],
    ['abc123!@', 'abc123!!', 'PASSWORD_CONFIRMATION_MISMATCH'],
    ['abc12', 'different', 'PASSWORD_FORMAT'],
  ])('A5 checks %s / %s → %s', (password, confirmation, code) => {
    expect(checkNewPassword(password, confirmation)?.code ?? null).toBe(code);
  });
});
