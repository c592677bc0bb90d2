// The pay URL as a QR code image, sent to clients as a data URL so the kiosk can show it without a QR library.
import QRCode from 'qrcode';

export type QrFormat = 'svg' | 'png';

/**
 * Error correction M survives a scratched kiosk screen; the 4-module quiet zone is what phone
 * scanners expect. SVG scales to any screen and is the default; PNG is for the receipt printer.
 */
export async function paymentQrDataUrl(payUrl: string, format: QrFormat = 'svg'): Promise<string> {
  if (format === 'png') {
    return QRCode.toDataURL(payUrl, { type: 'image/png', errorCorrectionLevel: 'M', margin: 4, width: 320 });
  }
  const svg = await QRCode.toString(payUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
