// The payload of each operation kind a device may queue (K3): the server validates a pushed operation's payload with the schema of its kind.
import { z } from 'zod';
import { email, mobile, newPasswordFields } from './http/account-fields.js';
import { identityFields } from './http/fields.js';

/**
 * 注册ETEST通行证 captured on a kiosk while the server was unreachable. The form is A3's without the
 * SMS code (none can be issued offline) and without the server's confirmation token (the kiosk
 * showed the data back itself). The passport is created provisional: its mobile is unproven until
 * the candidate passes an SMS check online.
 */
export const passportRegisterPayload = z.object({
  email,
  mobile,
  ...newPasswordFields,
  ...identityFields,
  agreementAccepted: z.boolean(),
});
export type PassportRegisterPayload = z.infer<typeof passportRegisterPayload>;

export const operationPayloads = {
  'passport.register': passportRegisterPayload,
} as const;
export type OperationKind = keyof typeof operationPayloads;
