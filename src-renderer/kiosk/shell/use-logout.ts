// 退出: ends the server session and forgets everything of the candidate, as the idle wipe does but at once.
import { useCallback } from 'react';
import { platformBridge } from '../../platform/bridge.js';
import { kioskApi } from '../../platform/kiosk-api.js';
import { clearCandidateTraces } from '../../privacy/clear-traces.js';

export function useLogout(): () => Promise<void> {
  return useCallback(async () => {
    await kioskApi().invoke('logout', {});
    await platformBridge().sessionLogout({});
    await clearCandidateTraces();
  }, []);
}
