// 退出: ends the server session and forgets everything of the candidate, as the idle wipe does but at once.
import { useCallback } from 'react';
import { platformBridge } from '../../platform/bridge.js';
import { kioskApi } from '../../platform/kiosk-api.js';
import { clearCandidateTraces } from '../../privacy/clear-traces.js';

export function useLogout(): () => Promise<void> {
  return useCallback(async () => {
    // Sent first, not waited for: the host takes the window's session cookie as it handles the call,
    // before the cookie is dropped below, so the server still ends that session. Waiting would keep
    // the candidate's screen up for the whole request timeout when the network swallows requests.
    const ended = kioskApi().invoke('logout', {});
    await clearCandidateTraces();
    await platformBridge().sessionLogout({});
    await ended;
  }, []);
}
