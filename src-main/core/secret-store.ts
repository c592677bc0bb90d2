// Where the device credential and the outbox key are kept: one interface, an encrypted-file store for Electron, weaker stores for Node.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretProtection } from '../../shared/contracts/ipc.js';

export interface SecretStore {
  /** How well the secrets are protected at rest, reported to the staff window. */
  readonly protection: SecretProtection;
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
}

/** Encrypts for one OS user; Electron's safeStorage is the implementation that matters. */
export interface StringCipher {
  readonly protection: SecretProtection;
  encrypt(plainText: string): Promise<Uint8Array>;
  decrypt(cipherText: Uint8Array): Promise<string>;
}

const SECRET_NAME = /^[a-z][a-z0-9-]{0,63}$/;

function checkName(name: string): void {
  if (!SECRET_NAME.test(name)) throw new Error(`invalid secret name: ${JSON.stringify(name)}`);
}

/** One file per secret, written atomically (temp file + rename) and readable by the owner only. */
export class FileSecretStore implements SecretStore {
  readonly protection: SecretProtection;

  constructor(
    private readonly dir: string,
    private readonly cipher: StringCipher,
  ) {
    this.protection = cipher.protection;
  }

  async get(name: string): Promise<string | null> {
    checkName(name);
    let data: Uint8Array;
    try {
      data = await readFile(this.path(name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return this.cipher.decrypt(data);
  }

  async set(name: string, value: string): Promise<void> {
    checkName(name);
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const temp = `${this.path(name)}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, await this.cipher.encrypt(value), { mode: 0o600 });
    await rename(temp, this.path(name));
  }

  async delete(name: string): Promise<void> {
    checkName(name);
    await rm(this.path(name), { force: true });
  }

  private path(name: string): string {
    return join(this.dir, `${name}.secret`);
  }
}

/**
 * LESS PROTECTED: stores secrets as plain text, guarded only by file permissions. For browser
 * mode and development on a machine without an OS keystore; never for a kiosk (the Electron app
 * uses safeStorage). The staff window shows `plain-file` so nobody mistakes it for the real thing.
 */
export const plainTextCipher: StringCipher = {
  protection: 'plain-file',
  encrypt: async (plainText) => new TextEncoder().encode(plainText),
  decrypt: async (cipherText) => new TextDecoder().decode(cipherText),
};

/** LESS PROTECTED: gone when the process ends. For tests and throw-away browser-mode runs. */
export class MemorySecretStore implements SecretStore {
  readonly protection: SecretProtection = 'memory';
  private readonly secrets = new Map<string, string>();

  async get(name: string): Promise<string | null> {
    checkName(name);
    return this.secrets.get(name) ?? null;
  }

  async set(name: string, value: string): Promise<void> {
    checkName(name);
    this.secrets.set(name, value);
  }

  async delete(name: string): Promise<void> {
    checkName(name);
    this.secrets.delete(name);
  }
}
