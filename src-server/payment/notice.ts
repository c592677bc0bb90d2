// What a settled payment does to its order: the one place that makes callbacks and re-queries idempotent.
import type { OrderStatus } from '../../shared/contracts/http/payment.js';
import { failed, ok, type Result } from '../../shared/errors/domain-error.js';
import type { PaymentNotice, ProviderPaymentState } from './provider.js';

export interface OrderForSettlement {
  readonly orderId: string;
  readonly providerRef: string;
  readonly amountFen: number;
  readonly status: OrderStatus;
}

/** A payment's final result, whether it came as a signed notice or from asking the provider. */
export interface Settlement {
  readonly orderId: string;
  readonly providerRef: string;
  readonly status: 'PAID' | 'FAILED';
  readonly amountFen: number;
  readonly settledAt: Date;
}

export type SettlementEffect =
  | { readonly kind: 'MARK_PAID'; readonly settledAt: Date }
  | { readonly kind: 'MARK_FAILED'; readonly settledAt: Date }
  /** Nothing to change: acknowledge, so a provider that retries its notice stops. */
  | { readonly kind: 'ALREADY_APPLIED' };

export function settlementOfNotice(notice: PaymentNotice): Settlement {
  return { ...notice, settledAt: new Date(notice.settledAt) };
}

/** Null while the payer has not finished: the 更新 button then leaves the order pending. */
export function settlementOfState(state: ProviderPaymentState): Settlement | null {
  if (state.status === 'PENDING' || state.settledAt === null) return null;
  return { ...state, status: state.status, settledAt: state.settledAt };
}

/**
 * Idempotency: phase 2 reads the order FOR UPDATE, calls this, and applies the effect in the same
 * transaction, so the same notice delivered twice (or a notice racing the 更新 re-query) pays the
 * order once. A paid order never goes back: a late or replayed FAILED after PAID changes nothing.
 * A PAID result after FAILED is applied, because the provider holds the money either way.
 */
export function decideSettlement(order: OrderForSettlement, settlement: Settlement): Result<SettlementEffect> {
  if (settlement.orderId !== order.orderId || settlement.providerRef !== order.providerRef) {
    return failed('PAYMENT_REFERENCE_UNKNOWN');
  }
  if (settlement.amountFen !== order.amountFen) {
    return failed('PAYMENT_AMOUNT_MISMATCH', { params: { expected: order.amountFen, received: settlement.amountFen } });
  }
  const { settledAt } = settlement;
  if (order.status === 'PAID') return ok({ kind: 'ALREADY_APPLIED' });
  if (settlement.status === 'PAID') return ok({ kind: 'MARK_PAID', settledAt });
  return order.status === 'FAILED' ? ok({ kind: 'ALREADY_APPLIED' }) : ok({ kind: 'MARK_FAILED', settledAt });
}
