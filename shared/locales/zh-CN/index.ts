// The zh-CN catalogue: every user-visible message of shared rules and the server, by stable code.
// Each area of the domain keeps its own file so that messages sit next to their kin.
import { accountErrors } from './errors/account.js';
import { commonErrors } from './errors/common.js';
import { deviceErrors } from './errors/device.js';
import { outboxErrors } from './errors/outbox.js';
import { identityErrors } from './errors/identity.js';
import { importPaymentErrors } from './errors/import-payment.js';
import { registrationErrors } from './errors/registration.js';
import { reviewErrors } from './errors/review.js';

export const zhCN = {
  errors: {
    ...commonErrors,
    ...accountErrors,
    ...identityErrors,
    ...importPaymentErrors,
    ...registrationErrors,
    ...reviewErrors,
    ...deviceErrors,
    ...outboxErrors,
  },
} as const;
