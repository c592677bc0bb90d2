// Electron's safeStorage as the cipher of the device's secret files (OS keystore: DPAPI on Windows, libsecret/kwallet on Linux).
import { safeStorage } from 'electron';
import type { StringCipher } from '../core/secret-store.js';

/**
 * Call after `ready`. On Linux without a keyring safeStorage falls back to a hard-coded key
 * ("basic_text"): still better than plain text, and reported as `basic-text` so the staff window
 * can say the device credential is only weakly protected.
 */
export async function safeStorageCipher(): Promise<StringCipher> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) {
    throw new Error('safeStorage cannot encrypt on this machine: the device credential cannot be kept');
  }
  const weak = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  return {
    protection: weak ? 'basic-text' : 'os-keystore',
    encrypt: async (plainText) => safeStorage.encryptStringAsync(plainText),
    decrypt: async (cipherText) => (await safeStorage.decryptStringAsync(Buffer.from(cipherText))).result,
  };
}
