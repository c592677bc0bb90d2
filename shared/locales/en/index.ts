// The English catalogue; its shape is checked against zh-CN, so a code can't lack a translation.
import type { zhCN } from '../zh-CN/index.js';
import { accountErrors } from './errors/account.js';
import { commonErrors } from './errors/common.js';
import { deviceErrors } from './errors/device.js';
import { outboxErrors } from './errors/outbox.js';
import { identityErrors } from './errors/identity.js';
import { importPaymentErrors } from './errors/import-payment.js';
import { registrationErrors } from './errors/registration.js';
import { reviewErrors } from './errors/review.js';

export const en: { errors: Record<keyof typeof zhCN.errors, string> } = {
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
};
