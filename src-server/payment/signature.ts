// HMAC-SHA256 signatures over a notice body exactly as sent, so any change to a byte invalidates it.
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signBody(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('hex');
}

/** Constant-time, so a caller cannot learn a valid signature byte by byte from response times. */
export function hasValidSignature(secret: string, body: string, signature: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(signature)) return false;
  return timingSafeEqual(Buffer.from(signBody(secret, body), 'hex'), Buffer.from(signature, 'hex'));
}
