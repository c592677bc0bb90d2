// Sandbox payment provider, idempotent settlement and pay page.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideSettlement, settlementOfNotice, settlementOfState, type OrderForSettlement } from '../../../src-server/payment/notice.js';
import { renderSandboxPayPage } from '../../../src-server/payment/pay-page.js';
import type { PaymentNotice } from '../../../src-server/payment/provider.js';
import { createSandboxProvider, memorySandboxLedger, type SandboxProvider } from '../../../src-server/payment/sandbox.js';
import { signBody } from '../../../src-server/payment/signature.js';

const now = new Date('2026-09-01T02:00:00.000Z');
const clock = { now: () => now };
const order = { orderId: 'order-1', amountFen: 3, description: '2026年下半年CET考试 报名费' };

function sandbox(name: 'ALIPAY' | 'BANK' = 'ALIPAY', secret = 'alipay-secret'): SandboxProvider {
  let next = 0;
  return createSandboxProvider({
    name,
    secret,
    publicBaseUrl: 'http://192.168.1.10:8080/',
    ledger: memorySandboxLedger(),
    clock,
    newReference: () => `SBREF${String((next += 1)).padStart(4, '0')}`,
  });
}

async function paidNotice(provider: SandboxProvider) {
  const created = await provider.createPayment(order);
  const settled = await provider.settle(created.providerRef, 'PAID');
  if (!settled.ok) throw new Error(settled.error.code);
  return { created, ...settled.value };
}

describe('sandbox payment provider', () => {
  it('R9 gives a pay URL on the public origin and a pending payment', async () => {
    const provider = sandbox();
    const created = await provider.createPayment(order);
    expect(created).toEqual({ providerRef: 'SBREF0001', payUrl: 'http://192.168.1.10:8080/sandbox/pay/SBREF0001' });
    const state = await provider.queryPayment(created.providerRef);
    expect(state).toEqual({
      ok: true,
      value: { providerRef: 'SBREF0001', orderId: 'order-1', status: 'PENDING', amountFen: 3, settledAt: null },
    });
  });

  it('signs the notice it settles with, and verifies its own signature', async () => {
    const provider = sandbox();
    const { body, signature } = await paidNotice(provider);
    expect(signature).toBe(signBody('alipay-secret', body));
    const verified = provider.verifyCallback(body, signature);
    expect(verified.ok && verified.value).toMatchObject({ orderId: 'order-1', status: 'PAID', amountFen: 3, provider: 'ALIPAY' });
    expect((await provider.queryPayment('SBREF0001')).ok).toBe(true);
  });

  it('refuses a notice whose body was changed after signing', async () => {
    const provider = sandbox();
    const { body, signature } = await paidNotice(provider);
    const tampered = body.replace('"amountFen":3', '"amountFen":1');
    expect(tampered).not.toBe(body);
    expect(provider.verifyCallback(tampered, signature)).toEqual({ ok: false, error: { code: 'PAYMENT_SIGNATURE_INVALID' } });
  });

  it('refuses every single-character change to body or signature', async () => {
    const provider = sandbox();
    const { body, signature } = await paidNotice(provider);
    const flip = (text: string, at: number, ch: string) => text.slice(0, at) + ch + text.slice(at + 1);
    fc.assert(
      fc.property(fc.nat({ max: body.length - 1 }), fc.string({ minLength: 1, maxLength: 1 }), (at, ch) => {
        fc.pre(body[at] !== ch);
        return !provider.verifyCallback(flip(body, at, ch), signature).ok;
      }),
    );
    fc.assert(
      fc.property(fc.nat({ max: signature.length - 1 }), fc.constantFrom(...'0123456789abcdef'), (at, ch) => {
        fc.pre(signature[at] !== ch);
        return !provider.verifyCallback(body, flip(signature, at, ch)).ok;
      }),
    );
  });

  it('refuses a notice signed with another provider\'s secret', async () => {
    const alipay = sandbox('ALIPAY', 'alipay-secret');
    const bank = sandbox('BANK', 'bank-secret');
    const { body, signature } = await paidNotice(bank);
    expect(alipay.verifyCallback(body, signature).ok).toBe(false);
  });

  it('refuses a well-signed body that is not a notice', () => {
    const provider = sandbox();
    for (const body of ['not json', '{"status":"PAID"}']) {
      expect(provider.verifyCallback(body, signBody('alipay-secret', body))).toEqual({
        ok: false,
        error: { code: 'PAYMENT_NOTICE_MALFORMED' },
      });
    }
  });

  it('settles once: the same result again gives the same notice, the other result is refused', async () => {
    const provider = sandbox();
    const first = await paidNotice(provider);
    const again = await provider.settle(first.created.providerRef, 'PAID');
    expect(again).toEqual({ ok: true, value: { body: first.body, signature: first.signature } });
    expect(await provider.settle(first.created.providerRef, 'FAILED')).toEqual({
      ok: false,
      error: { code: 'PAYMENT_ALREADY_SETTLED' },
    });
    expect(await provider.settle('SBNOSUCHREF', 'PAID')).toEqual({ ok: false, error: { code: 'PAYMENT_REFERENCE_UNKNOWN' } });
  });

  it("leaves another provider's payment alone: one ledger, settled only through the provider that made it", async () => {
    const ledger = memorySandboxLedger();
    const options = { publicBaseUrl: 'http://192.168.1.10:8080/', ledger, clock, newReference: () => 'SBSHARED0001' };
    const alipay = createSandboxProvider({ ...options, name: 'ALIPAY', secret: 'alipay-secret' });
    const bank = createSandboxProvider({ ...options, name: 'BANK', secret: 'bank-secret' });
    const created = await alipay.createPayment(order);
    expect(await bank.settle(created.providerRef, 'PAID')).toEqual({ ok: false, error: { code: 'PAYMENT_REFERENCE_UNKNOWN' } });
    expect(await ledger.find(created.providerRef)).toMatchObject({ status: 'PENDING', settledAt: null });
    expect((await alipay.settle(created.providerRef, 'PAID')).ok).toBe(true);
  });
});

