// Random identifiers and secrets, and the keyed hashes under which one-time secrets are stored.
import { createHash, createHmac, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';

export function newId(): string {
  return randomUUID();
}

/** ETEST passport ids are 32 upper-case hex digits (SPEC §3): a v4 UUID without its dashes. */
export function newPassportId(): string {
  return randomUUID().replaceAll('-', '').toUpperCase();
}

/** 256 bits, URL-safe: session tokens and reset links. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Six digits, as SMS codes are everywhere in China. */
export function newSmsCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Tokens carry 256 bits of entropy, so a plain SHA-256 is enough to make a stolen table useless. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Short secrets (6 digits, 4 captcha letters) are guessable offline from a plain hash, so they are keyed. */
export function keyedHash(secret: string, ...parts: readonly string[]): string {
  return createHmac('sha256', secret).update(parts.join('\u0000')).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
