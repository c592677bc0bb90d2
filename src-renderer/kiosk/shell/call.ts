// Calls an endpoint for a screen: a refusal that means "logged out" sends the candidate back to the login screen, and one that
// means "verify your mobile first" (a passport registered offline, K3) to that check.
import type { RequestOf, ResponseOf } from '../../../shared/contracts/http/endpoint.js';
import type { IpcResult } from '../../../shared/contracts/ipc.js';
import { kioskApi, LOGGED_OUT_CODES, type KioskEndpoints } from '../../platform/kiosk-api.js';
import { useCandidateStore } from '../../stores/candidate-store.js';
import { go } from '../../stores/flow-store.js';

const MOBILE_VERIFICATION_REQUIRED = 'MOBILE_VERIFICATION_REQUIRED';

export async function call<K extends keyof KioskEndpoints & string>(endpoint: K, request: RequestOf<KioskEndpoints[K]>): Promise<IpcResult<ResponseOf<KioskEndpoints[K]>>> {
  const result = await kioskApi().invoke(endpoint, request);
  if (!result.ok && LOGGED_OUT_CODES.has(result.error.code)) {
    useCandidateStore.getState().reset();
    go({ name: 'login' });
  }
  if (!result.ok && result.error.code === MOBILE_VERIFICATION_REQUIRED) go({ name: 'verifyMobile' });
  return result;
}

