// This device's identity on disk: who it is (device.json), its secrets (a SecretStore) and how far the server has applied its queue.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { deviceIdentity, type DeviceIdentity } from '../../shared/contracts/device.js';
import { readJsonFile, writeJsonFile } from './json-file.js';
import type { SecretStore } from './secret-store.js';

const CREDENTIAL = 'device-credential';
const OUTBOX_KEY = 'outbox-key';

const syncState = z.object({ deviceId: z.string(), lastAppliedSeq: z.number().int().min(0) });

export class DeviceStore {
  private cached: DeviceIdentity | null | undefined;

  constructor(
    private readonly dir: string,
    readonly secrets: SecretStore,
  ) {}

  async identity(): Promise<DeviceIdentity | null> {
    this.cached ??= await readJsonFile(this.identityPath, deviceIdentity);
    return this.cached;
  }

  /** The bearer credential, only while an identity exists (a credential alone is a half-finished enrolment). */
  async credential(): Promise<string | null> {
    return (await this.identity()) ? this.secrets.get(CREDENTIAL) : null;
  }

  /** The credential goes first: device.json appearing is what makes the device count as enrolled. */
  async saveEnrolment(identity: DeviceIdentity, credential: string): Promise<void> {
    await this.secrets.set(CREDENTIAL, credential);
    await writeJsonFile(this.identityPath, identity);
    await writeJsonFile(this.syncStatePath, { deviceId: identity.deviceId, lastAppliedSeq: 0 });
    this.cached = identity;
  }

  /** The server's last applied seq for the current identity; 0 before the first push. */
  async lastAppliedSeq(): Promise<number> {
    const identity = await this.identity();
    const state = await readJsonFile(this.syncStatePath, syncState);
    return identity && state?.deviceId === identity.deviceId ? state.lastAppliedSeq : 0;
  }

  /** Only ever moves forward: a late response from an older push cannot move it back. */
  async recordLastAppliedSeq(seq: number): Promise<number> {
    const identity = await this.identity();
    if (!identity) return 0;
    const current = await this.lastAppliedSeq();
    if (seq > current) await writeJsonFile(this.syncStatePath, { deviceId: identity.deviceId, lastAppliedSeq: seq });
    return Math.max(seq, current);
  }

  /** The outbox's at-rest key (AES-256, base64), created on first use and kept with the credential. */
  async outboxKey(): Promise<string> {
    const existing = await this.secrets.get(OUTBOX_KEY);
    if (existing) return existing;
    const key = randomBytes(32).toString('base64');
    await this.secrets.set(OUTBOX_KEY, key);
    return key;
  }

  private get identityPath(): string {
    return join(this.dir, 'device.json');
  }

  private get syncStatePath(): string {
    return join(this.dir, 'sync-state.json');
  }
}
