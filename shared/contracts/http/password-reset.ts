// Password reset (A5): by SMS code to the registered mobile, or by a one-time expiring link to the registered email.
import { z } from 'zod';
import { captchaAnswer, codeSent, email, mobile, newPasswordFields, smsCode } from './account-fields.js';
import { endpoint } from './endpoint.js';
import { instant } from './fields.js';

const passwordReset = z.object({ resetAt: instant });

export const sendResetSmsCode = endpoint({
  method: 'POST',
  path: '/api/password-reset/sms-code',
  audience: 'public',
  request: z.object({ mobile, captcha: captchaAnswer }),
  response: codeSent,
});

export const resetPasswordBySms = endpoint({
  method: 'POST',
  path: '/api/password-reset/by-sms',
  audience: 'public',
  request: z.object({ mobile, smsCode, ...newPasswordFields }),
  response: passwordReset,
});

export const sendResetEmail = endpoint({
  method: 'POST',
  path: '/api/password-reset/email',
  audience: 'public',
  request: z.object({ email, captcha: captchaAnswer }),
  response: codeSent,
});

/** The page behind the emailed link asks first whether the link still works, and shows 邮箱名称. */
export const checkResetLink = endpoint({
  method: 'GET',
  path: '/api/password-reset/email/:token',
  audience: 'public',
  request: z.object({ token: z.string().max(200) }),
  response: z.object({ email: z.string(), expiresAt: instant }),
});

export const resetPasswordByEmail = endpoint({
  method: 'POST',
  path: '/api/password-reset/by-email',
  audience: 'public',
  request: z.object({ token: z.string().max(200), ...newPasswordFields }),
  response: passwordReset,
});

export const passwordResetEndpoints = { sendResetSmsCode, resetPasswordBySms, sendResetEmail, checkResetLink, resetPasswordByEmail };
