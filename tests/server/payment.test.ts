// R9 over HTTP: orders for selected unpaid enrolments, the sandbox pay page, signed idempotent callbacks, the 更新 re-query, group payment locks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STAFF_PASSWORD } from '../../src-server/demo/seed.js';
import { staffLogin } from '../support/candidates.js';
import type { TestClient } from '../support/client.js';
import { offeringId, readyCandidate, type ReadyCandidate } from '../support/enrolment.js';
import { startServer, TEST_SECRET, type TestServer } from '../support/server.js';
import { signBody } from '../../src-server/payment/signature.js';
import { keyedHash } from '../../src-server/services/secrets.js';

/** Where phones reach the server (the kiosk's QR code carries it), deliberately not the address the tests call. */
const PUBLIC_BASE_URL = 'http://192.168.1.10:8080';

let server: TestServer;
let teacher: TestClient;
beforeAll(async () => {
  server = await startServer({ PUBLIC_BASE_URL });
  teacher = server.client();
  expect((await staffLogin(teacher, 'teacher99301', DEMO_STAFF_PASSWORD)).status).toBe(200);
});
afterAll(() => server.close());

async function enrolled(candidate: ReadyCandidate, written: string[], oral: string[] = []) {
  const w = await candidate.client.post('/api/enrolment/written', { offeringIds: written });
  const o = oral.length === 0 ? { body: { enrolments: [] } } : await candidate.client.post('/api/enrolment/oral', { offeringIds: oral });
  return [...w.body.enrolments, ...o.body.enrolments].map((e: { id: string }) => e.id);
}

function refOf(payUrl: string): string {
  return new URL(payUrl).pathname.split('/').pop() ?? '';
}

