// An order's pay URL drawn as a QR code for a phone to scan, at the kiosk and on the staff group-payment page.
import { QRCode, theme } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The renderer draws the code itself (antd's QRCode, an inline SVG): the server sends only the pay
 * URL, as drawing it there was a measurable share of the server's CPU in the registration rush.
 *
 * - Error correction M survives a scratched or smudged kiosk screen.
 * - A 4-module quiet zone (the QR standard's; antd draws none by default, and its border padding is
 *   narrower than that) in white, and black modules: phone scanners need the light margin and the
 *   contrast whatever colours the page's theme has.
 * - `size` is the drawing's width, quiet zone included; antd's frame (padding and a hairline border
 *   inside the width it is given) comes around it, so the code is as large as asked.
 * - The wrapper is the picture for assistive technology (the drawing inside is hidden from it) and
 *   carries the URL in `data-pay-url`, which the browser tests and the kiosk benchmark open as the
 *   phone would.
 */
export function PayQrCode({ payUrl, size }: { payUrl: string; size: number }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const framed = size + 2 * (token.paddingSM + token.lineWidth);
  return (
    <div role="img" aria-label={t('payment.qrAlt')} data-pay-url={payUrl} style={{ display: 'inline-block', lineHeight: 0 }}>
      <QRCode value={payUrl} type="svg" errorLevel="M" marginSize={4} color="#000000" bgColor="#ffffff" size={framed} bordered aria-hidden />
    </div>
  );
}