describe('settling an order (idempotent callbacks)', () => {
  const pending: OrderForSettlement = { orderId: 'order-1', providerRef: 'SBREF0001', amountFen: 3, status: 'PENDING' };
  const notice: PaymentNotice = {
    noticeId: 'SBREF0001-PAID',
    provider: 'ALIPAY',
    providerRef: 'SBREF0001',
    orderId: 'order-1',
    status: 'PAID',
    amountFen: 3,
    settledAt: now.toISOString(),
  };

  it('the same callback twice is one payment', () => {
    const first = decideSettlement(pending, settlementOfNotice(notice));
    expect(first).toEqual({ ok: true, value: { kind: 'MARK_PAID', settledAt: now } });
    const second = decideSettlement({ ...pending, status: 'PAID' }, settlementOfNotice(notice));
    expect(second).toEqual({ ok: true, value: { kind: 'ALREADY_APPLIED' } });
  });

  it('a late FAILED never unpays a paid order; a late PAID after FAILED is applied', () => {
    const failed = settlementOfNotice({ ...notice, noticeId: 'SBREF0001-FAILED', status: 'FAILED' });
    expect(decideSettlement({ ...pending, status: 'PAID' }, failed)).toEqual({ ok: true, value: { kind: 'ALREADY_APPLIED' } });
    expect(decideSettlement(pending, failed)).toEqual({ ok: true, value: { kind: 'MARK_FAILED', settledAt: now } });
    expect(decideSettlement({ ...pending, status: 'FAILED' }, failed)).toEqual({ ok: true, value: { kind: 'ALREADY_APPLIED' } });
    expect(decideSettlement({ ...pending, status: 'FAILED' }, settlementOfNotice(notice))).toEqual({
      ok: true,
      value: { kind: 'MARK_PAID', settledAt: now },
    });
  });

  it('refuses a settlement for another order or of another amount', () => {
    expect(decideSettlement({ ...pending, orderId: 'order-2' }, settlementOfNotice(notice))).toEqual({
      ok: false,
      error: { code: 'PAYMENT_REFERENCE_UNKNOWN' },
    });
    expect(decideSettlement({ ...pending, amountFen: 4 }, settlementOfNotice(notice))).toEqual({
      ok: false,
      error: { code: 'PAYMENT_AMOUNT_MISMATCH', params: { expected: 4, received: 3 } },
    });
  });

  it('a re-query of a pending payment changes nothing; a settled one goes the same way as its notice', () => {
    const state = { providerRef: 'SBREF0001', orderId: 'order-1', amountFen: 3, settledAt: null };
    expect(settlementOfState({ ...state, status: 'PENDING' })).toBeNull();
    const settled = settlementOfState({ ...state, status: 'PAID', settledAt: now });
    expect(settled && decideSettlement(pending, settled)).toEqual({ ok: true, value: { kind: 'MARK_PAID', settledAt: now } });
  });
});

describe('sandbox pay page', () => {
  const payment = {
    providerRef: 'SBREF0001',
    provider: 'BANK' as const,
    orderId: 'order-<1>',
    amountFen: 3,
    description: '报名费 "CET" & <script>',
    status: 'PENDING' as const,
    createdAt: now,
    settledAt: null,
  };

  it('offers pay and fail as one form posting back to the pay path, with the bank choice for 首信易支付', () => {
    const html = renderSandboxPayPage(payment);
    expect(html).toContain('首信易支付（沙箱）');
    expect(html).toContain('<form method="post" action="/sandbox/pay/SBREF0001">');
    expect(html).toContain('name="outcome" value="PAID"');
    expect(html).toContain('name="outcome" value="FAILED"');
    expect(html).toContain('<select name="bank">');
    expect(html).toContain('¥0.03');
  });

  it('escapes what it shows and carries no script', () => {
    const html = renderSandboxPayPage(payment);
    expect(html).not.toContain('<script');
    expect(html).toContain('报名费 &quot;CET&quot; &amp; &lt;script&gt;');
    expect(html).toContain('order-&lt;1&gt;');
  });

  it('shows the result without buttons once settled', () => {
    const html = renderSandboxPayPage({ ...payment, provider: 'ALIPAY', status: 'PAID', settledAt: now });
    expect(html).toContain('支付宝（沙箱）');
    expect(html).toContain('支付成功');
    expect(html).not.toContain('<form');
  });
});
