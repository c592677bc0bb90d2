// Checks that the payment QR code a page drew is the code of its pay URL, with error correction M and the 4-module quiet zone.
import { expect, type Locator } from '@playwright/test';
// The QR encoder antd's QRCode draws with (a dependency of antd, not one of ours). The picture is
// read back from the screen independently of how it was drawn, so the comparison checks what the
// page was given to draw (the pay URL, level M, the quiet zone), not the encoder against itself.
import { Ecc, QrCode } from '@rc-component/qrcode/lib/libs/qrcodegen.js';

const QUIET_ZONE = 4;

/** Rows of '#' (dark) and '.' (light) modules, quiet zone included. */
function rows(modules: readonly (readonly boolean[])[]): string[] {
  return modules.map((row) => row.map((dark) => (dark ? '#' : '.')).join(''));
}

/** The modules a phone would see: `payUrl` encoded at level M, inside a light quiet zone of 4 modules. */
function expectedRows(payUrl: string): string[] {
  const modules = QrCode.encodeText(payUrl, Ecc.MEDIUM).getModules();
  const width = modules.length + 2 * QUIET_ZONE;
  const blank = Array.from({ length: QUIET_ZONE }, () => '.'.repeat(width));
  const margin = '.'.repeat(QUIET_ZONE);
  return [...blank, ...rows(modules).map((row) => margin + row + margin), ...blank];
}

/**
 * `qr` is the picture's element (role img, named 支付二维码, carrying `data-pay-url`). Its drawing is
 * rasterised in the page and sampled at the centre of each module, as a scanner would.
 */
export async function expectQrOfPayUrl(qr: Locator): Promise<string> {
  const payUrl = await qr.getAttribute('data-pay-url');
  expect(payUrl, 'the QR picture carries its pay URL').toMatch(/\/sandbox\/pay\/[0-9A-Z]+$/);
  const drawn = await qr.evaluate(async (root) => {
    const svg = root.querySelector('svg');
    if (svg === null) return { error: 'no <svg> inside the QR picture' };
    const cells = svg.viewBox.baseVal.width;
    if (!(cells > 0) || svg.viewBox.baseVal.height !== cells) return { error: `viewBox ${svg.getAttribute('viewBox')} is not a square of modules` };
    const scale = 8;
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = cells * scale;
    const context = canvas.getContext('2d');
    if (context === null) return { error: 'no 2d canvas' };
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const lines: string[] = [];
    for (let y = 0; y < cells; y += 1) {
      let line = '';
      for (let x = 0; x < cells; x += 1) {
        const at = ((y * scale + scale / 2) * canvas.width + (x * scale + scale / 2)) * 4;
        const luminance = ((pixels[at] ?? 0) + (pixels[at + 1] ?? 0) + (pixels[at + 2] ?? 0)) / 3;
        line += luminance < 128 ? '#' : '.';
      }
      lines.push(line);
    }
    return { lines };
  });
  if ('error' in drawn) throw new Error(drawn.error);
  expect(drawn.lines, 'the QR code drawn is the pay URL at level M with a 4-module quiet zone').toEqual(expectedRows(payUrl ?? ''));
  return payUrl ?? '';
}
