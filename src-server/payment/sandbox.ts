// The sandbox payment provider: stands in for 支付宝 and 首信易支付 and signs its notices as a real one would.
import { randomBytes } from 'node:crypto';
import type { PaymentProviderName } from '../../shared/contracts/http/payment.js';
import type { Clock } from '../../shared/domain/clock.js';
import type { Fen } from '../../shared/domain/money.js';
import { failed, ok, type Result } from '../../shared/errors/domain-error.js';
import {
  paymentNotice,
  type CreatedPayment,
  type PaymentNotice,
  type PaymentProvider,
  type ProviderOrder,
  type ProviderPaymentState,
  type ProviderPaymentStatus,
} from './provider.js';
import { hasValidSignature, signBody } from './signature.js';

export interface SandboxPayment {
  readonly providerRef: string;
  readonly provider: PaymentProviderName;
  readonly orderId: string;
  readonly amountFen: Fen;
  readonly description: string;
  readonly status: ProviderPaymentStatus;
  readonly createdAt: Date;
  readonly settledAt: Date | null;
}

/**
 * The sandbox's own books, i.e. the provider's side of the payment. Memory serves tests and a
 * single server process; several processes behind a load balancer need one backed by a table.
 */
export interface SandboxLedger {
  find(providerRef: string): Promise<SandboxPayment | undefined>;
  insert(payment: SandboxPayment): Promise<void>;
  /**
   * Records the result only while the payment is pending and is `provider`'s (null: whichever
   * provider's, for the pay page both share), and returns the payment as stored afterwards
   * (undefined when it is unknown or another provider's).
   */
  settle(providerRef: string, provider: PaymentProviderName | null, status: 'PAID' | 'FAILED', settledAt: Date): Promise<SandboxPayment | undefined>;
}

export function memorySandboxLedger(): SandboxLedger {
  const payments = new Map<string, SandboxPayment>();
  return {
    find: async (providerRef) => payments.get(providerRef),
    insert: async (payment) => {
      payments.set(payment.providerRef, payment);
    },
    settle: async (providerRef, provider, status, settledAt) => {
      const payment = payments.get(providerRef);
      if (payment === undefined || (provider !== null && payment.provider !== provider)) return undefined;
      if (payment.status !== 'PENDING') return payment;
      const settled = { ...payment, status, settledAt };
      payments.set(providerRef, settled);
      return settled;
    },
  };
}

export interface SandboxOptions {
  readonly name: PaymentProviderName;
  /** One secret per provider, so a notice signed for one is refused by the other. */
  readonly secret: string;
  /** The server's origin as the payer's phone reaches it, e.g. http://192.168.1.10:8080. */
  readonly publicBaseUrl: string;
  readonly ledger: SandboxLedger;
  readonly clock: Clock;
  readonly newReference?: () => string;
}

/** A notice as a provider delivers it: the body exactly as signed, and the signature. */
export interface SignedNotice {
  readonly body: string;
  readonly signature: string;
}

export interface SandboxProvider extends PaymentProvider {
  find(providerRef: string): Promise<SandboxPayment | undefined>;
  /**
   * The pay page's buttons: settles the payment once and returns the signed notice for the
   * callback. Settling again with the same result returns the same notice (a retry); with the other
   * result it is refused, as a real provider never turns a payment around.
   */
  settle(providerRef: string, outcome: 'PAID' | 'FAILED'): Promise<Result<SignedNotice>>;
  /**
   * The signed notice of a payment of this provider that the ledger holds settled with `outcome`:
   * the pay page, shared by both sandboxes, settles in the ledger first and then has the payment's
   * own provider sign, which spares it a read to learn whose payment it is.
   */
  noticeFor(stored: SandboxPayment | undefined, outcome: 'PAID' | 'FAILED'): Result<SignedNotice>;
}

export function sandboxPayPath(providerRef: string): string {
  return `/sandbox/pay/${encodeURIComponent(providerRef)}`;
}

function randomReference(): string {
  return `SB${randomBytes(12).toString('hex').toUpperCase()}`;
}

/** Keys in the schema's order, so one settlement always serialises to the same body. */
function noticeOf(payment: SandboxPayment, status: 'PAID' | 'FAILED', settledAt: Date): PaymentNotice {
  return {
    noticeId: `${payment.providerRef}-${status}`,
    provider: payment.provider,
    providerRef: payment.providerRef,
    orderId: payment.orderId,
    status,
    amountFen: payment.amountFen,
    settledAt: settledAt.toISOString(),
  };
}

export function createSandboxProvider(options: SandboxOptions): SandboxProvider {
  const { name, secret, ledger, clock } = options;
  const newReference = options.newReference ?? randomReference;
  const baseUrl = options.publicBaseUrl.replace(/\/+$/, '');

  const noticeFor = (stored: SandboxPayment | undefined, outcome: 'PAID' | 'FAILED'): Result<SignedNotice> => {
    if (stored === undefined || stored.provider !== name || stored.settledAt === null) return failed('PAYMENT_REFERENCE_UNKNOWN');
    if (stored.status !== outcome) return failed('PAYMENT_ALREADY_SETTLED');
    const body = JSON.stringify(noticeOf(stored, outcome, stored.settledAt));
    return ok({ body, signature: signBody(secret, body) });
  };

  return {
    name,

    async createPayment(order: ProviderOrder): Promise<CreatedPayment> {
      const providerRef = newReference();
      await ledger.insert({
        providerRef,
        provider: name,
        orderId: order.orderId,
        amountFen: order.amountFen,
        description: order.description,
        status: 'PENDING',
        createdAt: clock.now(),
        settledAt: null,
      });
      return { providerRef, payUrl: `${baseUrl}${sandboxPayPath(providerRef)}` };
    },

    async queryPayment(providerRef: string): Promise<Result<ProviderPaymentState>> {
      const payment = await ledger.find(providerRef);
      if (payment === undefined || payment.provider !== name) return failed('PAYMENT_REFERENCE_UNKNOWN');
      const { orderId, status, amountFen, settledAt } = payment;
      return ok({ providerRef, orderId, status, amountFen, settledAt });
    },

    verifyCallback(body: string, signature: string): Result<PaymentNotice> {
      if (!hasValidSignature(secret, body, signature)) return failed('PAYMENT_SIGNATURE_INVALID');
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        return failed('PAYMENT_NOTICE_MALFORMED');
      }
      const parsed = paymentNotice.safeParse(json);
      if (!parsed.success || parsed.data.provider !== name) return failed('PAYMENT_NOTICE_MALFORMED');
      return ok(parsed.data);
    },

    find: (providerRef) => ledger.find(providerRef),

    async settle(providerRef, outcome) {
      return noticeFor(await ledger.settle(providerRef, name, outcome, clock.now()), outcome);
    },

    noticeFor,
  };
}
