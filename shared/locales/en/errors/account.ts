// English messages for ETEST passport accounts on the server: registration, login, codes, reset, appeals, rebinding (A3–A8).
import type { accountErrors as zh } from '../../zh-CN/errors/account.js';

export const accountErrors: Record<keyof typeof zh, string> = {
  AGREEMENT_NOT_ACCEPTED: 'Please read and accept the User Service Agreement and the Privacy Policy.',
  PASSPORT_CONFIRMATION_MISMATCH: 'The details differ from those you confirmed. Please confirm them again.',
  INFORMATION_OCCUPIED:
    'This identity is already held by another ETEST passport. If it is yours, please file an information-occupied appeal.',
  EMAIL_TAKEN: 'This email address is already used by another ETEST passport.',
  MOBILE_TAKEN: 'This mobile number is already used by another ETEST passport.',
  MOBILE_NOT_REGISTERED: 'No ETEST passport is registered with this mobile number.',
  EMAIL_NOT_REGISTERED: 'No ETEST passport is registered with this email address.',
  SMS_CODE_INVALID: 'The SMS code is wrong or no longer valid. Please request a new one.',
  SMS_DAILY_LIMIT: 'This mobile number has received the most SMS codes allowed today. Please try again tomorrow.',
  CAPTCHA_INVALID: 'The verification code is wrong or has expired. Please refresh it and try again.',
  PROVINCE_UNKNOWN: 'Please choose the province of your test centre.',
  LOGIN_FAILED: 'Wrong account or password.',
  LOGIN_LOCKED: 'Too many failed logins: the account is locked for now. Please try again in {{minutes}} minutes.',
  OLD_PASSWORD_WRONG: 'The current password is wrong.',
  RESET_LINK_INVALID: 'This password reset link is invalid or has expired. Please request a new one.',
  ACCOUNT_RETRIEVAL_NO_REGISTRATION: 'No registration could be found.',
  APPEAL_NOT_NEEDED: 'This identity is not held by any passport. Please register directly.',
  APPEAL_ALREADY_PENDING: 'An appeal from this mobile number is already waiting for a decision.',
  APPEAL_NOT_FOUND: 'The information-occupied appeal was not found.',
  APPEAL_ALREADY_DECIDED: 'This appeal has already been decided.',
  PASSPORT_NOT_FOUND: 'The ETEST passport was not found.',
  REBIND_SAME_PASSPORT: 'The registration is already bound to this passport.',
  STAFF_USERNAME_TAKEN: 'This user name is already taken.',
  MOBILE_VERIFICATION_REQUIRED: 'Your passport was registered offline at a kiosk and its mobile number is not verified yet. Please verify your mobile to continue.',
};
