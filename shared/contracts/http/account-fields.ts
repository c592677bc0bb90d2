// Field schemas of the passport-account contracts: sizes only; the A1–A3 formats are checked by shared/rules.
import { z } from 'zod';
import { identityFields, instant } from './fields.js';

export const email = z.string().trim().max(254);
export const mobile = z.string().trim().max(20);
/** Not trimmed: a password is taken exactly as typed, and checkPassword refuses spaces. */
export const password = z.string().max(64);
export const smsCode = z.string().trim().max(12);

/** The image captcha a person read: the id it was issued under and the characters typed. */
export const captchaAnswer = z.object({ id: z.string().min(1).max(64), answer: z.string().trim().max(12) });

/** A new password typed twice (A1, A3, A5). */
export const newPasswordFields = { password, passwordConfirmation: password };

/** What the 注册ETEST通行证 form sends (A3); register and its preview take the same fields. */
export const passportForm = z.object({
  email,
  mobile,
  ...newPasswordFields,
  ...identityFields,
  smsCode,
  /** 已仔细阅读并同意《用户服务协议》《用户隐私政策》 */
  agreementAccepted: z.boolean(),
});
export type PassportForm = z.infer<typeof passportForm>;

/** A code was sent: to whom (masked), until when it is valid, and when another may be asked for. */
export const codeSent = z.object({ sentTo: z.string(), expiresAt: instant, resendAfterSeconds: z.int().nonnegative() });