async function payOnPhone(payUrl: string, outcome: 'PAID' | 'FAILED') {
  return fetch(`${server.url}/sandbox/pay/${refOf(payUrl)}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ outcome }).toString() });
}

describe('R9 candidate payment', () => {
  it('R9 creates an order for the selected unpaid enrolments with a pay URL (the kiosk draws its QR code); paying on the sandbox page marks them paid', async () => {
    const candidate = await readyCandidate(server);
    const ids = await enrolled(candidate, [offeringId('993010', '1')], [offeringId('993010', 'F')]);
    const order = await candidate.client.post('/api/payment/orders', { enrolmentIds: ids, provider: 'ALIPAY' });
    expect(order.status).toBe(200);
    expect(order.body).toMatchObject({ status: 'PENDING', provider: 'ALIPAY', amountFen: 8000, group: false });
    // The answer carries the pay URL on the public origin a phone reaches, and no picture: the
    // clients draw the QR code from payUrl themselves (drawing it here cost server CPU in the rush).
    expect(order.body.payUrl).toMatch(/^http:\/\/192\.168\.1\.10:8080\/sandbox\/pay\/SB[0-9A-F]{24}$/);
    expect(Object.keys(order.body).sort()).toEqual(['amountFen', 'createdAt', 'enrolmentIds', 'group', 'orderId', 'payUrl', 'provider', 'settledAt', 'status']);
    expect(JSON.stringify(order.body)).not.toContain('data:');
    // The answer is built from the order's row as written: reading the order back gives the same.
    expect((await candidate.client.get(`/api/payment/orders/${order.body.orderId}`)).body).toEqual(order.body);
    const page = await fetch(`${server.url}/sandbox/pay/${refOf(order.body.payUrl)}`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('80.00');
    const paid = await payOnPhone(order.body.payUrl, 'PAID');
    expect(paid.status).toBe(200);
    // The page answers with the payment as settled, and a press of the other button is refused.
    expect(await paid.text()).toContain('支付成功');
    const turned = await payOnPhone(order.body.payUrl, 'FAILED');
    expect(turned.status).not.toBe(200);
    expect((await turned.json()).error.code).toBe('PAYMENT_ALREADY_SETTLED');
    const after = await candidate.client.get(`/api/payment/orders/${order.body.orderId}`);
    expect(after.body.status).toBe('PAID');
    // The order's view is the same whether built from what was written or read back.
    expect(after.body.enrolmentIds).toEqual([...ids].sort());
    expect(order.body.enrolmentIds).toEqual(after.body.enrolmentIds);
    // The pay URL (and so the QR code drawn from it) stays the same once paid.
    expect(after.body.payUrl).toBe(order.body.payUrl);
    const mine = await candidate.client.get('/api/registration');
    expect(mine.body.registration.written.paymentSummary).toBe('ALL_PAID');
    expect(mine.body.registration.oral.enrolments[0]).toMatchObject({ paymentStatus: 'PAID', expiresAt: null, cancellable: false });
  });

  it('R9 only paid enrolments count; a failed payment leaves them unpaid, and an oral cannot be paid without its written subject', async () => {
    const candidate = await readyCandidate(server);
    const [written, oral] = await enrolled(candidate, [offeringId('993010', '1')], [offeringId('993010', 'F')]);
    expect((await candidate.client.post('/api/payment/orders', { enrolmentIds: [oral], provider: 'BANK' })).body.error.code).toBe('PAYMENT_ORAL_WITHOUT_WRITTEN');
    const order = await candidate.client.post('/api/payment/orders', { enrolmentIds: [written], provider: 'BANK' });
    await payOnPhone(order.body.payUrl, 'FAILED');
    expect((await candidate.client.get(`/api/payment/orders/${order.body.orderId}`)).body.status).toBe('FAILED');
    expect((await candidate.client.get('/api/registration')).body.registration.written.paymentSummary).toBe('ALL_UNPAID');
  });

  it('R9 a notice delivered twice settles once; a forged signature is refused', async () => {
    const candidate = await readyCandidate(server);
    const ids = await enrolled(candidate, [offeringId('993010', '2')]);
    const order = await candidate.client.post('/api/payment/orders', { enrolmentIds: ids, provider: 'ALIPAY' });
    const ref = refOf(order.body.payUrl);
    const notice = JSON.stringify({ noticeId: `${ref}-PAID`, provider: 'ALIPAY', providerRef: ref, orderId: order.body.orderId, status: 'PAID', amountFen: 3000, settledAt: server.clock.now().toISOString() });
    const forged = await server.client().post('/api/payment/callback/ALIPAY', { notice, signature: 'a'.repeat(64) });
    expect(forged.body.error.code).toBe('PAYMENT_SIGNATURE_INVALID');
    await payOnPhone(order.body.payUrl, 'PAID');
    const notices = await server.db.selectFrom('payment_notices').selectAll().where('order_id', '=', order.body.orderId).execute();
    expect(notices).toHaveLength(1);
    const again = await payOnPhone(order.body.payUrl, 'PAID');
    expect(again.status).toBe(200);
    expect(await server.db.selectFrom('payment_notices').selectAll().where('order_id', '=', order.body.orderId).execute()).toHaveLength(1);
  });

  it('R9 one notice delivered many times at once, racing the 更新 re-query, settles the order once', async () => {
    const candidate = await readyCandidate(server);
    const ids = await enrolled(candidate, [offeringId('993010', '1')], [offeringId('993010', 'F')]);
    const order = await candidate.client.post('/api/payment/orders', { enrolmentIds: ids, provider: 'ALIPAY' });
    const ref = refOf(order.body.payUrl);
    // The provider's side settles once; its signed notice then arrives eight times while the kiosk presses 更新.
    const settledAt = server.clock.now();
    await server.db.updateTable('sandbox_payments').set({ status: 'PAID', settled_at: settledAt }).where('provider_ref', '=', ref).execute();
    const notice = JSON.stringify({ noticeId: `${ref}-PAID`, provider: 'ALIPAY', providerRef: ref, orderId: order.body.orderId, status: 'PAID', amountFen: order.body.amountFen, settledAt: settledAt.toISOString() });
    const signature = signBody(keyedHash(TEST_SECRET, 'payment-sandbox', 'ALIPAY'), notice);
    const answers = await Promise.all([
      ...Array.from({ length: 8 }, () => server.client().post('/api/payment/callback/ALIPAY', { notice, signature })),
      candidate.client.post(`/api/payment/orders/${order.body.orderId}/refresh`),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual(Array(9).fill(200));
    expect(await server.db.selectFrom('payment_notices').select('notice_id').where('order_id', '=', order.body.orderId).execute()).toEqual([{ notice_id: `${ref}-PAID` }]);
    const settled = await server.db.selectFrom('payment_orders').select(['status', 'settled_at']).where('id', '=', order.body.orderId).executeTakeFirstOrThrow();
    expect(settled).toEqual({ status: 'PAID', settled_at: settledAt });
    const enrolments = await server.db.selectFrom('enrolments').select(['payment_status', 'paid_at']).where('id', 'in', ids).execute();
    expect(enrolments).toEqual(ids.map(() => ({ payment_status: 'PAID', paid_at: settledAt })));
  });

  it('R9 更新 re-queries a pending order whose notice never came', async () => {
    const candidate = await readyCandidate(server);
    const ids = await enrolled(candidate, [offeringId('993010', '1')]);
    const order = await candidate.client.post('/api/payment/orders', { enrolmentIds: ids, provider: 'BANK' });
    expect((await candidate.client.post(`/api/payment/orders/${order.body.orderId}/refresh`)).body.status).toBe('PENDING');
    // The provider settles but its notice is lost: only its own books change.
    await server.db.updateTable('sandbox_payments').set({ status: 'PAID', settled_at: server.clock.now() }).where('provider_ref', '=', refOf(order.body.payUrl)).execute();
    expect((await candidate.client.post(`/api/payment/orders/${order.body.orderId}/refresh`)).body.status).toBe('PAID');
    expect((await candidate.client.request('DELETE', `/api/enrolment/${ids[0]}`)).body.error.code).toBe('ENROLMENT_PAID_NOT_CANCELLABLE');
  });

  it('R9 an order racing the cancel of its enrolment: either comes first, and paying the order later brings nothing back', async () => {
    const candidate = await readyCandidate(server);
    const [id] = await enrolled(candidate, [offeringId('993010', '2')]);
    if (id === undefined) throw new Error('the written enrolment was not made');
    const [order, cancel] = await Promise.all([
      candidate.client.post('/api/payment/orders', { enrolmentIds: [id], provider: 'ALIPAY' }),
      candidate.client.request('DELETE', `/api/enrolment/${id}`),
    ]);
    // A pending order does not hold its enrolment (an order outlives it), so the cancel always goes through.
    expect(cancel.status).toBe(200);
    if (order.status === 200) {
      expect((await payOnPhone(order.body.payUrl, 'PAID')).status).toBe(200);
      expect((await candidate.client.get(`/api/payment/orders/${order.body.orderId}`)).body.status).toBe('PAID');
    } else {
      // The cancel came first: the enrolment, and with it the empty registration, were gone.
      expect(['PAYMENT_ENROLMENT_NOT_PAYABLE', 'REGISTRATION_REQUIRED']).toContain(order.body.error.code);
    }
    expect(await server.db.selectFrom('enrolments').select('id').where('id', '=', id).execute()).toEqual([]);
  });

  it('R9 refuses paid, foreign or repeated enrolments in a selection', async () => {
    const candidate = await readyCandidate(server);
    const other = await readyCandidate(server);
    const [mine] = await enrolled(candidate, [offeringId('993010', '1')]);
    const [theirs] = await enrolled(other, [offeringId('993010', '1')]);
    expect((await candidate.client.post('/api/payment/orders', { enrolmentIds: [mine, theirs], provider: 'BANK' })).body.error.code).toBe('PAYMENT_ENROLMENT_NOT_PAYABLE');
    expect((await candidate.client.get(`/api/payment/orders/no-such-order`)).status).toBe(404);
  });
});

describe('R9 group payment (集体缴费)', () => {
  it('R9 a teacher pays for the school: the enrolments are locked (no cancel, no own payment) until paid', async () => {
    const candidate = await readyCandidate(server);
    const [id] = await enrolled(candidate, [offeringId('993010', '1')]);
    const payable = await teacher.get('/api/staff/group-payments/payable?limit=200');
    expect(payable.body.items.map((item: { enrolmentId: string }) => item.enrolmentId)).toContain(id);
    const order = await teacher.post('/api/staff/group-payments', { enrolmentIds: [id], provider: 'BANK' });
    expect(order.body).toMatchObject({ group: true, amountFen: 3000, status: 'PENDING' });
    expect((await candidate.client.request('DELETE', `/api/enrolment/${id}`)).body.error.code).toBe('ENROLMENT_LOCKED_BY_GROUP_PAYMENT');
    expect((await candidate.client.post('/api/payment/orders', { enrolmentIds: [id], provider: 'BANK' })).body.error.code).toBe('PAYMENT_ENROLMENT_NOT_PAYABLE');
    await payOnPhone(order.body.payUrl, 'PAID');
    expect((await teacher.get(`/api/staff/group-payments/${order.body.orderId}`)).body.status).toBe('PAID');
    const view = (await candidate.client.get('/api/registration')).body.registration.written.enrolments[0];
    expect(view).toMatchObject({ paymentStatus: 'PAID', groupPaymentLock: false });
    const audit = await server.db.selectFrom('audit_log').select('action').where('target_id', '=', order.body.orderId).execute();
    expect(audit.map((entry) => entry.action)).toContain('group_payment.created');
  });

  it('R9 a group order whose payment fails unlocks its enrolments, which stay unpaid', async () => {
    const candidate = await readyCandidate(server);
    const [id] = await enrolled(candidate, [offeringId('993010', '1')]);
    const order = await teacher.post('/api/staff/group-payments', { enrolmentIds: [id], provider: 'ALIPAY' });
    expect((await candidate.client.get('/api/registration')).body.registration.written.enrolments[0]).toMatchObject({ groupPaymentLock: true });
    expect((await payOnPhone(order.body.payUrl, 'FAILED')).status).toBe(200);
    expect((await teacher.get(`/api/staff/group-payments/${order.body.orderId}`)).body.status).toBe('FAILED');
    expect((await candidate.client.get('/api/registration')).body.registration.written.enrolments[0]).toMatchObject({ paymentStatus: 'UNPAID', groupPaymentLock: false });
    expect((await candidate.client.post('/api/payment/orders', { enrolmentIds: [id], provider: 'BANK' })).status).toBe(200);
  });

  it('R9 releasing a group order unlocks its enrolments; another school\'s teacher cannot take them', async () => {
    const candidate = await readyCandidate(server);
    const [id] = await enrolled(candidate, [offeringId('993010', '2')]);
    const stranger = server.client();
    await staffLogin(stranger, 'teacher99302', DEMO_STAFF_PASSWORD);
    expect((await stranger.post('/api/staff/group-payments', { enrolmentIds: [id], provider: 'BANK' })).status).toBe(403);
    const order = await teacher.post('/api/staff/group-payments', { enrolmentIds: [id], provider: 'ALIPAY' });
    expect((await teacher.request('DELETE', `/api/staff/group-payments/${order.body.orderId}`)).body).toEqual({ released: 1 });
    expect((await candidate.client.request('DELETE', `/api/enrolment/${id}`)).status).toBe(200);
  });
});
