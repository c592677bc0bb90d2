// Secret stores: the encrypted-file store never writes plain text, the weaker stores say what they are.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSecretStore, MemorySecretStore, plainTextCipher, type StringCipher } from '../../src-main/core/secret-store.js';

/** Stands in for safeStorage: a reversible transform whose output never contains the input. */
const fakeKeystore: StringCipher = {
  protection: 'os-keystore',
  encrypt: async (plain) => new TextEncoder().encode(`v10:${Buffer.from(plain, 'utf8').toString('base64').split('').reverse().join('')}`),
  decrypt: async (data) => {
    const text = new TextDecoder().decode(data);
    if (!text.startsWith('v10:')) throw new Error('not ours');
    return Buffer.from(text.slice(4).split('').reverse().join(''), 'base64').toString('utf8');
  },
};

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cet-secrets-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('file secret store', () => {
  it('round-trips a secret through the cipher and never stores it in plain text', async () => {
    const store = new FileSecretStore(join(dir, 'secrets'), fakeKeystore);
    await store.set('device-credential', 'dev_9f8e7d6c5b4a39281706f5e4d3c2b1a0');
    expect(await store.get('device-credential')).toBe('dev_9f8e7d6c5b4a39281706f5e4d3c2b1a0');
    const raw = await readFile(join(dir, 'secrets', 'device-credential.secret'), 'utf8');
    expect(raw).not.toContain('dev_9f8e7d6c');
    expect(store.protection).toBe('os-keystore');
  });

  it('keeps files readable by the owner only and leaves no temp files behind', async () => {
    const store = new FileSecretStore(join(dir, 'secrets'), fakeKeystore);
    await store.set('outbox-key', 'k1');
    await store.set('outbox-key', 'k2');
    expect((await stat(join(dir, 'secrets', 'outbox-key.secret'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'secrets'))).mode & 0o777).toBe(0o700);
    expect(await readdir(join(dir, 'secrets'))).toEqual(['outbox-key.secret']);
    expect(await store.get('outbox-key')).toBe('k2');
  });

  it('answers null for a secret never set, and after delete', async () => {
    const store = new FileSecretStore(dir, fakeKeystore);
    expect(await store.get('device-credential')).toBeNull();
    await store.set('device-credential', 'x');
    await store.delete('device-credential');
    expect(await store.get('device-credential')).toBeNull();
    await store.delete('device-credential');
  });

  it.each(['../escape', 'UPPER', 'a/b', '', 'x'.repeat(65)])('refuses the name %j (it becomes a file name)', async (name) => {
    const store = new FileSecretStore(dir, fakeKeystore);
    await expect(store.set(name, 'v')).rejects.toThrow(/invalid secret name/);
    await expect(store.get(name)).rejects.toThrow(/invalid secret name/);
  });

  it('the plain-text cipher is marked as such (browser mode, development)', async () => {
    const store = new FileSecretStore(dir, plainTextCipher);
    await store.set('device-credential', 'visible');
    expect(store.protection).toBe('plain-file');
    expect(await readFile(join(dir, 'device-credential.secret'), 'utf8')).toBe('visible');
  });
});

describe('memory secret store', () => {
  it('keeps secrets for the life of the process only, and says so', async () => {
    const store = new MemorySecretStore();
    expect(store.protection).toBe('memory');
    await store.set('device-credential', 'c');
    expect(await store.get('device-credential')).toBe('c');
    await store.delete('device-credential');
    expect(await store.get('device-credential')).toBeNull();
  });
});
