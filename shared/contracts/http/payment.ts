// Payment contracts (R9): orders for selected unpaid enrolments, provider callbacks, the sandbox pay page, group payment.
import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { campusCode, campusRef, entityId, fen, instant, nextCursor, pageRequest, personName, subjectCode, subjectRef } from './fields.js';

/** 支付宝, and 首信易支付 (the bank gateway the seeds show). */
export const PAYMENT_PROVIDERS = ['ALIPAY', 'BANK'] as const;
export const paymentProvider = z.enum(PAYMENT_PROVIDERS);
export type PaymentProviderName = z.infer<typeof paymentProvider>;

export const ORDER_STATUSES = ['PENDING', 'PAID', 'FAILED'] as const;
export const orderStatus = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof orderStatus>;

/** What a settled payment looks like from the provider's side (its notice to us). */
export const SETTLED_STATUSES = ['PAID', 'FAILED'] as const;

export const orderView = z.object({
  orderId: entityId,
  status: orderStatus,
  provider: paymentProvider,
  amountFen: fen,
  enrolmentIds: z.array(entityId),
  /**
   * Where a phone pays this order. The kiosk and the staff page draw it as a QR code themselves
   * (antd's QRCode): drawing it on the server was a measurable share of its CPU in the rush.
   */
  payUrl: z.url(),
  /** Paid for a group by the school (集体缴费): its enrolments are locked while the order is pending. */
  group: z.boolean(),
  createdAt: instant,
  settledAt: instant.nullable(),
});
export type OrderView = z.infer<typeof orderView>;

const selection = z.array(entityId).min(1);

export const createOrder = endpoint({
  method: 'POST',
  path: '/api/payment/orders',
  audience: 'candidate',
  request: z.object({ enrolmentIds: selection.max(8), provider: paymentProvider }),
  response: orderView,
});

export const getOrder = endpoint({
  method: 'GET',
  path: '/api/payment/orders/:orderId',
  audience: 'candidate',
  request: z.object({ orderId: entityId }),
  response: orderView,
});

/** The 更新 button: asks the provider for the payment's state, for when its callback has not arrived. */
export const refreshOrder = endpoint({
  method: 'POST',
  path: '/api/payment/orders/:orderId/refresh',
  audience: 'candidate',
  request: z.object({ orderId: entityId }),
  response: orderView,
});

/**
 * The provider's server-to-server notice: `notice` is the signed body exactly as sent, `signature` its
 * HMAC. Delivering the same notice twice settles the order once (see src-server/payment/notice.ts).
 */
export const paymentCallback = endpoint({
  method: 'POST',
  path: '/api/payment/callback/:provider',
  audience: 'public',
  request: z.object({ provider: paymentProvider, notice: z.string().min(2).max(4000), signature: z.string().regex(/^[0-9a-f]{64}$/) }),
  response: z.object({ acknowledged: z.literal(true) }),
});

/** The sandbox provider's pay page (text/html), opened on a phone from the kiosk's QR code. */
export const sandboxPayPage = endpoint({
  method: 'GET',
  path: '/sandbox/pay/:providerRef',
  audience: 'public',
  request: z.object({ providerRef: z.string().regex(/^[0-9A-Z]{8,40}$/) }),
  response: z.string(),
});

/**
 * The pay page's 支付 / 支付失败 buttons (an HTML form, application/x-www-form-urlencoded). The sandbox
 * settles the payment and delivers its signed notice to the callback; the answer is the page again (text/html).
 */
export const sandboxSettle = endpoint({
  method: 'POST',
  path: '/sandbox/pay/:providerRef',
  audience: 'public',
  request: z.object({
    providerRef: z.string().regex(/^[0-9A-Z]{8,40}$/),
    outcome: z.enum(SETTLED_STATUSES),
    bank: z.string().max(40).optional(),
  }),
  response: z.string(),
});

/** Unpaid enrolments at the teacher's school that a group payment could cover. */
export const listGroupPayable = endpoint({
  method: 'GET',
  path: '/api/staff/group-payments/payable',
  audience: 'teacher',
  request: z.object({ campusCode: campusCode.optional(), subjectCode: subjectCode.optional(), ...pageRequest }),
  response: z.object({
    items: z.array(
      z.object({
        enrolmentId: entityId,
        name: personName,
        studentNumber: z.string(),
        subject: subjectRef,
        campus: campusRef,
        feeFen: fen,
        createdAt: instant,
        groupPaymentLock: z.boolean(),
      }),
    ),
    nextCursor,
  }),
});

/** 集体缴费: one order for many candidates' enrolments, which stay locked until it settles or is released. */
export const createGroupPayment = endpoint({
  method: 'POST',
  path: '/api/staff/group-payments',
  audience: 'teacher',
  request: z.object({ enrolmentIds: selection.max(2000), provider: paymentProvider }),
  response: orderView,
});

export const getGroupPayment = endpoint({
  method: 'GET',
  path: '/api/staff/group-payments/:orderId',
  audience: 'teacher',
  request: z.object({ orderId: entityId }),
  response: orderView,
});

/** Gives a pending group order up: its enrolments are unlocked, so candidates may pay or cancel them again. */
export const releaseGroupPayment = endpoint({
  method: 'DELETE',
  path: '/api/staff/group-payments/:orderId',
  audience: 'teacher',
  request: z.object({ orderId: entityId }),
  response: z.object({ released: z.int().nonnegative() }),
});
