// The login captcha for the staff window: the kiosk's Captcha shape, fetched through the staff endpoints, renewed after every use.
import { useCallback, useEffect, useState } from 'react';
import type { IpcError } from '../../../shared/contracts/ipc.js';
import type { Captcha } from '../../kiosk/account/use-captcha.js';
import { staffCall } from '../shell/staff-api.js';

export function useStaffCaptcha(): Captcha {
  const [state, setState] = useState<{ id: string | null; svg: string | null; failure: IpcError | null }>({ id: null, svg: null, failure: null });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    void staffCall('createCaptcha', {}).then((result) => {
      if (!current) return;
      setState(result.ok ? { id: result.value.captchaId, svg: result.value.svg, failure: null } : { id: null, svg: null, failure: result.error });
    });
    return () => {
      current = false;
    };
  }, [round]);
  const refresh = useCallback(() => setRound((n) => n + 1), []);
  return { ...state, refresh };
}
