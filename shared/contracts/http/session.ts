// Login and logout (A4): candidates by province + account + password + captcha, staff by user name.
import { z } from 'zod';
import { captchaAnswer, password } from './account-fields.js';
import { endpoint } from './endpoint.js';
import { instant, passportId, provinceCode, schoolCode } from './fields.js';

export const ROLES = ['candidate', 'teacher', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is logged in. Browsers carry the session in an HttpOnly cookie, so the token never appears here. */
export const sessionView = z.discriminatedUnion('role', [
  z.object({
    role: z.literal('candidate'),
    passportId,
    provinceCode,
    expiresAt: instant,
    /**
     * The passport was registered at a kiosk while it was offline, so no SMS code has proven its
     * mobile yet: the candidate verifies it (sendMobileVerificationCode, verifyMobile) before any
     * other candidate endpoint answers (they refuse with MOBILE_VERIFICATION_REQUIRED until then).
     */
    mobileVerificationRequired: z.boolean(),
  }),
  z.object({
    role: z.enum(['teacher', 'admin']),
    staffId: z.string(),
    username: z.string(),
    displayName: z.string(),
    /** Teachers act for one school only; admins for all. */
    schoolCode: schoolCode.nullable(),
    expiresAt: instant,
  }),
]);
export type SessionView = z.infer<typeof sessionView>;

export const login = endpoint({
  method: 'POST',
  path: '/api/session',
  audience: 'public',
  request: z.object({
    /** 考点省份 */
    provinceCode: z.string().max(8),
    /** 证件号码, email or mobile (loginAccountKind tells which). */
    account: z.string().trim().max(254),
    password,
    captcha: captchaAnswer,
  }),
  response: sessionView,
});

export const staffLogin = endpoint({
  method: 'POST',
  path: '/api/staff/session',
  audience: 'public',
  request: z.object({ username: z.string().trim().max(64), password, captcha: captchaAnswer }),
  response: sessionView,
});

export const getSession = endpoint({
  method: 'GET',
  path: '/api/session',
  audience: 'public',
  request: z.object({}),
  response: z.object({ session: sessionView.nullable() }),
});

/** Ends the caller's session; harmless without one, so a kiosk can always call it on timeout (K2). */
export const logout = endpoint({
  method: 'DELETE',
  path: '/api/session',
  audience: 'public',
  request: z.object({}),
  response: z.object({ loggedOut: z.boolean() }),
});

export const sessionEndpoints = { login, staffLogin, getSession, logout };
