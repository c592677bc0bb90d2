// The pay URL as a QR code image, sent to clients as a data URL so the kiosk can show it without a QR library.
import QRCode from 'qrcode';

export type QrFormat = 'svg' | 'png';

/**
 * The pictures of the last few hundred pay URLs: an order's QR code is drawn when it is made and
 * again each time the kiosk looks at the order (about 0.6 ms of CPU each), and a pay URL never
 * changes, so a repeat is a lookup. Bounded, so a long-running server does not grow with its orders.
 */
const RECENT_LIMIT = 500;
const recent = new Map<string, string>();

/**
 * Error correction M survives a scratched kiosk screen; the 4-module quiet zone is what phone
 * scanners expect. SVG scales to any screen and is the default; PNG is for the receipt printer.
 */
export async function paymentQrDataUrl(payUrl: string, format: QrFormat = 'svg'): Promise<string> {
  const key = `${format} ${payUrl}`;
  const kept = recent.get(key);
  if (kept !== undefined) return kept;
  const dataUrl = await renderQr(payUrl, format);
  recent.set(key, dataUrl);
  // A Map iterates oldest first: once full, the oldest picture goes.
  if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value ?? key);
  return dataUrl;
}

async function renderQr(payUrl: string, format: QrFormat): Promise<string> {
  if (format === 'png') {
    return QRCode.toDataURL(payUrl, { type: 'image/png', errorCorrectionLevel: 'M', margin: 4, width: 320 });
  }
  const svg = await QRCode.toString(payUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
