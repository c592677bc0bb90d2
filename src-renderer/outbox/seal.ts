// Encryption at rest of the outbox (SPEC K2, issue #7): AES-GCM with a non-extractable key, a fresh IV per seal, and the record's identity as additional data.
import type { IpcBridge } from '../../shared/contracts/ipc.js';
import type { OutboxDatabase, Sealed } from './database.js';
import { OutboxError } from './errors.js';

const AES_GCM = 'AES-GCM';
/** 96 bits: the IV size GCM is specified for (NIST SP 800-38D); random per seal, never reused with the key. */
const IV_BYTES = 12;

/**
 * Electron: the host keeps the key with `safeStorage` and hands it over as base64; it is imported
 * non-extractable, so page script can use it but never read it back. Browser mode: the key is made
 * here, non-extractable, and the CryptoKey object itself is stored in IndexedDB (structured clone
 * keeps it non-extractable), so its bytes are never in page memory or on disk in a readable form.
 */
export async function outboxCryptoKey(host: 'electron' | 'browser', bridge: IpcBridge, db: OutboxDatabase): Promise<CryptoKey> {
  if (host === 'browser') {
    const stored = await db.meta.get('browserKey');
    if (stored?.value instanceof CryptoKey) return stored.value;
    const made = await crypto.subtle.generateKey({ name: AES_GCM, length: 256 }, false, ['encrypt', 'decrypt']);
    // Two windows opening at once: the first key stored wins, and both use it.
    return db.transaction('rw', db.meta, async () => {
      const again = await db.meta.get('browserKey');
      if (again?.value instanceof CryptoKey) return again.value;
      await db.meta.put({ key: 'browserKey', value: made });
      return made;
    });
  }
  const answer = await bridge.outboxKey({});
  if (!answer.ok) throw new OutboxError('OUTBOX_KEY_UNAVAILABLE');
  const raw = Uint8Array.from(atob(answer.value.key), (char) => char.charCodeAt(0));
  return crypto.subtle.importKey('raw', raw, { name: AES_GCM }, false, ['encrypt', 'decrypt']);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** `binding` names the record (e.g. its device, seq and kind): a sealed value moved to another record fails to open. */
export async function seal(key: CryptoKey, value: unknown, binding: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const data = await crypto.subtle.encrypt({ name: AES_GCM, iv, additionalData: encoder.encode(binding) }, key, encoder.encode(JSON.stringify(value)));
  return { iv, data };
}

/** Throws (OperationError from WebCrypto) when the key, the binding or the bytes are not the ones sealed. */
export async function unseal(key: CryptoKey, sealed: Sealed, binding: string): Promise<unknown> {
  const plain = await crypto.subtle.decrypt({ name: AES_GCM, iv: sealed.iv, additionalData: encoder.encode(binding) }, key, sealed.data);
  return JSON.parse(decoder.decode(plain)) as unknown;
}

export function operationBinding(deviceId: string, seq: number, kind: string): string {
  return `cet-outbox/operation/${deviceId}/${seq}/${kind}`;
}

export function provisionalBinding(id: string): string {
  return `cet-outbox/provisional/${id}`;
}
