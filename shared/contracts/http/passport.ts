// Passport account contracts: register with its confirm step (A3), the profile and its change (A6), password change (A5).
import { z } from 'zod';
import { captchaAnswer, codeSent, email, mobile, newPasswordFields, password, passportForm, smsCode } from './account-fields.js';
import { endpoint } from './endpoint.js';
import { identityFields, idType, instant, passportId } from './fields.js';

/** A passport's own data, unmasked: only its holder sees it. Identity is null after an appeal moved it away. */
export const passportProfile = z.object({
  passportId,
  email: z.string(),
  mobile: z.string(),
  identity: z.object({ idType, idNumber: z.string(), name: z.string() }).nullable(),
});
export type PassportProfile = z.infer<typeof passportProfile>;

export const sendRegistrationSmsCode = endpoint({
  method: 'POST',
  path: '/api/passport/sms-code',
  audience: 'public',
  request: z.object({ mobile }),
  response: codeSent,
});

/**
 * The 注册信息确认 step: checks everything a registration checks without writing, and returns the
 * data in canonical form with a `confirmation` that registration must carry back unchanged.
 */
export const previewRegistration = endpoint({
  method: 'POST',
  path: '/api/passport/register/preview',
  audience: 'public',
  request: passportForm,
  response: z.object({
    email: z.string(),
    mobile: z.string(),
    idType,
    idNumber: z.string(),
    name: z.string(),
    confirmation: z.string(),
  }),
});

export const registerPassport = endpoint({
  method: 'POST',
  path: '/api/passport/register',
  audience: 'public',
  request: passportForm.extend({ confirmation: z.string().max(200) }),
  response: passportProfile.extend({ registeredAt: instant }),
});

export const getProfile = endpoint({
  method: 'GET',
  path: '/api/passport/profile',
  audience: 'candidate',
  request: z.object({}),
  response: passportProfile,
});

const profileForm = z.object({ email, mobile, ...identityFields });

export const sendProfileSmsCode = endpoint({
  method: 'POST',
  path: '/api/passport/profile/sms-code',
  audience: 'candidate',
  /** The code goes to the mobile in the form: the new one when it changes, proving the candidate holds it. */
  request: z.object({ mobile }),
  response: codeSent,
});

/** The 修改信息确认 step: which fields change, and whether the "已报名考生…无法同步" notice applies. */
export const previewProfileChange = endpoint({
  method: 'POST',
  path: '/api/passport/profile/preview',
  audience: 'candidate',
  request: profileForm,
  response: z.object({
    changed: z.object({ email: z.boolean(), mobile: z.boolean(), idType: z.boolean(), idNumber: z.boolean(), name: z.boolean() }),
    /** A6: a saved registration keeps its own snapshot; the form tells the candidate so. */
    hasSavedRegistration: z.boolean(),
  }),
});

export const changeProfile = endpoint({
  method: 'PUT',
  path: '/api/passport/profile',
  audience: 'candidate',
  request: profileForm.extend({ smsCode }),
  response: passportProfile,
});

export const changePassword = endpoint({
  method: 'PUT',
  path: '/api/passport/password',
  audience: 'candidate',
  request: z.object({ oldPassword: password, ...newPasswordFields, captcha: captchaAnswer }),
  response: z.object({ changedAt: instant }),
});

/** A7: 最近考次报名账号找回. Answers only for identities with a saved registration. */
export const retrieveAccount = endpoint({
  method: 'POST',
  path: '/api/passport/retrieval',
  audience: 'public',
  request: z.object({ ...identityFields, captcha: captchaAnswer }),
  response: z.object({ email: z.string(), mobile: z.string() }),
});

export const passportEndpoints = {
  sendRegistrationSmsCode,
  previewRegistration,
  registerPassport,
  getProfile,
  sendProfileSmsCode,
  previewProfileChange,
  changeProfile,
  changePassword,
  retrieveAccount,
};
