// The outbox's sealing (issue #7, SPEC K2) on Node's WebCrypto, the same API Chromium has: the Electron host's key imported non-extractable, fresh IVs, and the record's identity bound as additional data.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { IpcBridge } from '../../shared/contracts/ipc.js';
import type { OutboxDatabase } from '../../src-renderer/outbox/database.js';
import { OutboxError } from '../../src-renderer/outbox/errors.js';
import { operationBinding, outboxCryptoKey, provisionalBinding, seal, unseal } from '../../src-renderer/outbox/seal.js';

/** Only `outboxKey` is used on the Electron path; it answers as the host's IPC handler does. */
function hostAnswering(answer: Awaited<ReturnType<IpcBridge['outboxKey']>>): IpcBridge {
  return { outboxKey: async () => answer } as unknown as IpcBridge;
}

const noDatabase = undefined as unknown as OutboxDatabase;

describe('outbox sealing', () => {
  it('K2 imports the Electron host’s key as a non-extractable AES-GCM key', async () => {
    const key = await outboxCryptoKey('electron', hostAnswering({ ok: true, value: { key: randomBytes(32).toString('base64') } }), noDatabase);
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('K2 refuses to work without a key rather than store anything in the clear', async () => {
    const refused = outboxCryptoKey('electron', hostAnswering({ ok: false, error: { code: 'INTERNAL_ERROR' } }), noDatabase);
    await expect(refused).rejects.toBeInstanceOf(OutboxError);
    await expect(refused).rejects.toMatchObject({ refusal: { code: 'OUTBOX_KEY_UNAVAILABLE' } });
  });

  it('K2 seals with a fresh IV each time, without the plaintext in the bytes, and opens only under the same key and binding', async () => {
    const key = await outboxCryptoKey('electron', hostAnswering({ ok: true, value: { key: randomBytes(32).toString('base64') } }), noDatabase);
    const payload = { idNumber: '110105200203151239', name: '张三', password: 'Demo@2026' };
    const binding = operationBinding('device-1', 7, 'passport.register');
    const first = await seal(key, payload, binding);
    const second = await seal(key, payload, binding);
    expect(first.iv).toHaveLength(12);
    expect(Buffer.from(first.iv).equals(Buffer.from(second.iv))).toBe(false);
    expect(Buffer.from(first.data).equals(Buffer.from(second.data))).toBe(false);
    const bytes = Buffer.from(first.data).toString('latin1') + Buffer.from(first.data).toString('utf8');
    for (const secret of Object.values(payload)) expect(bytes).not.toContain(secret);

    expect(await unseal(key, first, binding)).toEqual(payload);
    // Moved to another seq, kind, device or table, or opened with another key: it does not open.
    await expect(unseal(key, first, operationBinding('device-1', 8, 'passport.register'))).rejects.toThrow();
    await expect(unseal(key, first, operationBinding('device-1', 7, 'outbox.void'))).rejects.toThrow();
    await expect(unseal(key, first, operationBinding('device-2', 7, 'passport.register'))).rejects.toThrow();
    await expect(unseal(key, first, provisionalBinding('7'))).rejects.toThrow();
    const other = await outboxCryptoKey('electron', hostAnswering({ ok: true, value: { key: randomBytes(32).toString('base64') } }), noDatabase);
    await expect(unseal(other, first, binding)).rejects.toThrow();
  });
});
