// What the payment service needs from a payment provider: 支付宝, 首信易支付, or the sandbox that stands in for both.
import { z } from 'zod';
import type { Fen } from '../../shared/domain/money.js';
import { entityId, fen, instant } from '../../shared/contracts/http/fields.js';
import { paymentProvider, SETTLED_STATUSES, type PaymentProviderName } from '../../shared/contracts/http/payment.js';
import type { Result } from '../../shared/errors/domain-error.js';

/** The part of a payment order a provider is told about. */
export interface ProviderOrder {
  readonly orderId: string;
  readonly amountFen: Fen;
  /** Shown on the provider's page, e.g. `2026年下半年CET考试 报名费`. */
  readonly description: string;
}

export interface CreatedPayment {
  /** Where the payer goes (the kiosk shows it as a QR code). */
  readonly payUrl: string;
  /** The provider's id for this payment: stored on the order, used to query it and to match notices. */
  readonly providerRef: string;
}

export type ProviderPaymentStatus = 'PENDING' | (typeof SETTLED_STATUSES)[number];

export interface ProviderPaymentState {
  readonly providerRef: string;
  readonly orderId: string;
  readonly status: ProviderPaymentStatus;
  readonly amountFen: Fen;
  readonly settledAt: Date | null;
}

/**
 * The body of a provider's notice, signed as sent. `noticeId` names the settlement, not the
 * delivery: a provider that retries sends the same id, which is what makes a repeat recognisable.
 */
export const paymentNotice = z.object({
  noticeId: z.string().min(1).max(80),
  provider: paymentProvider,
  providerRef: z.string().min(1).max(64),
  orderId: entityId,
  status: z.enum(SETTLED_STATUSES),
  amountFen: fen,
  settledAt: instant,
});
export type PaymentNotice = z.infer<typeof paymentNotice>;

export interface PaymentProvider {
  readonly name: PaymentProviderName;
  createPayment(order: ProviderOrder): Promise<CreatedPayment>;
  /** The 更新 button and the reconciliation of orders whose notice never came. */
  queryPayment(providerRef: string): Promise<Result<ProviderPaymentState>>;
  /** Checks the signature over the body exactly as received, then reads it; a tampered body is refused. */
  verifyCallback(body: string, signature: string): Result<PaymentNotice>;
}
