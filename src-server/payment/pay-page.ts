// The sandbox pay page the kiosk's QR code opens on a phone: pay or fail, posted back as a plain HTML form.
import type { PaymentProviderName } from '../../shared/contracts/http/payment.js';
import { formatYuan } from '../../shared/domain/money.js';
import { sandboxPayPath, type SandboxPayment } from './sandbox.js';

const PROVIDER_TITLES: Readonly<Record<PaymentProviderName, string>> = {
  ALIPAY: '支付宝（沙箱）',
  BANK: '首信易支付（沙箱）',
};

/** 首信易支付 lets the payer pick a bank first; the sandbox only shows the choice. */
export const SANDBOX_BANKS = ['中国银行', '中国工商银行', '中国建设银行', '中国农业银行', '交通银行', '招商银行'] as const;

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

function outcomeSection(payment: SandboxPayment): string {
  if (payment.status === 'PAID') {
    return '<p class="result paid" role="status">支付成功，请回到报名页面查看支付状态。<br><span lang="en">Paid. Return to the registration page.</span></p>';
  }
  if (payment.status === 'FAILED') {
    return '<p class="result failed" role="status">支付失败，请回到报名页面重新支付。<br><span lang="en">Payment failed. Return to the registration page to pay again.</span></p>';
  }
  const bankChoice =
    payment.provider === 'BANK'
      ? `<label>支付银行 <select name="bank">${SANDBOX_BANKS.map((bank) => `<option>${bank}</option>`).join('')}</select></label>`
      : '';
  return `<form method="post" action="${escapeHtml(sandboxPayPath(payment.providerRef))}">
${bankChoice}
<button type="submit" name="outcome" value="PAID">确认支付 ¥${formatYuan(payment.amountFen)}</button>
<button type="submit" name="outcome" value="FAILED" class="secondary">模拟支付失败</button>
</form>`;
}

/**
 * No script, no external resource: the page must work on any phone browser, and the server can
 * send it with a strict Content-Security-Policy (default-src 'none'; style-src 'unsafe-inline').
 */
export function renderSandboxPayPage(payment: SandboxPayment): string {
  const title = PROVIDER_TITLES[payment.provider];
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;padding:24px;background:#f5f5f5;color:#1f1f1f}
main{max-width:420px;margin:0 auto;background:#fff;border-radius:8px;padding:24px}
h1{font-size:22px;margin:0 0 8px}
.note{color:#595959;font-size:14px}
dl{display:grid;grid-template-columns:auto 1fr;gap:8px 16px}
dt{color:#595959}
dd{margin:0;word-break:break-all}
label{display:block;margin:16px 0}
select{font-size:18px;min-height:48px;width:100%}
button{display:block;width:100%;min-height:56px;margin-top:16px;font-size:20px;border:0;border-radius:6px;background:#0050b3;color:#fff}
button.secondary{background:#fff;color:#a8071a;border:2px solid #a8071a}
.result{font-size:18px;padding:16px;border-radius:6px}
.paid{background:#f6ffed;color:#135200}
.failed{background:#fff1f0;color:#a8071a}
</style>
</head>
<body>
<main>
<h1>${title}</h1>
<p class="note">测试用沙箱支付页面，不会产生真实扣款。<span lang="en">Sandbox: no real money moves.</span></p>
<dl>
<dt>商品</dt><dd>${escapeHtml(payment.description)}</dd>
<dt>订单号</dt><dd>${escapeHtml(payment.orderId)}</dd>
<dt>金额</dt><dd>¥${formatYuan(payment.amountFen)}</dd>
</dl>
${outcomeSection(payment)}
</main>
</body>
</html>
`;
}
